//! HTTP headers: choosing a content coding (`Accept-Encoding`), answering
//! validators (`If-None-Match`), and the security headers every response carries.
//! Request headers are read with actix's typed headers, which join repeated
//! header lines as RFC 9110 says.

use actix_web::HttpRequest;
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, Encoding, EntityTag, Header, HeaderMap, HeaderName,
    HeaderValue, IfMatch, IfNoneMatch, Preference, Quality,
};

use crate::site::assets::{Asset, Coding};

/// The best coding of `asset` the client accepts (RFC 9110 §12.5.3): a named
/// coding's own weight, else the weight of `*`; identity is acceptable unless
/// refused, as the last choice. Ties go to the smaller coding.
pub fn negotiate(req: &HttpRequest, asset: &Asset) -> Coding {
    plain_list(req, asset).unwrap_or_else(|| negotiate_fully(req, asset))
}

/// [`negotiate`] by the letter of the RFC, for any `Accept-Encoding`.
fn negotiate_fully(req: &HttpRequest, asset: &Asset) -> Coding {
    let Ok(accept) = AcceptEncoding::parse(req) else {
        return Coding::Identity;
    };
    if req.headers().get(header::ACCEPT_ENCODING).is_none() {
        return Coding::Identity;
    }
    let weight = |coding: Coding| -> Quality {
        let name = match coding {
            Coding::Brotli => Encoding::Known(ContentEncoding::Brotli),
            Coding::Gzip => Encoding::Known(ContentEncoding::Gzip),
            Coding::Identity => Encoding::Known(ContentEncoding::Identity),
        };
        let own = accept
            .iter()
            .filter(|q| q.item == Preference::Specific(name.clone()))
            .map(|q| q.quality)
            .max();
        let any = accept
            .iter()
            .filter(|q| q.item == Preference::Any)
            .map(|q| q.quality)
            .max();
        match (own, any, coding) {
            (Some(q), _, _) | (None, Some(q), _) => q,
            // Acceptable unless refused, but the last choice (RFC 9110 §12.5.3).
            (None, None, Coding::Identity) => Quality::MIN,
            (None, None, _) => Quality::ZERO,
        }
    };
    asset
        .codings()
        .map(|c| (c, weight(c)))
        .filter(|(_, q)| *q > Quality::ZERO)
        // `max_by_key` keeps the last of equal weights: go from worst to best.
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .max_by_key(|(_, q)| *q)
        .map_or(Coding::Identity, |(c, _)| c)
}

/// The common case without parsing into lists: one `Accept-Encoding` line
/// naming known codings without weights (`gzip, deflate, br`), each of
/// weight 1, so the rules above give the best one named that the asset has,
/// else identity. `None` for anything else (weights, `*`, repeated lines,
/// unknown names), which takes the full path.
fn plain_list(req: &HttpRequest, asset: &Asset) -> Option<Coding> {
    let mut values = req.headers().get_all(header::ACCEPT_ENCODING);
    let line = values.next()?.to_str().ok()?;
    if values.next().is_some() {
        return None;
    }
    let (mut br, mut gzip) = (false, false);
    for name in line.split(',').map(str::trim) {
        if name.eq_ignore_ascii_case("br") {
            br = true;
        } else if name.eq_ignore_ascii_case("gzip") {
            gzip = true;
        } else if !["deflate", "identity", "zstd", "compress"]
            .iter()
            .any(|known| name.eq_ignore_ascii_case(known))
        {
            return None;
        }
    }
    Some(if br && asset.brotli.is_some() {
        Coding::Brotli
    } else if gzip && asset.gzip.is_some() {
        Coding::Gzip
    } else {
        Coding::Identity
    })
}

/// Whether the client already holds this tag (`If-None-Match`, weak comparison).
pub fn fresh(req: &HttpRequest, tag: &str) -> bool {
    if req.headers().get(header::IF_NONE_MATCH).is_none() {
        return false;
    }
    match IfNoneMatch::parse(req) {
        Ok(IfNoneMatch::Any) => true,
        Ok(IfNoneMatch::Items(tags)) => {
            let ours = EntityTag::new_strong(tag.to_string());
            tags.iter().any(|t| t.weak_eq(&ours))
        }
        Err(_) => false,
    }
}

/// Whether `If-Match` holds for the current representation's tag
/// (`None`: the resource has none): `*` matches any, and a tag matches with
/// strong comparison (RFC 9110 §13.1.1). A malformed field matches nothing.
pub fn if_match(req: &HttpRequest, current: Option<&str>) -> bool {
    match IfMatch::parse(req) {
        Ok(IfMatch::Any) => current.is_some(),
        Ok(IfMatch::Items(tags)) => current.is_some_and(|tag| {
            let ours = EntityTag::new_strong(tag.to_string());
            tags.iter().any(|t| t.strong_eq(&ours))
        }),
        Err(_) => false,
    }
}

/// Every page: only our own stylesheet and images, forms post only to us,
/// nothing is fetched by scripts, and nobody may frame us.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; connect-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The policy for the embeds: the same, except that the given origins (or any) may frame them.
pub fn embed_content_security_policy(origins: Option<&[String]>) -> String {
    let ancestors = origins.map_or_else(|| "*".to_string(), |o| o.join(" "));
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; connect-src 'none'; base-uri 'none'; frame-ancestors {ancestors}"
    )
}

/// Features the site never uses, turned off for it and anything it embeds.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/// The security headers of one response.
#[derive(Debug, Clone, Copy)]
pub struct Security<'a> {
    pub https: bool,
    /// The embed policy when the response is an embed.
    pub embed_csp: Option<&'a HeaderValue>,
}

/// A header line known when the program is compiled: its name and value are
/// checked once, by the compiler, not on every response.
type Line = (HeaderName, HeaderValue);

/// What every page (not an embed) carries besides the common lines.
const PAGE_ONLY: [Line; 3] = [
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ),
    // For browsers that predate frame-ancestors.
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    // Other sites may not load our pages into theirs, except the embeds.
    (
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    ),
];

/// What every response carries.
const COMMON: [Line; 4] = [
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ),
];

/// Served over HTTPS: browsers keep to it.
const HTTPS_ONLY: Line = (
    header::STRICT_TRANSPORT_SECURITY,
    HeaderValue::from_static("max-age=31536000"),
);

impl Security<'_> {
    /// Adds the headers, keeping any a handler set on purpose; removes cookies.
    pub fn apply(&self, headers: &mut HeaderMap) {
        match self.embed_csp {
            Some(csp) => {
                headers.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
            }
            None => set_all(headers, &PAGE_ONLY),
        }
        set_all(headers, &COMMON);
        if self.https {
            set_all(headers, std::slice::from_ref(&HTTPS_ONLY));
        }
        // The site never sets a cookie; make sure nothing slips one in.
        headers.remove(header::SET_COOKIE);
    }
}

/// Inserts each line whose header the response does not have yet.
fn set_all(headers: &mut HeaderMap, lines: &[Line]) {
    for (name, value) in lines {
        if !headers.contains_key(name) {
            headers.insert(name.clone(), value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::assets::{CachePolicy, Effort};
    use actix_web::test::TestRequest;

    fn page() -> Asset {
        Asset::new(
            "<p>leg pain at night</p>".repeat(40),
            "text/html",
            CachePolicy::Revalidate,
            Effort::Quick,
        )
    }

    fn coding_for(values: &[&str]) -> Coding {
        let mut req = TestRequest::default();
        for v in values {
            req = req.append_header((header::ACCEPT_ENCODING, *v));
        }
        negotiate(&req.to_http_request(), &page())
    }

    #[test]
    fn accept_encoding_follows_the_rfc() {
        assert_eq!(coding_for(&[]), Coding::Identity);
        assert_eq!(coding_for(&["gzip, deflate, br"]), Coding::Brotli);
        assert_eq!(coding_for(&["gzip"]), Coding::Gzip);
        assert_eq!(coding_for(&["br;q=0, gzip;q=0.5"]), Coding::Gzip);
        assert_eq!(
            coding_for(&["br;q=0, *"]),
            Coding::Gzip,
            "* covers gzip, not the refused br"
        );
        assert_eq!(coding_for(&["*"]), Coding::Brotli);
        assert_eq!(
            coding_for(&["br;Q=0, gzip"]),
            Coding::Gzip,
            "parameter names in any case"
        );
        assert_eq!(coding_for(&["gzip;q=0.2, br;q=0.9"]), Coding::Brotli);
        assert_eq!(coding_for(&["gzip;q=0.9, br;q=0.2"]), Coding::Gzip);
        assert_eq!(coding_for(&["identity"]), Coding::Identity);
        assert_eq!(
            coding_for(&["gzip;q=0", "br;q=0"]),
            Coding::Identity,
            "repeated header lines are joined"
        );
        assert_eq!(coding_for(&["deflate", "br"]), Coding::Brotli);
        assert_eq!(coding_for(&["*;q=0"]), Coding::Identity);
    }

    #[test]
    fn the_quick_path_agrees_with_the_full_one() {
        let only_gzip = {
            let mut a = page();
            a.brotli = None;
            a
        };
        let none = Asset::new(
            "<p>x</p>",
            "text/html",
            CachePolicy::Revalidate,
            Effort::None,
        );
        let names = ["br", "gzip", "deflate", "identity", "zstd", "BR", "Gzip"];
        for asset in [&page(), &only_gzip, &none] {
            for i in 0..names.len() {
                for j in 0..names.len() {
                    for line in [
                        names[i].to_string(),
                        format!("{}, {}", names[i], names[j]),
                        format!("{},{} ,gzip", names[j], names[i]),
                    ] {
                        let req = TestRequest::default()
                            .append_header((header::ACCEPT_ENCODING, line.as_str()))
                            .to_http_request();
                        let quick = plain_list(&req, asset).expect("a plain list");
                        let full = negotiate_fully(&req, asset);
                        assert_eq!(quick, full, "{line}");
                    }
                }
            }
        }
        for refused in ["br;q=0", "*", "gzip;q=0.5, br", "x-gzip", ""] {
            let req = TestRequest::default()
                .append_header((header::ACCEPT_ENCODING, refused))
                .to_http_request();
            assert_eq!(plain_list(&req, &page()), None, "{refused}");
        }
    }

    fn fresh_for(values: &[&str], tag: &str) -> bool {
        let mut req = TestRequest::default();
        for v in values {
            req = req.append_header((header::IF_NONE_MATCH, *v));
        }
        fresh(&req.to_http_request(), tag)
    }

    #[test]
    fn if_none_match_uses_weak_comparison_over_every_tag() {
        assert!(fresh_for(&["\"abc-br\""], "abc-br"));
        assert!(fresh_for(&["W/\"abc-br\""], "abc-br"), "weak comparison");
        assert!(fresh_for(&["\"x\", \"abc-br\""], "abc-br"));
        assert!(
            fresh_for(&["\"x\"", "\"abc-br\""], "abc-br"),
            "repeated lines"
        );
        assert!(fresh_for(&["*"], "abc-br"));
        assert!(!fresh_for(&["\"abc\""], "abc-br"));
        assert!(!fresh_for(&[], "abc-br"));
        assert!(!fresh_for(&["not a tag"], "abc-br"));
    }
}
