//! One line of a phrase list to the word sequences it matches. The syntax is documented at the
//! top of `locales/en-GB/safety.txt`; in short: words in order, `mar*` a word's start, `*ني` its
//! end, `~2` up to two other words between, `{a|b c|}` one of these (an empty choice = optional),
//! `(a b)` in any order, `!` an innocent exception, `@gap N` / `@order any` / `@mutations welsh`
//! settings for the lines after them.

use std::sync::Arc;

use super::normalise::{Script, script, words};

/// Most combinations one line may stand for, so a typo cannot make loading slow.
const MAX_SEQUENCES: usize = 2048;
/// Most words a `~N` may allow between two others.
const MAX_GAP: u8 = 8;
/// Most items an unordered group may have (5! = 120 orders).
const MAX_GROUP: usize = 5;

/// One normalised word of a list: exact, or with `*` wildcards.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Atom {
    Exact(Box<str>),
    Glob {
        prefix: Box<str>,
        middle: Box<[Box<str>]>,
        suffix: Box<str>,
    },
}

impl Atom {
    pub fn matches(&self, word: &str) -> bool {
        match self {
            Atom::Exact(w) => **w == *word,
            Atom::Glob {
                prefix,
                middle,
                suffix,
            } => {
                if word.len() < prefix.len() + suffix.len()
                    || !word.starts_with(&**prefix)
                    || !word.ends_with(&**suffix)
                {
                    return false;
                }
                let mut rest = &word[prefix.len()..word.len() - suffix.len()];
                for part in middle.iter() {
                    match rest.find(&**part) {
                        Some(at) => rest = &rest[at + part.len()..],
                        None => return false,
                    }
                }
                true
            }
        }
    }

    fn literal(&self) -> String {
        match self {
            Atom::Exact(w) => w.to_string(),
            Atom::Glob {
                prefix,
                middle,
                suffix,
            } => {
                let mut s = prefix.to_string();
                middle.iter().for_each(|m| s.push_str(m));
                s.push_str(suffix);
                s
            }
        }
    }
}

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
            _ => return Err(format!("'@gap' needs a number from 0 to {MAX_GAP}, not '{n}'")),
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

#[derive(Debug, PartialEq)]
enum Token {
    Open,
    Close,
    OpenGroup,
    CloseGroup,
    Bar,
    Gap(Option<String>),
    Word(String),
}

impl Token {
    fn text(&self) -> String {
        match self {
            Token::Open => "{".into(),
            Token::Close => "}".into(),
            Token::OpenGroup => "(".into(),
            Token::CloseGroup => ")".into(),
            Token::Bar => "|".into(),
            Token::Gap(n) => format!("~{}", n.as_deref().unwrap_or("")),
            Token::Word(w) => w.clone(),
        }
    }
}

fn lex(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    while let Some(c) = chars.next() {
        let token = match c {
            '{' => Token::Open,
            '}' => Token::Close,
            '(' => Token::OpenGroup,
            ')' => Token::CloseGroup,
            '|' => Token::Bar,
            '~' => {
                let mut n = String::new();
                while let Some(d) = chars.next_if(|d| d.is_ascii_alphanumeric()) {
                    n.push(d);
                }
                Token::Gap((!n.is_empty()).then_some(n))
            }
            c if c.is_whitespace() => {
                flush(&mut word, &mut out);
                continue;
            }
            c => {
                word.push(c);
                continue;
            }
        };
        flush(&mut word, &mut out);
        out.push(token);
    }
    flush(&mut word, &mut out);
    out
}

#[derive(Debug, Clone)]
enum Node {
    Word(String),
    Gap(u8),
    Alt(Vec<Vec<Node>>),
    Group(Vec<Node>),
}

/// A sequence, up to a `}`, `|`, `)` or the end.
fn parse_seq(tokens: &[Token], pos: &mut usize) -> Result<Vec<Node>, String> {
    let mut nodes = Vec::new();
    while let Some(token) = tokens.get(*pos) {
        match token {
            Token::Close | Token::Bar | Token::CloseGroup => break,
            Token::Word(w) => nodes.push(Node::Word(w.clone())),
            Token::Gap(n) => nodes.push(Node::Gap(gap(n.as_deref())?)),
            Token::Open => {
                *pos += 1;
                let mut alts = vec![parse_seq(tokens, pos)?];
                while tokens.get(*pos) == Some(&Token::Bar) {
                    *pos += 1;
                    alts.push(parse_seq(tokens, pos)?);
                }
                if tokens.get(*pos) != Some(&Token::Close) {
                    return Err("a '{' without its '}'".into());
                }
                if alts.len() < 2 {
                    return Err(
                        "'{...}' with one choice: split choices with '|', like {hit|hits}, \
                         or drop the braces"
                            .into(),
                    );
                }
                nodes.push(Node::Alt(alts));
            }
            Token::OpenGroup => {
                *pos += 1;
                let items = parse_seq(tokens, pos)?;
                if tokens.get(*pos) != Some(&Token::CloseGroup) {
                    return Err("a '(' without its ')'".into());
                }
                let words = items.iter().filter(|n| !matches!(n, Node::Gap(_))).count();
                if !(2..=MAX_GROUP).contains(&words) {
                    return Err(format!(
                        "'(...)' takes 2 to {MAX_GROUP} words or choices, in any order"
                    ));
                }
                nodes.push(Node::Group(items));
            }
        }
        *pos += 1;
    }
    Ok(nodes)
}

fn gap(n: Option<&str>) -> Result<u8, String> {
    match n {
        None => Ok(3),
        Some(n) => match n.parse::<u8>() {
            Ok(n) if n <= MAX_GAP => Ok(n),
            _ => Err(format!("'~{n}': a gap is '~' or '~0' to '~{MAX_GAP}'")),
        },
    }
}

/// A gap must stand between two words; a group may hold one gap value, for all its words.
fn check_gaps(nodes: &[Node]) -> Result<(), String> {
    let bad = || Err("'~' must stand between two words".to_string());
    if matches!(nodes.first(), Some(Node::Gap(_))) || matches!(nodes.last(), Some(Node::Gap(_))) {
        return bad();
    }
    for pair in nodes.windows(2) {
        if matches!(pair, [Node::Gap(_), Node::Gap(_)]) {
            return bad();
        }
    }
    for node in nodes {
        match node {
            Node::Alt(alts) => alts.iter().try_for_each(|a| check_gaps(a))?,
            Node::Group(items) => {
                let mut gaps = items.iter().filter_map(|n| match n {
                    Node::Gap(g) => Some(*g),
                    _ => None,
                });
                if let Some(first) = gaps.next() {
                    if gaps.any(|g| g != first) {
                        return Err("a '(...)' group takes one gap for all its words".into());
                    }
                }
                for item in items.iter().filter(|n| !matches!(n, Node::Gap(_))) {
                    check_gaps(std::slice::from_ref(item))?;
                }
            }
            _ => {}
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
                options.insert(0, vec![Step { gap: 0, atoms: merged.into() }]);
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
        return Err(format!("'{raw}' has no letters or digits, so it can never match"));
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

fn atom(word: &str) -> Result<Atom, String> {
    if !word.contains('*') {
        return Ok(Atom::Exact(word.into()));
    }
    let parts: Vec<&str> = word.split('*').collect();
    let letters: usize = parts.iter().map(|p| p.chars().count()).sum();
    if letters < 2 {
        return Err("a wildcard word needs at least two letters, or it matches almost any word".into());
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    let middle: Vec<Box<str>> = parts[1..parts.len() - 1]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| Box::<str>::from(*p))
        .collect();
    Ok(Atom::Glob {
        prefix: first.into(),
        middle: middle.into(),
        suffix: last.into(),
    })
}

/// The forms a Welsh word takes after soft, nasal and aspirate mutation (and h- before a vowel):
/// "taro" -> "daro", "nharo", "tharo". Doubled letters already count once, so "lladd" = "ladd".
fn welsh_mutations(atom: &Atom) -> Vec<Atom> {
    let start = match atom {
        Atom::Exact(w) => w.clone(),
        Atom::Glob { prefix, .. } => prefix.clone(),
    };
    if start.chars().count() < 3 || start.starts_with(['c', 'p', 't']) && start[1..].starts_with('h')
    {
        return Vec::new();
    }
    let table: &[(&str, &[&str])] = &[
        ("rh", &["r"]),
        ("p", &["b", "mh", "ph"]),
        ("t", &["d", "nh", "th"]),
        ("c", &["g", "ngh", "ch"]),
        ("b", &["f", "m"]),
        ("d", &["n"]),
        ("g", &["", "ng"]),
        ("m", &["f"]),
    ];
    let mut forms: Vec<String> = Vec::new();
    if let Some((radical, mutated)) = table.iter().find(|(r, _)| start.starts_with(r)) {
        let rest = &start[radical.len()..];
        forms.extend(mutated.iter().map(|m| format!("{m}{rest}")));
    } else if start.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y']) {
        forms.push(format!("h{start}"));
    }
    forms
        .into_iter()
        .filter_map(|f| {
            let norm = words(&f, true);
            (norm.len() == 1 && norm.get(0).chars().count() >= 2).then(|| norm.get(0).to_owned())
        })
        .map(|f| match atom {
            Atom::Exact(_) => Atom::Exact(f.into()),
            Atom::Glob { middle, suffix, .. } => Atom::Glob {
                prefix: f.into(),
                middle: middle.clone(),
                suffix: suffix.clone(),
            },
        })
        .collect()
}
