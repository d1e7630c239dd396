//! Finding rules in a text quickly. All sequences checked on a page are merged into one tree
//! (sequences that start alike share their first steps, as the choices of a line expand into
//! many), and the first steps are indexed: exact words in a hash map, `mar*` stems by their
//! start, `*ني` by their end, letter by letter. Each word of the text costs a few look-ups, and
//! only the branches whose first word is there are followed further.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::atom::Atom;
use super::normalise::Words;
use super::pattern::{Seq, Step};

/// FNV-1a with a final mix: short keys, no need for a DoS-resistant hash (the keys are the
/// lists' words).
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // FNV's low bits mix poorly for short keys, and the hash map picks buckets by them.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<Box<str>, V, BuildHasherDefault<Fnv>>;

/// FNV-1a of a word, computed once per word of the text.
pub(super) fn fnv(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Which letters a word has, folded into 64 bits: a word lacks some letter of a wildcard's
/// fixed parts if it lacks one of its bits.
fn letters(word: &str) -> u64 {
    word.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// A step's words made quick to test: exact words by hash, binary-searched, then wildcards.
#[derive(Debug, Clone)]
struct Quick {
    hashes: Box<[u64]>,
    exact: Box<[Box<str>]>,
    globs: Box<[Atom]>,
}

impl Quick {
    fn new(step: &Step) -> Self {
        let mut exact: Vec<(u64, Box<str>)> = Vec::new();
        let mut globs = Vec::new();
        for atom in step.atoms.iter() {
            match atom {
                Atom::Exact(w) => exact.push((fnv(w), w.clone())),
                glob => globs.push(glob.clone()),
            }
        }
        exact.sort();
        Self {
            hashes: exact.iter().map(|(h, _)| *h).collect(),
            exact: exact.into_iter().map(|(_, w)| w).collect(),
            globs: globs.into(),
        }
    }

    fn matches(&self, word: &str, hash: u64) -> bool {
        let from = self.hashes.partition_point(|&h| h < hash);
        let exact = self.hashes[from..]
            .iter()
            .take_while(|&&h| h == hash)
            .zip(&self.exact[from..])
            .any(|(_, w)| **w == *word);
        exact || self.globs.iter().any(|g| g.matches(word))
    }
}

/// One sequence of one rule; `rank` orders rules (the page's own list first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Entry {
    pub rank: u32,
    pub rule: u32,
    pub seq: u32,
}

/// Wildcard words by their fixed start (or, reversed, their fixed end), one letter a level.
#[derive(Debug, Clone)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    children: Vec<(char, u32)>,
    here: Vec<(Atom, u32)>,
}

impl Default for Trie {
    fn default() -> Self {
        Self {
            nodes: vec![TrieNode::default()],
        }
    }
}

impl Trie {
    fn insert(&mut self, key: impl Iterator<Item = char>, atom: &Atom, root: u32) {
        let mut at = 0;
        for c in key {
            at = match self.nodes[at]
                .children
                .binary_search_by_key(&c, |(k, _)| *k)
            {
                Ok(i) => self.nodes[at].children[i].1 as usize,
                Err(i) => {
                    self.nodes.push(TrieNode::default());
                    let new = self.nodes.len() - 1;
                    self.nodes[at].children.insert(i, (c, new as u32));
                    new
                }
            };
        }
        self.nodes[at].here.push((atom.clone(), root));
    }

    /// Roots whose key starts `key` and whose atom matches all of `word`.
    fn collect(&self, key: impl Iterator<Item = char>, word: &str, out: &mut Vec<u32>) {
        let mut at = 0;
        for c in key {
            let node = &self.nodes[at];
            match node.children.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => at = node.children[i].1 as usize,
                Err(_) => return,
            }
            let here = &self.nodes[at].here;
            out.extend(
                here.iter()
                    .filter(|(a, _)| a.matches(word))
                    .map(|(_, e)| *e),
            );
        }
    }
}

/// One step of the merged tree: the sequences through it continue with its children, and
/// `ends` are the sequences that end here.
#[derive(Debug, Clone)]
struct Node {
    step: Step,
    quick: Quick,
    children: Vec<u32>,
    ends: Vec<Entry>,
}

#[derive(Debug, Default, Clone)]
pub(super) struct Index {
    nodes: Vec<Node>,
    roots: HashMap<Step, u32>,
    exact: Map<Vec<u32>>,
    prefix: Trie,
    suffix: Trie,
    /// Wildcards with neither a start nor an end, tried on a word only if it has all their
    /// letters (by `letters` masks).
    loose: Vec<(u64, Atom, u32)>,
    pub size: usize,
}

impl Index {
    pub fn add(&mut self, seq: &Seq, entry: Entry) {
        self.size += 1;
        let first = Step {
            gap: 0,
            atoms: seq[0].atoms.clone(),
        };
        let mut at = match self.roots.get(&first) {
            Some(&root) => root,
            None => {
                let root = self.push(first.clone());
                for atom in first.atoms.iter() {
                    match atom {
                        Atom::Exact(w) => self.exact.entry(w.clone()).or_default().push(root),
                        Atom::Glob { prefix, .. } if !prefix.is_empty() => {
                            self.prefix.insert(prefix.chars(), atom, root);
                        }
                        Atom::Glob { suffix, .. } if !suffix.is_empty() => {
                            self.suffix.insert(suffix.chars().rev(), atom, root);
                        }
                        other => self
                            .loose
                            .push((letters(&other.literal()), other.clone(), root)),
                    }
                }
                self.roots.insert(first, root);
                root
            }
        };
        for step in &seq[1..] {
            let found = self.nodes[at as usize]
                .children
                .iter()
                .copied()
                .find(|&c| self.nodes[c as usize].step == *step);
            at = match found {
                Some(c) => c,
                None => {
                    let c = self.push(step.clone());
                    self.nodes[at as usize].children.push(c);
                    c
                }
            };
        }
        self.nodes[at as usize].ends.push(entry);
    }

    fn push(&mut self, step: Step) -> u32 {
        self.nodes.push(Node {
            quick: Quick::new(&step),
            step,
            children: Vec::new(),
            ends: Vec::new(),
        });
        (self.nodes.len() - 1) as u32
    }

    /// Every sequence that matches from word `start`, with the word it ends on, best rank and
    /// then shortest first.
    pub fn hits(
        &self,
        words: &Words,
        hashes: &[u64],
        start: usize,
        roots: &mut Vec<u32>,
    ) -> Vec<(Entry, usize)> {
        let word = words.get(start);
        roots.clear();
        if let Some(r) = self.exact.get(word) {
            roots.extend_from_slice(r);
        }
        self.prefix.collect(word.chars(), word, roots);
        self.suffix.collect(word.chars().rev(), word, roots);
        if !self.loose.is_empty() {
            let has = letters(word);
            for (needs, atom, root) in &self.loose {
                if has & needs == *needs && atom.matches(word) {
                    roots.push(*root);
                }
            }
        }
        let mut out = Vec::new();
        for &root in roots.iter() {
            self.walk(root, words, hashes, start, &mut out);
        }
        if out.len() > 1 {
            out.sort_unstable_by_key(|(e, end)| (e.rank, *end, e.seq));
            out.dedup();
        }
        out
    }

    fn walk(
        &self,
        at: u32,
        words: &Words,
        hashes: &[u64],
        pos: usize,
        out: &mut Vec<(Entry, usize)>,
    ) {
        let node = &self.nodes[at as usize];
        out.extend(node.ends.iter().map(|e| (*e, pos)));
        for &c in &node.children {
            let child = &self.nodes[c as usize];
            let last = (pos + 1 + usize::from(child.step.gap)).min(words.len().saturating_sub(1));
            for q in pos + 1..=last {
                if child.quick.matches(words.get(q), hashes[q]) {
                    self.walk(c, words, hashes, q, out);
                }
            }
        }
    }
}

/// Where `seq` can end if its first word is word `start`: every possible last word, in order.
fn ends(seq: &Seq, words: &Words, start: usize) -> Vec<usize> {
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
