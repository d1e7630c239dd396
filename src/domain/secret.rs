//! The secret words a child gets with their reference: four short common words, shown once and
//! stored only as an Argon2id hash. They are derived from the conversation token, so a repeated
//! submit from the same browser shows the same words without the server ever keeping them.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

use super::ConversationToken;

const WORDS: &str = include_str!("words.txt");
const COUNT: usize = 4;

#[derive(Clone, PartialEq, Eq)]
pub struct SecretWords(String);

impl std::fmt::Debug for SecretWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretWords(***)")
    }
}

fn word_list() -> Vec<&'static str> {
    WORDS
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

#[derive(Debug, thiserror::Error)]
#[error("could not hash the secret words: {0}")]
pub struct HashError(String);

impl SecretWords {
    /// The same token always gives the same words; different tokens give unrelated words.
    pub fn for_token(token: &ConversationToken) -> Self {
        let words = word_list();
        let digest = Sha256::digest(format!("hys-secret-words-v1:{}", token.expose()));
        let chosen: Vec<&str> = digest
            .chunks(2)
            .take(COUNT)
            .map(|pair| {
                let n = usize::from(u16::from_be_bytes([pair[0], pair[1]]));
                words[n % words.len()]
            })
            .collect();
        Self(chosen.join(" "))
    }

    /// What a person typed, forgiving case, extra spaces, dashes and commas.
    pub fn from_typed(input: &str) -> Self {
        let words: Vec<String> = input
            .split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '.')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        Self(words.join(" "))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Argon2id with a small memory cost: the words are only ever checked online behind
    /// throttling, and a case must be accepted in milliseconds, but a stolen database should
    /// still cost an attacker real work per guess.
    pub fn hash(&self) -> Result<String, HashError> {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        hasher()
            .hash_password(self.0.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError(e.to_string()))
    }

    pub fn verify(&self, stored: &str) -> bool {
        PasswordHash::new(stored)
            .map(|parsed| hasher().verify_password(self.0.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    }

    /// [`Self::hash`] on a blocking thread, at most one per core at a time: a burst of submits
    /// then queues for the CPU instead of holding a hashing buffer per waiting request.
    pub async fn hash_in_background(self) -> Result<String, HashError> {
        bounded(move || self.hash()).await?
    }

    /// [`Self::verify`] on a blocking thread, bounded like [`Self::hash_in_background`].
    pub async fn verify_in_background(self, stored: String) -> Result<bool, HashError> {
        bounded(move || self.verify(&stored)).await
    }
}

async fn bounded<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    let _slot = slots
        .acquire()
        .await
        .map_err(|e| HashError(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| HashError(e.to_string()))
}

fn hasher() -> Argon2<'static> {
    // 512 KiB, one pass: about 0.2 ms of one core here (4 MiB took 1.8 ms and capped sending at
    // a few hundred cases a second on two cores). The words are random (36 bits from 512
    // words), only ever checked online behind per-address and per-reference lockout, and
    // anyone holding the database already holds what the words unlock (the case), so the hash
    // is defence in depth, not the last line. Hashes made with other parameters (the 4 MiB of
    // earlier versions) still verify: the parameters are stored in each hash.
    // Params::new only fails on out-of-range values, and these are constants inside the ranges.
    let params = Params::new(512, 1, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_is_long_and_clean() {
        let words = word_list();
        let unique: std::collections::BTreeSet<_> = words.iter().collect();
        assert!(words.len() >= 500, "{}", words.len());
        assert_eq!(unique.len(), words.len());
        assert!(
            words
                .iter()
                .all(|w| (3..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn the_same_token_gives_the_same_four_words() {
        let token = ConversationToken::generate();
        let a = SecretWords::for_token(&token);
        assert_eq!(a, SecretWords::for_token(&token));
        assert_eq!(a.expose().split(' ').count(), 4);
        assert_ne!(a, SecretWords::for_token(&ConversationToken::generate()));
    }

    #[test]
    fn typed_words_are_forgiven_and_verified_against_the_hash() {
        let words = SecretWords::from_typed("apple tiger cloud green");
        let stored = words.hash().unwrap();
        assert!(!stored.contains("apple"));
        for typed in [
            "Apple Tiger Cloud Green",
            "apple-tiger-cloud-green",
            "  apple, tiger  cloud green ",
        ] {
            assert!(SecretWords::from_typed(typed).verify(&stored), "{typed}");
        }
        assert!(!SecretWords::from_typed("apple tiger cloud blue").verify(&stored));
        assert!(!SecretWords::from_typed("apple tiger cloud green").verify("not a hash"));
    }
}
