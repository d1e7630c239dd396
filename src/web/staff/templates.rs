//! The staff pages' data. Staff read en-GB staff wording; the child's transcript keeps the
//! child's language.

use askama::Template;

use crate::i18n::Words;
use crate::timescale::{Calendar, Rag};

mod case;

pub use case::{CasePage, EventView};

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
        "staff-error-date",
        "staff-error-money",
        "staff-facts-title",
        "staff-facts-io",
        "staff-facts-ip",
        "staff-facts-panel",
        "staff-facts-cost-investigation",
        "staff-facts-cost-ip",
        "staff-facts-cost-panel",
        "staff-facts-remedy",
        "staff-facts-remedy-for",
        "staff-facts-money-hint",
        "staff-facts-button",
        "staff-ombudsman-title",
        "staff-ombudsman-received",
        "staff-ombudsman-decision",
        "staff-ombudsman-remedy",
        "staff-ombudsman-button",
        "staff-alert-failed-title",
        "staff-alert-failed-text",
        "staff-alert-failed-retry",
        "staff-emails-title",
        "staff-emails-none",
        "staff-email-sent",
        "staff-email-failed",
        "staff-email-retrying",
        "staff-email-queued",
        "staff-email-kind-new_case",
        "staff-email-kind-urgent",
        "staff-email-kind-advocacy_referral",
        "staff-email-kind-reply_to_child",
        "staff-email-kind-new_information",
        "staff-error-stale",
        "staff-list-none",
        "staff-recorded-by-staff",
        "staff-lists-title",
        "staff-lists-categories",
        "staff-lists-teams",
        "staff-lists-team-not-listed",
        "staff-lists-actions-taken",
        "staff-lists-council-outcome",
        "staff-lists-method",
        "staff-lists-save",
        "staff-no-stage",
        "staff-action-escalate",
        "staff-effective-recorded",
        "staff-error-adr-agreement",
        "staff-error-outcome-first",
        "staff-error-held",
        "staff-held-link",
        "staff-spam-link",
        "staff-held-reason-honeypot",
        "staff-held-reason-fast",
        "staff-viewed-times",
        "staff-list-count",
        "staff-bulk-none",
        "staff-bulk-invalid",
        "staff-bulk-done",
        "staff-csv-yes",
        "event-recorded",
        "staff-transcript-safety",
        "staff-transcript-chose-not-safe",
        "staff-speaker-child",
        "speaker-service",
        "email-why-unrecorded",
        "email-why-chose-not-safe",
        "email-why-phrase",
        "email-why-added",
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
    ids.extend(
        crate::domain::OmbudsmanDecision::ALL
            .iter()
            .map(|d| format!("ombudsman-{}", d.as_str())),
    );
    ids.extend(EVENT_KINDS.iter().map(|s| format!("event-{s}")));
    ids.extend(
        super::unmatched::REASONS
            .iter()
            .map(|r| format!("staff-mail-reason-{r}")),
    );
    ids.extend(
        [
            "staff-mail-attachment",
            "staff-mail-no-such-case",
            "actor-email",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    ids.extend(
        crate::casework::CaseworkError::ALL
            .iter()
            .map(|e| e.message_id().to_owned()),
    );
    ids
}

/// Every timeline event kind the code writes.
pub const EVENT_KINDS: &[&str] = crate::domain::CaseEvent::KINDS;

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
    /// Due within two working days, late, or its acknowledgement late.
    pub at_risk: bool,
    pub assignee: String,
    pub team: String,
}

#[derive(Template)]
#[template(path = "staff_inbox.html", config = "src/web/askama.toml")]
pub struct InboxPage<'a> {
    pub t: Words<'a>,
    /// Cases whose urgent alert could not be delivered: a red banner on every staff page.
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub rows: Vec<InboxRow>,
    /// Empty when no email has failed.
    pub failed_text: String,
    pub status_options: Vec<(&'static str, String)>,
    pub kind_options: Vec<(&'static str, String)>,
    pub stage_options: Vec<(&'static str, String)>,
    pub procedure_options: Vec<(&'static str, String)>,
    /// The council's teams `(id, name)`: names offered as the team filter is typed, ids for
    /// the bulk "move to team".
    pub team_options: Vec<(String, String)>,
    /// The search words as typed ("" when none).
    pub search: String,
    pub filter_status: String,
    pub filter_kind: String,
    pub filter_stage: String,
    pub filter_procedure: String,
    pub filter_team: String,
    /// A staff id, "none" for unassigned cases, or "".
    pub filter_assignee: String,
    pub filter_risk: bool,
    pub staff: Vec<(i64, String)>,
    pub can_report: bool,
    pub can_record: bool,
    /// Officers and managers tick cases and assign them or move them to a team at once.
    pub can_bulk: bool,
    /// "cases", "held" or "spam": which list this is.
    pub screen: &'static str,
    /// Officers and managers check held cases; empty for everyone else.
    pub held_link: String,
    pub spam_link: String,
    /// "Cases 26 to 50 of 293" ("" when none).
    pub count_text: String,
    pub page_links: Vec<PageLink>,
    /// The same list as CSV.
    pub export_link: String,
    /// This list's query string, for the bulk form to come back to.
    pub back_query: String,
    /// What the last bulk action did, in words ("" when none).
    pub bulk_text: String,
}

impl InboxPage<'_> {
    /// Whether any filter beyond the search is set: the filters then show open.
    pub fn filtered(&self) -> bool {
        [
            &self.filter_status,
            &self.filter_kind,
            &self.filter_stage,
            &self.filter_procedure,
            &self.filter_team,
            &self.filter_assignee,
        ]
        .iter()
        .any(|f| !f.is_empty())
            || self.filter_risk
    }
}

/// A link to another page of a list.
pub struct PageLink {
    pub href: String,
    /// The page's number ("" for previous and next, whose words come from `rel`).
    pub label: String,
    pub current: bool,
    /// "prev", "next" or "".
    pub rel: &'static str,
    /// An ellipsis between far-apart page numbers, not a link.
    pub gap: bool,
}
