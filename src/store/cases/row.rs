//! A case's row as the database holds it, the one `select` that reads it, and the checked
//! conversion into a [`Case`]; dates are stored as `YYYY-MM-DD` text.

use time::OffsetDateTime;

use crate::domain::{
    Adult, AdultRole, AdvocateWanted, Case, CaseKind, CaseStatus, Category, ChildConsent,
    ChildHasAdvocate, ContactMethod, Ombudsman, OmbudsmanDecision, Outcome, Procedure, Reference,
    Screened, StageFacts, SubmitterRole,
};
use crate::store::StoreError;

/// A case's row as stored: small integers for flags, dates as text, JSON. It never leaves the
/// store: [`Case`] is what the rest of the service reads.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(in crate::store) struct CaseRow {
    pub id: i64,
    pub reference: String,
    pub kind: String,
    pub procedure: String,
    pub stage: i64,
    pub status: String,
    pub submitted_by: String,
    pub category: Option<String>,
    pub summary: Option<String>,
    pub desired_outcome: Option<String>,
    pub advocate_wanted: String,
    pub contact_method: String,
    pub contact_value: Option<String>,
    pub first_name: Option<String>,
    pub age: Option<i64>,
    pub locale: String,
    /// 0 or 1 (flags are small integers on both back ends).
    pub urgent: i16,
    pub method_of_receipt: String,
    pub received_at: i64,
    pub due_on: Option<String>,
    pub answers: String,
    pub secret_hash: String,
    pub flow_id: Option<String>,
    pub team: Option<String>,
    pub assignee_id: Option<i64>,
    pub outcome: Option<String>,
    pub resolution: Option<String>,
    pub acknowledged_at: Option<i64>,
    pub acknowledge_by: Option<String>,
    pub extended_due_on: Option<String>,
    pub stage_started_on: Option<String>,
    pub paused_since: Option<i64>,
    pub closed_at: Option<i64>,
    pub submitter_role: Option<String>,
    pub submitter_name: Option<String>,
    pub submitter_organisation: Option<String>,
    pub child_consent: Option<String>,
    pub child_has_advocate: Option<String>,
    /// 0 or 1: held for staff to check (see [`Screening`]).
    pub held: i16,
    /// 0 or 1: a held case staff decided was spam; closed, and never counted.
    pub spam: i16,
    pub suspect_honeypot: i16,
    pub suspect_fast: i16,
    pub completion_ms: Option<i64>,
    /// Bumped by every change staff make; forms carry it back so a stale one is refused.
    pub revision: i64,
    pub responded_on: Option<String>,
    pub paused_on: Option<String>,
    pub last_step_on: Option<String>,
    /// JSON array of `domain::UrgentReason`; read through [`Case`].
    pub urgent_reasons: Option<String>,
    pub investigating_officer: Option<String>,
    pub independent_person: Option<String>,
    pub panel_on: Option<String>,
    pub cost_investigation_pence: Option<i64>,
    pub cost_independent_person_pence: Option<i64>,
    pub cost_panel_pence: Option<i64>,
    pub remedy_pence: Option<i64>,
    pub remedy_for: Option<String>,
    pub ombudsman_received_on: Option<String>,
    pub ombudsman_decision: Option<String>,
    pub ombudsman_remedy: Option<String>,
    /// The council's own outcome: an id from its lists.
    pub council_outcome: Option<String>,
}

fn instant(ms: i64) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(format!("time {ms}: {e}")))
}

pub(in crate::store) fn optional_date(
    text: Option<&str>,
) -> Result<Option<time::Date>, StoreError> {
    text.map(parse_date).transpose()
}

fn flag(value: i16) -> bool {
    value != 0
}

impl TryFrom<CaseRow> for Case {
    type Error = StoreError;

    fn try_from(row: CaseRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("{what} {value:?}"));
        fn parsed<T>(
            what: &str,
            value: Option<&str>,
            parse: impl Fn(&str) -> Option<T>,
        ) -> Result<Option<T>, StoreError> {
            value
                .map(|v| parse(v).ok_or_else(|| StoreError::Corrupt(format!("{what} {v:?}"))))
                .transpose()
        }
        let kind = CaseKind::parse(&row.kind).ok_or_else(|| corrupt("kind", &row.kind))?;
        let adult = match parsed(
            "submitter role",
            row.submitter_role.as_deref(),
            AdultRole::parse,
        )? {
            Some(role) => Some(Adult {
                role,
                name: row.submitter_name,
                organisation: row.submitter_organisation,
                child_consent: parsed(
                    "child consent",
                    row.child_consent.as_deref(),
                    ChildConsent::parse,
                )?,
                child_has_advocate: parsed(
                    "child has advocate",
                    row.child_has_advocate.as_deref(),
                    ChildHasAdvocate::parse,
                )?,
            }),
            None => None,
        };
        let ombudsman = match (&row.ombudsman_received_on, &row.ombudsman_decision) {
            (Some(on), Some(decision)) => Some(Ombudsman {
                received_on: parse_date(on)?,
                decision: OmbudsmanDecision::parse(decision)
                    .ok_or_else(|| corrupt("Ombudsman decision", decision))?,
                remedy: row.ombudsman_remedy.clone(),
            }),
            _ => None,
        };
        Ok(Case {
            id: row.id,
            reference: Reference::parse(&row.reference)
                .map_err(|_| corrupt("reference", &row.reference))?,
            revision: row.revision,
            kind,
            procedure: Procedure::parse(&row.procedure)
                .ok_or_else(|| corrupt("procedure", &row.procedure))?,
            stage: u8::try_from(row.stage).map_err(|_| corrupt("stage", &row.stage.to_string()))?,
            status: CaseStatus::parse(&row.status).ok_or_else(|| corrupt("status", &row.status))?,
            submitted_by: SubmitterRole::parse(&row.submitted_by)
                .ok_or_else(|| corrupt("submitted by", &row.submitted_by))?,
            category: parsed("category", row.category.as_deref(), Category::parse)?,
            summary: row.summary,
            desired_outcome: row.desired_outcome,
            advocate_wanted: AdvocateWanted::parse(&row.advocate_wanted)
                .ok_or_else(|| corrupt("advocate wanted", &row.advocate_wanted))?,
            contact_method: ContactMethod::parse(&row.contact_method)
                .ok_or_else(|| corrupt("contact method", &row.contact_method))?,
            contact_value: row.contact_value,
            first_name: row.first_name,
            age: row
                .age
                .map(|a| u8::try_from(a).map_err(|_| corrupt("age", &a.to_string())))
                .transpose()?,
            locale: row.locale,
            urgent: flag(row.urgent),
            urgent_reasons: crate::domain::urgency::parse_reasons(row.urgent_reasons.as_deref()),
            method_of_receipt: row.method_of_receipt,
            received_at: instant(row.received_at)?,
            acknowledged_at: row.acknowledged_at.map(instant).transpose()?,
            acknowledge_by: optional_date(row.acknowledge_by.as_deref())?,
            due_on: optional_date(row.due_on.as_deref())?,
            extended_due_on: optional_date(row.extended_due_on.as_deref())?,
            stage_started_on: optional_date(row.stage_started_on.as_deref())?,
            responded_on: optional_date(row.responded_on.as_deref())?,
            paused_on: optional_date(row.paused_on.as_deref())?,
            paused_since: row.paused_since.map(instant).transpose()?,
            last_step_on: optional_date(row.last_step_on.as_deref())?,
            closed_at: row.closed_at.map(instant).transpose()?,
            answers: serde_json::from_str(&row.answers)
                .map_err(|e| StoreError::Corrupt(format!("case {} answers: {e}", row.id)))?,
            secret_hash: row.secret_hash,
            flow_id: row.flow_id,
            team: row.team,
            assignee_id: row.assignee_id,
            outcome: parsed("outcome", row.outcome.as_deref(), Outcome::parse)?,
            council_outcome: row.council_outcome,
            resolution: row.resolution,
            adult,
            screening: Screened {
                held: flag(row.held),
                spam: flag(row.spam),
                honeypot: flag(row.suspect_honeypot),
                too_fast: flag(row.suspect_fast),
                completion_ms: row.completion_ms,
            },
            facts: StageFacts {
                investigating_officer: row.investigating_officer,
                independent_person: row.independent_person,
                panel_on: optional_date(row.panel_on.as_deref())?,
                cost_investigation_pence: row.cost_investigation_pence,
                cost_independent_person_pence: row.cost_independent_person_pence,
                cost_panel_pence: row.cost_panel_pence,
                remedy_pence: row.remedy_pence,
                remedy_for: row.remedy_for,
            },
            ombudsman,
        })
    }
}

/// Reads rows into cases; one corrupt row is an error, not a silently missing case.
pub(in crate::store) fn cases(rows: Vec<CaseRow>) -> Result<Vec<Case>, StoreError> {
    rows.into_iter().map(Case::try_from).collect()
}

pub(crate) const SELECT_CASE: &str = "select id, reference, kind, procedure, stage, status, submitted_by, \
     category, summary, desired_outcome, advocate_wanted, contact_method, contact_value, \
     first_name, age, locale, urgent, method_of_receipt, received_at, due_on, answers, \
     secret_hash, flow_id, team, assignee_id, outcome, resolution, acknowledged_at, \
     acknowledge_by, extended_due_on, stage_started_on, paused_since, closed_at, submitter_role, \
     submitter_name, submitter_organisation, child_consent, child_has_advocate, held, spam, \
     suspect_honeypot, suspect_fast, completion_ms, revision, responded_on, paused_on, \
     last_step_on, urgent_reasons, investigating_officer, independent_person, panel_on, \
     cost_investigation_pence, cost_independent_person_pence, cost_panel_pence, remedy_pence, \
     remedy_for, ombudsman_received_on, ombudsman_decision, ombudsman_remedy, council_outcome \
     from cases";

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

pub fn parse_date(s: &str) -> Result<time::Date, StoreError> {
    time::Date::parse(s, DATE).map_err(|e| StoreError::Corrupt(format!("date {s:?}: {e}")))
}

pub fn format_date(date: time::Date) -> String {
    date.format(DATE).unwrap_or_default()
}
