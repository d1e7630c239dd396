//! The secret words a child gets with their reference: four different short words in their
//! language and a number ("cat ball cloud green 472"), shown once and stored only as an Argon2id
//! hash of their canonical form ([`typed`]). They are drawn from the conversation token
//! ([`lists::WordLists::generate`]), and a conversation or case that must show them again keeps
//! them sealed under that token ([`SecretWords::seal`]), which only the child's browser holds.

pub mod lists;
pub mod typed;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

use super::ConversationToken;

#[derive(Clone, PartialEq, Eq)]
pub struct SecretWords(String);

impl std::fmt::Debug for SecretWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretWords(***)")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("could not hash the secret words: {0}")]
pub struct HashError(String);

/// `len` bytes of key stream for one token: SHA-256 in counter mode. Each token seals one set
/// only (the set is fixed per token), so the stream is never reused for different words.
fn key_stream(token: &ConversationToken, len: usize) -> Vec<u8> {
    (0u32..)
        .flat_map(|block| Sha256::digest(format!("hys-seal-v1:{block}:{}", token.expose())))
        .take(len)
        .collect()
}

impl SecretWords {
    /// What a person typed, forgiving case, accents, letter forms, digit shapes, extra spaces,
    /// dashes and commas, and where the number goes.
    pub fn from_typed(input: &str) -> Self {
        Self(typed::canonical_set(input))
    }

    /// The form that is hashed: two sets a child would call the same have the same canonical form.
    pub fn canonical(&self) -> String {
        typed::canonical_set(&self.0)
    }

    /// The words locked with the token (hex), for the database: useless without the token,
    /// which the database holds only as its SHA-256.
    pub fn seal(&self, token: &ConversationToken) -> String {
        let bytes = self.0.as_bytes();
        bytes
            .iter()
            .zip(key_stream(token, bytes.len()))
            .map(|(b, k)| format!("{:02x}", b ^ k))
            .collect()
    }

    /// The words [`Self::seal`] locked with this token; None for anything else.
    pub fn unseal(sealed: &str, token: &ConversationToken) -> Option<Self> {
        if sealed.len() % 2 != 0 || !sealed.is_ascii() {
            return None;
        }
        let bytes: Vec<u8> = (0..sealed.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&sealed[i..i + 2], 16).ok())
            .collect::<Option<_>>()?;
        let plain: Vec<u8> = bytes
            .iter()
            .zip(key_stream(token, bytes.len()))
            .map(|(b, k)| b ^ k)
            .collect();
        String::from_utf8(plain).ok().map(Self)
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
            .hash_password(self.canonical().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError(e.to_string()))
    }

    pub fn verify(&self, stored: &str) -> bool {
        PasswordHash::new(stored)
            .map(|parsed| {
                hasher()
                    .verify_password(self.canonical().as_bytes(), &parsed)
                    .is_ok()
            })
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
    // a few hundred cases a second on two cores). The words are random (at least 40 bits), only ever checked online behind per-address and per-reference lockout, and
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
    fn typed_words_are_forgiven_and_verified_against_the_hash() {
        let words = SecretWords::from_typed("apple tiger cloud green 472");
        let stored = words.hash().unwrap();
        assert!(!stored.contains("apple"));
        for typed in [
            "Apple Tiger Cloud Green 472",
            "apple-tiger-cloud-green-472",
            "  apple, tiger  cloud green 472 ",
            "472 apple tiger cloud green",
        ] {
            assert!(SecretWords::from_typed(typed).verify(&stored), "{typed}");
        }
        assert!(!SecretWords::from_typed("apple tiger cloud blue 472").verify(&stored));
        assert!(!SecretWords::from_typed("apple tiger cloud green 473").verify(&stored));
        assert!(!SecretWords::from_typed("apple tiger cloud green").verify("not a hash"));
    }

    #[test]
    fn a_shown_set_verifies_when_typed_without_its_accents_or_letter_forms() {
        let shown = SecretWords("jabłko żaba قطة كرة 472".into());
        let stored = shown.hash().unwrap();
        assert!(SecretWords::from_typed("JABLKO zaba قطه كره ٤٧٢").verify(&stored));
    }

    #[test]
    fn an_old_four_word_hash_still_verifies() {
        // Stored before per-locale lists: the hash of the plain lowercase words.
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let old = hasher()
            .hash_password(b"doll wide pecan lemur", &salt)
            .unwrap()
            .to_string();
        assert!(SecretWords::from_typed("Doll wide, pecan-lemur").verify(&old));
    }

    #[test]
    fn sealed_words_open_only_with_their_token() {
        let token = ConversationToken::generate();
        let words = SecretWords("قطة كرة سمكة شمس 472".into());
        let sealed = words.seal(&token);
        assert!(!sealed.contains("472"));
        assert_eq!(SecretWords::unseal(&sealed, &token), Some(words.clone()));
        let other = SecretWords::unseal(&sealed, &ConversationToken::generate());
        assert_ne!(other, Some(words));
        assert_eq!(SecretWords::unseal("zz", &token), None);
        assert_eq!(SecretWords::unseal("abc", &token), None);
    }
}
