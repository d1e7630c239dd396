//! What the annual report reads (cases received in a time range, their timeline events and
//! aspects) and what it writes: cases staff record by hand because they arrived by letter,
//! phone or email, and demonstration data. Ranges are unix milliseconds worked out in Rust, so
//! no date function of either database is needed. Cases held as possible bots, and those staff
//! marked as spam, are never counted: a released case counts like any other.

mod write;

use sqlx::Row;

use super::{Store, StoreError};
pub use write::{CaseRow, EventRow};

/// The cases the report counts (with the table's alias, when it has one).
const COUNTED: &str = "held = 0 and spam = 0";
const COUNTED_C: &str = "c.held = 0 and c.spam = 0";

/// What a case carries from the council's lists, as the report counts it.
#[derive(Debug, Clone, Default)]
pub struct Listed {
    pub mentions: Vec<String>,
    pub teams: Vec<String>,
    /// Read by the export only (no table counts them yet).
    pub actions_taken: Vec<String>,
}

/// The facts about a case that the report counts. No names, words or contact details.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportCase {
    pub id: i64,
    pub kind: String,
    pub procedure: String,
    pub stage: i64,
    pub status: String,
    pub submitted_by: String,
    pub category: Option<String>,
    pub advocate_wanted: String,
    pub age: Option<i64>,
    pub locale: String,
    /// 0 or 1.
    pub urgent: i16,
    pub method_of_receipt: String,
    pub outcome: Option<String>,
    pub received_at: i64,
    pub stage_started_on: Option<String>,
    pub closed_at: Option<i64>,
    /// The council's own outcome (an id from its lists).
    pub council_outcome: Option<String>,
    pub acknowledged_at: Option<i64>,
    /// What the Stage 2 investigation, its Independent Person and the Stage 3 panel cost, and
    /// any remedy paid, in whole pence.
    pub cost_investigation_pence: Option<i64>,
    pub cost_independent_person_pence: Option<i64>,
    pub cost_panel_pence: Option<i64>,
    pub remedy_pence: Option<i64>,
    /// `YYYY-MM-DD`.
    pub ombudsman_received_on: Option<String>,
    pub ombudsman_decision: Option<String>,
}

/// A timeline event the report reads: its values, and the day it really happened when staff
/// gave one. The report never reads an event's free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportEvent {
    pub case_id: i64,
    pub event: crate::domain::CaseEvent,
    pub effective_on: Option<time::Date>,
    pub created_at: i64,
}

/// The event kinds that move a case through the procedure.
const PROCEDURE_EVENTS: &str = "'stage_changed', 'outcome', 'extended', 'paused', 'resumed', \
                                'closed', 'reopened', 'procedure_changed'";

impl Store {
    /// Cases received in `[from_ms, to_ms)`.
    pub async fn report_cases(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<ReportCase>, StoreError> {
        Ok(sqlx::query_as::<_, ReportCase>(&format!(
            "select id, kind, procedure, stage, status, submitted_by, category, advocate_wanted, \
             age, locale, urgent, method_of_receipt, outcome, received_at, \
             stage_started_on, closed_at, council_outcome, acknowledged_at, \
             cost_investigation_pence, cost_independent_person_pence, cost_panel_pence, \
             remedy_pence, ombudsman_received_on, ombudsman_decision from cases \
             where received_at >= $1 and received_at < $2 and {COUNTED} order by id"
        ))
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?)
    }

    /// Record what the command line did (no staff member), taking SQLite's write lock before
    /// reading anything (`begin immediate`), so it waits its turn (the busy timeout) while a
    /// running service writes, instead of failing "database is locked": a plain insert reads
    /// first and cannot wait if another write commits in between (a stale WAL snapshot).
    pub async fn audit_from_command_line(
        &self,
        action: super::audit::AuditAction,
        detail: serde_json::Value,
    ) -> Result<(), StoreError> {
        if self.backend() == super::Backend::Sqlite {
            // A command has nobody waiting on it: on a busy, slow disk a service's group commit
            // can hold the write lock longer than the service's own 10 seconds, so the command
            // waits up to a minute (its pool has its one connection, which keeps the setting).
            sqlx::query("pragma busy_timeout = 60000")
                .execute(self.pool())
                .await?;
        }
        let mut tx = self.begin_write().await?;
        super::audit::insert(&mut tx, None, action.as_str(), &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The Ombudsman's enquiries about complaints made on the days `first` to `last`
    /// (`YYYY-MM-DD`, inclusive), whenever the complaint was received: `(day, decision)`.
    pub async fn report_ombudsman(
        &self,
        first: &str,
        last: &str,
    ) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let rows = sqlx::query(&format!(
            "select ombudsman_received_on, ombudsman_decision from cases \
             where kind = 'complaint' and ombudsman_received_on >= $1 \
             and ombudsman_received_on <= $2 and {COUNTED} order by id"
        ))
        .bind(first)
        .bind(last)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect()
    }

    /// The procedure events of cases received in `[from_ms, to_ms)`, each case's in order.
    pub async fn report_events(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<ReportEvent>, StoreError> {
        let rows = sqlx::query(&format!(
            "select e.case_id, e.kind, e.detail, e.effective_on, e.created_at from case_events e \
             join cases c on c.id = e.case_id \
             where c.received_at >= $1 and c.received_at < $2 and {COUNTED_C} \
             and e.kind in ({PROCEDURE_EVENTS}) order by e.case_id, e.id"
        ))
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let detail: Option<String> = row.try_get("detail")?;
                let detail =
                    detail.and_then(|d| serde_json::from_str::<serde_json::Value>(&d).ok());
                let kind: String = row.try_get("kind")?;
                let effective: Option<String> = row.try_get("effective_on")?;
                Ok(ReportEvent {
                    case_id: row.try_get("case_id")?,
                    event: super::casework::stored_event(&kind, detail.as_ref()),
                    effective_on: effective
                        .as_deref()
                        .map(super::cases::parse_date)
                        .transpose()?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// `(case id, category id)` of every mention, for cases received in `[from_ms, to_ms)`.
    pub async fn report_mentions(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as::<_, (i64, String)>(&format!(
            "select m.case_id, m.category from case_mentions m join cases c on c.id = m.case_id \
             where c.received_at >= $1 and c.received_at < $2 and {COUNTED_C} \
             order by m.case_id, m.id"
        ))
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?)
    }

    /// `(case id, team id)` for cases received in `[from_ms, to_ms)`.
    pub async fn report_teams(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as::<_, (i64, String)>(&format!(
            "select t.case_id, t.team from case_teams t join cases c on c.id = t.case_id \
             where c.received_at >= $1 and c.received_at < $2 and {COUNTED_C} \
             order by t.case_id, t.id"
        ))
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?)
    }

    /// Everything the report counts from the council's lists, by case.
    pub async fn report_listed(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<std::collections::HashMap<i64, Listed>, StoreError> {
        let mut listed: std::collections::HashMap<i64, Listed> = std::collections::HashMap::new();
        for (case_id, category) in self.report_mentions(from_ms, to_ms).await? {
            listed.entry(case_id).or_default().mentions.push(category);
        }
        for (case_id, team) in self.report_teams(from_ms, to_ms).await? {
            listed.entry(case_id).or_default().teams.push(team);
        }
        let actions = sqlx::query_as::<_, (i64, String)>(&format!(
            "select a.case_id, a.action from case_actions_taken a \
             join cases c on c.id = a.case_id \
             where c.received_at >= $1 and c.received_at < $2 and {COUNTED_C} \
             order by a.case_id, a.id"
        ))
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?;
        for (case_id, action) in actions {
            listed
                .entry(case_id)
                .or_default()
                .actions_taken
                .push(action);
        }
        Ok(listed)
    }

    /// When the first case was received, for the report's year picker.
    pub async fn first_received_at(&self) -> Result<Option<i64>, StoreError> {
        let row: (Option<i64>,) = sqlx::query_as(&format!(
            "select min(received_at) from cases where {COUNTED}"
        ))
        .fetch_one(self.pool())
        .await?;
        Ok(row.0)
    }
}
