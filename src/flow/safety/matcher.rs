//! Finding rules in a text quickly: every rule's first word is indexed (exact words in a hash
//! map, `mar*` stems by their start, `*ني` by their end), so each word of the text costs a few
//! look-ups, and only the rules whose first word is there are followed further.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalise::Words;
use super::pattern::{Atom, Seq};

/// FNV-1a: short keys, no need for a DoS-resistant hash (the keys are the lists' words).
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<Box<str>, V, BuildHasherDefault<Fnv>>;

/// One sequence of one rule; `rank` orders rules (the page's own list first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Entry {
    pub rank: u32,
    pub rule: u32,
    pub seq: u32,
}

#[derive(Debug, Default, Clone)]
pub(super) struct Index {
    exact: Map<Vec<Entry>>,
    prefix: Map<Vec<Entry>>,
    /// Bit n set: some prefix is n bytes long (n < 64).
    prefix_lens: u64,
    suffix: Map<Vec<Entry>>,
    suffix_lens: u64,
    /// Wildcards with neither a start nor an end, tried on every word.
    loose: Vec<(Atom, Entry)>,
    pub size: usize,
}

impl Index {
    pub fn add(&mut self, seq: &Seq, entry: Entry) {
        self.size += 1;
        for atom in seq[0].atoms.iter() {
            match atom {
                Atom::Exact(w) => self.exact.entry(w.clone()).or_default().push(entry),
                Atom::Glob { prefix, .. } if !prefix.is_empty() && prefix.len() < 64 => {
                    self.prefix_lens |= 1 << prefix.len();
                    self.prefix.entry(prefix.clone()).or_default().push(entry);
                }
                Atom::Glob { suffix, .. } if !suffix.is_empty() && suffix.len() < 64 => {
                    self.suffix_lens |= 1 << suffix.len();
                    self.suffix.entry(suffix.clone()).or_default().push(entry);
                }
                other => self.loose.push((other.clone(), entry)),
            }
        }
    }

    /// Rules whose first word may be `word`, best rank first. Wildcard entries still need
    /// checking against the whole word (a prefix match is not yet a suffix match).
    pub fn candidates(&self, word: &str, out: &mut Vec<Entry>) {
        out.clear();
        if let Some(e) = self.exact.get(word) {
            out.extend_from_slice(e);
        }
        for (at, _) in word.char_indices().skip(1).chain([(word.len(), ' ')]) {
            if at < 64 && self.prefix_lens & (1 << at) != 0 {
                if let Some(e) = self.prefix.get(&word[..at]) {
                    out.extend_from_slice(e);
                }
            }
        }
        for (at, _) in word.char_indices() {
            let len = word.len() - at;
            if len < 64 && self.suffix_lens & (1 << len) != 0 {
                if let Some(e) = self.suffix.get(&word[at..]) {
                    out.extend_from_slice(e);
                }
            }
        }
        for (atom, entry) in &self.loose {
            if atom.matches(word) {
                out.push(*entry);
            }
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

/// Where `seq` can end if its first word is word `start`: every possible last word, in order.
pub(super) fn ends(seq: &Seq, words: &Words, start: usize) -> Vec<usize> {
    if !seq[0].atoms.iter().any(|a| a.matches(words.get(start))) {
        return Vec::new();
    }
    let mut at = vec![start];
    for step in &seq[1..] {
        let mut next: Vec<usize> = Vec::new();
        for &p in &at {
            let last = (p + 1 + usize::from(step.gap)).min(words.len().saturating_sub(1));
            for q in p + 1..=last {
                if !next.contains(&q) && step.atoms.iter().any(|a| a.matches(words.get(q))) {
                    next.push(q);
                }
            }
        }
        if next.is_empty() {
            return next;
        }
        next.sort_unstable();
        at = next;
    }
    at
}

/// Every stretch of `words` that one of `seqs` matches, as (first word, furthest last word).
pub(super) fn spans(seqs: &[Seq], words: &Words) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for seq in seqs {
        for start in 0..words.len() {
            if let Some(&end) = ends(seq, words, start).last() {
                out.push((start, end));
            }
        }
    }
    out
}
