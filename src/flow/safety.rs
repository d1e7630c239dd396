//! Signs that a child may not be safe, found in what they type. Phrase lists are data
//! (`locales/<tag>/safety.txt`, one phrase a line), checked in the conversation's language and
//! in English. A phrase matches whole words in order, so "he hits me" alarms and "my social
//! worker hit the nail on the head" does not. A match shows help at once and makes the case
//! urgent; it never blocks the child from carrying on.

use std::collections::HashMap;
use std::path::Path;

use crate::i18n::FALLBACK;

/// What matched: the child's words, and the list (locale) they matched in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyMatch {
    pub words: String,
    pub locale: String,
}

#[derive(Debug, Default, Clone)]
pub struct SafetyPhrases {
    /// Per locale tag, each phrase as normalised words.
    by_locale: HashMap<String, Vec<Vec<String>>>,
}

/// Lower case, apostrophes dropped (so "don't" and "dont" agree), everything else that is not a
/// letter or digit splits words.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '’', '‘', '`'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl SafetyPhrases {
    /// Read every `locales/<tag>/safety.txt`; a locale without one uses English only.
    pub fn load(locales_dir: &Path) -> std::io::Result<Self> {
        let mut by_locale = HashMap::new();
        for entry in std::fs::read_dir(locales_dir)? {
            let entry = entry?;
            let file = entry.path().join("safety.txt");
            if !file.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&file)?;
            let phrases: Vec<Vec<String>> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(words)
                .filter(|w| !w.is_empty())
                .collect();
            by_locale.insert(entry.file_name().to_string_lossy().into_owned(), phrases);
        }
        Ok(Self { by_locale })
    }

    pub fn from_phrases(locale: &str, phrases: &[&str]) -> Self {
        let list = phrases.iter().map(|p| words(p)).collect();
        Self {
            by_locale: HashMap::from([(locale.to_owned(), list)]),
        }
    }

    /// Whether `text` contains any phrase of `locale` or of English.
    pub fn matches(&self, locale: &str, text: &str) -> bool {
        self.find(locale, text).is_some()
    }

    /// The first phrase found in `text`, with the list it came from.
    pub fn find(&self, locale: &str, text: &str) -> Option<SafetyMatch> {
        let said = words(text);
        [locale, FALLBACK].iter().find_map(|tag| {
            let phrase = self
                .by_locale
                .get(*tag)?
                .iter()
                .find(|phrase| said.windows(phrase.len()).any(|w| w == phrase.as_slice()))?;
            Some(SafetyMatch {
                words: phrase.join(" "),
                locale: (*tag).to_owned(),
            })
        })
    }

    pub fn phrase_count(&self, locale: &str) -> usize {
        self.by_locale.get(locale).map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> SafetyPhrases {
        SafetyPhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap()
    }

    #[test]
    fn worrying_words_are_found() {
        let phrases = shipped();
        for text in [
            "he hits me",
            "He HITS me when mum is out",
            "my foster carer hit me yesterday",
            "I don't feel safe at home",
            "i dont feel safe",
            "I want to kill myself",
            "sometimes I cut myself",
            "I'm going to run away",
            "he touched me and I didn't like it",
            "I'm scared to go home",
            "nobody feeds me",
            "I am being bullied and hurt",
            "I want to die",
            "I'm scared",
        ] {
            assert!(phrases.matches("en-GB", text), "should alarm: {text:?}");
        }
    }

    #[test]
    fn ordinary_words_do_not_alarm() {
        let phrases = shipped();
        for text in [
            "my social worker hit the nail on the head",
            "the hit song at the party was great",
            "spiders are scary but that is fine",
            "my allowance was late again",
            "I'd like to see my brother more often",
            "the run was fun",
            "",
        ] {
            assert!(
                !phrases.matches("en-GB", text),
                "should not alarm: {text:?}"
            );
        }
    }

    #[test]
    fn a_locale_checks_its_own_list_and_english() {
        let mut phrases = SafetyPhrases::from_phrases("pl", &["bije mnie"]);
        phrases.by_locale.extend(shipped().by_locale);
        assert!(phrases.matches("pl", "On bije mnie"));
        assert!(phrases.matches("pl", "he hits me"));
        assert!(!phrases.matches("pl", "wszystko dobrze"));
    }
}
