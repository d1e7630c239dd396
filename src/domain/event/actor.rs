//! Who wrote a timeline entry, and who besides the council's staff may read a note.

use serde::{Deserialize, Serialize};

/// Who did something on a case's timeline, read from its stored form (`child`, `system`,
/// `staff:<id>`, `email:<who>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Child,
    System,
    Staff(i64),
    /// Filed from a reply to one of our emails.
    Email,
}

impl Actor {
    /// Anything not recognised reads as the service itself rather than being dropped.
    pub fn parse(stored: &str) -> Self {
        match stored.split_once(':') {
            Some(("staff", id)) => id.parse().map_or(Self::System, Self::Staff),
            Some(("email", _)) => Self::Email,
            _ if stored == "child" => Self::Child,
            _ if stored == "email" => Self::Email,
            _ => Self::System,
        }
    }

    /// The group its label is found under (`actor-<group>`).
    pub fn group(self) -> &'static str {
        match self {
            Self::Child => "child",
            Self::System => "system",
            Self::Staff(_) => "staff",
            Self::Email => "email",
        }
    }
}

/// Who may read a note: officers and managers only, or the child's advocate too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteVisibility {
    #[default]
    Internal,
    SharedWithAdvocate,
}

impl NoteVisibility {
    pub fn is_internal(&self) -> bool {
        *self == Self::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_read_back_from_their_stored_form() {
        assert_eq!(Actor::parse("staff:12"), Actor::Staff(12));
        assert_eq!(Actor::parse("child"), Actor::Child);
        assert_eq!(Actor::parse("email:advocacy"), Actor::Email);
        assert_eq!(Actor::parse("staff:x"), Actor::System);
        assert_eq!(Actor::parse("something new"), Actor::System);
    }
}
