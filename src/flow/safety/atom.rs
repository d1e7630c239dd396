//! One word of a list line, normalised: exact, or with `*` wildcards; and its Welsh mutations.

use super::normalise::words;

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

    pub fn literal(&self) -> String {
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

pub(super) fn atom(word: &str) -> Result<Atom, String> {
    if !word.contains('*') {
        return Ok(Atom::Exact(word.into()));
    }
    let parts: Vec<&str> = word.split('*').collect();
    let letters: usize = parts.iter().map(|p| p.chars().count()).sum();
    if letters < 2 {
        return Err(
            "a wildcard word needs at least two letters, or it matches almost any word".into(),
        );
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
pub(super) fn welsh_mutations(atom: &Atom) -> Vec<Atom> {
    let start = match atom {
        Atom::Exact(w) => w.clone(),
        Atom::Glob { prefix, .. } => prefix.clone(),
    };
    if start.chars().count() < 3
        || start.starts_with(['c', 'p', 't']) && start[1..].starts_with('h')
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
