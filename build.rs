//! Finds every interface string the templates and the code use by a literal
//! id (`t.get("id")`, `t.format("id", ...)`, `t.html("id")`), with its file and line, so
//! `leg-pain-guide check` can report one that a strings file is missing.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let mut uses = Vec::new();
    for dir in ["templates", "src"] {
        println!("cargo:rerun-if-changed={dir}");
        scan(Path::new(dir), &mut uses);
    }
    uses.sort();
    let mut out = String::from(
        "/// Every literal string id in the templates and the code: file, line, id.\npub const STRING_USES: &[(&str, u32, &str)] = &[\n",
    );
    for (file, line, id) in uses {
        let _ = writeln!(out, "    ({file:?}, {line}, {id:?}),");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("string_uses.rs");
    std::fs::write(dest, out).expect("write string_uses.rs");
}

fn scan(dir: &Path, uses: &mut Vec<(String, usize, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            scan(&path, uses);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let file = path.display().to_string();
        if file.ends_with("build.rs") {
            continue;
        }
        for pattern in ["t.get(", "t.format(", "t.html(", "t.format_html("] {
            let mut from = 0;
            while let Some(at) = text[from..].find(pattern).map(|i| from + i) {
                from = at + pattern.len();
                // `t` must be a whole name: `rest.get("x")` is not a string lookup.
                if text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                // The id may follow on the next line, as rustfmt writes long calls.
                let Some(after) = text[from..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let Some(end) = after.find('"') else { continue };
                let id = &after[..end];
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    let line = 1 + text[..at].matches('\n').count();
                    uses.push((file.clone(), line, id.to_string()));
                }
            }
        }
    }
}
