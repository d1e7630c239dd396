//! A case as the rest of the service sees it: every value typed. The store converts its rows
//! into this (`TryFrom` inside `src/store/`), so no page, email or rule reads a small integer
//! flag, a date string or stored JSON, and a row that does not make sense is refused there,
//! once, as corrupt.

use time::{Date, OffsetDateTime};

use super::{
    AdultRole, AdvocateWanted, Answers, CaseKind, CaseStatus, Category, ChildConsent,
    ChildHasAdvocate, ContactMethod, Ombudsman, Outcome, Procedure, Reference, StageFacts,
    SubmitterRole, UrgentReason,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: i64,
    pub reference: Reference,
    /// Bumped by every change staff make; forms carry it back so a stale one is refused.
    pub revision: i64,
    pub kind: CaseKind,
    /// Meaningful for complaints only.
    pub procedure: Procedure,
    /// The current stage, 1-based, for complaints in a formal procedure; 0 otherwise.
    pub stage: u8,
    pub status: CaseStatus,
    /// Who used the form, in the annual report's split.
    pub submitted_by: SubmitterRole,
    /// What it is about, as the child chose it.
    pub category: Option<Category>,
    pub summary: Option<String>,
    pub desired_outcome: Option<String>,
    pub advocate_wanted: AdvocateWanted,
    pub contact_method: ContactMethod,
    /// The phone number or email address, for the methods that need one.
    pub contact_value: Option<String>,
    pub first_name: Option<String>,
    pub age: Option<u8>,
    /// The language tag of the pages the child used.
    pub locale: String,
    pub urgent: bool,
    /// Why it is urgent; empty when it is not.
    pub urgent_reasons: Vec<UrgentReason>,
    /// How it reached the council (`online` for the conversation; staff record the rest).
    pub method_of_receipt: String,
    pub received_at: OffsetDateTime,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub acknowledge_by: Option<Date>,
    /// The current stage's response date, and the extended one when there is one.
    pub due_on: Option<Date>,
    pub extended_due_on: Option<Date>,
    pub stage_started_on: Option<Date>,
    pub responded_on: Option<Date>,
    pub paused_on: Option<Date>,
    pub paused_since: Option<OffsetDateTime>,
    /// The effective date of the latest dated step.
    pub last_step_on: Option<Date>,
    pub closed_at: Option<OffsetDateTime>,
    /// What the person answered in the conversation, by step.
    pub answers: Answers,
    pub secret_hash: String,
    /// The conversation the case came from (none for cases recorded by staff or imported).
    pub flow_id: Option<String>,
    pub team: Option<String>,
    pub assignee_id: Option<i64>,
    pub outcome: Option<Outcome>,
    /// The council's own outcome value (an id from its lists), beside the statutory one.
    pub council_outcome: Option<String>,
    pub resolution: Option<String>,
    /// Present when an adult made the representation for the child.
    pub adult: Option<Adult>,
    pub screening: Screened,
    /// Complaints only: Stage 2 and 3 facts.
    pub facts: StageFacts,
    /// Complaints only: the Ombudsman's enquiry, once one arrives.
    pub ombudsman: Option<Ombudsman>,
}

/// The adult who used the form for a child, and what they said of the child's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adult {
    pub role: AdultRole,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub child_consent: Option<ChildConsent>,
    pub child_has_advocate: Option<ChildHasAdvocate>,
}

/// What the bot checks found when the case arrived, and what staff decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screened {
    /// Held for staff to check before anyone is emailed.
    pub held: bool,
    /// A held case staff decided was spam: closed, and never counted.
    pub spam: bool,
    pub honeypot: bool,
    pub too_fast: bool,
    pub completion_ms: Option<i64>,
}

impl Case {
    /// The date the current stage's response is due: the extended date when there is one.
    pub fn current_due_on(&self) -> Option<Date> {
        self.extended_due_on.or(self.due_on)
    }

    pub fn is_complaint(&self) -> bool {
        self.kind.has_procedure()
    }
}

/// One Stage 1 complaint for unit tests, received on Monday 7 December 2026 (acknowledge by
/// Thursday 10th, respond by Monday 21st), with nothing optional filled in; tests set what they
/// need with `Case { .., ..Case::sample() }`.
#[cfg(test)]
impl Case {
    pub(crate) fn sample() -> Self {
        use time::macros::{date, datetime};
        Self {
            id: 1,
            reference: super::Reference::generate(),
            revision: 0,
            kind: super::CaseKind::Complaint,
            procedure: super::Procedure::Statutory,
            stage: 1,
            status: super::CaseStatus::New,
            submitted_by: super::SubmitterRole::Child,
            category: None,
            summary: None,
            desired_outcome: None,
            advocate_wanted: super::AdvocateWanted::No,
            contact_method: super::ContactMethod::NoContact,
            contact_value: None,
            first_name: None,
            age: None,
            locale: "en-GB".into(),
            urgent: false,
            urgent_reasons: Vec::new(),
            method_of_receipt: "online".into(),
            received_at: datetime!(2026-12-07 10:00 UTC),
            acknowledged_at: None,
            acknowledge_by: Some(date!(2026 - 12 - 10)),
            due_on: Some(date!(2026 - 12 - 21)),
            extended_due_on: None,
            stage_started_on: Some(date!(2026 - 12 - 07)),
            responded_on: None,
            paused_on: None,
            paused_since: None,
            last_step_on: None,
            closed_at: None,
            answers: super::Answers::new(),
            secret_hash: String::new(),
            flow_id: None,
            team: None,
            assignee_id: None,
            outcome: None,
            council_outcome: None,
            resolution: None,
            adult: None,
            screening: super::Screened::default(),
            facts: super::StageFacts::default(),
            ombudsman: None,
        }
    }
}
