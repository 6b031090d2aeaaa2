//! The architecture, checked (docs/architecture.md): no import cycle between the modules of
//! `src/`, and no import that goes up a layer. Every file is parsed with syn; its `use` trees and
//! every path that starts with `crate`, `super`, `self` or `kirjaamo` count, outside
//! `#[cfg(test)]` items and `tests.rs` files (tests may use anything). A module using its own
//! ancestors or descendants is Rust's module tree, not an import between modules.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Layers, lowest first: a module may import its own layer and the ones below.
const LAYERS: &[(&str, u8)] = &[
    ("", 0), // the crate root: `error_chain`
    ("domain", 0),
    ("paths", 0),
    ("plain", 0),
    ("contract", 1),
    ("remote", 2),
    ("tweb", 2),
    ("outbox", 2),
    ("logging", 2),
    ("i18n", 2),
    ("preview", 2),
    ("scan", 2),
    ("audit", 3),
    ("export", 3),
    ("pdf", 3),
    ("mappings", 3),
    ("settings", 3),
    ("credentials", 3),
    ("connection", 4),
    ("conformance", 4),
    ("demo", 4),
    ("service", 4),
    ("ui", 5),
    ("cli", 5),
    ("main", 6),
];

/// The sandbox sits beside the layers: only these may use it.
const SANDBOX_USERS: &[&str] = &["demo", "main"];

/// Cycles still to be taken apart, each exactly as it stands (a new cycle, or a module joining
/// one, fails). None is left.
const KNOWN_CYCLES: &[&[&str]] = &[];

struct File {
    module: Vec<String>,
    path: PathBuf,
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            found.push(path);
        }
    }
}

/// The module a file holds: `src/export/mod.rs` → `export`, `src/export/engine.rs` →
/// `export::engine`; the binary's `src/main.rs` → `main` and its `src/cli/…` → `cli::…`.
fn module_of(src: &Path, path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src).unwrap_or(path).with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.meta.require_list().is_ok_and(|l| l.tokens.to_string().contains("test")))
}

/// Collects the module paths a file refers to, as written (before resolving).
#[derive(Default)]
struct Refs {
    paths: Vec<Vec<String>>,
    children: BTreeSet<String>,
}

impl Refs {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.add(prefix, Some(n.ident.to_string())),
            syn::UseTree::Rename(r) => self.add(prefix, Some(r.ident.to_string())),
            syn::UseTree::Glob(_) => self.add(prefix, None),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.use_tree(prefix, item);
                }
            }
        }
    }

    fn add(&mut self, prefix: &[String], last: Option<String>) {
        let mut path = prefix.to_vec();
        path.extend(last);
        self.paths.push(path);
    }
}

impl<'ast> Visit<'ast> for Refs {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if is_test(attrs) {
            return;
        }
        if let syn::Item::Mod(m) = item {
            self.children.insert(m.ident.to_string());
        }
        if let syn::Item::Use(u) = item {
            self.use_tree(&mut Vec::new(), &u.tree);
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.first().is_some_and(|s| matches!(s.as_str(), "crate" | "super" | "self" | "kirjaamo")) {
            self.paths.push(segments);
        }
        syn::visit::visit_path(self, path);
    }
}

/// The module a written path lands in: the longest known module it starts with.
fn resolve(
    from: &[String],
    written: &[String],
    children: &BTreeSet<String>,
    known: &BTreeSet<Vec<String>>,
    lib: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut absolute: Vec<String>;
    let mut rest = written;
    let pool = match written.first().map(String::as_str) {
        Some("kirjaamo") => {
            absolute = Vec::new();
            rest = &written[1..];
            lib
        }
        Some("crate") => {
            absolute = Vec::new();
            rest = &written[1..];
            known
        }
        Some("self") => {
            absolute = from.to_vec();
            rest = &written[1..];
            known
        }
        Some("super") => {
            absolute = from.to_vec();
            while rest.first().is_some_and(|s| s == "super") {
                absolute.pop();
                rest = &rest[1..];
            }
            known
        }
        Some(first) if children.contains(first) => {
            absolute = from.to_vec();
            known
        }
        _ => return None,
    };
    absolute.extend(rest.iter().cloned());
    (0..=absolute.len()).rev().map(|n| absolute[..n].to_vec()).find(|candidate| pool.contains(candidate))
}

fn top(module: &[String]) -> &str {
    module.first().map_or("", String::as_str)
}

fn layer(module: &[String]) -> Option<u8> {
    LAYERS.iter().find(|(name, _)| *name == top(module)).map(|(_, layer)| *layer)
}

fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Strongly connected components of more than one module (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                component.insert(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn no_import_cycle_and_no_import_up_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    let files: Vec<File> = paths.into_iter().map(|path| File { module: module_of(&src, &path), path }).collect();
    let in_binary = |m: &[String]| matches!(top(m), "main" | "cli");
    let lib: BTreeSet<Vec<String>> = files.iter().filter(|f| !in_binary(&f.module)).map(|f| f.module.clone()).collect();
    let bin: BTreeSet<Vec<String>> = files.iter().filter(|f| in_binary(&f.module)).map(|f| f.module.clone()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(&file.path).unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        let mut refs = Refs::default();
        refs.visit_file(&syntax);
        let (known, from) = if in_binary(&file.module) {
            // The binary's root is `main`: its `crate::cli` is `cli`.
            let from = if file.module == ["main"] { Vec::new() } else { file.module.clone() };
            let known: BTreeSet<Vec<String>> =
                bin.iter().map(|m| if m == &["main".to_owned()] { Vec::new() } else { m.clone() }).collect();
            (known, from)
        } else {
            (lib.clone(), file.module.clone())
        };
        let name = file.module.join("::");
        for written in &refs.paths {
            let Some(target) = resolve(&from, written, &refs.children, &known, &lib) else { continue };
            let target = if in_binary(&file.module) && written.first().is_some_and(|s| s != "kirjaamo") {
                if target.is_empty() { vec!["main".to_owned()] } else { target }
            } else {
                target
            };
            if related(&file.module, &target) {
                continue;
            }
            let (source_layer, target_layer) = (layer(&file.module), layer(&target));
            let target_name = target.join("::");
            if top(&target) == "sandbox" && top(&file.module) != "sandbox" {
                if !SANDBOX_USERS.contains(&top(&file.module)) {
                    problems.push(format!("{name} uses the sandbox ({target_name}): only {SANDBOX_USERS:?} may"));
                }
            } else if top(&file.module) != "sandbox" {
                match (source_layer, target_layer) {
                    (Some(s), Some(t)) if t > s => {
                        problems.push(format!("{name} (layer {s}) imports {target_name} (layer {t}): up a layer"));
                    }
                    (None, _) => problems.push(format!("{name}: its top module has no layer in LAYERS")),
                    (_, None) => problems.push(format!("{target_name}: its top module has no layer in LAYERS")),
                    _ => {}
                }
            } else if top(&target) != "sandbox" && target_layer.is_none_or(|t| t > 1) {
                problems.push(format!("the sandbox ({name}) imports {target_name}: only domain and contract"));
            }
            edges.entry(name.clone()).or_default().insert(target_name);
        }
    }
    let known: Vec<BTreeSet<String>> =
        KNOWN_CYCLES.iter().map(|c| c.iter().map(|m| (*m).to_owned()).collect()).collect();
    for cycle in cycles(&edges) {
        if !known.contains(&cycle) {
            problems.push(format!("import cycle: {}", cycle.into_iter().collect::<Vec<_>>().join(" → ")));
        }
    }
    assert!(edges.len() > 60, "the check read the modules: {}", edges.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Finds every use of one identifier (outside comments, which syn drops).
struct Names<'a> {
    name: &'a str,
    found: usize,
}

impl<'ast> Visit<'ast> for Names<'_> {
    fn visit_ident(&mut self, ident: &'ast syn::Ident) {
        if ident == self.name {
            self.found += 1;
        }
    }
}

/// The desk's panels are views over what they are given: no UI file outside the app module names
/// the app struct. The module tree's re-exports name it, and the shell hosts it (as egui's
/// `wrap_app.rs` hosts its apps).
#[test]
fn only_the_app_module_and_its_host_name_the_app_struct() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src.join("ui"), &mut paths);
    let allowed = |m: &[String]| {
        m.starts_with(&["ui".to_owned(), "desk".to_owned(), "app".to_owned()])
            || [&["ui"][..], &["ui", "desk"], &["ui", "shell"]]
                .iter()
                .any(|a| m.iter().map(String::as_str).eq(a.iter().copied()))
    };
    let mut offenders = Vec::new();
    for path in &paths {
        let module = module_of(&src, path);
        let text = std::fs::read_to_string(path).unwrap();
        let mut names = Names { name: "DeskApp", found: 0 };
        names.visit_file(&syn::parse_file(&text).unwrap());
        if names.found > 0 && !allowed(&module) {
            offenders.push(module.join("::"));
        }
    }
    assert!(paths.len() > 20, "the check read the UI: {}", paths.len());
    assert!(offenders.is_empty(), "name DeskApp outside the app module: {offenders:?}");
}
