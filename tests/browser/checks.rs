//! The checks, each a function that returns the problems it found (empty
//! when the page passes). The site's tests and the broken-fixture tests call
//! the same functions, so a check that could never fail is caught.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::tools::Tools;
use crate::webdriver::{Session, TAB};

/// WCAG 2.0, 2.1 and 2.2, levels A, AA and AAA (enhanced contrast, link
/// purpose, no timed refresh), and axe's best-practice rules.
pub const AXE_TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag2aaa",
    "wcag21a",
    "wcag21aa",
    "wcag21aaa",
    "wcag22aa",
    "wcag22aaa",
    "best-practice",
];

/// axe-core, read once from node_modules, injected into each page with
/// WebDriver's execute (the page's CSP governs the page's own scripts only).
/// It is injected once per document: a second run on the same page (the
/// other colour scheme) uses the copy already there.
pub struct Axe {
    source: String,
}

/// Runs the axe already in the page, or answers `{missing: true}`.
const AXE_RUN: &str = "const done = arguments[arguments.length - 1];\n\
     if (typeof window.axe !== 'object' || typeof window.axe.run !== 'function') {\n\
       done({missing: true}); return;\n\
     }\n\
     window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})\n\
       .then(r => done({version: window.axe.version, violations: r.violations.map(v => ({\n\
         id: v.id, impact: v.impact, help: v.help,\n\
         nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))\n\
       }))}))\n\
       .catch(e => done({error: String(e && e.stack || e)}));";

impl Axe {
    pub fn load(tools: &Tools) -> Axe {
        let source = std::fs::read_to_string(&tools.axe_js)
            .unwrap_or_else(|e| panic!("read {}: {e}", tools.axe_js.display()));
        Axe {
            source: format!("{source}\n;return typeof window.axe === 'object';"),
        }
    }

    async fn run(&self, session: &Session) -> Value {
        session.execute_async(AXE_RUN, vec![json!(AXE_TAGS)]).await
    }

    /// Runs axe on the current page: one line per violation, with its id,
    /// impact, help and the selectors of every node.
    pub async fn check(&self, session: &Session) -> Vec<String> {
        let mut result = self.run(session).await;
        if result["missing"] == Value::Bool(true) {
            let loaded = session.execute(&self.source, vec![]).await;
            if loaded != Value::Bool(true) {
                return vec![format!("axe-core did not load into the page: {loaded}")];
            }
            result = self.run(session).await;
        }
        if let Some(error) = result["error"].as_str() {
            return vec![format!("axe could not run: {error}")];
        }
        let Some(violations) = result["violations"].as_array() else {
            return vec![format!("axe gave no result: {result}")];
        };
        violations
            .iter()
            .map(|v| {
                let nodes: Vec<String> = v["nodes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|n| {
                        let summary = n["summary"].as_str().unwrap_or_default().replace('\n', " ");
                        format!("      {} :: {summary}", n["target"])
                    })
                    .collect();
                format!(
                    "axe {} ({}): {}\n{}",
                    v["id"].as_str().unwrap_or("?"),
                    v["impact"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or(""),
                    nodes.join("\n")
                )
            })
            .collect()
    }
}

/// Every request the browser made since the log was last read that went to
/// another origin than `origin` (from chromedriver's performance log, which
/// sees failed and blocked requests too). A page load that logged no
/// request at all is a problem too: the check would be blind.
pub async fn foreign_requests(session: &Session, origin: &str) -> Vec<String> {
    outside(&requests(session).await, &[origin])
}

/// Every request the browser made since the performance log was last read,
/// as (method, URL).
pub async fn requests(session: &Session) -> Vec<(String, String)> {
    let mut requests = Vec::new();
    for entry in session.log("performance").await {
        let Some(message) = entry["message"].as_str() else {
            continue;
        };
        let event: Value = serde_json::from_str(message).unwrap_or_default();
        if event["message"]["method"] != "Network.requestWillBeSent" {
            continue;
        }
        let request = &event["message"]["params"]["request"];
        requests.push((
            request["method"].as_str().unwrap_or_default().to_string(),
            request["url"].as_str().unwrap_or_default().to_string(),
        ));
    }
    requests
}

/// The requests that went to none of `origins`; no request at all is a
/// problem too (the check would be blind).
pub fn outside(requests: &[(String, String)], origins: &[&str]) -> Vec<String> {
    let mut problems: Vec<String> = requests
        .iter()
        .filter(|(_, url)| {
            !reqwest::Url::parse(url)
                .is_ok_and(|u| origins.contains(&u.origin().ascii_serialization().as_str()))
        })
        .map(|(_, url)| format!("request to another origin: {url}"))
        .collect();
    if requests.is_empty() {
        problems.push("the performance log recorded no request for this page load".into());
    }
    problems
}

/// Console errors (and failed loads, CSP violations…) since the log was last read.
pub async fn console_errors(session: &Session) -> Vec<String> {
    session
        .log("browser")
        .await
        .into_iter()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| format!("console error: {}", entry["message"]))
        .collect()
}

/// Chromium logs a page that loads with an error status as a console
/// error. The 404 page and the check's 422 mean to: leave out exactly that
/// line for the page itself; anything else stays a problem.
pub fn except_page_status(problems: Vec<String>, page_url: &str, status: u16) -> Vec<String> {
    if status < 400 {
        return problems;
    }
    let expected = format!(
        "{page_url} - Failed to load resource: the server responded with a status of {status} "
    );
    problems
        .into_iter()
        .filter(|p| !p.contains(&expected))
        .collect()
}

/// Cookies, as WebDriver and as the page itself see them.
pub async fn cookies(session: &Session) -> Vec<String> {
    let mut problems: Vec<String> = session
        .cookie_names()
        .await
        .iter()
        .map(|name| format!("cookie set: {name}"))
        .collect();
    let document_cookie = session.execute("return document.cookie;", vec![]).await;
    if document_cookie.as_str().is_some_and(|c| !c.is_empty()) {
        problems.push(format!("document.cookie is {document_cookie}"));
    }
    problems
}

/// Horizontal scrolling: the page must fit its viewport's width. Names the
/// elements that stick out.
pub async fn horizontal_overflow(session: &Session) -> Vec<String> {
    let found = session
        .execute(
            "const root = document.documentElement;\n\
             const width = root.clientWidth;\n\
             if (root.scrollWidth <= width) return null;\n\
             const wide = [...document.body.querySelectorAll('*')]\n\
               .filter(e => e.getBoundingClientRect().right > width + 1)\n\
               .slice(0, 5)\n\
               .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +\n\
                 (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +\n\
                 ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');\n\
             return `scrolls sideways: content is ${root.scrollWidth} px wide in a ${width} px viewport; ` + wide.join(', ');",
            vec![],
        )
        .await;
    found.as_str().map(str::to_string).into_iter().collect()
}

/// WCAG 2.5.5 (AAA) target size: every link and control that is not inline
/// in a sentence is at least 44 by 44 CSS pixels. A link is inline when the
/// block it sits in holds other words than its own; radios, checkboxes,
/// buttons and the like never are. Hidden and off-screen targets (a closed
/// fold, the skip link until it has focus) are left out.
pub async fn small_targets(session: &Session) -> Vec<String> {
    let found = session
        .execute(
            r#"
const MIN = 44;
const problems = [];
const words = /[\p{L}\p{N}]/u;
const isShown = el => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  // Off the page to the side: the skip link until it has focus.
  if (r.right + window.scrollX <= 0 || r.left >= document.documentElement.scrollWidth) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden') return false;
  if (el.closest('.visually-hidden')) return false;
  return true;
};
const blockOf = el => {
  let b = el.parentElement;
  while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
  return b;
};
const otherWords = (block, el) => {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.contains(n)) continue;
    const parent = n.parentElement;
    if (parent && (parent.closest('.visually-hidden') || getComputedStyle(parent).display === 'none')) continue;
    text += n.textContent;
  }
  return words.test(text);
};
for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
  if (!isShown(el)) continue;
  const link = el.tagName === 'A';
  if (link) {
    const block = blockOf(el);
    if (block && otherWords(block, el)) continue;
  }
  const r = el.getBoundingClientRect();
  if (r.width + 0.5 < MIN || r.height + 0.5 < MIN) {
    const text = (el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : '') + (el.type && !link ? `[type=${el.type}]` : '');
    problems.push(`target too small: ${what} "${text}" is ${Math.round(r.width)}x${Math.round(r.height)} px, not 44x44 (it is not inside a sentence)`);
  }
}
return problems;"#,
            vec![],
        )
        .await;
    strings(found)
}

/// WCAG 2.4.9 (AAA) link purpose from the link alone: links with the same
/// words go to the same place, and no link is only "read more" or "here".
pub async fn unclear_links(session: &Session) -> Vec<String> {
    let found = session
        .execute(
            r#"
const vague = new Set(['here', 'click here', 'read more', 'more', 'learn more', 'this page', 'link', 'website',
  'aquí', 'haga clic aquí', 'leer más', 'lea más', 'más', 'más información', 'esta página', 'enlace', 'sitio web']);
const byName = new Map();
const problems = [];
for (const a of document.querySelectorAll('a[href]')) {
  const r = a.getBoundingClientRect();
  if (r.width === 0 && r.height === 0 && !a.matches('.skip-link')) continue;
  const name = (a.getAttribute('aria-label') || a.textContent || '').trim().replace(/\s+/g, ' ');
  const key = name.toLowerCase().replace(/[.:;,!?()→]/g, '').trim();
  if (!key) { problems.push(`a link with no words: ${a.getAttribute('href')}`); continue; }
  if (vague.has(key)) problems.push(`link "${name}" (${a.getAttribute('href')}) does not say where it goes`);
  const target = a.href;
  if (!byName.has(key)) byName.set(key, new Set());
  byName.get(key).add(target);
}
for (const [name, targets] of byName) {
  if (targets.size > 1) problems.push(`links named "${name}" go to ${targets.size} places: ${[...targets].join(', ')}`);
}
return problems;"#,
            vec![],
        )
        .await;
    strings(found)
}

/// WCAG 2.4.10 (AAA) section headings: one `h1` in `main`, and every
/// section, navigation and complementary region named by a heading or a label.
pub async fn missing_headings(session: &Session) -> Vec<String> {
    let found = session
        .execute(
            r#"
const problems = [];
const h1 = document.querySelectorAll('main h1');
if (h1.length !== 1) problems.push(`main has ${h1.length} h1 headings, not one`);
for (const region of document.querySelectorAll('section, nav, aside')) {
  const labelled = region.getAttribute('aria-label') || region.getAttribute('aria-labelledby');
  const heading = region.querySelector('h1, h2, h3, h4, h5, h6');
  if (!labelled && !heading) {
    const id = region.id ? '#' + region.id : (region.className ? '.' + String(region.className).trim().split(/\s+/).join('.') : '');
    problems.push(`${region.tagName.toLowerCase()}${id} has no heading or label`);
  }
  if (region.tagName === 'SECTION' && !heading) {
    problems.push(`section${region.id ? '#' + region.id : ''} has no heading`);
  }
}
return problems;"#,
            vec![],
        )
        .await;
    strings(found)
}

/// WCAG 2.2.x and 2.3.x (AAA): no timing and no motion: no refresh or
/// redirect after a delay, no animation or transition running, nothing that
/// moves on its own.
pub async fn timing_or_motion(session: &Session) -> Vec<String> {
    let found = session
        .execute(
            r#"
const problems = [];
for (const m of document.querySelectorAll('meta[http-equiv]')) {
  if (m.httpEquiv.toLowerCase() === 'refresh') problems.push(`meta refresh: ${m.content}`);
}
for (const a of document.getAnimations()) {
  const t = a.effect && a.effect.target;
  problems.push(`something moves: ${a.constructor.name} ${a.animationName || a.transitionProperty || ''} on ${t ? t.tagName.toLowerCase() + (t.className ? '.' + t.className : '') : '?'}`);
}
for (const el of document.querySelectorAll('marquee, blink, video[autoplay], audio[autoplay]')) {
  problems.push(`moving or playing on its own: ${el.tagName.toLowerCase()}`);
}
return problems;"#,
            vec![],
        )
        .await;
    strings(found)
}

/// A script's answer as a list of problems.
fn strings(found: Value) -> Vec<String> {
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// Text stays readable: the body text is at least 16 CSS pixels.
pub async fn small_body_text(session: &Session) -> Vec<String> {
    let size = session
        .execute(
            "return parseFloat(getComputedStyle(document.body).fontSize);",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(0.0);
    if size < 16.0 {
        vec![format!("body text is {size} px, smaller than 16 px")]
    } else {
        vec![]
    }
}

/// A Tab stop described: `describeStop(el, mark)` returns null for no
/// element (or the body), else what it is and whether its focus indicator
/// shows. With a `mark`, tags the element so a walk can tell when it comes
/// round again.
const DESCRIBE_STOP: &str = r#"
function describeStop(el, mark) {
  if (!el || el === document.body || el === document.documentElement) return null;
  const seen = el.dataset.tabStop !== undefined;
  if (mark !== null && !seen) el.dataset.tabStop = String(mark);
  const s = getComputedStyle(el);
  const alpha = c => {
    const m = /rgba?\(([^)]*)\)/.exec(c);
    if (!m) return c === 'transparent' ? 0 : 1;
    const parts = m[1].split(/[\s,\/]+/).filter(Boolean);
    return parts.length > 3 ? parseFloat(parts[3]) : 1;
  };
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && alpha(s.outlineColor) > 0;
  const shadow = s.boxShadow !== 'none';
  const cls = typeof el.className === 'string' ? el.className : '';
  const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
  return {
    seen, tag: el.tagName.toLowerCase(), id: el.id, cls, type: el.type || '', name: el.name || '',
    value: el.value || '', checked: !!el.checked, href: el.getAttribute('href') || '', text,
    in_main: !!el.closest('main'), visible_focus: outline || shadow,
    style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`,
    describe: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '') +
      (el.name ? `[name=${el.name}][value=${el.value}]` : '') + (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : '') +
      (text ? ` "${text}"` : ''),
  };
}
"#;

/// The element that has focus now (`Value::Null` for none or the body).
pub async fn active_element(session: &Session) -> Value {
    let script = format!("{DESCRIBE_STOP}\nreturn describeStop(document.activeElement, null);");
    session.execute(&script, vec![]).await
}

/// How many Tab stops the page seems to have: focusable elements, with a
/// radio group counted once (hidden ones are counted too, so it may be more).
const COUNT_STOPS: &str = "const radios = new Set(); let n = 0;\n\
     for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {\n\
       if (el.tabIndex < 0 || el.disabled) continue;\n\
       if (el.type === 'radio') { if (radios.has(el.name)) continue; radios.add(el.name); }\n\
       n += 1;\n\
     }\n\
     return n;";

/// Tab presses sent in one WebDriver call by `tab_through`.
const TABS_PER_CALL: usize = 25;

/// Presses Tab through every stop on the page (until focus leaves the page
/// or comes back round). Returns each stop, and a problem for each stop
/// whose focus indicator does not show.
///
/// Each stop is described by a `focusin` listener the moment it takes
/// focus, so the Tabs go in batches rather than one round trip each; a
/// stop that focus skips over is still seen, since every focus change
/// fires `focusin`.
pub async fn tab_through(session: &Session) -> (Vec<Value>, Vec<String>) {
    let install = format!(
        "{DESCRIBE_STOP}\n\
         window.__tabStops = [];\n\
         window.__tabEls = [];\n\
         document.addEventListener('focusin', () => {{\n\
           window.__tabEls.push(document.activeElement);\n\
           window.__tabStops.push(describeStop(document.activeElement, window.__tabStops.length));\n\
         }}, true);\n\
         return true;"
    );
    assert_eq!(
        session.execute(&install, vec![]).await,
        Value::Bool(true),
        "the Tab stop recorder installs"
    );
    // The first batch: one Tab per stop the page seems to have (a radio
    // group is one stop), and one more to come round; then 25 at a time.
    let expected = session.execute(COUNT_STOPS, vec![]).await;
    let mut batch = expected.as_u64().unwrap_or(0) as usize + 1;
    let mut recorded: Vec<Value> = Vec::new();
    while recorded.len() < 400 {
        session.press(&vec![TAB; batch]).await;
        batch = TABS_PER_CALL;
        let seen = session
            .execute("return window.__tabStops || null;", vec![])
            .await;
        let Some(seen) = seen.as_array() else {
            return (
                Vec::new(),
                vec!["the page was left during the Tab walk".into()],
            );
        };
        let grew = seen.len() > recorded.len();
        recorded = seen.clone();
        if let Some(end) = recorded
            .iter()
            .position(|s| s.is_null() || s["seen"] == true)
        {
            recorded.truncate(end);
            // The last batch may have gone round again: leave focus on
            // nothing, as after a page load, for whatever comes next.
            session
                .execute(
                    "if (document.activeElement) document.activeElement.blur(); return null;",
                    vec![],
                )
                .await;
            confirm_focus(session, &mut recorded).await;
            return (recorded.clone(), focus_problems(&recorded));
        }
        // Focus that leaves the page fires no focusin; the next Tab
        // usually brings it back to a stop already seen, ending the walk
        // above. If a whole batch moved it nowhere, it stayed outside.
        if !grew {
            confirm_focus(session, &mut recorded).await;
            return (recorded.clone(), focus_problems(&recorded));
        }
    }
    let mut problems = focus_problems(&recorded);
    problems.push("more than 400 Tab stops: the walk never ended".into());
    (recorded, problems)
}

/// Looks again at each stop whose focus indicator did not show during the
/// walk: focus goes to the stop before it, one Tab is pressed on its own,
/// and the stop is described again while it has focus. Chromium can leave
/// `:focus-visible` off for a stop reached in the middle of a fast batch of
/// Tabs on a busy machine; a stop with no focus style fails both times.
async fn confirm_focus(session: &Session, stops: &mut [Value]) {
    for (n, stop) in stops.iter_mut().enumerate() {
        if stop["visible_focus"] == true {
            continue;
        }
        let script = format!(
            "{DESCRIBE_STOP}\n\
             const n = arguments[0];\n\
             if (n > 0) window.__tabEls[n - 1].focus(); else if (document.activeElement) document.activeElement.blur();\n\
             return true;"
        );
        session.execute(&script, vec![Value::from(n)]).await;
        session.press(&[TAB]).await;
        let again = format!(
            "{DESCRIBE_STOP}\n\
             const el = window.__tabEls[arguments[0]];\n\
             return document.activeElement === el ? describeStop(el, null) : null;"
        );
        let again = session.execute(&again, vec![Value::from(n)]).await;
        if again["visible_focus"] == true {
            stop["visible_focus"] = Value::Bool(true);
            stop["style"] = again["style"].clone();
        }
    }
    session
        .execute(
            "if (document.activeElement) document.activeElement.blur(); return null;",
            vec![],
        )
        .await;
}

/// A problem for each stop whose focus indicator does not show.
fn focus_problems(stops: &[Value]) -> Vec<String> {
    stops
        .iter()
        .enumerate()
        .filter(|(_, stop)| stop["visible_focus"] != true)
        .map(|(n, stop)| {
            format!(
                "focus not visible on Tab stop {}: {} ({})",
                n + 1,
                stop["describe"].as_str().unwrap_or("?"),
                stop["style"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Runs the Nu HTML Checker once over every document. Returns its errors
/// by document name (documents without errors are left out).
pub fn html_errors(tools: &Tools, documents: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let dir = tempfile::tempdir().expect("temporary folder for vnu");
    let mut files = Vec::new();
    let mut names = BTreeMap::new();
    for (i, (name, html)) in documents.iter().enumerate() {
        let path = dir.path().join(format!("{i:03}.html"));
        std::fs::write(&path, html).expect("write a document for vnu");
        names.insert(file_key(&path), name.clone());
        files.push(path);
    }
    let output = Command::new(&tools.java)
        .arg("-jar")
        .arg(&tools.vnu_jar)
        .args([
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            "--no-langdetect",
            "--stdout",
        ])
        .args(&files)
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", tools.java.display()));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "vnu did not print JSON ({e}); exit {:?}; stdout: {}; stderr: {}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for message in report["messages"].as_array().into_iter().flatten() {
        let url = message["url"].as_str().unwrap_or_default();
        let name = url
            .strip_prefix("file:")
            .and_then(|path| names.get(&file_key(Path::new(path))))
            .cloned()
            .unwrap_or_else(|| url.to_string());
        errors.entry(name).or_default().push(format!(
            "line {}: {} [{}]",
            message["lastLine"],
            message["message"].as_str().unwrap_or_default(),
            message["extract"].as_str().unwrap_or_default().trim()
        ));
    }
    errors
}

fn file_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
