//! Static export: the same `Site` the server uses, built for a static host
//! (forms post to the base URL), written as files with `.gz` and `.br`
//! copies beside each.
//!
//! The files go into a new folder beside the target, which is then swapped
//! in with one rename (an atomic exchange where the system has it). So a
//! failure half way (a full disk) leaves the old export whole, no stale file
//! of an older export survives, and nothing is ever written through a
//! symbolic link planted in the old folder: the old folder is only renamed
//! and removed, never written into.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Component, Path, PathBuf};

use crate::site::assets::{Asset, CachePolicy, Effort};
use crate::site::{ErrorKind, Place, Site};

/// Why an export failed: the path, and what went wrong there.
#[derive(Debug, thiserror::Error)]
#[error("cannot export to {path}: {source}")]
pub struct ExportError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn failed(path: &Path, source: io::Error) -> ExportError {
    ExportError {
        path: path.to_path_buf(),
        source,
    }
}

fn refused(path: &Path, why: &str) -> ExportError {
    failed(path, io::Error::other(why.to_string()))
}

/// The file a URL path is written to: `/` is `index.html`, a page `/causes`
/// is `causes.html` (serve with "try `$uri.html`"), `/es` is `es.html`, other
/// files keep their path.
pub fn file_for(path: &str, content_type: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if content_type.starts_with("text/html") {
        format!("{trimmed}.html")
    } else {
        trimmed.into()
    }
}

/// Files every export has at its top: a folder holding both is an earlier
/// export, which may be replaced; any other folder with files in it is not.
const MARKS: [&str; 2] = ["index.html", "sitemap.xml"];

/// Writes every GET page and file of `site`, and a 404 page per language
/// (`404.html`, `es/404.html`), as the folder `dir` (replacing an earlier
/// export there); returns the files written.
pub fn export(site: &Site, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let existed = check_target(dir)?;
    let name = dir
        .file_name()
        .ok_or_else(|| refused(dir, "give a folder name, not a root or .."))?
        .to_string_lossy()
        .into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The folder it goes in is created if missing, as the target was before.
    fs::create_dir_all(&parent).map_err(|e| failed(&parent, e))?;
    let unique = format!("{}-{:016x}", std::process::id(), rand::random::<u64>());
    let staging = parent.join(format!(".{name}.new-{unique}"));
    fs::DirBuilder::new()
        .mode(0o755)
        .create(&staging)
        .map_err(|e| failed(&staging, e))?;
    let mut files = Files {
        root: staging.clone(),
        made: HashSet::new(),
        written: Vec::new(),
    };
    if let Err(e) = write_site(site, &mut files)
        .and_then(|()| swap(&staging, dir, existed, &parent, &name, &unique))
    {
        // The old export, if any, is as it was; the new one goes.
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    Ok(files
        .written
        .iter()
        .map(|f| dir.join(f.strip_prefix(&staging).unwrap_or(f)))
        .collect())
}

/// Whether `dir` exists, as a folder it may replace: a missing one, an
/// empty one or an earlier export; never a symbolic link or a folder of
/// other files.
fn check_target(dir: &Path) -> Result<bool, ExportError> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(failed(dir, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(refused(
            dir,
            "it is a symbolic link: give the folder it points to",
        ));
    }
    if !meta.is_dir() {
        return Err(refused(dir, "it is a file, not a folder"));
    }
    let mut entries = fs::read_dir(dir).map_err(|e| failed(dir, e))?.peekable();
    let earlier_export = MARKS.iter().all(|m| dir.join(m).is_file());
    if entries.peek().is_some() && !earlier_export {
        return Err(refused(
            dir,
            "it holds files that are not an earlier export (no index.html and sitemap.xml): give a new or empty folder, or an earlier export to replace",
        ));
    }
    Ok(true)
}

/// Puts the new folder in place of `dir`: one atomic exchange where the
/// system has it, else two renames (the old export moved aside, then the new
/// one in, the old one put back if that fails). The old export is removed.
fn swap(
    staging: &Path,
    dir: &Path,
    existed: bool,
    parent: &Path,
    name: &str,
    unique: &str,
) -> Result<(), ExportError> {
    if !existed {
        return fs::rename(staging, dir).map_err(|e| failed(dir, e));
    }
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, staging, CWD, dir, RenameFlags::EXCHANGE) {
        Ok(()) => {
            // The staging name now holds the old export.
            let _ = fs::remove_dir_all(staging);
            Ok(())
        }
        Err(_) => {
            let old = parent.join(format!(".{name}.old-{unique}"));
            fs::rename(dir, &old).map_err(|e| failed(dir, e))?;
            if let Err(e) = fs::rename(staging, dir) {
                let _ = fs::rename(&old, dir);
                return Err(failed(dir, e));
            }
            let _ = fs::remove_dir_all(&old);
            Ok(())
        }
    }
}

/// The new folder being written: every folder and file in it is created
/// new (`O_EXCL`), so nothing can be written through a link.
struct Files {
    root: PathBuf,
    made: HashSet<PathBuf>,
    written: Vec<PathBuf>,
}

impl Files {
    fn write(&mut self, file: &str, bytes: &[u8]) -> Result<(), ExportError> {
        let relative = Path::new(file);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(refused(relative, "not a plain relative path"));
        }
        let mut at = PathBuf::new();
        if let Some(parent) = relative.parent() {
            for part in parent.components() {
                at.push(part);
                if self.made.insert(at.clone()) {
                    let path = self.root.join(&at);
                    fs::DirBuilder::new()
                        .mode(0o755)
                        .create(&path)
                        .map_err(|e| failed(&path, e))?;
                }
            }
        }
        let path = self.root.join(relative);
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o644)
            .open(&path)
            .map_err(|e| failed(&path, e))?;
        out.write_all(bytes).map_err(|e| failed(&path, e))?;
        self.written.push(path);
        Ok(())
    }

    fn asset(&mut self, file: &str, asset: &Asset) -> Result<(), ExportError> {
        self.write(file, asset.body())?;
        if let Some(gz) = &asset.gzip {
            self.write(&format!("{file}.gz"), &gz.body)?;
        }
        if let Some(br) = &asset.brotli {
            self.write(&format!("{file}.br"), &br.body)?;
        }
        Ok(())
    }
}

fn write_site(site: &Site, files: &mut Files) -> Result<(), ExportError> {
    for path in site.paths() {
        let Some(asset) = site.get(path) else {
            continue;
        };
        files.asset(&file_for(path, asset.content_type), asset)?;
    }
    for (i, lang) in site.languages().iter().enumerate() {
        let place = Place {
            lang: i,
            embed: false,
            path: "/".into(),
        };
        let page = Asset::new(
            site.error_page(ErrorKind::NotFound, &place),
            "text/html; charset=utf-8",
            CachePolicy::NoStore,
            Effort::Quick,
        );
        let file = format!("{}/404.html", lang.prefix.trim_start_matches('/'));
        files.asset(file.trim_start_matches('/'), &page)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_files_a_static_host_serves() {
        assert_eq!(file_for("/", "text/html; charset=utf-8"), "index.html");
        assert_eq!(
            file_for("/causes", "text/html; charset=utf-8"),
            "causes.html"
        );
        assert_eq!(file_for("/es", "text/html; charset=utf-8"), "es.html");
        assert_eq!(
            file_for("/es/causes", "text/html; charset=utf-8"),
            "es/causes.html"
        );
        assert_eq!(
            file_for("/static/style.1234.css", "text/css"),
            "static/style.1234.css"
        );
        assert_eq!(file_for("/sitemap.xml", "application/xml"), "sitemap.xml");
    }
}
