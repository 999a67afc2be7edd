//! Responses prepared at start-up: the bytes, gzip and brotli copies where
//! they are smaller, and a strong ETag for each.

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::web::Bytes;
use rayon::prelude::*;

/// How a response may be cached, named once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// HTML and other documents: keep, but ask again each time (cheap with ETags).
    Revalidate,
    /// Content-hashed static files: the name changes when the bytes do.
    Immutable,
    /// Per-request answers and errors: never kept anywhere.
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

/// A content coding the site prepares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Identity,
    Gzip,
    Brotli,
}

impl Coding {
    /// The `Content-Encoding` value; `None` for identity.
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Self::Identity => None,
            Self::Gzip => Some("gzip"),
            Self::Brotli => Some("br"),
        }
    }
}

/// One coding of an asset's bytes, with its own strong ETag.
#[derive(Debug, Clone)]
pub struct Variant {
    pub body: Bytes,
    /// The ETag's opaque tag, without quotes.
    pub tag: String,
    /// The response's header lines, built once here rather than on every
    /// request: `ETag`, `Cache-Control`, `Vary` (if any), then
    /// `Content-Encoding` (if any) and `Content-Type`.
    head: Box<[(HeaderName, HeaderValue)]>,
    /// How many of `head` a `304` carries (all but the body's own).
    not_modified: usize,
}

impl Variant {
    /// The header lines of a `200` (`fresh`: of a `304`, without the body's).
    pub fn headers(&self, fresh: bool) -> &[(HeaderName, HeaderValue)] {
        if fresh {
            &self.head[..self.not_modified]
        } else {
            &self.head
        }
    }

    /// Builds the header lines for a variant of an asset.
    fn new(
        body: Bytes,
        tag: String,
        coding: Coding,
        varies: bool,
        cache: CachePolicy,
        content_type: &'static str,
    ) -> Variant {
        let mut head = vec![
            (
                header::ETAG,
                HeaderValue::from_str(&format!("\"{tag}\""))
                    .expect("a hex tag is a valid header value"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache.header_value()),
            ),
        ];
        if varies {
            head.push((header::VARY, HeaderValue::from_static("Accept-Encoding")));
        }
        let not_modified = head.len();
        if let Some(value) = coding.header_value() {
            head.push((header::CONTENT_ENCODING, HeaderValue::from_static(value)));
        }
        head.push((header::CONTENT_TYPE, HeaderValue::from_static(content_type)));
        Variant {
            body,
            tag,
            head: head.into_boxed_slice(),
            not_modified,
        }
    }
}

/// A response prepared at start-up.
#[derive(Debug, Clone)]
pub struct Asset {
    pub content_type: &'static str,
    pub cache: CachePolicy,
    pub identity: Variant,
    pub gzip: Option<Variant>,
    pub brotli: Option<Variant>,
}

/// How hard to compress. Start-up counts (a restart is a gap in service), and
/// so do bytes on a phone: brotli 5 is about fifteen times faster than brotli
/// 10 here (1 ms against 10 to 15 ms for a 16 KB page, on 2 cores) for pages
/// about 10% larger, all well under the 14 KB budget (`scripts/bench` prints them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Brotli 10, gzip 9: the stylesheet, fetched once and cached for a year.
    Smallest,
    /// Brotli 5, gzip 6: pages, embeds, QR codes, the sitemap.
    Quick,
    /// Not compressed (small per-request-sized files).
    None,
}

impl Asset {
    /// Prepares the bytes and their compressed copies.
    pub fn new(
        body: impl Into<Bytes>,
        content_type: &'static str,
        cache: CachePolicy,
        effort: Effort,
    ) -> Self {
        let body: Bytes = body.into();
        let hash = content_hash(&body);
        let compressible = effort != Effort::None
            && (content_type.starts_with("text/")
                || content_type.contains("xml")
                || content_type.contains("json"));
        let smaller = |bytes: Vec<u8>, suffix: &str| {
            (bytes.len() < body.len()).then(|| (Bytes::from(bytes), format!("{hash}-{suffix}")))
        };
        let (gzip, brotli) = if compressible {
            (
                smaller(gzip(&body, effort), "gz"),
                smaller(brotli(&body, effort), "br"),
            )
        } else {
            (None, None)
        };
        let varies = gzip.is_some() || brotli.is_some();
        let variant = |coding: Coding, (body, tag): (Bytes, String)| {
            Variant::new(body, tag, coding, varies, cache, content_type)
        };
        Self {
            content_type,
            cache,
            gzip: gzip.map(|g| variant(Coding::Gzip, g)),
            brotli: brotli.map(|b| variant(Coding::Brotli, b)),
            identity: variant(Coding::Identity, (body, hash)),
        }
    }

    /// Whether responses differ by `Accept-Encoding`.
    pub fn varies(&self) -> bool {
        self.gzip.is_some() || self.brotli.is_some()
    }

    /// The variant for a coding, or `None` if it was not prepared.
    pub fn variant(&self, coding: Coding) -> Option<&Variant> {
        match coding {
            Coding::Identity => Some(&self.identity),
            Coding::Gzip => self.gzip.as_ref(),
            Coding::Brotli => self.brotli.as_ref(),
        }
    }

    /// The codings prepared, best first.
    pub fn codings(&self) -> impl Iterator<Item = Coding> + '_ {
        [Coding::Brotli, Coding::Gzip, Coding::Identity]
            .into_iter()
            .filter(|c| self.variant(*c).is_some())
    }

    /// The uncompressed bytes.
    pub fn body(&self) -> &Bytes {
        &self.identity.body
    }
}

/// A stable hash of some bytes, for ETags and file names (xxHash3, 64 bits).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

fn gzip(bytes: &[u8], effort: Effort) -> Vec<u8> {
    use std::io::Write;
    let level = match effort {
        Effort::Smallest => flate2::Compression::best(),
        _ => flate2::Compression::default(),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

fn brotli(bytes: &[u8], effort: Effort) -> Vec<u8> {
    let mut out = Vec::new();
    // A window just big enough for the file (far less memory than the default
    // 4 MiB), but no smaller than 256 KiB: with a smaller one this encoder is
    // ten times slower at brotli 5 to 8, for the same output. No size hint,
    // for the same reason.
    let window_bits = (usize::BITS - bytes.len().max(1).leading_zeros()).clamp(18, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality: if effort == Effort::Smallest { 10 } else { 5 },
        lgwin: window_bits,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("writing to memory cannot fail");
    out
}

/// A response body waiting for its compressed copies.
pub struct Prepared {
    pub path: String,
    pub body: Bytes,
    pub content_type: &'static str,
    pub cache: CachePolicy,
    pub effort: Effort,
}

/// Prepares every asset's codings on every core, costliest first.
pub fn compress_all(mut raw: Vec<Prepared>) -> Vec<(String, Asset)> {
    raw.sort_by_key(|p| {
        std::cmp::Reverse(p.body.len() * if p.effort == Effort::Smallest { 4 } else { 1 })
    });
    raw.into_par_iter()
        .with_max_len(1)
        .map(|p| {
            (
                p.path,
                Asset::new(p.body, p.content_type, p.cache, p.effort),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressible_assets_get_smaller_copies_with_their_own_tags() {
        let page = "<p>leg pain at night</p>".repeat(50);
        let asset = Asset::new(
            page.clone(),
            "text/html; charset=utf-8",
            CachePolicy::Revalidate,
            Effort::Quick,
        );
        let (gz, br) = (asset.gzip.as_ref().unwrap(), asset.brotli.as_ref().unwrap());
        assert!(br.body.len() < page.len() && gz.body.len() < page.len());
        assert_ne!(gz.tag, br.tag);
        assert_eq!(br.tag, format!("{}-br", asset.identity.tag));
        assert_eq!(
            asset.codings().collect::<Vec<_>>(),
            [Coding::Brotli, Coding::Gzip, Coding::Identity]
        );
        let svg = Asset::new(
            "<svg/>",
            "image/svg+xml",
            CachePolicy::Revalidate,
            Effort::None,
        );
        assert!(!svg.varies());
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        assert_eq!(content_hash(b"").len(), 16);
    }
}
