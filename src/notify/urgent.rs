//! The rows of the duty team's urgent email. It must be exact: why the case is urgent (each
//! stored reason, with the child's own words that matched), when it arrived to the minute, what
//! it is about, everything the child said about reaching them safely, and their name and age
//! only when they gave them. Nothing is inferred that the child did not say.

use crate::domain::UrgentReason;
use crate::flow::Answer;
use time::OffsetDateTime;

use crate::domain::{Case, CaseKind, ContactMethod};

/// A day and a time in England, e.g. "Mon 7 Dec 2026 at 14:32".
pub type FormatTime<'a> = &'a dyn Fn(OffsetDateTime) -> String;

/// Words for the rows: `get(id, args)` and `label(group, value)` in the staff language.
pub trait StaffWords {
    fn get(&self, id: &str, args: &[(&str, String)]) -> String;
    fn label(&self, group: &str, value: &str) -> String;
}

pub fn rows(case: &Case, w: &dyn StaffWords, at: FormatTime<'_>) -> Vec<(String, String)> {
    let field = |id: &str, value: String| (w.get(id, &[]), value);
    let answer = |key: &str| {
        case.answers
            .get(key)
            .and_then(Answer::as_one)
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
    };
    let reasons = &case.urgent_reasons;
    let mut rows = Vec::new();
    if reasons.is_empty() {
        rows.push(field("email-field-why", w.get("email-why-unrecorded", &[])));
    }
    for reason in reasons {
        let why = match reason {
            UrgentReason::ChoseNotSafe => w.get("email-why-chose-not-safe", &[]),
            UrgentReason::PhraseInAnswer { question, words } => w.get(
                "email-why-phrase",
                &[("question", question.clone()), ("words", words.clone())],
            ),
            UrgentReason::AddedLater {
                at: when, words, ..
            } => w.get(
                "email-why-added",
                &[("when", at(instant(*when))), ("words", words.clone())],
            ),
        };
        rows.push(field("email-field-why", why));
    }
    rows.push(field("email-field-received", at(case.received_at)));
    rows.push(field(
        "email-field-kind",
        w.label("kind", case.kind.as_str()),
    ));
    if let Some(category) = case
        .category
        .filter(|_| case.kind != CaseKind::SafetyConcern)
    {
        rows.push(field(
            "email-field-category",
            w.label("category", category.as_str()),
        ));
    }
    // The duty team must act without signing in: they get the child's words.
    if let Some(summary) = case.summary.clone().filter(|s| !s.trim().is_empty()) {
        rows.push(field("email-field-what", summary));
    }
    for reason in reasons {
        if let UrgentReason::AddedLater { at: when, text, .. } = reason {
            rows.push((
                w.get("email-field-added", &[("when", at(instant(*when)))]),
                text.clone(),
            ));
        }
    }
    rows.extend(reach_rows(case, w, &answer));
    if let Some(name) = case.first_name.clone().filter(|n| !n.trim().is_empty()) {
        rows.push(field("email-field-first-name", name));
    }
    if let Some(age) = case.age {
        rows.push(field("email-field-age", age.to_string()));
    }
    rows
}

/// An instant stored as unix milliseconds (the urgent reasons keep their own times).
fn instant(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Everything the child said about how and when to reach them safely.
fn reach_rows(
    case: &Case,
    w: &dyn StaffWords,
    answer: &dyn Fn(&str) -> Option<String>,
) -> Vec<(String, String)> {
    let field = |id: &str, value: String| (w.get(id, &[]), value);
    let mut rows = Vec::new();
    if let Some(place) = answer("where_now") {
        rows.push(field("email-field-where-now", place));
    }
    if let Some(safe) = answer("safe_to_call") {
        rows.push(field(
            "email-field-safe-to-call",
            w.label("safe-to-call", &safe),
        ));
    }
    // The "I'm not safe" route keeps its free-text answer as the contact detail, and asks
    // no contact preference: "none" there means they gave no way, not "do not contact".
    let asked_preference = case.kind != CaseKind::SafetyConcern;
    if asked_preference && case.contact_method != ContactMethod::Other {
        rows.push(field(
            "email-field-contact",
            w.label("contact", case.contact_method.as_str()),
        ));
    }
    match case.contact_value.clone().filter(|v| !v.trim().is_empty()) {
        Some(value) if case.contact_method == ContactMethod::Other => {
            rows.push(field("email-field-reach", value));
        }
        Some(value) => rows.push(field("email-field-contact-detail", value)),
        None => {}
    }
    if rows.is_empty() {
        rows.push(field("email-field-reach", w.get("email-not-given", &[])));
    }
    rows
}
