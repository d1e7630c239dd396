//! A list line's text to a tree: words, `~N` gaps, `{a|b}` choices, `(a b)` any-order groups.

/// Most words a `~N` may allow between two others.
pub(super) const MAX_GAP: u8 = 8;
/// Most items an unordered group may have (5! = 120 orders).
pub(super) const MAX_GROUP: usize = 5;

#[derive(Debug, PartialEq)]
pub(super) enum Token {
    Open,
    Close,
    OpenGroup,
    CloseGroup,
    Bar,
    Gap(Option<String>),
    Word(String),
}

impl Token {
    pub fn text(&self) -> String {
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

pub(super) fn lex(text: &str) -> Vec<Token> {
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
pub(super) enum Node {
    Word(String),
    Gap(u8),
    Alt(Vec<Vec<Node>>),
    Group(Vec<Node>),
}

/// A sequence, up to a `}`, `|`, `)` or the end.
pub(super) fn parse_seq(tokens: &[Token], pos: &mut usize) -> Result<Vec<Node>, String> {
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
pub(super) fn check_gaps(nodes: &[Node]) -> Result<(), String> {
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
