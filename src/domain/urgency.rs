//! Why a case is urgent, as values: the duty team's email says exactly this, and nothing is
//! inferred later. A case may gather several reasons (a phrase in an answer, then words added
//! on the tracking page); each is kept, oldest first.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum UrgentReason {
    /// The child chose "I'm not safe right now" and asked us to tell someone.
    ChoseNotSafe,
    /// Words that sound like harm, in an answer to a question of the conversation.
    PhraseInAnswer {
        /// The question as staff read it, in the staff language, when it was answered.
        question: String,
        /// The child's own words that matched.
        words: String,
    },
    /// Words that sound like harm, added later on the tracking page (or by the API).
    AddedLater {
        /// When it was added, unix milliseconds.
        at: i64,
        /// The child's own words that matched.
        words: String,
        /// Everything they added then, so the duty team reads it in full.
        text: String,
    },
}

/// The reasons as stored (a JSON array; null or empty for a case that is not urgent).
pub fn parse_reasons(stored: Option<&str>) -> Vec<UrgentReason> {
    stored
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

pub fn store_reasons(reasons: &[UrgentReason]) -> Option<String> {
    if reasons.is_empty() {
        return None;
    }
    serde_json::to_string(reasons).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip_through_their_stored_form() {
        let reasons = vec![
            UrgentReason::ChoseNotSafe,
            UrgentReason::PhraseInAnswer {
                question: "What happened?".into(),
                words: "he hits me".into(),
            },
            UrgentReason::AddedLater {
                at: 1_700_000_000_000,
                words: "scared".into(),
                text: "now I am scared".into(),
            },
        ];
        let stored = store_reasons(&reasons);
        assert_eq!(parse_reasons(stored.as_deref()), reasons);
        assert_eq!(store_reasons(&[]), None);
        assert!(parse_reasons(Some("not json")).is_empty());
        assert!(parse_reasons(None).is_empty());
    }
}
