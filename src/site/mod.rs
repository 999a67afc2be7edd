//! The whole site, built once at start-up: every page of every language, its
//! embeddable copy and QR code, as final bytes with gzip and brotli copies and
//! their ETags, so a request is a map lookup and a write. Only the symptom
//! check's answers are rendered per request.

pub mod assets;
pub mod errors;
pub mod escape;
pub mod layout;
pub mod search;
pub mod shell;
pub mod symptom;

use std::collections::HashMap;

use rayon::prelude::*;

use actix_web::web::Bytes;
use askama::Template;
use fluent_bundle::FluentValue;

use crate::clinics::{
    self,
    codes::{CodeIndex, NameIndex},
};
use crate::code_system::CodeSystem;
use crate::content::front_matter::{CODE_NAME_LANG, SOURCE_LANG};
use crate::content::front_matter::{Generated, Menu};
use crate::content::markdown::{Block, CardBody};
use crate::content::readability::{Method, inflesz_band};
use crate::content::{Content, LangContent, Page};
use crate::i18n::{Lang, Strings};
use crate::ids;
use crate::problem::Problems;
use crate::search::{SearchError, SearchIndex};
use crate::settings::Settings;
use assets::{Asset, CachePolicy, Effort, Prepared, content_hash};
pub use errors::ErrorKind;
use layout::{Layout, Meta, NavItem, embed_url};
use search::SearchPage;
use symptom::{CheckText, ResultShells};

const STYLESHEET: &str = include_str!("../../static/style.css");
const ICON: &str = include_str!("../../static/icon.svg");

/// Where the site is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Served by this program: forms post to it.
    Serve,
    /// Written as files for a static host: forms post to the base URL.
    Export,
    /// Built by `check` to find problems, then thrown away: as served, but
    /// with no compressed copies (half the work of a build, none of it
    /// able to fail).
    Check,
}

/// One language of the built site.
#[derive(Debug)]
pub struct LangSite {
    pub layout: Layout,
    pub embed_layout: Layout,
    pub check: CheckText,
    /// The pages around a result, per level, for the site and for embeds.
    pub result_shells: ResultShells,
    pub embed_result_shells: ResultShells,
    /// What the search page prepares (in the site's layout: a search from
    /// an embed opens in the top window).
    pub search_page: SearchPage,
}

impl LangSite {
    pub fn layout(&self, embed: bool) -> &Layout {
        if embed {
            &self.embed_layout
        } else {
            &self.layout
        }
    }

    pub fn result_shells(&self, embed: bool) -> &ResultShells {
        if embed {
            &self.embed_result_shells
        } else {
            &self.result_shells
        }
    }
}

/// Every page and file the site serves, ready to write.
pub struct Site {
    pub content: Content,
    /// Aligned with `content.langs`.
    pub langs: Vec<LangSite>,
    /// Diagnosis codes and the sections that explain them.
    pub codes: CodeIndex,
    /// Display names to the sections codes lead to, for codes the site does not know.
    pub names: NameIndex,
    /// The day the site was built (the date of answers that have no page).
    pub built: time::Date,
    /// Every section of every page, to search.
    pub search: SearchIndex,
    assets: HashMap<String, Asset>,
    /// Error pages by kind, language and layout (site or embed).
    errors: HashMap<(ErrorKind, usize, bool), Bytes>,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("assets", &self.assets.len())
            .finish()
    }
}

/// Where a request path points: its language, whether it is an embed, and the
/// language-neutral page path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub lang: usize,
    pub embed: bool,
    pub path: String,
}

impl Place {
    /// Reads a request path against the languages' prefixes (the first, the
    /// default language's, is empty). A path in no prefix is the default language's.
    pub fn of<'a>(path: &str, prefixes: impl Iterator<Item = &'a str>) -> Place {
        let (lang, rest) = prefixes
            .enumerate()
            .skip(1)
            .find_map(|(i, prefix)| {
                let rest = path.strip_prefix(prefix)?;
                (rest.is_empty() || rest.starts_with('/')).then_some((i, rest))
            })
            .unwrap_or((0, path));
        let (embed, rest) = match rest.strip_prefix("/embed") {
            Some(r) if r.is_empty() || r.starts_with('/') => (true, r),
            _ => (false, rest),
        };
        Place {
            lang,
            embed,
            path: if rest.is_empty() {
                "/".into()
            } else {
                rest.to_string()
            },
        }
    }
}

/// A source document as a page cites it: its title, in its own language, and
/// what it is, in the page's.
struct SourceCitation<'a> {
    title: &'a str,
    lang: &'static str,
    about: &'a str,
}

#[derive(Template)]
#[template(path = "page.html")]
struct PageTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    meta: Meta,
    page: &'a Page,
    sidebar: bool,
    overdue: bool,
    toc: Vec<&'a crate::content::markdown::Heading>,
    after_body: &'a str,
    prev: Option<&'a NavItem>,
    next: Option<&'a NavItem>,
    sources: Vec<SourceCitation<'a>>,
    last_reviewed: String,
    next_review: String,
    reading_level: Option<String>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    meta: Meta,
    heading: &'a str,
    message: &'a str,
}

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct SitemapTemplate<'a> {
    base_url: &'a str,
    entries: Vec<SitemapEntry>,
}

struct SitemapEntry {
    url: String,
    lastmod: String,
    alternates: Vec<layout::Alternate>,
}

#[derive(Template)]
#[template(path = "robots.txt")]
struct RobotsTemplate<'a> {
    base_url: &'a str,
    /// Search result pages, in every language: not worth a crawler's time.
    disallow: Vec<String>,
}

/// A page in the `/for-clinics` list.
struct LinkedPage<'a> {
    /// Heading id for this page's entry, e.g. `link-causes`.
    id: String,
    title: &'a str,
    url: String,
    qr: String,
    embed: String,
    sections: Vec<(&'a str, &'a str)>,
}

/// A diagnosis code in the `/for-clinics` table.
struct CodeRow<'a> {
    system: &'static str,
    code: String,
    name: &'a str,
    /// The name's language when it is not the page's (WCAG 3.1.2).
    name_lang: Option<&'static str>,
    href: String,
    title: &'a str,
}

#[derive(Template)]
#[template(path = "for_clinics.html")]
struct ForClinicsTemplate<'a> {
    t: &'a Strings,
    base_url: &'a str,
    pages: Vec<LinkedPage<'a>>,
    embed_check: String,
    embed_example: String,
    codes: Vec<CodeRow<'a>>,
    icd10_cm: &'static str,
    snomed_ct: &'static str,
}

/// Where the accessibility statement sends readers who need another format
/// or found a problem: the clinic running this copy when it can be reached,
/// else the site's contact.
enum StatementContact<'a> {
    Clinic(&'a crate::settings::Clinic),
    Site(&'a crate::settings::Contact),
    Nobody,
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct StatementTemplate<'a> {
    t: &'a Strings,
    contact: StatementContact<'a>,
    /// The day of the last check, `2026-12-06`, and in words.
    checked_iso: String,
    checked: String,
}

/// Why the site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("rendering a template failed: {0}")]
    Template(#[from] askama::Error),
    #[error("{0}")]
    Problems(Problems),
    #[error("{0}")]
    Search(#[from] SearchError),
}

/// What every page of a build shares: the settings, the languages, the
/// diagnosis codes, the day, and the addresses of the stylesheet and icon.
struct BuildContext<'a> {
    settings: &'a Settings,
    mode: Mode,
    today: time::Date,
    langs: Vec<Lang>,
    codes: &'a CodeIndex,
    css_url: String,
    icon_url: String,
}

/// A page's link in a menu or list.
fn nav_item(p: &Page) -> NavItem {
    NavItem {
        url: p.url.clone(),
        title: p.nav_title().to_string(),
    }
}

/// The pages of one menu of a language, in their order.
fn menu_items(lang: &LangContent, m: Menu) -> Vec<NavItem> {
    let mut items: Vec<(u32, NavItem)> = lang
        .pages
        .iter()
        .filter_map(|p| p.front.menu.get(&m).map(|n| (*n, nav_item(p))))
        .collect();
    items.sort_by_key(|(n, _)| *n);
    items.into_iter().map(|(_, i)| i).collect()
}

/// Step 1: one language's layouts (site and embed) and the check's words.
fn lang_site(lang: &LangContent, cx: &BuildContext<'_>) -> Result<LangSite, BuildError> {
    let t = &lang.strings;
    let settings = cx.settings;
    let layout = Layout {
        lang: t.lang.clone(),
        embed: false,
        css_url: cx.css_url.clone(),
        icon_url: cx.icon_url.clone(),
        base_url: settings.base_url.clone(),
        emergency_number: settings.emergency_number.clone(),
        guide: lang.topics().map(nav_item).collect(),
        header_menu: menu_items(lang, Menu::Header),
        footer_menu: menu_items(lang, Menu::Footer),
        strip_text: strip_text(t),
        clinic: settings.clinic.clone(),
        statement: lang
            .pages
            .iter()
            .find(|p| p.front.generated == Some(Generated::AccessibilityStatement))
            .map(nav_item),
        action_base: if cx.mode == Mode::Export {
            settings.base_url.clone()
        } else {
            String::new()
        },
    };
    let embed_layout = Layout {
        embed: true,
        ..layout.clone()
    };
    Ok(LangSite {
        result_shells: ResultShells::new(t, &layout, &cx.langs)?,
        embed_result_shells: ResultShells::new(t, &embed_layout, &cx.langs)?,
        search_page: SearchPage::new(t, &layout, &cx.langs)?,
        layout,
        embed_layout,
        check: CheckText::new(lang),
    })
}

/// Step 2: the files that are not pages: stylesheet, icon, sitemap, robots.txt, health check.
fn fixed_assets(
    content: &Content,
    cx: &BuildContext<'_>,
    stylesheet: String,
) -> Result<Vec<Prepared>, BuildError> {
    let settings = cx.settings;
    Ok(vec![
        Prepared {
            path: cx.css_url.clone(),
            body: stylesheet.into(),
            content_type: "text/css; charset=utf-8",
            cache: CachePolicy::Immutable,
            effort: Effort::Smallest,
        },
        Prepared {
            path: cx.icon_url.clone(),
            body: ICON.into(),
            content_type: "image/svg+xml",
            cache: CachePolicy::Immutable,
            effort: Effort::Quick,
        },
        Prepared {
            path: "/sitemap.xml".into(),
            body: sitemap(content, &cx.langs, &settings.base_url)?.into(),
            content_type: "application/xml; charset=utf-8",
            cache: CachePolicy::Revalidate,
            effort: Effort::Quick,
        },
        Prepared {
            path: "/robots.txt".into(),
            body: RobotsTemplate {
                base_url: &settings.base_url,
                disallow: cx
                    .langs
                    .iter()
                    .map(|l| l.url(search::SEARCH_PATH))
                    .collect(),
            }
            .render()?
            .into(),
            content_type: "text/plain; charset=utf-8",
            cache: CachePolicy::Revalidate,
            effort: Effort::Quick,
        },
        Prepared {
            path: "/healthz".into(),
            body: "ok\n".into(),
            content_type: "text/plain; charset=utf-8",
            cache: CachePolicy::NoStore,
            effort: Effort::None,
        },
    ])
}

/// Step 3, for one page: its site and embed HTML and its QR code (a
/// problem if the page's address is too long for one).
fn page_assets(
    lang: &LangContent,
    site: &LangSite,
    page: &Page,
    cx: &BuildContext<'_>,
) -> Result<(Vec<Prepared>, Problems), askama::Error> {
    let settings = cx.settings;
    let mut prepared = Vec::new();
    let mut problems = Problems::default();
    for embed in [false, true] {
        let layout = site.layout(embed);
        let after = generated(lang, site, layout, page, cx.codes, settings)?;
        let html = render_page(lang, layout, &cx.langs, page, &after, "", cx.today)?;
        prepared.push(Prepared {
            path: layout.url(&page.path),
            body: html.into(),
            content_type: "text/html; charset=utf-8",
            cache: CachePolicy::Revalidate,
            effort: Effort::Quick,
        });
    }
    let url = format!("{}{}", settings.base_url, page.url);
    match clinics::qr_svg(&url) {
        Some(svg) => prepared.push(Prepared {
            path: clinics::qr_path(&lang.strings.lang.prefix, &page.path),
            body: svg.into(),
            content_type: "image/svg+xml",
            cache: CachePolicy::Revalidate,
            effort: Effort::Quick,
        }),
        None => problems.error(
            &page.file,
            0,
            format!("the address {url} is too long for a QR code: use a shorter --base-url"),
        ),
    }
    Ok((prepared, problems))
}

/// Step 3: every page of every language, rendered on every core; any
/// page's problem (an address too long for a QR code) fails the build.
fn pages(
    content: &Content,
    lang_sites: &[LangSite],
    cx: &BuildContext<'_>,
) -> Result<Vec<Prepared>, BuildError> {
    let jobs: Vec<(&LangContent, &LangSite, &Page)> = content
        .langs
        .iter()
        .zip(lang_sites)
        .flat_map(|(lang, site)| lang.pages.iter().map(move |page| (lang, site, page)))
        .collect();
    let rendered: Vec<Result<(Vec<Prepared>, Problems), askama::Error>> = jobs
        .par_iter()
        .map(|&(lang, site, page)| page_assets(lang, site, page, cx))
        .collect();
    let mut all = Vec::new();
    let mut problems = Problems::default();
    for result in rendered {
        let (prepared, page_problems) = result?;
        all.extend(prepared);
        problems.extend(page_problems);
    }
    if problems.has_errors() {
        return Err(BuildError::Problems(problems));
    }
    Ok(all)
}

/// Step 4: the error pages, by kind, language and layout (site or embed).
fn error_pages(
    content: &Content,
    lang_sites: &[LangSite],
) -> Result<HashMap<(ErrorKind, usize, bool), Bytes>, askama::Error> {
    let mut errors = HashMap::new();
    for (i, (lang, site)) in content.langs.iter().zip(lang_sites).enumerate() {
        for embed in [false, true] {
            for kind in ErrorKind::ALL {
                let html = render_error(&lang.strings, site.layout(embed), *kind)?;
                errors.insert((*kind, i, embed), Bytes::from(html));
            }
        }
    }
    Ok(errors)
}

impl Site {
    /// Renders every page of every language, its embed and QR code, the
    /// sitemap and the error pages, in named steps: the languages' layouts,
    /// the fixed files, the pages (beside the search index), the error
    /// pages, and every file compressed.
    pub fn build(
        content: Content,
        settings: &Settings,
        mode: Mode,
        today: time::Date,
    ) -> Result<Site, BuildError> {
        let stylesheet = stylesheet(&settings.base_url);
        let codes = CodeIndex::build(&content);
        let names = NameIndex::build(&content, &codes);
        let cx = BuildContext {
            settings,
            mode,
            today,
            langs: content
                .langs
                .iter()
                .map(|l| l.strings.lang.clone())
                .collect(),
            codes: &codes,
            css_url: format!(
                "/static/style.{}.css",
                &content_hash(stylesheet.as_bytes())[..8]
            ),
            icon_url: format!("/static/icon.{}.svg", &content_hash(ICON.as_bytes())[..8]),
        };
        let lang_sites: Vec<LangSite> = content
            .langs
            .iter()
            .map(|l| lang_site(l, &cx))
            .collect::<Result<_, _>>()?;
        let mut raw = fixed_assets(&content, &cx, stylesheet)?;
        // The search index is built beside the pages.
        let (rendered, search) = rayon::join(
            || pages(&content, &lang_sites, &cx),
            || SearchIndex::build(&content),
        );
        let search = search?;
        raw.extend(rendered?);
        let errors = error_pages(&content, &lang_sites)?;
        if mode == Mode::Check {
            for asset in &mut raw {
                asset.effort = Effort::None;
            }
        }
        Ok(Site {
            assets: assets::compress_all(raw).into_iter().collect(),
            content,
            langs: lang_sites,
            codes,
            names,
            built: today,
            search,
            errors,
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

    /// Where a request path points. Paths in no language's prefix are the default language's.
    pub fn place(&self, path: &str) -> Place {
        Place::of(
            path,
            self.langs.iter().map(|l| l.layout.lang.prefix.as_str()),
        )
    }

    /// The prepared error page for a request at `place`.
    pub fn error_page(&self, kind: ErrorKind, place: &Place) -> Bytes {
        self.errors
            .get(&(kind, place.lang, place.embed))
            .cloned()
            .unwrap_or_default()
    }

    /// The language of `place`, with its content.
    pub fn lang(&self, index: usize) -> (&LangContent, &LangSite) {
        let i = index.min(self.langs.len() - 1);
        (&self.content.langs[i], &self.langs[i])
    }

    /// The index of the language with this code.
    pub fn lang_index(&self, code: &str) -> Option<usize> {
        self.content
            .langs
            .iter()
            .position(|l| l.strings.lang.code == code)
    }

    /// Every language, the default first.
    pub fn languages(&self) -> Vec<Lang> {
        self.content
            .langs
            .iter()
            .map(|l| l.strings.lang.clone())
            .collect()
    }
}

/// The stylesheet, with a last print rule that puts the public base URL
/// before each link's own path, so a printed page's links lead back in full
/// (`https://legs.example/check`). A stylesheet cannot read the base URL from
/// the page (inline styles are refused by the CSP), so it is written in here.
fn stylesheet(base_url: &str) -> String {
    format!(
        "{STYLESHEET}\n/* Written by the site: the public base URL before each printed link address. */\n\
         @media print {{ main a[href^=\"/\"]::after {{ content: \" (\" {} attr(href) \")\"; }} }}\n",
        css_string(base_url)
    )
}

/// `s` as a CSS string, quoted and escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The warning strip's sentence, as HTML: call the number (a `tel:` link)
/// if any emergency sign holds.
fn strip_text(t: &Strings) -> String {
    let signs: Vec<&str> = crate::triage::signs(crate::triage::Urgency::Emergency)
        .map(|r| t.get(&ids::rule_sign(r.code)))
        .collect();
    t.format_html(
        "layout-strip-text",
        &[(
            "signs",
            FluentValue::from(signs.join(t.get("layout-strip-or"))),
        )],
    )
}

/// The part of a page the site makes from its data.
fn generated(
    lang: &LangContent,
    site: &LangSite,
    layout: &Layout,
    page: &Page,
    codes: &CodeIndex,
    settings: &Settings,
) -> Result<String, askama::Error> {
    let t = &lang.strings;
    match page.front.generated {
        None => Ok(String::new()),
        Some(Generated::CheckForm) => symptom::render_form(
            t,
            layout,
            &site.check,
            crate::triage::Page::Signs,
            &Default::default(),
            &Default::default(),
            &[],
        ),
        Some(Generated::Rules) => symptom::render_rules(t, layout, &site.check),
        Some(Generated::ClinicLinks) => {
            let pages = lang
                .pages
                .iter()
                .map(|p| LinkedPage {
                    id: format!(
                        "link-{}",
                        if p.path == "/" {
                            "home".to_string()
                        } else {
                            p.path.trim_start_matches('/').replace('/', "-")
                        }
                    ),
                    title: p.nav_title(),
                    url: p.url.clone(),
                    qr: clinics::qr_path(&t.lang.prefix, &p.path),
                    embed: embed_url(&t.lang, &p.path),
                    sections: p
                        .body
                        .sections
                        .iter()
                        .map(|s| (s.id.as_str(), s.title.as_str()))
                        .collect(),
                })
                .collect();
            let codes = codes
                .entries()
                .iter()
                .map(|c| CodeRow {
                    system: c.system.name(),
                    code: c.matcher.label(),
                    name: &c.name,
                    name_lang: (t.lang.code != CODE_NAME_LANG).then_some(CODE_NAME_LANG),
                    href: symptom::link_in(&t.lang, &c.link),
                    title: lang.section_title(&c.link).unwrap_or(&c.link),
                })
                .collect();
            ForClinicsTemplate {
                t,
                base_url: &settings.base_url,
                pages,
                embed_check: embed_url(&t.lang, "/check"),
                embed_example: embed_url(&t.lang, "/causes"),
                codes,
                icd10_cm: CodeSystem::Icd10Cm.oid(),
                snomed_ct: CodeSystem::SnomedCt.oid(),
            }
            .render()
        }
        Some(Generated::AccessibilityStatement) => {
            let contact = match (&settings.clinic, &settings.contact) {
                (Some(c), _) if c.phone.is_some() || c.url.is_some() => StatementContact::Clinic(c),
                (_, Some(site)) => StatementContact::Site(site),
                _ => StatementContact::Nobody,
            };
            StatementTemplate {
                t,
                contact,
                checked_iso: page.last_reviewed.to_string(),
                checked: t.date(page.last_reviewed),
            }
            .render()
        }
    }
}

/// Renders a content page in `layout`, with a generated part after its body;
/// `title_prefix` goes before the `<title>` only ("Error: " after a failed form).
pub fn render_page(
    lang: &LangContent,
    layout: &Layout,
    langs: &[Lang],
    page: &Page,
    after_body: &str,
    title_prefix: &str,
    today: time::Date,
) -> Result<String, askama::Error> {
    let t = &lang.strings;
    let position = layout.guide.iter().position(|n| n.url == page.url);
    let title = format!("{title_prefix}{}", page.front.title);
    let mut meta = Meta::for_path(
        layout,
        langs,
        &page.path,
        title,
        page.front.description.clone(),
    );
    if !layout.embed {
        meta.json_ld = Some(clinics::jsonld::page(
            page,
            &layout.base_url,
            &t.lang.code,
            t.get("site-name"),
            t.get("site-about"),
        ));
    }
    let reading_level = page.readability.map(|r| match r.method {
        Method::FleschKincaid => t.format(
            "page-reading-grade",
            &[(
                "grade",
                FluentValue::from(format!("{:.0}", r.score.max(1.0))),
            )],
        ),
        Method::Inflesz => t.format(
            "page-reading-ease",
            &[
                ("score", FluentValue::from(format!("{:.0}", r.score))),
                (
                    "band",
                    FluentValue::from(t.get(&ids::inflesz(inflesz_band(r.score))).to_string()),
                ),
            ],
        ),
    });
    let sidebar = page.is_topic() && !layout.embed;
    PageTemplate {
        t,
        layout,
        meta,
        page,
        sidebar,
        overdue: page.overdue(today),
        toc: page.body.headings.iter().filter(|h| h.level == 2).collect(),
        after_body,
        prev: position
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| layout.guide.get(i)),
        next: position.and_then(|i| layout.guide.get(i + 1)),
        sources: page
            .front
            .sources
            .iter()
            .map(|id| SourceCitation {
                title: t.get(&ids::source_title(id)),
                lang: SOURCE_LANG,
                about: t.get(&ids::source(id)),
            })
            .collect(),
        last_reviewed: t.date(page.last_reviewed),
        next_review: t.date(page.next_review),
        reading_level,
    }
    .render()
}

/// An error page in `layout`: no canonical link (it is not a page to index).
pub fn render_error(
    t: &Strings,
    layout: &Layout,
    kind: ErrorKind,
) -> Result<String, askama::Error> {
    let heading = t.get(&kind.heading_id());
    let message = t.get(&kind.message_id());
    let meta = Meta {
        title: heading.to_string(),
        description: message.to_string(),
        here: layout.url("/"),
        here_full: layout.lang.url("/"),
        ..Meta::default()
    };
    ErrorTemplate {
        t,
        layout,
        meta,
        heading,
        message,
    }
    .render()
}

fn sitemap(content: &Content, langs: &[Lang], base_url: &str) -> Result<String, askama::Error> {
    let mut entries = Vec::new();
    for lang in &content.langs {
        for page in &lang.pages {
            let layout_alternates = langs
                .iter()
                .map(|l| layout::Alternate {
                    hreflang: l.code.clone(),
                    href: l.url(&page.path),
                })
                .collect();
            entries.push(SitemapEntry {
                url: page.url.clone(),
                lastmod: page.last_reviewed.to_string(),
                alternates: layout_alternates,
            });
        }
    }
    SitemapTemplate { base_url, entries }.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_links_get_the_base_url_as_an_escaped_css_string() {
        assert_eq!(
            css_string("https://legs.example"),
            "\"https://legs.example\""
        );
        assert_eq!(css_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\a \"");
        let css = stylesheet("https://legs.example");
        assert!(css.starts_with(STYLESHEET));
        assert!(css.trim_end().ends_with(
            "@media print { main a[href^=\"/\"]::after { content: \" (\" \"https://legs.example\" attr(href) \")\"; } }"
        ));
    }

    #[test]
    fn a_path_names_its_language_embed_and_page() {
        let langs = || ["", "/es"].into_iter();
        let place = |p: &str| {
            let pl = Place::of(p, langs());
            (pl.lang, pl.embed, pl.path)
        };
        assert_eq!(place("/causes"), (0, false, "/causes".into()));
        assert_eq!(place("/es"), (1, false, "/".into()));
        assert_eq!(place("/es/embed/check"), (1, true, "/check".into()));
        assert_eq!(place("/embed"), (0, true, "/".into()));
        assert_eq!(place("/espanol"), (0, false, "/espanol".into()));
        assert_eq!(place("/embedded"), (0, false, "/embedded".into()));
    }
}
