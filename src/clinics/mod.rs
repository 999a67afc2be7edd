//! What clinics use: diagnosis-code links (HL7 Infobutton), QR codes and
//! search-engine metadata. Depends on the content, never on the web layer.

pub mod codes;
pub mod infobutton;
pub mod jsonld;

/// An SVG QR code for `url`; `None` if it is too long for a QR code (the
/// base URL setting is checked so that every page's address fits).
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}

/// The path of a page's QR code in its language: `/qr/causes.svg`, `/es/qr/index.svg`.
pub fn qr_path(lang_prefix: &str, path: &str) -> String {
    let name = path.trim_start_matches('/').replace('/', "-");
    format!(
        "{lang_prefix}/qr/{}.svg",
        if name.is_empty() { "index" } else { &name }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_paths_per_language() {
        assert_eq!(qr_path("", "/"), "/qr/index.svg");
        assert_eq!(qr_path("", "/causes"), "/qr/causes.svg");
        assert_eq!(
            qr_path("/es", "/check/how-it-works"),
            "/es/qr/check-how-it-works.svg"
        );
    }

    #[test]
    fn qr_codes_are_svg_and_too_much_is_refused() {
        let svg = qr_svg("https://legs.example/causes").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }
}
