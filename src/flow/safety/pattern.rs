//! One line of a phrase list to the word sequences it matches. The syntax is documented at the
//! top of `locales/en-GB/safety.txt`; in short: words in order, `mar*` a word's start, `*ني` its
//! end, `~2` up to two other words between, `{a|b c|}` one of these (an empty choice = optional),
//! `(a b)` in any order, `!` an innocent exception, `@gap N` / `@order any` / `@mutations welsh`
//! settings for the lines after them.

use std::sync::Arc;

use super::atom::{Atom, atom, welsh_mutations};
use super::normalise::{Script, script, words};
use super::syntax::{MAX_GAP, MAX_GROUP, Node, check_gaps, lex, parse_seq};

/// Most combinations one line may stand for, so a typo cannot make loading slow.
const MAX_SEQUENCES: usize = 2048;

/// One word of a sequence: any of `atoms`, with up to `gap` other words before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Step {
    pub gap: u8,
    pub atoms: Arc<[Atom]>,
}

pub(super) type Seq = Vec<Step>;

/// Settings in force for a line, changed by `@` lines.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Settings {
    pub gap: u8,
    pub any_order: bool,
    pub welsh: bool,
}

#[derive(Debug)]
pub(super) enum Line {
    Blank,
    Rule(Vec<Seq>, Script),
    Exception(Vec<Seq>),
}

/// Read one line; `settings` is updated by a directive.
pub(super) fn parse_line(text: &str, settings: &mut Settings) -> Result<Line, String> {
    let text = match text.find(" #") {
        Some(at) => &text[..at],
        None => text,
    }
    .trim();
    if text.is_empty() || text.starts_with('#') {
        return Ok(Line::Blank);
    }
    if let Some(directive) = text.strip_prefix('@') {
        return directive_line(directive, settings).map(|()| Line::Blank);
    }
    let (exception, body) = match text.strip_prefix('!') {
        Some(rest) => (true, rest.trim()),
        None => (false, text),
    };
    if body.is_empty() {
        return Err("an exception line ('!') with nothing after it".into());
    }
    let tokens = lex(body);
    let mut pos = 0;
    let mut nodes = parse_seq(&tokens, &mut pos)?;
    if pos < tokens.len() {
        return Err(format!("unexpected '{}'", tokens[pos].text()));
    }
    check_gaps(&nodes)?;
    let items = nodes.iter().filter(|n| !matches!(n, Node::Gap(_))).count();
    if settings.any_order && items > 1 {
        if items > MAX_GROUP {
            return Err(format!(
                "under '@order any' a line takes at most {MAX_GROUP} words or choices"
            ));
        }
        nodes = vec![Node::Group(nodes)];
    }
    let seqs = expand_seq(&nodes, settings)?;
    if seqs.iter().any(Vec::is_empty) {
        return Err("this line can match nothing at all (every word is optional)".into());
    }
    if exception {
        return Ok(Line::Exception(seqs));
    }
    let mut found = None;
    for atom in seqs.iter().flatten().flat_map(|s| s.atoms.iter()) {
        match (found, script(&atom.literal())) {
            (_, None) => {}
            (None, Some(s)) => found = Some(s),
            (Some(f), Some(s)) if f != s => found = Some(Script::Other),
            _ => {}
        }
    }
    Ok(Line::Rule(seqs, found.unwrap_or(Script::Latin)))
}

fn directive_line(text: &str, settings: &mut Settings) -> Result<(), String> {
    let mut parts = text.split_whitespace();
    let (name, value) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if parts.next().is_some() {
        return Err(format!("'@{name}' takes one value"));
    }
    match (name, value) {
        ("gap", n) => match n.parse::<u8>() {
            Ok(n) if n <= MAX_GAP => settings.gap = n,
            _ => {
                return Err(format!(
                    "'@gap' needs a number from 0 to {MAX_GAP}, not '{n}'"
                ));
            }
        },
        ("order", "any") => settings.any_order = true,
        ("order", "fixed") => settings.any_order = false,
        ("order", v) => return Err(format!("'@order' is 'any' or 'fixed', not '{v}'")),
        ("mutations", "welsh") => settings.welsh = true,
        ("mutations", "none") => settings.welsh = false,
        ("mutations", v) => return Err(format!("'@mutations' is 'welsh' or 'none', not '{v}'")),
        (other, _) => {
            return Err(format!(
                "unknown setting '@{other}' (known: @gap, @order, @mutations)"
            ));
        }
    }
    Ok(())
}

fn too_many() -> String {
    format!("this line stands for more than {MAX_SEQUENCES} combinations; split it")
}

fn expand_seq(nodes: &[Node], settings: &Settings) -> Result<Vec<Seq>, String> {
    let mut partials: Vec<(Seq, Option<u8>)> = vec![(Vec::new(), None)];
    for node in nodes {
        if let Node::Gap(g) = node {
            partials.iter_mut().for_each(|p| p.1 = Some(*g));
            continue;
        }
        let options = expand_node(node, settings)?;
        let mut next = Vec::with_capacity(partials.len() * options.len());
        for (steps, pending) in &partials {
            for option in &options {
                next.push(join(steps, *pending, option, settings.gap));
            }
        }
        if next.len() > MAX_SEQUENCES {
            return Err(too_many());
        }
        partials = next;
    }
    Ok(partials.into_iter().map(|(s, _)| s).collect())
}

/// `steps` then `option`, with `pending` (or the default) words allowed between.
fn join(steps: &Seq, pending: Option<u8>, option: &Seq, default: u8) -> (Seq, Option<u8>) {
    if option.is_empty() {
        return (steps.clone(), pending);
    }
    let mut out = steps.clone();
    let mut option = option.clone();
    option[0].gap = pending.unwrap_or(default);
    out.extend(option);
    (out, None)
}

fn expand_node(node: &Node, settings: &Settings) -> Result<Vec<Seq>, String> {
    match node {
        Node::Gap(_) => Ok(vec![Vec::new()]),
        Node::Word(raw) => Ok(vec![word_steps(raw, settings)?]),
        Node::Alt(alts) => {
            let mut merged: Vec<Atom> = Vec::new();
            let mut options = Vec::new();
            for alt in alts {
                let seqs = expand_seq(alt, settings)?;
                for seq in seqs {
                    if seq.len() == 1 && !alt.iter().any(|n| matches!(n, Node::Gap(_))) {
                        merged.extend(seq[0].atoms.iter().cloned());
                    } else if !options.contains(&seq) {
                        options.push(seq);
                    }
                }
            }
            if !merged.is_empty() {
                merged.dedup();
                options.insert(
                    0,
                    vec![Step {
                        gap: 0,
                        atoms: merged.into(),
                    }],
                );
            }
            Ok(options)
        }
        Node::Group(items) => {
            let gap = items
                .iter()
                .find_map(|n| match n {
                    Node::Gap(g) => Some(*g),
                    _ => None,
                })
                .unwrap_or(settings.gap);
            let inner = Settings { gap, ..*settings };
            let parts: Vec<Vec<Seq>> = items
                .iter()
                .filter(|n| !matches!(n, Node::Gap(_)))
                .map(|n| expand_node(n, &inner))
                .collect::<Result<_, _>>()?;
            let mut out: Vec<Seq> = Vec::new();
            for order in permutations(parts.len()) {
                let mut partials: Vec<(Seq, Option<u8>)> = vec![(Vec::new(), None)];
                for &i in &order {
                    let mut next = Vec::new();
                    for (steps, pending) in &partials {
                        for option in &parts[i] {
                            next.push(join(steps, *pending, option, gap));
                        }
                    }
                    partials = next;
                    if partials.len() * order.len() > MAX_SEQUENCES {
                        return Err(too_many());
                    }
                }
                for (seq, _) in partials {
                    if !out.contains(&seq) {
                        out.push(seq);
                    }
                }
                if out.len() > MAX_SEQUENCES {
                    return Err(too_many());
                }
            }
            Ok(out)
        }
    }
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for rest in permutations(n - 1) {
        for at in 0..=rest.len() {
            let mut p = rest.clone();
            p.insert(at, n - 1);
            out.push(p);
        }
    }
    out
}

/// One written word to its steps: usually one, more if it holds a hyphen ("self-harm").
fn word_steps(raw: &str, settings: &Settings) -> Result<Seq, String> {
    let parsed = words(raw, true);
    if parsed.list.is_empty() {
        return Err(format!(
            "'{raw}' has no letters or digits, so it can never match"
        ));
    }
    (0..parsed.len())
        .map(|i| {
            let w = parsed.get(i);
            let atom = atom(w).map_err(|e| format!("'{raw}': {e}"))?;
            if w.chars().any(|c| c.is_ascii_alphabetic()) && script(w) == Some(Script::Other) {
                return Err(format!(
                    "'{raw}' mixes Latin and other letters in one word, so it can never match"
                ));
            }
            let mut atoms = vec![atom];
            if settings.welsh {
                atoms.extend(welsh_mutations(&atoms[0]));
            }
            Ok(Step {
                gap: 0,
                atoms: atoms.into(),
            })
        })
        .collect()
}
