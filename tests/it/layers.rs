//! The source's top-level modules form one-way layers: each imports only modules listed
//! before it in [`LAYERS`], so there is no cycle and `app` (the composition root) is imported
//! by nothing. A new top-level module must be placed in the list; an import against the order
//! fails here with the file that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom first. Why each sits where it does is in README's "How the code is laid out".
const LAYERS: &[&str] = &[
    "domain",
    "timescale",
    "lists",
    "i18n",
    "casework",
    "flow",
    "equality",
    "config",
    "store",
    "letters",
    "notify",
    "error",
    "retention",
    "tracking",
    "reminders",
    "report",
    "intake",
    "inbound",
    "import",
    "web",
    "content",
    "cli",
    "app",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/web/chat.rs` → `web`, `src/app.rs` → `app`.
fn top_module(path: &Path) -> String {
    let first = path
        .strip_prefix(src())
        .expect("under src")
        .components()
        .next()
        .expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named by a `crate::` path, including each item of a
/// `use crate::{a::X, b::{Y, Z}}` group.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group, split on commas at depth zero.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.insert(ident(item.trim()));
        } else {
            found.insert(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn each_module_imports_only_the_layers_below_it() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let tops: BTreeSet<String> = files
        .iter()
        .map(|f| top_module(f))
        .filter(|m| m != "lib" && m != "main")
        .collect();
    for module in &tops {
        assert!(
            LAYERS.contains(&module.as_str()),
            "src/{module} is not in LAYERS (tests/it/layers.rs): place it above what it uses"
        );
    }
    let rank: BTreeMap<&str, usize> = LAYERS.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut wrong = Vec::new();
    for file in &files {
        let from = top_module(file);
        let Some(&from_rank) = rank.get(from.as_str()) else {
            continue;
        };
        let code = without_comments(&std::fs::read_to_string(file).expect("read"));
        for to in named_modules(&code) {
            match rank.get(to.as_str()) {
                Some(&to_rank) if to_rank > from_rank => wrong.push(format!(
                    "{} uses crate::{to}, a layer above {from}",
                    file.strip_prefix(src()).expect("under src").display()
                )),
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_reads_paths_and_groups() {
    let code = "use crate::{app::App, web::{self, AppState}, store};\nlet x = crate::notify::Outbox::new();";
    let names: Vec<String> = named_modules(code).into_iter().collect();
    assert_eq!(names, ["app", "notify", "store", "web"]);
    assert_eq!(top_module(&src().join("web/staff/case/mod.rs")), "web");
    assert_eq!(top_module(&src().join("app.rs")), "app");
    // A comment naming a module is not an import.
    assert!(named_modules(&without_comments("// see crate::app")).is_empty());
}
