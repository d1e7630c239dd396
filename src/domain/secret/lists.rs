//! The secret-word lists, one per locale in `locales/<tag>/words.txt`, so an Arabic-speaking
//! child gets Arabic words. A set is four different words from the list and a number from 100
//! to 999: `log2(N·(N−1)·(N−2)·(N−3)) + log2(900)` bits, at least 40 for N ≥ 189 (see
//! [`set_bits`] and the README). The same lint runs in `have-your-say check` and at start-up.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::SecretWords;
use super::typed::canonical_word;
use crate::domain::ConversationToken;

/// Words in a set.
pub const SET_WORDS: usize = 4;
/// The number after the words: three digits, never a leading zero.
pub const NUMBERS: std::ops::RangeInclusive<u64> = 100..=999;
pub const MIN_BITS: f64 = 40.0;
/// Short enough to write on a hand and type on a phone; counted in characters.
pub const WORD_CHARS: std::ops::RangeInclusive<usize> = 2..=9;
const FILE: &str = "words.txt";
const FALLBACK: &str = crate::domain::FALLBACK_LOCALE;

/// Bits of one set drawn from a list of `n` words.
pub fn set_bits(n: usize) -> f64 {
    let words: f64 = (0..SET_WORDS)
        .map(|i| (n.saturating_sub(i).max(1) as f64).log2())
        .sum();
    let numbers = (NUMBERS.end() - NUMBERS.start() + 1) as f64;
    words + numbers.log2()
}

#[derive(Debug, thiserror::Error)]
#[error("the secret-word lists have problems:\n{}", .0.join("\n"))]
pub struct ListError(pub Vec<String>);

/// The words of each locale that has a list, as written in the file.
#[derive(Debug, Default)]
pub struct WordLists {
    lists: HashMap<String, Vec<String>>,
}

/// The words of one file, and what is wrong with it as `file:line: problem`.
fn parse(path: &Path, text: &str) -> (Vec<String>, Vec<String>) {
    let mut words: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let word = raw.trim();
        if word.is_empty() || word.starts_with('#') {
            continue;
        }
        let mut problem =
            |what: String| problems.push(format!("{}:{line}: {what}", path.display()));
        let canonical = canonical_word(word);
        let chars = canonical.chars().count();
        if word.chars().any(char::is_whitespace) {
            problem(format!("{word:?} has a space: one word per line"));
        } else if !canonical.chars().all(char::is_alphabetic) {
            problem(format!("{word:?} has a character that is not a letter"));
        } else if !WORD_CHARS.contains(&chars) {
            problem(format!(
                "{word:?} has {chars} letters; words need {} to {}",
                WORD_CHARS.start(),
                WORD_CHARS.end()
            ));
        } else if let Some(first) = seen.get(&canonical) {
            problem(format!(
                "{word:?} repeats line {first} (the same word once accents and letter forms are folded)"
            ));
        } else {
            seen.insert(canonical, line);
            words.push(word.to_owned());
        }
    }
    let bits = set_bits(words.len());
    if bits < MIN_BITS {
        problems.push(format!(
            "{}: {} usable words give {bits:.1} bits per set of {SET_WORDS} words and a number; \
             at least {MIN_BITS} bits needs at least {} words",
            path.display(),
            words.len(),
            (1..).find(|n| set_bits(*n) >= MIN_BITS).unwrap_or(0)
        ));
    }
    (words, problems)
}

/// Every locale folder's list and its problems; en-GB must have one, other locales fall back.
fn read_all(locales_dir: &Path) -> (WordLists, Vec<String>) {
    let mut lists = WordLists::default();
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(locales_dir) {
        Ok(entries) => entries,
        Err(e) => {
            return (
                lists,
                vec![format!("{}: cannot read: {e}", locales_dir.display())],
            );
        }
    };
    let mut dirs: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    dirs.sort_by_key(std::fs::DirEntry::file_name);
    for dir in dirs {
        let tag = dir.file_name().to_string_lossy().into_owned();
        let path = dir.path().join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (words, found) = parse(&path, &text);
                problems.extend(found);
                lists.lists.insert(tag, words);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && tag != FALLBACK => {
                problems.push(format!(
                    "{}: missing, so children using {tag} get the {FALLBACK} words",
                    path.display()
                ));
            }
            Err(e) => problems.push(format!("{}: cannot read: {e}", path.display())),
        }
    }
    (lists, problems)
}

/// Every problem of every list, for `have-your-say check`.
pub fn lint(locales_dir: &Path) -> Vec<String> {
    read_all(locales_dir).1
}

impl WordLists {
    /// The lists, refusing any with a problem: a short list would give guessable sets.
    pub fn load(locales_dir: &Path) -> Result<Self, ListError> {
        let (lists, problems) = read_all(locales_dir);
        // A locale without a list is served the fallback's words; only bad lists stop start-up.
        let fatal: Vec<String> = problems
            .into_iter()
            .filter(|p| !p.ends_with(&format!("get the {FALLBACK} words")))
            .collect();
        if fatal.is_empty() && lists.lists.contains_key(FALLBACK) {
            Ok(lists)
        } else {
            Err(ListError(fatal))
        }
    }

    fn list(&self, tag: &str) -> &[String] {
        self.lists
            .get(tag)
            .or_else(|| self.lists.get(FALLBACK))
            .map_or(&[], Vec::as_slice)
    }

    /// The set for a conversation: four different words of its locale and a number, the same
    /// every time for the same token, unrelated for another token.
    pub fn generate(&self, tag: &str, token: &ConversationToken) -> SecretWords {
        let list = self.list(tag);
        let mut draws = (0u32..).map(|i| {
            let digest = Sha256::digest(format!("hys-secret-words-v2:{i}:{}", token.expose()));
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            // 64 random bits modulo a few hundred: the bias is below 2^-50.
            u64::from_be_bytes(first)
        });
        let mut chosen: Vec<&str> = Vec::with_capacity(SET_WORDS + 1);
        if list.len() >= SET_WORDS {
            while chosen.len() < SET_WORDS {
                let n = draws.next().unwrap_or_default();
                let word = list[(n % list.len() as u64) as usize].as_str();
                if !chosen.contains(&word) {
                    chosen.push(word);
                }
            }
        }
        let span = NUMBERS.end() - NUMBERS.start() + 1;
        let number = NUMBERS.start() + draws.next().unwrap_or_default() % span;
        let number = number.to_string();
        chosen.push(&number);
        SecretWords(chosen.join(" "))
    }

    /// The set as the list writes it, from what a child typed (for showing it again after
    /// they come back on another device: "kot" typed, "kot" shown; "قطة" for "قطه").
    pub fn recover(&self, tag: &str, typed: &SecretWords) -> SecretWords {
        let list = self.list(tag);
        let canonical = typed.canonical();
        let shown: Vec<&str> = canonical
            .split(' ')
            .map(|w| {
                list.iter()
                    .find(|l| canonical_word(l) == w)
                    .map_or(w, String::as_str)
            })
            .collect();
        SecretWords(shown.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> WordLists {
        WordLists::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap()
    }

    #[test]
    fn the_arithmetic_needs_189_words_for_forty_bits() {
        assert!(set_bits(188) < MIN_BITS);
        assert!(set_bits(189) >= MIN_BITS);
        assert!((set_bits(200) - 40.35).abs() < 0.01);
        // Today's four words from 512 with repeats: 36 bits.
        assert!((4.0 * 512f64.log2() - 36.0).abs() < 1e-9);
    }

    #[test]
    fn every_shipped_list_is_clean_and_gives_forty_bits() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        assert_eq!(lint(&dir), Vec::<String>::new());
        let lists = shipped();
        for tag in ["en-GB", "cy", "pl", "ar", "ur", "ps"] {
            let n = lists.lists.get(tag).map_or(0, Vec::len);
            assert!(set_bits(n) >= MIN_BITS, "{tag}: {n} words");
        }
    }

    #[test]
    fn a_set_has_four_different_words_of_its_locale_and_a_number() {
        let lists = shipped();
        for tag in ["en-GB", "ar", "pl", "xx"] {
            for _ in 0..200 {
                let token = ConversationToken::generate();
                let set = lists.generate(tag, &token);
                assert_eq!(set, lists.generate(tag, &token));
                let parts: Vec<&str> = set.expose().split(' ').collect();
                assert_eq!(parts.len(), SET_WORDS + 1);
                let words: std::collections::BTreeSet<_> = parts[..SET_WORDS].iter().collect();
                assert_eq!(words.len(), SET_WORDS, "{set:?} repeats a word");
                let list = lists.list(tag);
                assert!(
                    parts[..SET_WORDS]
                        .iter()
                        .all(|w| list.iter().any(|l| l == w))
                );
                let number: u64 = parts[SET_WORDS].parse().unwrap();
                assert!(NUMBERS.contains(&number));
            }
        }
    }

    #[test]
    fn a_typed_set_is_recovered_as_the_list_writes_it() {
        let lists = shipped();
        let token = ConversationToken::generate();
        let set = lists.generate("ar", &token);
        let typed = SecretWords::from_typed(&set.expose().replace('ة', "ه"));
        assert_eq!(lists.recover("ar", &typed), set);
    }

    #[test]
    fn a_bad_list_names_each_problem_with_its_line() {
        let (_, problems) = parse(
            Path::new("words.txt"),
            "cat\n# a comment\nice cream\nCat\nx\n",
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("words.txt:3:") && p.contains("space"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("words.txt:4:") && p.contains("line 1"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("words.txt:5:") && p.contains("letters"))
        );
        assert!(problems.iter().any(|p| p.contains("bits")));
    }
}
