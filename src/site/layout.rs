//! What every page's layout needs, per language and for the site or an embed,
//! and the per-page facts for its `<head>`.

use crate::i18n::Lang;
use crate::settings::Clinic;
use crate::triage::CareCard;

/// An entry in a menu or the guide's contents.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub url: String,
    pub title: String,
}

/// The layout of one language, for the site or for embeds.
#[derive(Debug, Clone)]
pub struct Layout {
    pub lang: Lang,
    /// Framed on another site: no header, menus or footer; links to the
    /// site's pages open in the top window.
    pub embed: bool,
    pub css_url: String,
    pub icon_url: String,
    /// Public address, without a trailing slash.
    pub base_url: String,
    pub emergency_number: String,
    /// The topic pages in reading order.
    pub guide: Vec<NavItem>,
    pub header_menu: Vec<NavItem>,
    pub footer_menu: Vec<NavItem>,
    /// The warning strip's sentence as HTML, from the emergency rules' signs
    /// (the emergency number a `tel:` link).
    pub strip_text: String,
    /// The clinic running this copy, named in embeds.
    pub clinic: Option<Clinic>,
    /// The accessibility statement, linked from embeds' credit (the site's
    /// footer links it through its menu).
    pub statement: Option<NavItem>,
    /// Put before form actions: empty, or the base URL in a static export
    /// (a static host cannot answer a form).
    pub action_base: String,
}

impl Layout {
    /// The address of the embeddable copy of `path` in this language.
    pub fn embed_url(&self, path: &str) -> String {
        embed_url(&self.lang, path)
    }

    /// The address a page of this layout lives at: the embed or the full page.
    pub fn url(&self, path: &str) -> String {
        if self.embed {
            self.embed_url(path)
        } else {
            self.lang.url(path)
        }
    }
}

/// The address of the embeddable copy of `path` in `lang`: `/embed/causes`, `/es/embed`.
pub fn embed_url(lang: &Lang, path: &str) -> String {
    match path {
        "/" => format!("{}/embed", lang.prefix),
        p => format!("{}/embed{p}", lang.prefix),
    }
}

/// A `<link rel="alternate" hreflang>` of a page.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub hreflang: String,
    /// Path in that language (the base URL goes before it).
    pub href: String,
}

/// A visible link to the same page in another language, in that language's own name.
#[derive(Debug, Clone)]
pub struct LangLink {
    pub hreflang: String,
    pub name: String,
    pub href: String,
}

/// Per-page facts for the `<head>` and the language links.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// The canonical path, when the page has one (error pages do not).
    pub canonical: Option<String>,
    pub alternates: Vec<Alternate>,
    pub other_languages: Vec<LangLink>,
    /// This page's address, to mark the current menu item.
    pub here: String,
    /// The full site's copy of this page (the embed credit links to it).
    pub here_full: String,
    /// schema.org JSON-LD, ready to place in a script data block.
    pub json_ld: Option<String>,
    /// Asks search engines not to index the page (search results).
    pub noindex: bool,
}

impl Meta {
    /// Metadata for the language-neutral `path` in `layout`'s language, with
    /// alternates in every language of `langs`.
    pub fn for_path(
        layout: &Layout,
        langs: &[Lang],
        path: &str,
        title: String,
        description: String,
    ) -> Meta {
        let alternates = langs
            .iter()
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: l.url(path),
            })
            .chain(langs.iter().find(|l| l.is_default()).map(|l| Alternate {
                hreflang: "x-default".into(),
                href: l.url(path),
            }))
            .collect();
        let other_languages = langs
            .iter()
            .filter(|l| l.code != layout.lang.code)
            .map(|l| LangLink {
                hreflang: l.code.clone(),
                name: l.name.clone(),
                href: layout_url(layout.embed, l, path),
            })
            .collect();
        Meta {
            title,
            description,
            canonical: Some(layout.lang.url(path)),
            alternates,
            other_languages,
            here: layout.url(path),
            here_full: layout.lang.url(path),
            json_ld: None,
            noindex: false,
        }
    }
}

fn layout_url(embed: bool, lang: &Lang, path: &str) -> String {
    if embed {
        embed_url(lang, path)
    } else {
        lang.url(path)
    }
}

impl CareCard {
    /// The string id of the visually hidden prefix of its heading.
    pub fn prefix_id(self) -> &'static str {
        match self {
            CareCard::Emergency => "card-emergency-prefix",
            CareCard::Urgent => "card-urgent-prefix",
            CareCard::NonUrgent => "card-non-urgent-prefix",
            CareCard::SelfCare => "card-self-care-prefix",
        }
    }
}
