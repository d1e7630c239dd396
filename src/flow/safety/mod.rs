//! Signs that a child may not be safe, found in what they type. The phrase lists are data,
//! `locales/<tag>/safety.txt`, written for a safeguarding lead to read and edit; their syntax is
//! described at the top of `locales/en-GB/safety.txt`. A match shows help at once and makes the
//! case urgent; it never blocks the child from carrying on.
//!
//! - Text and lists are normalised the same way per script ([`normalise`]): case, accents,
//!   Arabic-script diacritics and letter forms, apostrophes, stretched letters.
//! - A rule is words in order with stems (`mar*`), gaps (`~2`), choices (`{a|b}`), any-order
//!   groups (`(a b)`), and per-file settings (`@gap`, `@order any`, `@mutations welsh`).
//! - `!` lines list innocent uses ("beat me at fifa"): a rule's match that overlaps one of the
//!   exceptions of its paragraph does not count there.
//! - On every page, the page's own list is checked, and every other list's Latin-script lines
//!   (Roman Urdu, Arabizi, Polish without accents are mostly typed on the English pages), and any
//!   other list's lines in a script the page's own list does not use (Arabic on an English page).

mod atom;
mod list;
mod matcher;
mod normalise;
mod pattern;
mod syntax;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::i18n::FALLBACK;
use list::parse_list;
use matcher::{Entry, Index};
use normalise::{Script, Words, words};
use pattern::Seq;

/// A rule found in a child's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyMatch {
    /// The child's own words that matched, as typed (a slice of the text), for quoting.
    pub words: String,
    /// Byte range of `words` in the text.
    pub span: Range<usize>,
    /// Which list matched (a locale tag).
    pub locale: String,
    /// The list line that matched, as written in `locales/<locale>/safety.txt`.
    pub rule: String,
    /// Its line number in that file (1-based; 0 for lists not read from a file).
    pub line: usize,
}

#[derive(Debug, Clone)]
struct Rule {
    locale: usize,
    line: usize,
    source: String,
    script: Script,
    /// Index into `SafetyPhrases::exceptions`: the `!` lines of this rule's paragraph.
    para: usize,
    seqs: Vec<Seq>,
}

#[derive(Debug, Default, Clone)]
pub struct SafetyPhrases {
    locales: Vec<String>,
    rules: Vec<Rule>,
    exceptions: Vec<Vec<Seq>>,
    /// Per page locale, the rules checked there.
    indexes: HashMap<String, Index>,
    /// For a page locale without a list: every rule.
    everything: Index,
}

impl SafetyPhrases {
    /// Read every `locales/<tag>/safety.txt`. A line with a problem is skipped with a warning
    /// (`lint` reports it); the rest of the list still works.
    pub fn load(locales_dir: &Path) -> std::io::Result<Self> {
        let mut lists = Vec::new();
        for (tag, file) in list_files(locales_dir)? {
            if let Some(file) = file {
                lists.push((tag, std::fs::read_to_string(&file)?));
            }
        }
        let phrases = Self::from_lists(lists.iter().map(|(t, s)| (t.as_str(), s.as_str())));
        Ok(phrases)
    }

    /// One locale's list, one list line per item (the same syntax as `safety.txt`).
    pub fn from_phrases(locale: &str, phrases: &[&str]) -> Self {
        Self::from_lists([(locale, phrases.join("\n").as_str())])
    }

    /// Lists as (locale tag, file text). Lines with problems are skipped with a warning.
    pub fn from_lists<'a>(lists: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut me = Self::default();
        for (tag, text) in lists {
            let parsed = parse_list(text);
            for (line, problem) in &parsed.problems {
                tracing::warn!(locale = tag, line, problem, "safety list line skipped");
            }
            let locale = me.locales.len();
            me.locales.push(tag.to_owned());
            let mut paras = HashMap::new();
            for rule in parsed.rules {
                let para = *paras.entry(rule.para).or_insert_with(|| {
                    let exceptions = parsed.exceptions.get(&rule.para).cloned();
                    me.exceptions.push(exceptions.unwrap_or_default());
                    me.exceptions.len() - 1
                });
                me.rules.push(Rule {
                    locale,
                    line: rule.line,
                    source: rule.source,
                    script: rule.script,
                    para,
                    seqs: rule.seqs,
                });
            }
        }
        me.build_indexes();
        me
    }

    fn build_indexes(&mut self) {
        let fallback = self.locales.iter().position(|l| l == FALLBACK);
        for page in 0..=self.locales.len() {
            let own_scripts: Vec<Script> = self
                .rules
                .iter()
                .filter(|r| r.locale == page)
                .map(|r| r.script)
                .collect();
            // The page's list first, then English, then the others in file order.
            let order = |r: &Rule| (r.locale != page, Some(r.locale) != fallback, r.locale);
            let mut chosen: Vec<usize> = (0..self.rules.len())
                .filter(|&i| {
                    let r = &self.rules[i];
                    r.locale == page
                        || r.script == Script::Latin
                        || !own_scripts.contains(&r.script)
                })
                .collect();
            chosen.sort_by_key(|&i| (order(&self.rules[i]), i));
            let mut index = Index::default();
            for (rank, &i) in chosen.iter().enumerate() {
                for (s, seq) in self.rules[i].seqs.iter().enumerate() {
                    let entry = Entry {
                        rank: rank as u32,
                        rule: i as u32,
                        seq: s as u32,
                    };
                    index.add(seq, entry);
                }
            }
            match self.locales.get(page) {
                Some(tag) => {
                    self.indexes.insert(tag.clone(), index);
                }
                None => self.everything = index,
            }
        }
    }

    /// Whether `text` holds any rule checked on `locale`'s pages.
    pub fn matches(&self, locale: &str, text: &str) -> bool {
        self.find(locale, text).is_some()
    }

    /// The first rule (by position in the text, then the page's own list first) found in `text`
    /// on `locale`'s pages, with the child's words that matched.
    pub fn find(&self, locale: &str, text: &str) -> Option<SafetyMatch> {
        let index = self.indexes.get(locale).unwrap_or(&self.everything);
        if index.size == 0 {
            return None;
        }
        let said = words(text, false);
        let hashes: Vec<u64> = (0..said.len()).map(|i| matcher::fnv(said.get(i))).collect();
        let mut roots = Vec::new();
        let mut excepted: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for start in 0..said.len() {
            for (entry, end) in index.hits(&said, &hashes, start, &mut roots) {
                let rule = &self.rules[entry.rule as usize];
                let innocent = excepted
                    .entry(rule.para)
                    .or_insert_with(|| matcher::spans(&self.exceptions[rule.para], &said));
                if !innocent.iter().any(|&(a, b)| a <= end && b >= start) {
                    return Some(self.found(rule, &said, text, start, end));
                }
            }
        }
        None
    }

    fn found(
        &self,
        rule: &Rule,
        said: &Words,
        text: &str,
        start: usize,
        end: usize,
    ) -> SafetyMatch {
        let span = said.list[start].orig.start..said.list[end].orig.end;
        SafetyMatch {
            words: text[span.clone()].to_owned(),
            span,
            locale: self.locales[rule.locale].clone(),
            rule: rule.source.clone(),
            line: rule.line,
        }
    }

    /// How many rules (not exceptions) `locale`'s list has.
    pub fn phrase_count(&self, locale: &str) -> usize {
        let Some(at) = self.locales.iter().position(|l| l == locale) else {
            return 0;
        };
        self.rules.iter().filter(|r| r.locale == at).count()
    }
}

/// Each locale folder under `locales_dir`, sorted, with its `safety.txt` if it has one.
fn list_files(locales_dir: &Path) -> std::io::Result<Vec<(String, Option<std::path::PathBuf>)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(locales_dir)? {
        let entry = entry?;
        if !entry.path().is_dir() {
            continue;
        }
        let file = entry.path().join("safety.txt");
        let tag = entry.file_name().to_string_lossy().into_owned();
        out.push((tag, file.is_file().then_some(file)));
    }
    out.sort();
    Ok(out)
}

/// Problems in the phrase lists under `locales_dir`, one line each, as `file:line: problem`:
/// bad syntax, an exception with no rule, a word that can never match, an unknown setting, a
/// line that repeats another, a locale folder with no list. Empty when all is well.
pub fn lint(locales_dir: &Path) -> Vec<String> {
    let files = match list_files(locales_dir) {
        Ok(files) => files,
        Err(e) => return vec![format!("{}: cannot read: {e}", locales_dir.display())],
    };
    let mut problems = Vec::new();
    for (tag, file) in files {
        let Some(file) = file else {
            problems.push(format!(
                "{}: no safety.txt, so its pages check only the other lists' Latin-script lines",
                locales_dir.join(&tag).display()
            ));
            continue;
        };
        match std::fs::read_to_string(&file) {
            Err(e) => problems.push(format!("{}: cannot read: {e}", file.display())),
            Ok(text) => {
                let parsed = parse_list(&text);
                if parsed.rules.is_empty() {
                    problems.push(format!("{}: has no rules", file.display()));
                }
                for (line, problem) in parsed.problems {
                    problems.push(format!("{}:{line}: {problem}", file.display()));
                }
            }
        }
    }
    problems
}
