//! The whole site, built once at start-up: every page as final bytes with
//! its ETag, so a request is a map lookup and a write.

use std::collections::HashMap;

use actix_web::web::Bytes;
use askama::Template;

use crate::clinics::{
    CodeEntry, code_index, embed_path, for_clinics_html, is_embed_path, json_ld, qr_path, qr_svg,
};
use crate::config::Settings;
use crate::content::{Content, Page, SOURCES, Source, markdown::Heading};

/// The site's name, in the header and every `<title>`.
pub const SITE_NAME: &str = "Leg Pain at Night";

const STYLESHEET: &str = include_str!("../static/style.css");
const ICON: &str = include_str!("../static/icon.svg");

/// How a response may be cached, named once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// HTML and other documents: keep, but ask again each time (cheap with ETags).
    Revalidate,
    /// Content-hashed static files: the name changes when the bytes do.
    Immutable,
    /// Per-request answers (the symptom check): never kept anywhere.
    NoStore,
}

impl CachePolicy {
    /// The `Cache-Control` value.
    pub fn header_value(self) -> &'static str {
        match self {
            Self::Revalidate => "no-cache",
            Self::Immutable => "public, max-age=31536000, immutable",
            Self::NoStore => "no-store",
        }
    }
}

/// A content coding the client can accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The `Content-Encoding` value, `None` for identity.
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Self::Identity => None,
            Self::Gzip => Some("gzip"),
            Self::Brotli => Some("br"),
        }
    }

    /// The best coding an `Accept-Encoding` header allows: brotli, then gzip.
    pub fn negotiate(accept_encoding: Option<&str>) -> Self {
        let Some(header) = accept_encoding else {
            return Self::Identity;
        };
        let accepts = |name: &str| {
            header.split(',').any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or("").trim();
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (coding.eq_ignore_ascii_case(name) || coding == "*") && q > 0.0
            })
        };
        if accepts("br") {
            Self::Brotli
        } else if accepts("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

/// One encoding of an asset's bytes, with its own strong ETag.
#[derive(Debug, Clone)]
pub struct Variant {
    pub body: Bytes,
    /// Strong ETag, quoted.
    pub etag: String,
}

/// A response prepared at start-up: the bytes, and gzip and brotli copies
/// where they are smaller.
#[derive(Debug, Clone)]
pub struct Asset {
    pub content_type: &'static str,
    pub cache: CachePolicy,
    pub identity: Variant,
    pub gzip: Option<Variant>,
    pub brotli: Option<Variant>,
}

impl Asset {
    /// Prepares the bytes and their compressed copies, as small as they go.
    pub fn new(body: impl Into<Bytes>, content_type: &'static str, cache: CachePolicy) -> Self {
        Self::with_effort(body, content_type, cache, Effort::Smallest)
    }

    /// Prepares the bytes and their compressed copies with the given effort.
    pub fn with_effort(
        body: impl Into<Bytes>,
        content_type: &'static str,
        cache: CachePolicy,
        effort: Effort,
    ) -> Self {
        let body: Bytes = body.into();
        let hash = format!("{:016x}", fnv1a(&body));
        let compressible = content_type.starts_with("text/")
            || content_type.contains("xml")
            || content_type.contains("json");
        let variant = |bytes: Vec<u8>, suffix: &str| {
            (compressible && bytes.len() < body.len()).then(|| Variant {
                body: bytes.into(),
                etag: format!("\"{hash}-{suffix}\""),
            })
        };
        let gzip = variant(gzip(&body, effort), "gz");
        let brotli = variant(brotli(&body, effort), "br");
        Self {
            content_type,
            cache,
            identity: Variant {
                body,
                etag: format!("\"{hash}\""),
            },
            gzip,
            brotli,
        }
    }

    /// Whether responses differ by `Accept-Encoding`.
    pub fn varies(&self) -> bool {
        self.gzip.is_some() || self.brotli.is_some()
    }

    /// The variant to send for a coding, falling back to plainer ones.
    pub fn variant(&self, encoding: Encoding) -> (Encoding, &Variant) {
        match (encoding, &self.brotli, &self.gzip) {
            (Encoding::Brotli, Some(b), _) => (Encoding::Brotli, b),
            (Encoding::Brotli | Encoding::Gzip, _, Some(g)) => (Encoding::Gzip, g),
            _ => (Encoding::Identity, &self.identity),
        }
    }

    /// The uncompressed bytes.
    pub fn body(&self) -> &Bytes {
        &self.identity.body
    }
}

/// How hard to compress: every byte counts on the pages readers open first;
/// embeds and QR codes are secondary, and start-up time counts too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Brotli 10, gzip 9: the pages and the stylesheet. (Brotli 11 saved
    /// about 100 bytes a page, 3%, for 40 ms more start-up on 2 cores.)
    Smallest,
    /// Brotli 9, gzip 6: several times faster, a few percent larger.
    Quick,
}

fn gzip(bytes: &[u8], effort: Effort) -> Vec<u8> {
    use std::io::Write;
    let level = match effort {
        Effort::Smallest => flate2::Compression::best(),
        Effort::Quick => flate2::Compression::default(),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

fn brotli(bytes: &[u8], effort: Effort) -> Vec<u8> {
    let mut out = Vec::new();
    // A window just big enough for the file: same output, far less memory
    // than the default 4 MiB window while compressing at start-up.
    let window_bits = (usize::BITS - bytes.len().max(1).leading_zeros()).clamp(10, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality: match effort {
            Effort::Smallest => 10,
            Effort::Quick => 9,
        },
        lgwin: window_bits,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("writing to memory cannot fail");
    out
}

/// A response body waiting for its compressed copies.
struct Prepared {
    path: String,
    body: Bytes,
    content_type: &'static str,
    cache: CachePolicy,
    effort: Effort,
}

impl Prepared {
    fn new(
        path: impl Into<String>,
        body: impl Into<Bytes>,
        content_type: &'static str,
        cache: CachePolicy,
        effort: Effort,
    ) -> Self {
        Self {
            path: path.into(),
            body: body.into(),
            content_type,
            cache,
            effort,
        }
    }
}

/// Prepares every asset's encodings, spread over the machine's cores
/// (brotli at its best setting is the slowest part of start-up).
fn compress_all(mut raw: Vec<Prepared>) -> HashMap<String, Asset> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Costliest first, so no thread is left finishing a big page alone.
    raw.sort_by_key(|p| {
        std::cmp::Reverse(p.body.len() * if p.effort == Effort::Smallest { 4 } else { 1 })
    });
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(raw.len().max(1));
    // Threads take the next file from a shared counter: pages differ a lot in size.
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(p) = raw.get(next.fetch_add(1, Ordering::Relaxed)) {
                        done.push((
                            p.path.clone(),
                            Asset::with_effort(p.body.clone(), p.content_type, p.cache, p.effort),
                        ));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("compression does not panic"))
            .collect()
    })
}

/// FNV-1a: a stable hash for ETags and file names (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// An entry in the guide's contents list.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub path: String,
    pub title: String,
}

/// What every page's layout needs.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Pages framed on another site: no header, navigation or footer, and
    /// links that open in the top window.
    pub embed: bool,
    pub site_name: &'static str,
    pub css_url: String,
    pub icon_url: String,
    pub emergency_number: String,
    pub base_url: String,
    pub guide: Vec<NavItem>,
}

/// Per-page facts for the `<head>`.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Path of the canonical page (an embed's canonical page is the full one).
    pub path: String,
    /// schema.org JSON-LD, ready to place in a script data block.
    pub json_ld: Option<String>,
}

impl Meta {
    /// Metadata for a page with no JSON-LD (errors, results).
    pub fn plain(
        title: impl Into<String>,
        description: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            description: description.into(),
            path: path.into(),
            json_ld: None,
        }
    }
}

#[derive(Template)]
#[template(path = "page.html")]
struct PageTemplate<'a> {
    layout: &'a Layout,
    meta: Meta,
    title: &'a str,
    is_topic: bool,
    toc: Vec<&'a Heading>,
    body: &'a str,
    after_body: &'a str,
    prev: Option<&'a NavItem>,
    next: Option<&'a NavItem>,
    sources: Vec<&'static Source>,
    last_reviewed: String,
    next_review: String,
    grade: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    layout: &'a Layout,
    meta: Meta,
    heading: &'a str,
    message: &'a str,
}

/// "22 November 2026".
pub fn human_date(date: time::Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// Code-made HTML to add after a page's body, by path and embed flag.
pub type ExtraHtml<'a> = &'a dyn Fn(&str, bool) -> Result<Option<String>, askama::Error>;

/// Every page and file the site serves, ready to write.
pub struct Site {
    pub layout: Layout,
    /// The layout of embedded copies (`/embed/...`).
    pub embed_layout: Layout,
    pub content: Content,
    /// Diagnosis codes and the sections that explain them.
    pub codes: Vec<CodeEntry>,
    assets: HashMap<String, Asset>,
    /// The 404 page, prepared once.
    pub not_found: Bytes,
    /// The 404 page for unknown `/embed/...` paths, in the embed layout.
    pub not_found_embedded: Bytes,
}

impl Site {
    /// Renders every page, its embeddable copy and its QR code.
    /// `extra_html(path, embed)` adds code-made parts after a page's body
    /// (the symptom check form after `/check`'s text).
    pub fn build(
        content: Content,
        settings: &Settings,
        extra_html: ExtraHtml<'_>,
    ) -> Result<Self, askama::Error> {
        // Static files are named by the hash of their bytes, so they can be cached forever.
        let css_url = format!(
            "/static/style.{:08x}.css",
            fnv1a(STYLESHEET.as_bytes()) >> 32
        );
        let icon_url = format!("/static/icon.{:08x}.svg", fnv1a(ICON.as_bytes()) >> 32);
        let guide: Vec<NavItem> = content
            .topics()
            .map(|p| NavItem {
                path: p.path.clone(),
                title: p.nav_title().to_string(),
            })
            .collect();
        let layout = Layout {
            embed: false,
            site_name: SITE_NAME,
            css_url: css_url.clone(),
            icon_url: icon_url.clone(),
            emergency_number: settings.emergency_number.clone(),
            base_url: settings.base_url.clone(),
            guide,
        };
        let embed_layout = Layout {
            embed: true,
            ..layout.clone()
        };
        let codes = code_index(&content);
        let html = "text/html; charset=utf-8";
        let mut raw = vec![
            Prepared::new(
                css_url,
                STYLESHEET,
                "text/css; charset=utf-8",
                CachePolicy::Immutable,
                Effort::Smallest,
            ),
            Prepared::new(
                icon_url,
                ICON,
                "image/svg+xml",
                CachePolicy::Immutable,
                Effort::Quick,
            ),
            Prepared::new(
                "/sitemap.xml",
                sitemap(&content, &settings.base_url),
                "application/xml; charset=utf-8",
                CachePolicy::Revalidate,
                Effort::Quick,
            ),
            Prepared::new(
                "/robots.txt",
                format!(
                    "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                    settings.base_url
                ),
                "text/plain; charset=utf-8",
                CachePolicy::Revalidate,
                Effort::Quick,
            ),
            Prepared::new(
                "/healthz",
                "ok\n",
                "text/plain; charset=utf-8",
                CachePolicy::NoStore,
                Effort::Quick,
            ),
        ];
        for page in &content.pages {
            let mut extra = extra_html(&page.path, false)?.unwrap_or_default();
            if page.path == "/for-clinics" {
                extra.push_str(&for_clinics_html(&content, &settings.base_url, &codes)?);
            }
            let full = render_page(&layout, page, &extra, "")?;
            raw.push(Prepared::new(
                page.path.clone(),
                full,
                html,
                CachePolicy::Revalidate,
                Effort::Smallest,
            ));
            let extra = extra_html(&page.path, true)?.unwrap_or_default();
            let embedded = links_to_top(&render_page(&embed_layout, page, &extra, "")?);
            raw.push(Prepared::new(
                embed_path(&page.path),
                embedded,
                html,
                CachePolicy::Revalidate,
                Effort::Quick,
            ));
            let qr = qr_svg(&format!("{}{}", settings.base_url, page.path));
            raw.push(Prepared::new(
                qr_path(&page.path),
                qr,
                "image/svg+xml",
                CachePolicy::Revalidate,
                Effort::Quick,
            ));
        }
        let assets = compress_all(raw);
        let missing = "We could not find that page. It may have moved, or the address may have a typing mistake.";
        let not_found = render_error(&layout, "Page not found", missing, "/404")?.into();
        let not_found_embedded = links_to_top(&render_error(
            &embed_layout,
            "Page not found",
            missing,
            "/",
        )?)
        .into();
        Ok(Self {
            layout,
            embed_layout,
            content,
            codes,
            assets,
            not_found,
            not_found_embedded,
        })
    }

    /// The prepared response for `path`, if there is one.
    pub fn get(&self, path: &str) -> Option<&Asset> {
        self.assets.get(path)
    }

    /// Every path the site serves with GET, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.assets.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// An error page for a request to `path`: in the embed layout under
    /// `/embed/`, so it stays usable inside a clinic's frame.
    pub fn error_page(&self, heading: &str, message: &str, path: &str) -> String {
        let page = if is_embed_path(path) {
            // The credit link and canonical point at the full site's home.
            render_error(&self.embed_layout, heading, message, "/").map(|html| links_to_top(&html))
        } else {
            render_error(&self.layout, heading, message, path)
        };
        page.unwrap_or_else(|_| {
            format!("<!doctype html><title>{heading}</title><h1>{heading}</h1>")
        })
    }

    /// The prepared 404 page for a request to `path`.
    pub fn not_found_for(&self, path: &str) -> Bytes {
        if is_embed_path(path) {
            self.not_found_embedded.clone()
        } else {
            self.not_found.clone()
        }
    }
}

/// Makes every link in an embedded page open in the top window, except links
/// within the page and to other embeds, which stay in the frame.
pub fn links_to_top(html: &str) -> String {
    html.replace("<a href=\"/", "<a target=\"_top\" href=\"/")
        .replace(
            "<a class=\"term\" href=\"/",
            "<a class=\"term\" target=\"_top\" href=\"/",
        )
        .replace("target=\"_top\" href=\"/embed", "href=\"/embed")
}

fn render_error(
    layout: &Layout,
    heading: &str,
    message: &str,
    path: &str,
) -> Result<String, askama::Error> {
    ErrorTemplate {
        layout,
        meta: Meta::plain(heading, message, path),
        heading,
        message,
    }
    .render()
}

/// Renders a content page in the full layout. `title_prefix` goes before
/// the `<title>` only ("Error: " after a failed form).
pub fn render_page(
    layout: &Layout,
    page: &Page,
    after_body: &str,
    title_prefix: &str,
) -> Result<String, askama::Error> {
    let position = layout.guide.iter().position(|n| n.path == page.path);
    let prev = position
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| layout.guide.get(i));
    let next = position.and_then(|i| layout.guide.get(i + 1));
    PageTemplate {
        layout,
        meta: Meta {
            title: format!("{title_prefix}{}", page.front.title),
            description: page.front.description.clone(),
            path: page.path.clone(),
            // Embedded copies point search engines at the full page instead.
            json_ld: (!layout.embed).then(|| json_ld(page, &layout.base_url)),
        },
        title: &page.front.title,
        is_topic: page.is_topic(),
        toc: page.body.headings.iter().filter(|h| h.level == 2).collect(),
        body: &page.body.html,
        after_body,
        prev,
        next,
        sources: SOURCES
            .iter()
            .filter(|s| page.front.sources.iter().any(|id| id == s.id))
            .collect(),
        last_reviewed: human_date(page.last_reviewed),
        next_review: human_date(page.next_review),
        grade: format!("{:.0}", page.grade.max(1.0)),
    }
    .render()
}

fn sitemap(content: &Content, base_url: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &content.pages {
        xml.push_str(&format!(
            "<url><loc>{base_url}{}</loc><lastmod>{}</lastmod></url>\n",
            page.path, page.last_reviewed
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_links_open_on_top_except_within_the_frame() {
        let html = r##"<a href="/causes">c</a> <a class="term" href="/glossary#dvt">d</a> <a href="#x">x</a> <a href="/embed/check">again</a>"##;
        assert_eq!(
            links_to_top(html),
            r##"<a target="_top" href="/causes">c</a> <a class="term" target="_top" href="/glossary#dvt">d</a> <a href="#x">x</a> <a href="/embed/check">again</a>"##
        );
    }

    #[test]
    fn accept_encoding_picks_brotli_then_gzip() {
        assert_eq!(
            Encoding::negotiate(Some("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::negotiate(Some("gzip")), Encoding::Gzip);
        assert_eq!(
            Encoding::negotiate(Some("br;q=0, gzip;q=0.5")),
            Encoding::Gzip
        );
        assert_eq!(Encoding::negotiate(Some("identity")), Encoding::Identity);
        assert_eq!(Encoding::negotiate(None), Encoding::Identity);
    }
}
