//! The random conversation token a browser holds in its cookie (or an API client as a bearer
//! token). The database only ever sees its SHA-256, so a copy of the database cannot be used to
//! take over a child's unsent conversation.

use std::fmt;

use rand::RngCore;
use sha2::{Digest, Sha256};

#[derive(Clone, PartialEq, Eq)]
pub struct ConversationToken(String);

impl ConversationToken {
    /// 128 random bits, as 32 lowercase hex characters.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        Self(hex(&bytes))
    }

    /// Anything other than 32 lowercase hex characters is refused before it reaches a query.
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| Self(s.to_owned()))
    }

    /// What the store keeps: the conversation's id, and later the case's submission key.
    pub fn key(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ConversationToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ConversationToken(***)")
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    // Every request with a conversation cookie hashes it: a table, not `write!` per byte.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_keys_differ_from_tokens() {
        let t = ConversationToken::generate();
        assert_eq!(ConversationToken::parse(t.expose()), Some(t.clone()));
        assert_ne!(t.key(), t.expose());
        assert_eq!(t.key().len(), 64);
    }

    #[test]
    fn forged_tokens_are_refused() {
        for bad in [
            "",
            "abc",
            &"g".repeat(32),
            &"A".repeat(32),
            &"a".repeat(33),
            "../../etc/passwd",
        ] {
            assert!(ConversationToken::parse(bad).is_none(), "{bad}");
        }
    }
}
