//! Static export: the same `Site` the server uses, built for a static host
//! (forms post to the base URL), written as files with `.gz` and `.br`
//! copies beside each.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::site::assets::{Asset, CachePolicy, Effort};
use crate::site::{ErrorKind, Place, Site};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct ExportError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
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

/// Writes every GET page and file of `site` under `dir`, and a 404 page per
/// language (`404.html`, `es/404.html`); returns the files written.
pub fn export(site: &Site, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for path in site.paths() {
        let asset = site.get(path).expect("listed paths exist");
        write_asset(
            dir,
            &file_for(path, asset.content_type),
            asset,
            &mut written,
        )?;
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
        write_asset(dir, file.trim_start_matches('/'), &page, &mut written)?;
    }
    Ok(written)
}

fn write_asset(
    dir: &Path,
    file: &str,
    asset: &Asset,
    written: &mut Vec<PathBuf>,
) -> Result<(), ExportError> {
    let target = dir.join(file);
    let mut write = |path: PathBuf, bytes: &[u8]| {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|source| ExportError {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        fs::write(&path, bytes).map_err(|source| ExportError {
            path: path.clone(),
            source,
        })?;
        written.push(path);
        Ok(())
    };
    write(target.clone(), asset.body())?;
    if let Some(gz) = &asset.gzip {
        write(PathBuf::from(format!("{}.gz", target.display())), &gz.body)?;
    }
    if let Some(br) = &asset.brotli {
        write(PathBuf::from(format!("{}.br", target.display())), &br.body)?;
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
