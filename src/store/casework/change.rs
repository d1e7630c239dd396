//! Writing a staff change: the case's columns, its timeline event, list entries and emails in
//! one transaction, refused if the case changed since the form was drawn.

use super::lifecycle::{london_day_ms, midday_ms};
use super::listed::write_listed;
use super::timeline::{NewEvent, insert_event, insert_typed_event};
use crate::casework::Lifecycle;
use crate::domain::{CaseEvent, CaseStatus, Category, Outcome};
use crate::store::cases::format_date;
use crate::store::outbox::{NewEmail, insert_emails, insert_emails_throttled};
use crate::store::{Store, StoreError, now_ms};

/// A column staff may change. Only these names ever reach SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Stage,
    Procedure,
    Outcome,
    Resolution,
    Team,
    Category,
    AssigneeId,
    AcknowledgedAt,
    DueOn,
    ExtendedDueOn,
    StageStartedOn,
    PausedSince,
    ClosedAt,
}

impl Field {
    fn column(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Stage => "stage",
            Field::Procedure => "procedure",
            Field::Outcome => "outcome",
            Field::Resolution => "resolution",
            Field::Team => "team",
            Field::Category => "category",
            Field::AssigneeId => "assignee_id",
            Field::AcknowledgedAt => "acknowledged_at",
            Field::DueOn => "due_on",
            Field::ExtendedDueOn => "extended_due_on",
            Field::StageStartedOn => "stage_started_on",
            Field::PausedSince => "paused_since",
            Field::ClosedAt => "closed_at",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
}

/// One staff change, ready to write.
pub struct RecordedChange<'a> {
    pub case_id: i64,
    /// The revision the form was drawn from.
    pub revision: i64,
    pub before: &'a Lifecycle,
    pub after: &'a Lifecycle,
    pub event: &'a CaseEvent,
    pub actor: String,
    pub effective_on: Option<time::Date>,
    pub emails: &'a [NewEmail],
}

impl Store {
    /// Write a change worked out by `casework::apply`: the case's columns, its timeline event
    /// and any emails, all or nothing, and only if nobody changed the case since the form
    /// was drawn ([`StoreError::Stale`] otherwise).
    pub async fn record_change(
        &self,
        change: &RecordedChange<'_>,
        message_domain: &str,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let (before, after) = (change.before, change.after);
        let day = change.effective_on.unwrap_or_else(|| london_day_ms(now));
        // Acknowledged on the day the step is dated (a move to Stage 2 acknowledges too), as
        // an import dates it, so an export then import gives the same acknowledgement table.
        let acknowledged_at = match (before.acknowledged, after.acknowledged) {
            (false, true) => Some(change.effective_on.map_or(now, midday_ms)),
            _ => None,
        };
        let closed_at = match (before.status, after.status) {
            (CaseStatus::Closed, CaseStatus::Closed) => None,
            (_, CaseStatus::Closed) => Some(Some(midday_ms(day))),
            (CaseStatus::Closed, _) => Some(None),
            _ => None,
        };
        let stage = after.stage;
        let date = |d: Option<time::Date>| d.map(format_date);
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "update cases set procedure = $1, stage = $2, status = $3, outcome = $4, \
             resolution = $5, team = $6, category = $7, assignee_id = $8, \
             acknowledged_at = coalesce(acknowledged_at, $9), due_on = $10, \
             extended_due_on = $11, stage_started_on = $12, responded_on = $13, \
             paused_on = $14, paused_since = $15, \
             closed_at = case when $16 = 1 then $17 else closed_at end, last_step_on = $18, \
             revision = revision + 1, updated_at = $19, investigating_officer = $22, \
             independent_person = $23, panel_on = $24, cost_investigation_pence = $25, \
             cost_independent_person_pence = $26, cost_panel_pence = $27, remedy_pence = $28, \
             remedy_for = $29, ombudsman_received_on = $30, ombudsman_decision = $31, \
             ombudsman_remedy = $32, method_of_receipt = $33, council_outcome = $34 \
             where id = $20 and revision = $21",
        )
        .bind(after.procedure.as_str())
        .bind(stage.map_or(1, |s| i64::from(s.number)))
        .bind(after.status.as_str())
        .bind(after.outcome.map(Outcome::as_str))
        .bind(after.resolution.clone())
        .bind(after.team.clone())
        .bind(after.category.map(Category::as_str))
        .bind(after.assignee_id)
        .bind(acknowledged_at)
        .bind(date(stage.map(|s| s.due_on)))
        .bind(date(stage.and_then(|s| s.extended_due_on)))
        .bind(date(stage.map(|s| s.started_on)))
        .bind(date(stage.and_then(|s| s.responded_on)))
        .bind(date(after.paused_on))
        .bind(after.paused_on.map(midday_ms))
        .bind(i64::from(closed_at.is_some()))
        .bind(closed_at.flatten())
        .bind(format_date(after.last_step_on))
        .bind(now)
        .bind(change.case_id)
        .bind(change.revision)
        .bind(after.facts.investigating_officer.clone())
        .bind(after.facts.independent_person.clone())
        .bind(date(after.facts.panel_on))
        .bind(after.facts.cost_investigation_pence)
        .bind(after.facts.cost_independent_person_pence)
        .bind(after.facts.cost_panel_pence)
        .bind(after.facts.remedy_pence)
        .bind(after.facts.remedy_for.clone())
        .bind(date(after.ombudsman.as_ref().map(|o| o.received_on)))
        .bind(after.ombudsman.as_ref().map(|o| o.decision.as_str()))
        .bind(after.ombudsman.as_ref().and_then(|o| o.remedy.clone()))
        .bind(after.receipt.clone())
        .bind(after.listed.council_outcome.clone())
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            tx.rollback().await?;
            return Err(StoreError::Stale);
        }
        write_listed(&mut tx, change.case_id, &before.listed, &after.listed, now).await?;
        insert_typed_event(
            &mut tx,
            change.case_id,
            change.event,
            &change.actor,
            change.effective_on,
            now,
        )
        .await?;
        insert_emails_throttled(
            &mut tx,
            change.case_id,
            change.emails,
            message_domain,
            now,
            self.child_reply_every_ms,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Apply changes to a case with their event and emails, all or nothing.
    pub async fn change_case(
        &self,
        case_id: i64,
        changes: &[(Field, Value)],
        event: &NewEvent,
        emails: &[NewEmail],
        message_domain: &str,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        if !changes.is_empty() {
            let sets: Vec<String> = changes
                .iter()
                .enumerate()
                .map(|(i, (field, _))| format!("{} = ${}", field.column(), i + 1))
                .collect();
            let sql = format!(
                "update cases set {}, updated_at = ${} where id = ${}",
                sets.join(", "),
                changes.len() + 1,
                changes.len() + 2
            );
            let mut query = sqlx::query(&sql);
            for (_, value) in changes {
                query = match value {
                    Value::Text(v) => query.bind(v.clone()),
                    Value::Int(v) => query.bind(*v),
                };
            }
            query.bind(now).bind(case_id).execute(&mut *tx).await?;
        }
        insert_event(&mut tx, case_id, event, now).await?;
        insert_emails(&mut tx, case_id, emails, message_domain, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
