//! What a finished conversation becomes: the well-known answers, typed. A conversation can only
//! be submitted when this succeeds, so a case never lacks what staff need.

use crate::domain::{
    AdultRole, AdvocateWanted, CaseKind, Category, ChildConsent, ContactMethod, SubmitterRole,
};

use super::model::Answers;

/// Answer keys every path to an urgent `submit` must fill.
pub const URGENT_REQUIRED_KEYS: &[&str] = &["kind", "what_happened"];

/// Answer keys every path to `submit` must fill (the linter checks each flow against this).
pub const REQUIRED_KEYS: &[&str] = &["kind", "role", "about", "what_happened", "contact_method"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDraft {
    pub kind: CaseKind,
    pub submitted_by: SubmitterRole,
    pub category: Category,
    pub summary: String,
    pub desired_outcome: Option<String>,
    pub advocate_wanted: AdvocateWanted,
    pub contact: ContactMethod,
    pub contact_value: Option<String>,
    pub first_name: Option<String>,
    pub age: Option<i64>,
    /// The child said they are not safe: routed to the duty team at once.
    pub urgent: bool,
    /// An adult on the child's behalf; `None` when the child or young person used it.
    pub submitter: Option<Submitter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitter {
    pub role: AdultRole,
    pub name: String,
    pub organisation: Option<String>,
    pub child_consent: ChildConsent,
    /// "yes", "no" or "dont_know".
    pub child_has_advocate: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the answer {0:?} is missing or not valid")]
pub struct MissingAnswer(pub &'static str);

impl TryFrom<&Answers> for CaseDraft {
    type Error = MissingAnswer;

    fn try_from(answers: &Answers) -> Result<Self, Self::Error> {
        let one = |key: &'static str| answers.get(key).and_then(|a| a.as_one());
        let need = |key: &'static str| one(key).ok_or(MissingAnswer(key));
        if need("kind")? == "unsafe" {
            return Ok(Self::urgent(answers, need("what_happened")?));
        }
        let contact =
            ContactMethod::parse(need("contact_method")?).ok_or(MissingAnswer("contact_method"))?;
        let contact_value = match contact {
            ContactMethod::Phone => Some(need("contact_phone")?.to_owned()),
            ContactMethod::Email => Some(need("contact_email")?.to_owned()),
            _ => None,
        };
        let submitter = match one("adult_role").and_then(AdultRole::parse) {
            Some(role) => Some(Submitter {
                role,
                name: need("adult_name")?.to_owned(),
                organisation: one("adult_organisation").map(str::to_owned),
                child_consent: consent(answers)?,
                // The advocate using the form is the child's advocate, so it is not asked.
                child_has_advocate: match (role, one("child_has_advocate")) {
                    (AdultRole::Advocate, None) => "yes".to_owned(),
                    _ => need("child_has_advocate")?.to_owned(),
                },
            }),
            None => None,
        };
        Ok(Self {
            kind: CaseKind::parse(need("kind")?).ok_or(MissingAnswer("kind"))?,
            submitted_by: match &submitter {
                Some(adult) => adult.role.report_role(),
                None => role(need("role")?).ok_or(MissingAnswer("role"))?,
            },
            submitter,
            category: Category::parse(need("about")?).ok_or(MissingAnswer("about"))?,
            summary: need("what_happened")?.to_owned(),
            desired_outcome: one("what_would_help").map(str::to_owned),
            // Compliments are not asked about an advocate.
            advocate_wanted: match one("advocate") {
                None => AdvocateWanted::No,
                Some(v) => AdvocateWanted::parse(v).ok_or(MissingAnswer("advocate"))?,
            },
            contact,
            contact_value,
            first_name: one("first_name").map(str::to_owned),
            // Optional, like every "about you" answer: an empty or missing age is not given.
            age: one("age").and_then(|a| a.trim().parse().ok()),
            urgent: false,
        })
    }
}

/// Whether the child knows about and agrees to an adult's representation, from the two
/// questions ("do they know?", then "do they agree?") or, for a conversation begun before the
/// question was split, the one combined answer.
fn consent(answers: &Answers) -> Result<ChildConsent, MissingAnswer> {
    let one = |key: &'static str| answers.get(key).and_then(|a| a.as_one());
    if let Some(old) = one("child_consent") {
        return ChildConsent::parse(old).ok_or(MissingAnswer("child_consent"));
    }
    let knows = one("child_knows").ok_or(MissingAnswer("child_knows"))?;
    match (knows, one("child_agrees")) {
        ("yes", Some(agrees)) => ChildConsent::parse(agrees).ok_or(MissingAnswer("child_agrees")),
        ("yes", None) => Err(MissingAnswer("child_agrees")),
        (other, _) => ChildConsent::parse(other).ok_or(MissingAnswer("child_knows")),
    }
}

impl CaseDraft {
    /// The short "I'm not safe" route: what is happening, and where we can reach them. The
    /// case is a safety concern: urgent, and counted on its own.
    fn urgent(answers: &Answers, what: &str) -> Self {
        let one = |key: &str| answers.get(key).and_then(|a| a.as_one()).map(str::to_owned);
        let reach = one("reach");
        Self {
            kind: CaseKind::SafetyConcern,
            submitted_by: SubmitterRole::Child,
            category: Category::SomethingElse,
            summary: what.to_owned(),
            desired_outcome: None,
            advocate_wanted: AdvocateWanted::No,
            contact: if reach.is_some() {
                ContactMethod::Other
            } else {
                ContactMethod::NoContact
            },
            contact_value: reach,
            first_name: one("first_name"),
            age: one("age").and_then(|a| a.parse().ok()),
            urgent: true,
            submitter: None,
        }
    }
}

/// The flow asks "who are you?" in the child's words; the case records the report's split.
fn role(answer: &str) -> Option<SubmitterRole> {
    match answer {
        "young_person" => Some(SubmitterRole::Child),
        "helping" => Some(SubmitterRole::Advocate),
        "parent_carer" => Some(SubmitterRole::ParentFamily),
        "someone_else" => Some(SubmitterRole::Other),
        other => SubmitterRole::parse(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::model::Answer;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Answer::One((*v).to_owned())))
            .collect()
    }

    const COMPLETE: &[(&str, &str)] = &[
        ("kind", "complaint"),
        ("role", "young_person"),
        ("about", "money"),
        ("what_happened", "My allowance was late"),
        ("advocate", "yes"),
        ("contact_method", "phone"),
        ("contact_phone", "07700 900123"),
        ("age", "14"),
    ];

    #[test]
    fn a_complete_conversation_becomes_a_draft() {
        let draft = CaseDraft::try_from(&answers(COMPLETE)).unwrap();
        assert_eq!(draft.kind, CaseKind::Complaint);
        assert_eq!(draft.submitted_by, SubmitterRole::Child);
        assert_eq!(draft.contact_value.as_deref(), Some("07700 900123"));
        assert_eq!(draft.first_name, None);
        assert!(!draft.urgent);
    }

    #[test]
    fn the_not_safe_route_makes_an_urgent_draft() {
        let draft = CaseDraft::try_from(&answers(&[
            ("kind", "unsafe"),
            ("what_happened", "He shouts at me"),
            ("reach", "At school, after 3"),
        ]))
        .unwrap();
        assert!(draft.urgent);
        assert_eq!(draft.contact, ContactMethod::Other);
        assert_eq!(draft.contact_value.as_deref(), Some("At school, after 3"));
        let missing = CaseDraft::try_from(&answers(&[("kind", "unsafe")])).unwrap_err();
        assert_eq!(missing.0, "what_happened");
    }

    #[test]
    fn each_missing_answer_is_named() {
        for key in REQUIRED_KEYS.iter().chain(&["contact_phone"]) {
            let partial: Vec<_> = COMPLETE.iter().copied().filter(|(k, _)| k != key).collect();
            let err = CaseDraft::try_from(&answers(&partial)).unwrap_err();
            assert_eq!(err.0, *key);
        }
    }
}
