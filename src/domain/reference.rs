//! Case references like `HYS-7K4P-Q2MX`: random, short, and free of characters that look alike
//! (no 0/O, 1/I/L, Z, 5/S, 8/B), so a child can read one aloud or copy it from a screen.

use std::fmt;

use rand::Rng;

/// 26 characters, none easily mistaken for another.
pub(crate) const ALPHABET: &[u8] = b"234679ACDEFGHJKMNPQRTUVWXY";
const GROUP: usize = 4;
const PREFIX: &str = "HYS";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a case reference")]
pub struct InvalidReference;

impl Reference {
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let mut pick = || -> String {
            (0..GROUP)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect()
        };
        Self(format!("{PREFIX}-{}-{}", pick(), pick()))
    }

    /// Reads what a person typed: any case, spaces or dashes anywhere, with or without `HYS`.
    /// Characters outside the alphabet are refused rather than guessed, so a mistyped reference
    /// never silently matches someone else's.
    pub fn parse(input: &str) -> Result<Self, InvalidReference> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–')
            .flat_map(char::to_uppercase)
            .collect();
        let body = cleaned.strip_prefix(PREFIX).unwrap_or(&cleaned);
        if body.len() != GROUP * 2 || !body.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(InvalidReference);
        }
        Ok(Self(format!(
            "{PREFIX}-{}-{}",
            &body[..GROUP],
            &body[GROUP..]
        )))
    }
}

impl AsRef<str> for Reference {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A "finish later" code for an unsent conversation, like `7K4P-Q2MX`: the same alphabet as a
/// reference, without the `HYS` prefix so the two are not mixed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeCode(String);

impl ResumeCode {
    pub fn generate() -> Self {
        let reference = Reference::generate();
        Self(reference.0[PREFIX.len() + 1..].to_owned())
    }

    pub fn parse(input: &str) -> Result<Self, InvalidReference> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–')
            .flat_map(char::to_uppercase)
            .collect();
        if cleaned.len() != GROUP * 2 || !cleaned.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(InvalidReference);
        }
        Ok(Self(format!("{}-{}", &cleaned[..GROUP], &cleaned[GROUP..])))
    }
}

impl AsRef<str> for ResumeCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ResumeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn resume_codes_round_trip_and_forgive_typing() {
        let code = ResumeCode::generate();
        assert_eq!(code.as_ref().len(), 9);
        assert_eq!(
            ResumeCode::parse(&code.as_ref().to_lowercase().replace('-', " ")),
            Ok(code)
        );
        assert!(ResumeCode::parse("HYS-7K4P-Q2MX").is_err());
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn generated_references_have_the_documented_shape() {
        for _ in 0..200 {
            let r = Reference::generate();
            assert_eq!(r.as_ref().len(), 13);
            assert_eq!(Reference::parse(r.as_ref()), Ok(r));
        }
    }

    #[test]
    fn typing_is_forgiven_but_wrong_characters_are_not() {
        let cases = [
            ("HYS-7K4P-Q2MX", Ok("HYS-7K4P-Q2MX")),
            ("HYS-7K4P-Q2M0", Err(InvalidReference)), // 0 is not in the alphabet
            ("hys-7k4p-qamx", Ok("HYS-7K4P-QAMX")),
            (" 7k4p qamx ", Ok("HYS-7K4P-QAMX")),
            ("HYS7K4PQAMX", Ok("HYS-7K4P-QAMX")),
            ("HYS-7K4P-QAM", Err(InvalidReference)),
            ("", Err(InvalidReference)),
            ("HYS-7K4P-QAMX-9", Err(InvalidReference)),
            ("ＨYS-7K4P-QAMX", Err(InvalidReference)),
        ];
        for (input, want) in cases {
            let got = Reference::parse(input).map(|r| r.0);
            assert_eq!(got, want.map(str::to_owned), "input {input:?}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "\\PC{0,40}") {
            let _ = Reference::parse(&s);
        }
    }
}
