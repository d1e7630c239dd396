//! Cases: created from a finished conversation in one transaction that also writes the first
//! timeline event and deletes the conversation, so a case is either whole or absent. A case that
//! looks automated is stored whole too, but held: see [`Screening`].

use sqlx::{Executor, Row};

use super::outbox::{NewEmail, insert_emails};
use super::{Store, StoreError, is_unique_violation};
use time::OffsetDateTime;

use crate::domain::{
    Adult, AdultRole, AdvocateWanted, Case, CaseKind, CaseStatus, Category, ChildConsent,
    ChildHasAdvocate, ContactMethod, Ombudsman, OmbudsmanDecision, Outcome, Procedure, Reference,
    Screened, StageFacts, SubmitterRole,
};
use crate::flow::CaseDraft;

/// Everything needed to turn a conversation into a case.
pub struct NewCase {
    pub submission_key: String,
    pub draft: CaseDraft,
    pub answers_json: String,
    pub flow_id: String,
    pub flow_version: i64,
    pub locale: String,
    pub secret_hash: String,
    /// The reference reserved by "finish later", which the case takes when it is free.
    pub reserved: Option<Reference>,
    /// The secret words sealed under the browser's token, to show them again while fresh.
    pub words_sealed: String,
    pub received_at: i64,
    /// The day the Stage 1 clock started (the next working day after a late or holiday receipt).
    pub started_on: time::Date,
    pub acknowledge_by: time::Date,
    /// Complaints only: the Stage 1 response date.
    pub due_on: Option<time::Date>,
    /// The emails this case causes, queued in the same transaction (none while it is held).
    pub emails: Vec<NewEmail>,
    pub screening: Screening,
    /// Why it is urgent, for the duty team's email; empty when it is not.
    pub urgent_reasons: Vec<crate::domain::UrgentReason>,
    /// Domain part of each email's Message-ID.
    pub message_domain: String,
    /// The optional "About you" answers, kept apart from `answers_json`; `None` when not asked.
    pub equality: Option<crate::equality::EqualityAnswers>,
    /// "How are you feeling?" on the first page, 1 to 5; `None` when skipped or not a child.
    pub feeling: Option<u8>,
}

/// Signs that a conversation came from a bot, and whether its case is held for staff to check.
/// A held case is stored whole but sends no email and stays out of the inbox and the report
/// until a rights officer releases it, so nothing a real child sent is ever lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screening {
    /// The hidden field people never see was filled in.
    pub honeypot: bool,
    /// Sent sooner after starting than anyone could read and answer the questions.
    pub too_fast: bool,
    /// From the conversation's start to sending.
    pub completion_ms: i64,
    pub held: bool,
}

impl Screening {
    /// Hold a suspicious case, unless it is urgent: a child in danger never waits behind a bot
    /// filter (the suspicion is still recorded for staff). `min_seconds` of 0 turns the time
    /// check off.
    pub fn assess(honeypot: bool, completion_ms: i64, min_seconds: u32, urgent: bool) -> Self {
        let too_fast = min_seconds > 0 && completion_ms < i64::from(min_seconds) * 1000;
        Self {
            honeypot,
            too_fast,
            completion_ms,
            held: (honeypot || too_fast) && !urgent,
        }
    }
}

/// What the child is shown once the case exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub reference: Reference,
    pub kind: CaseKind,
    pub received_at: i64,
    pub due_on: time::Date,
    pub urgent: bool,
    pub locale: String,
    /// How they asked to hear back, and whether they asked for an advocate: the confirmation
    /// promises only what follows from these.
    pub contact: ContactMethod,
    pub advocate_wanted: AdvocateWanted,
    /// The day we said we would have acknowledged it by (an advocate gets in touch by then).
    pub acknowledge_by: time::Date,
}

/// A case's row as stored: small integers for flags, dates as text, JSON. It never leaves the
/// store: [`Case`] is what the rest of the service reads.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct CaseRow {
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

pub(super) fn optional_date(text: Option<&str>) -> Result<Option<time::Date>, StoreError> {
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
pub(super) fn cases(rows: Vec<CaseRow>) -> Result<Vec<Case>, StoreError> {
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

impl Store {
    /// Create the case and delete the conversation, once. A repeat with the same submission key
    /// returns the first receipt; `None` means there is no such conversation and no case.
    /// The flag says whether this call made the case (false: an earlier send had).
    pub async fn submit_case(&self, new: NewCase) -> Result<Option<(Receipt, bool)>, StoreError> {
        let key = new.submission_key.clone();
        let receipt = self
            .write(move |conn| Box::pin(async move { submit_in(conn, &new).await }))
            .await;
        self.forget_conversation(&key);
        receipt
    }

    pub async fn find_receipt(&self, submission_key: &str) -> Result<Option<Receipt>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        receipt_where(&mut conn, submission_key).await
    }

    pub async fn case_by_reference(
        &self,
        reference: &Reference,
    ) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!("{SELECT_CASE} where reference = $1"))
            .bind(reference.as_ref())
            .fetch_optional(self.pool())
            .await?
            .map(Case::try_from)
            .transpose()
    }

    pub async fn case_by_id(&self, id: i64) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!("{SELECT_CASE} where id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .map(Case::try_from)
            .transpose()
    }
}

async fn receipt_where(
    conn: &mut sqlx::AnyConnection,
    submission_key: &str,
) -> Result<Option<Receipt>, StoreError> {
    let row = sqlx::query(
        "select reference, kind, received_at, coalesce(due_on, acknowledge_by) as due_on, urgent, \
         locale, contact_method, advocate_wanted, \
         coalesce(acknowledge_by, due_on) as acknowledge_by from cases \
         where submission_key = $1",
    )
    .bind(submission_key)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let reference: String = row.try_get("reference")?;
    let kind: String = row.try_get("kind")?;
    let due_on: String = row.try_get("due_on")?;
    let acknowledge_by: Option<String> = row.try_get("acknowledge_by")?;
    let due_on = parse_date(&due_on)?;
    Ok(Some(Receipt {
        acknowledge_by: match acknowledge_by {
            Some(d) => parse_date(&d)?,
            None => due_on,
        },
        reference: Reference::parse(&reference)
            .map_err(|_| StoreError::Corrupt(format!("reference {reference:?}")))?,
        kind: CaseKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("kind {kind:?}")))?,
        received_at: row.try_get("received_at")?,
        due_on,
        urgent: row.try_get::<i16, _>("urgent")? == 1,
        locale: row.try_get("locale")?,
        contact: {
            let v: String = row.try_get("contact_method")?;
            ContactMethod::parse(&v)
                .ok_or_else(|| StoreError::Corrupt(format!("contact method {v:?}")))?
        },
        advocate_wanted: {
            let v: String = row.try_get("advocate_wanted")?;
            AdvocateWanted::parse(&v)
                .ok_or_else(|| StoreError::Corrupt(format!("advocate wanted {v:?}")))?
        },
    }))
}

/// The body of [`Store::submit_case`], inside one write.
async fn submit_in(
    conn: &mut sqlx::AnyConnection,
    new: &NewCase,
) -> Result<Option<(Receipt, bool)>, StoreError> {
    let earlier = |receipt: Option<Receipt>| receipt.map(|r| (r, false));
    if let Some(receipt) = receipt_where(conn, &new.submission_key).await? {
        return Ok(Some((receipt, false)));
    }
    let deleted = sqlx::query("delete from conversations where id = $1")
        .bind(&new.submission_key)
        .execute(&mut *conn)
        .await?;
    if deleted.rows_affected() == 0 {
        // On PostgreSQL a concurrent send of the same conversation may have just committed.
        return receipt_where(conn, &new.submission_key).await.map(earlier);
    }
    // A clash on a random reference is rare; each try is a savepoint, because on PostgreSQL a
    // failed statement would otherwise spoil the whole transaction.
    for attempt in 0..5 {
        let reference = match (&new.reserved, attempt) {
            (Some(reserved), 0) => reserved.clone(),
            _ => Reference::generate(),
        };
        conn.execute("savepoint new_case").await?;
        match insert_case(conn, new, &reference).await {
            Ok(()) => {
                conn.execute("release savepoint new_case").await?;
                let receipt = Receipt {
                    reference,
                    kind: new.draft.kind,
                    received_at: new.received_at,
                    due_on: new.due_on.unwrap_or(new.acknowledge_by),
                    urgent: new.draft.urgent,
                    locale: new.locale.clone(),
                    contact: new.draft.contact,
                    advocate_wanted: new.draft.advocate_wanted,
                    acknowledge_by: new.acknowledge_by,
                };
                return Ok(Some((receipt, true)));
            }
            Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                conn.execute("rollback to savepoint new_case").await?;
                conn.execute("release savepoint new_case").await?;
            }
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Corrupt(
        "could not find a free case reference".into(),
    ))
}

async fn insert_case(
    tx: &mut sqlx::AnyConnection,
    new: &NewCase,
    reference: &Reference,
) -> Result<(), StoreError> {
    let d = &new.draft;
    let row = sqlx::query(
        "insert into cases (reference, secret_hash, submission_key, flow_id, flow_version, kind, \
         submitted_by, category, summary, desired_outcome, advocate_wanted, contact_method, \
         contact_value, first_name, age, locale, urgent, received_at, due_on, answers, \
         stage_started_on, acknowledge_by, submitter_role, submitter_name, \
         submitter_organisation, child_consent, child_has_advocate, held, suspect_honeypot, \
         suspect_fast, completion_ms, urgent_reasons, words_sealed, created_at, updated_at, \
         feeling) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $18, \
         $18, $34) \
         returning id",
    )
    .bind(reference.as_ref())
    .bind(&new.secret_hash)
    .bind(&new.submission_key)
    .bind(&new.flow_id)
    .bind(new.flow_version)
    .bind(d.kind.as_str())
    .bind(d.submitted_by.as_str())
    .bind(d.category.as_str())
    .bind(&d.summary)
    .bind(d.desired_outcome.as_deref())
    .bind(d.advocate_wanted.as_str())
    .bind(d.contact.as_str())
    .bind(d.contact_value.as_deref())
    .bind(d.first_name.as_deref())
    .bind(d.age)
    .bind(&new.locale)
    .bind(i16::from(d.urgent))
    .bind(new.received_at)
    .bind(new.due_on.map(format_date))
    .bind(&new.answers_json)
    .bind(format_date(new.started_on))
    .bind(format_date(new.acknowledge_by))
    .bind(d.submitter.as_ref().map(|s| s.role.as_str()))
    .bind(d.submitter.as_ref().map(|s| s.name.clone()))
    .bind(d.submitter.as_ref().and_then(|s| s.organisation.clone()))
    .bind(d.submitter.as_ref().map(|s| s.child_consent.as_str()))
    .bind(d.submitter.as_ref().map(|s| s.child_has_advocate.clone()))
    .bind(i16::from(new.screening.held))
    .bind(i16::from(new.screening.honeypot))
    .bind(i16::from(new.screening.too_fast))
    .bind(new.screening.completion_ms)
    .bind(crate::domain::urgency::store_reasons(&new.urgent_reasons))
    .bind(&new.words_sealed)
    .bind(new.feeling.map(i64::from))
    .fetch_one(&mut *tx)
    .await?;
    let case_id: i64 = row.try_get("id")?;
    let mut events = vec![("submitted", "child")];
    if new.screening.held {
        events.push(("held", "system"));
    }
    for (kind, actor) in events {
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, created_at) \
             values ($1, $2, $3, null, $4)",
        )
        .bind(case_id)
        .bind(kind)
        .bind(actor)
        .bind(new.received_at)
        .execute(&mut *tx)
        .await?;
    }
    if let Some(equality) = &new.equality {
        super::equality::insert(tx, case_id, equality).await?;
    }
    insert_emails(
        tx,
        case_id,
        &new.emails,
        &new.message_domain,
        new.received_at,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Screening;

    #[test]
    fn a_suspicious_case_is_held_unless_it_is_urgent() {
        // (honeypot, completion ms, minimum seconds, urgent) -> (too fast, held)
        let table = [
            (false, 60_000, 15, false, false, false),
            (false, 14_999, 15, false, true, true),
            (false, 15_000, 15, false, false, false),
            (true, 60_000, 15, false, false, true),
            (true, 1_000, 15, true, true, false),
            (false, 1_000, 0, false, false, false),
            (true, 1_000, 0, false, false, true),
        ];
        for (honeypot, ms, min, urgent, too_fast, held) in table {
            let s = Screening::assess(honeypot, ms, min, urgent);
            assert_eq!(
                (s.too_fast, s.held),
                (too_fast, held),
                "{honeypot} {ms} {min} {urgent}"
            );
            assert_eq!(s.honeypot, honeypot);
            assert_eq!(s.completion_ms, ms);
        }
    }
}
