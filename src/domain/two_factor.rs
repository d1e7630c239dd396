//! Two-factor sign-in for staff: a TOTP secret (RFC 6238 as every authenticator app reads it:
//! SHA-1, 6 digits, 30 second steps, one step either side for a clock that drifts) and
//! single-use recovery codes. A code is accepted once: the store keeps the last step used, and
//! [`TotpSecret::verify`] refuses that step and any before it, so a code seen over a shoulder
//! or in a proxy log cannot be played again within its window.

use std::fmt;

use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

use super::reference::ALPHABET;
use super::token::hex;

pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: usize = 6;
/// How many recovery codes enrolment hands out.
pub const RECOVERY_CODES: usize = 10;
/// 16 symbols of a 26-letter alphabet: 75 bits, too many to guess even from a copy of the
/// database, so a plain SHA-256 is enough to keep them.
const RECOVERY_LENGTH: usize = 16;

/// A shared secret, base32 as authenticator apps take it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(String);

/// Why a code was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefused {
    #[error("not a code for this secret now")]
    Wrong,
    #[error("a code that was already used")]
    Replayed,
}

impl TotpSecret {
    /// 160 random bits, the length RFC 4226 recommends.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 20];
        rand::rng().fill_bytes(&mut bytes);
        match Secret::Raw(bytes.to_vec()).to_encoded() {
            Secret::Encoded(text) => Self(text),
            // `to_encoded` always gives the encoded form; keep the raw bytes' base32 anyway.
            Secret::Raw(_) => Self(String::new()),
        }
    }

    /// A stored secret; `None` if it is not base32 of at least 128 bits.
    pub fn parse(text: &str) -> Option<Self> {
        let secret = Self(text.to_owned());
        secret.totp().map(|_| secret)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// In groups of four, for someone typing it into an app by hand.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn totp(&self) -> Option<TOTP> {
        let bytes = Secret::Encoded(self.0.clone()).to_bytes().ok()?;
        TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECONDS, bytes).ok()
    }

    /// The `otpauth://` address an authenticator app reads (typed, pasted or as a QR code).
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let enc = |s: &str| {
            percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
        };
        format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            enc(issuer),
            enc(account),
            self.0,
            enc(issuer)
        )
    }

    /// The code for the step that holds `unix_seconds` (what the app shows then).
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp()
            .map(|t| t.generate(unix_seconds))
            .unwrap_or_default()
    }

    /// The step `code` belongs to, if it is this secret's code for the current step or one
    /// either side, and that step is later than `last_used`.
    pub fn verify(
        &self,
        code: &str,
        unix_seconds: u64,
        last_used: Option<i64>,
    ) -> Result<i64, CodeRefused> {
        let typed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if typed.len() != DIGITS || !typed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeRefused::Wrong);
        }
        let now = i64::try_from(unix_seconds / STEP_SECONDS).unwrap_or(i64::MAX);
        let mut refused = CodeRefused::Wrong;
        for step in [now + 1, now, now - 1] {
            let Ok(at) = u64::try_from(step) else {
                continue;
            };
            let expected = self.code_at(at * STEP_SECONDS);
            if super::password::constant_time_eq(expected.as_bytes(), typed.as_bytes()) {
                if last_used.is_some_and(|last| step <= last) {
                    refused = CodeRefused::Replayed;
                } else {
                    return Ok(step);
                }
            }
        }
        Err(refused)
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(***)")
    }
}

/// A single-use code for when the phone with the app is lost. Shown once; kept as a hash.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl RecoveryCode {
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        Self(
            (0..RECOVERY_LENGTH)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect(),
        )
    }

    /// What a person typed: any case, with or without the dashes and spaces.
    pub fn parse(typed: &str) -> Option<Self> {
        let cleaned: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        (cleaned.len() == RECOVERY_LENGTH && cleaned.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(Self(cleaned))
    }

    /// `ABCD-EFGH-JKMN-PQRT`, for showing once.
    pub fn shown(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// What the store keeps.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_once_within_a_step_either_side() {
        let secret = TotpSecret::generate();
        assert_eq!(TotpSecret::parse(secret.expose()), Some(secret.clone()));
        let now = 1_800_000_015;
        let step = i64::try_from(now / STEP_SECONDS).unwrap();
        let code = secret.code_at(now);
        assert_eq!(secret.verify(&code, now, None), Ok(step));
        assert_eq!(
            secret.verify(&code, now, Some(step)),
            Err(CodeRefused::Replayed)
        );
        // The app's clock a step behind or ahead still works; two steps off does not.
        assert_eq!(secret.verify(&code, now + 30, None), Ok(step));
        assert_eq!(secret.verify(&code, now - 30, None), Ok(step));
        assert_eq!(
            secret.verify(&code, now + 60, None),
            Err(CodeRefused::Wrong)
        );
        // A later code after an earlier one is fine.
        let next = secret.code_at(now + 30);
        assert_eq!(secret.verify(&next, now + 30, Some(step)), Ok(step + 1));
    }

    #[test]
    fn malformed_codes_and_secrets_are_refused() {
        let secret = TotpSecret::generate();
        for typed in ["", "12345", "1234567", "abcdef", "12 34 5x"] {
            assert_eq!(
                secret.verify(typed, 1_800_000_000, None),
                Err(CodeRefused::Wrong),
                "{typed}"
            );
        }
        for stored in ["", "not base32!", "AAAA"] {
            assert!(TotpSecret::parse(stored).is_none(), "{stored}");
        }
        assert!(
            secret
                .otpauth_uri("Have Your Say", "a@b.example")
                .starts_with("otpauth://totp/Have%20Your%20Say:a%40b%2Eexample?secret=")
        );
    }

    #[test]
    fn recovery_codes_read_back_however_they_are_typed() {
        let code = RecoveryCode::generate();
        let shown = code.shown();
        assert_eq!(shown.len(), 19);
        assert_eq!(
            RecoveryCode::parse(&shown.to_lowercase()),
            Some(code.clone())
        );
        assert_eq!(
            RecoveryCode::parse(&shown.replace('-', " ")),
            Some(code.clone())
        );
        assert_ne!(code.hash(), RecoveryCode::generate().hash());
        assert!(RecoveryCode::parse("ABCD-EFGH").is_none());
        assert!(RecoveryCode::parse("0000-0000-0000-0000").is_none());
    }
}
