//! Static export: the same `Site` the server uses, written as files any
//! static host or CDN can serve, with `.gz` and `.br` copies beside each.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::site::{Asset, Site};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct ExportError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// The file a URL path is written to: `/` is `index.html`, a page `/causes`
/// is `causes.html` (serve with "try `$uri.html`"), other files keep their path.
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

/// Writes every GET page and file of `site` under `dir`; returns the files written.
/// Forms (the symptom check) post to `base_url`, since a static host cannot answer them.
pub fn export(site: &Site, dir: &Path, base_url: &str) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for path in site.paths() {
        let asset = site.get(path).expect("listed paths exist");
        let posts_here = asset.content_type.starts_with("text/html")
            && asset.body().windows(9).any(|w| w == b"action=\"/");
        let asset = if posts_here {
            let html = String::from_utf8_lossy(asset.body())
                .replace("action=\"/", &format!("action=\"{base_url}/"));
            Asset::new(html, asset.content_type, asset.cache)
        } else {
            asset.clone()
        };
        write_asset(
            dir,
            &file_for(path, asset.content_type),
            &asset,
            &mut written,
        )?;
    }
    let not_found = Asset::new(
        site.not_found.clone(),
        "text/html; charset=utf-8",
        crate::site::CachePolicy::Revalidate,
    );
    write_asset(dir, "404.html", &not_found, &mut written)?;
    Ok(written)
}

fn write_asset(
    dir: &Path,
    file: &str,
    asset: &Asset,
    written: &mut Vec<PathBuf>,
) -> Result<(), ExportError> {
    let target = dir.join(file);
    let write = |path: PathBuf, bytes: &[u8], written: &mut Vec<PathBuf>| {
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
    write(target.clone(), asset.body(), written)?;
    if let Some(gz) = &asset.gzip {
        write(
            PathBuf::from(format!("{}.gz", target.display())),
            &gz.body,
            written,
        )?;
    }
    if let Some(br) = &asset.brotli {
        write(
            PathBuf::from(format!("{}.br", target.display())),
            &br.body,
            written,
        )?;
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
        assert_eq!(
            file_for("/static/style.1234.css", "text/css"),
            "static/style.1234.css"
        );
        assert_eq!(file_for("/sitemap.xml", "application/xml"), "sitemap.xml");
    }
}
