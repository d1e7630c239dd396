//! The staff pages' data. Staff read en-GB staff wording; the child's transcript keeps the
//! child's language.

use askama::Template;

use crate::timescale::{Calendar, Rag};
use crate::web::view::{Bubble, Speaker, Words};

/// Ids the staff pages format from stored values.
pub fn message_ids() -> Vec<String> {
    use crate::domain::{CaseStatus, Outcome, Procedure};
    let mut ids: Vec<String> = [
        "staff-login-wrong",
        "staff-login-locked",
        "staff-login-throttled",
        "staff-failed-emails",
        "staff-error-empty",
        "staff-error-too-long",
        "staff-error-choose",
        "staff-error-closed",
        "staff-error-no-extension",
        "staff-error-corporate-stage",
        "staff-error-adr-agreement",
        "staff-error-outcome-first",
        "staff-error-held",
        "staff-held-link",
        "staff-spam-link",
        "staff-held-reason-honeypot",
        "staff-held-reason-fast",
        "actor-child",
        "actor-system",
        "actor-staff",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    ids.extend(
        CaseStatus::ALL
            .iter()
            .map(|s| format!("status-{}", s.as_str())),
    );
    ids.extend(
        Outcome::ALL
            .iter()
            .map(|s| format!("outcome-{}", s.as_str())),
    );
    ids.extend(
        Procedure::ALL
            .iter()
            .map(|s| format!("procedure-{}", s.as_str())),
    );
    ids.extend((1..=3).map(|s| format!("stage-{s}")));
    ids.extend(
        ["green", "amber", "red", "none"]
            .iter()
            .map(|s| format!("rag-{s}")),
    );
    ids.extend(EVENT_KINDS.iter().map(|s| format!("event-{s}")));
    ids
}

/// Every timeline event kind the code writes.
pub const EVENT_KINDS: &[&str] = &[
    "submitted",
    "viewed",
    "acknowledged",
    "assigned",
    "details_set",
    "message_to_child",
    "message_from_child",
    "note",
    "stage_changed",
    "extended",
    "paused",
    "resumed",
    "outcome",
    "closed",
    "reopened",
    "procedure_changed",
    "held",
    "released",
    "marked_spam",
];

/// "green", "amber", "red" or "none" (closed or paused cases are not running late).
pub fn rag_of(
    calendar: &Calendar,
    today: time::Date,
    due: Option<time::Date>,
    status: &str,
) -> &'static str {
    match due {
        Some(due) if status != "closed" && status != "paused" => match calendar.rag(today, due) {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        },
        _ => "none",
    }
}

#[derive(Template)]
#[template(path = "staff_login.html", config = "src/web/askama.toml")]
pub struct LoginPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub error: Option<String>,
    pub next: String,
    pub form_token: String,
    /// Empty: the shared staff header shows "sign out" only when someone is signed in.
    pub me: String,
    pub csrf: String,
}

pub struct InboxRow {
    pub reference: String,
    pub kind: String,
    pub urgent: bool,
    pub stage: i64,
    pub status: String,
    pub due: String,
    pub rag: &'static str,
    pub rag_label: String,
    pub assignee: String,
    pub team: String,
}

#[derive(Template)]
#[template(path = "staff_inbox.html", config = "src/web/askama.toml")]
pub struct InboxPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub rows: Vec<InboxRow>,
    /// Empty when no email has failed.
    pub failed_text: String,
    pub status_options: Vec<(&'static str, String)>,
    pub kind_options: Vec<(&'static str, String)>,
    pub stage_options: Vec<(&'static str, String)>,
    pub filter_status: String,
    pub filter_kind: String,
    pub filter_stage: String,
    pub filter_team: String,
    pub filter_assignee: String,
    pub staff: Vec<(i64, String)>,
    pub can_report: bool,
    pub can_record: bool,
    /// "cases", "held" or "spam": which list this is.
    pub screen: &'static str,
    /// Officers and managers check held cases; empty for everyone else.
    pub held_link: String,
    pub spam_link: String,
}

pub struct EventView {
    pub what: String,
    pub who: String,
    pub when: String,
    pub text: Option<String>,
}

#[derive(Template)]
#[template(path = "staff_case.html", config = "src/web/askama.toml")]
pub struct CasePage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub can_work: bool,
    pub reference: String,
    pub kind: String,
    pub urgent: bool,
    pub status: String,
    pub status_label: String,
    pub stage: i64,
    pub stage_label: String,
    pub procedure: String,
    pub procedure_label: String,
    pub due: String,
    pub extended: bool,
    pub acknowledge_by: String,
    pub acknowledged: bool,
    pub rag: &'static str,
    pub rag_label: String,
    pub received: String,
    pub submitted_by: String,
    pub submitter_name: String,
    pub consent: String,
    pub has_advocate: String,
    pub category: String,
    pub category_label: String,
    pub advocate: String,
    pub contact: String,
    pub contact_value: String,
    pub first_name: String,
    pub age: String,
    pub team: String,
    pub assignee_id: i64,
    pub outcome: String,
    pub resolution: String,
    pub conversation: Vec<Bubble>,
    pub events: Vec<EventView>,
    pub staff: Vec<(i64, String)>,
    pub categories: Vec<(&'static str, String)>,
    pub outcomes: Vec<(&'static str, String)>,
    pub held: bool,
    pub spam: bool,
    /// Why it looked automated, in words; empty when nothing did.
    pub suspicions: Vec<String>,
}
