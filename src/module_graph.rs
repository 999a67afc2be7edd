//! No import cycles: between modules, or between the files of one module.
//! Every file under `src/` is a node; every path it names in another file
//! (`use crate::…`, `use super::…`, a path in code, a re-export) is an
//! arrow to that file (the deepest module the path names). Declaring a
//! module (`mod x;`) is not an arrow, and test code (`#[cfg(test)]`) is
//! left out: tests may reach anything. The graph must have no cycle, so a
//! newcomer can draw it with every arrow pointing one way.
//!
//! syn reads the files as the compiler does (groups, globs, paths in
//! expressions) and petgraph finds the strongly connected components.
//! `cargo-modules` draws the same graph, but it is a separate tool built on
//! rust-analyzer, far heavier to install on a busy machine than a test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;
use syn::visit::Visit;

/// A module's path from the crate root: `["web", "server"]`.
type ModPath = Vec<String>;

/// Every module file under `src/` (the binary's `main.rs` aside), by module path.
fn module_files(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path
                .strip_prefix(src)
                .expect("under src")
                .with_extension("");
            let mut parts: ModPath = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts.last().map(String::as_str) {
                Some("main") if parts.len() == 1 => continue,
                Some("lib") if parts.len() == 1 => parts.clear(),
                Some("mod") => {
                    parts.pop();
                }
                _ => {}
            }
            files.insert(parts, path);
        }
    }
    files
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// The paths one file names, resolved to modules.
struct Arrows<'a> {
    here: &'a [String],
    known: &'a BTreeMap<ModPath, PathBuf>,
    to: BTreeSet<ModPath>,
    /// Child modules declared only for tests.
    test_children: BTreeSet<String>,
}

impl Arrows<'_> {
    fn resolve(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let (mut base, rest): (ModPath, &[String]) = match first.as_str() {
            "crate" => (Vec::new(), &segments[1..]),
            "self" => (self.here.to_vec(), &segments[1..]),
            "super" => {
                let mut base = self.here.to_vec();
                let mut rest = segments;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                (base, rest)
            }
            child => {
                let mut candidate = self.here.to_vec();
                candidate.push(child.to_string());
                if !self.known.contains_key(&candidate) {
                    return;
                }
                (self.here.to_vec(), segments)
            }
        };
        let mut target = None;
        for segment in rest {
            base.push(segment.clone());
            if self.known.contains_key(&base) {
                target = Some(base.clone());
            } else {
                break;
            }
        }
        let target =
            target.unwrap_or_else(|| base[..base.len() - rest.len().min(base.len())].to_vec());
        if target != self.here && !target.is_empty() && self.known.contains_key(&target) {
            self.to.insert(target);
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                if n.ident != "self" {
                    full.push(n.ident.to_string());
                }
                self.resolve(&full);
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                full.push(r.ident.to_string());
                self.resolve(&full);
            }
            syn::UseTree::Glob(_) => {
                let full = prefix.clone();
                self.resolve(&full);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Arrows<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => {
                if is_test_only(&m.attrs) {
                    self.test_children.insert(m.ident.to_string());
                    return;
                }
                &m.attrs
            }
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 {
            self.resolve(&segments);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Every module's arrows, test-only modules left out.
fn arrows(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let known = module_files(src);
    let mut all = BTreeMap::new();
    let mut test_only = BTreeSet::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).expect("read a source file");
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut found = Arrows {
            here: module,
            known: &known,
            to: BTreeSet::new(),
            test_children: BTreeSet::new(),
        };
        found.visit_file(&ast);
        for child in found.test_children {
            let mut path = module.clone();
            path.push(child);
            test_only.insert(path);
        }
        all.insert(module.clone(), found.to);
    }
    all.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    all
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// The arrows between modules that sit side by side: an arrow from a file
/// in one to a file in another (neither inside the other) is an arrow
/// between the two modules under their nearest common parent
/// (`content::front_matter -> clinics::code_system` is `content -> clinics`).
fn between_modules(
    arrows: &BTreeMap<ModPath, BTreeSet<ModPath>>,
) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut lifted: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (from, tos) in arrows {
        for to in tos {
            if from.starts_with(to) || to.starts_with(from) {
                continue;
            }
            let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            lifted
                .entry(from[..=common].to_vec())
                .or_default()
                .insert(to[..=common].to_vec());
        }
    }
    lifted
}

/// The cycles in the graph: each strongly connected component of more than one module.
fn cycles(arrows: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<String>> {
    let names: BTreeMap<&ModPath, String> = arrows
        .iter()
        .flat_map(|(from, tos)| std::iter::once(from).chain(tos))
        .map(|m| (m, name(m)))
        .collect();
    let mut graph = DiGraphMap::<&str, ()>::new();
    for (from, tos) in arrows {
        graph.add_node(&names[from]);
        for to in tos {
            graph.add_edge(&names[from], &names[to], ());
        }
    }
    tarjan_scc(&graph)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut members: Vec<String> = scc.into_iter().map(String::from).collect();
            members.sort();
            members
        })
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Each cycle, with the arrows inside it.
fn explain(arrows: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<String> {
    let found = cycles(arrows);
    let explained: Vec<String> = found
        .iter()
        .map(|members| {
            let inside: Vec<String> = members
                .iter()
                .flat_map(|m| {
                    let from: ModPath = m.split("::").map(String::from).collect();
                    arrows
                        .get(&from)
                        .into_iter()
                        .flatten()
                        .map(|t| name(t))
                        .filter(|t| members.contains(t))
                        .map(move |t| format!("{m} -> {t}"))
                        .collect::<Vec<_>>()
                })
                .collect();
            format!("{members:?}: {}", inside.join(", "))
        })
        .collect();
    explained
}

#[test]
fn no_module_or_file_imports_one_that_imports_it_back() {
    let files = arrows(&src());
    let between_files = explain(&files);
    assert!(
        between_files.is_empty(),
        "import cycles between files:\n{}",
        between_files.join("\n")
    );
    let modules = explain(&between_modules(&files));
    assert!(
        modules.is_empty(),
        "import cycles between modules:\n{}",
        modules.join("\n")
    );
}

#[test]
fn the_graph_sees_the_arrows_a_cycle_is_made_of() {
    // The checker itself: a cycle written into a scratch crate is found.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("web")).unwrap();
    std::fs::create_dir_all(src.join("content")).unwrap();
    std::fs::write(
        src.join("lib.rs"),
        "pub mod web; pub mod site; pub mod content; pub mod clinics;",
    )
    .unwrap();
    // A cycle between two files of one module.
    std::fs::write(
        src.join("web/mod.rs"),
        "pub mod body; pub mod error; pub mod page; pub use body::read;",
    )
    .unwrap();
    std::fs::write(src.join("web/body.rs"), "use super::error::AppError;").unwrap();
    std::fs::write(
        src.join("web/error.rs"),
        "fn f() { super::body::check(); let _ = crate::site::Place::of(); }",
    )
    .unwrap();
    // A cycle between modules that no two files make: web::error -> site -> web::page.
    std::fs::write(src.join("web/page.rs"), "").unwrap();
    std::fs::write(
        src.join("site.rs"),
        "use crate::web::page; #[cfg(test)] mod tests { use crate::web::error; }",
    )
    .unwrap();
    // And one through a file of each: content::front -> clinics -> content::page.
    std::fs::write(src.join("content/mod.rs"), "pub mod front; pub mod page;").unwrap();
    std::fs::write(src.join("content/front.rs"), "use crate::clinics::System;").unwrap();
    std::fs::write(src.join("content/page.rs"), "").unwrap();
    std::fs::write(src.join("clinics.rs"), "use crate::content::page::Page;").unwrap();
    let arrows = arrows(src);
    assert_eq!(
        cycles(&arrows),
        vec![vec!["web::body".to_string(), "web::error".to_string()]]
    );
    // No file imports one that imports it back, but the modules do.
    let modules = cycles(&between_modules(&arrows));
    assert!(
        modules.contains(&vec!["clinics".to_string(), "content".to_string()]),
        "{modules:?}"
    );
    assert!(
        modules.contains(&vec!["site".to_string(), "web".to_string()]),
        "{modules:?}"
    );
    let site: ModPath = vec!["site".into()];
    let web_page: ModPath = vec!["web".into(), "page".into()];
    assert_eq!(
        arrows[&site],
        BTreeSet::from([web_page]),
        "test code is left out"
    );
}

/// The arrows between the crate's top-level modules (printed with `--nocapture`).
#[test]
fn print_the_top_level_graph() {
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in arrows(&src()) {
        let Some(f) = from.first() else { continue };
        let entry = top.entry(f.clone()).or_default();
        for t in tos {
            if t[0] != *f {
                entry.insert(t[0].clone());
            }
        }
    }
    for (from, tos) in &top {
        println!(
            "{from} -> {}",
            tos.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    assert!(top.contains_key("web"));
}
