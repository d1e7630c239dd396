//! What `have-your-say import` writes and `export` reads. An imported case is written whole in
//! the state the casework rules left it in after replaying its history (see `crate::import`),
//! with its timeline, and no email: the people in it were dealt with by the old system. Its
//! secret is empty, which no Argon2id hash ever matches, so nobody can track it.

use std::collections::HashSet;

use sqlx::Row;

use super::cases::{format_date, parse_date};
use super::casework::midday_ms;
use super::{Store, StoreError, is_unique_violation, now_ms};
use crate::casework::Lifecycle;
use crate::domain::{CaseEvent, Category, Outcome, Reference};

/// One case ready to write: the replayed state and what the row said besides.
#[derive(Debug, Clone)]
pub struct ImportedCase {
    pub external_id: String,
    /// The case after its last step, as `casework::apply` left it.
    pub case: Lifecycle,
    pub submitted_by: String,
    pub advocate_wanted: String,
    pub age: Option<i64>,
    pub locale: String,
    pub urgent: bool,
    pub method_of_receipt: String,
    pub summary: Option<String>,
    pub received_at: i64,
    /// Day 0 of the Stage 1 clock, from the instant of receipt.
    pub started_on: time::Date,
    pub acknowledge_by: time::Date,
    pub acknowledged_on: Option<time::Date>,
    pub closed_on: Option<time::Date>,
    /// The timeline, oldest first, each with the day it really happened when it is a step.
    pub events: Vec<(CaseEvent, Option<time::Date>)>,
}

/// How an import went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Imported {
    pub written: usize,
    /// Rows whose external id was already stored: left as they are.
    pub unchanged: usize,
}

/// The facts about a case that the export writes beside those the report reads.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportExtra {
    pub id: i64,
    pub reference: String,
    pub external_id: Option<String>,
    pub summary: Option<String>,
    pub acknowledged_at: Option<i64>,
    /// Set once the case was anonymised: its words are gone, whatever a column still holds.
    pub anonymised_at: Option<i64>,
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
}

/// The day a case was acknowledged, from its timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    pub case_id: i64,
    pub effective_on: Option<time::Date>,
    pub created_at: i64,
}

/// The actor of every entry an import writes: not a member of staff, not the child.
const ACTOR: &str = "system";

impl Store {
    /// Every id a row could match: the external ids already imported, and the references of
    /// the cases made here (an export names a case by its reference when it has no external
    /// id, so its file imported back into the same store adds nothing). For the dry run.
    pub async fn known_external_ids(&self) -> Result<HashSet<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "select external_id from cases where external_id is not null \
             union select reference from cases",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Write every case whose external id is new, in one transaction with an audit entry: all
    /// or nothing. A clash on a random reference is rare; the whole import is then tried again
    /// with new references (PostgreSQL abandons a transaction at its first failed statement).
    pub async fn insert_imported(
        &self,
        cases: &[ImportedCase],
        file: &str,
    ) -> Result<Imported, StoreError> {
        for _ in 0..5 {
            let mut tx = self.begin_write().await?;
            let mut done = Imported::default();
            let mut clash = false;
            let now = now_ms();
            for case in cases {
                let known =
                    sqlx::query("select 1 from cases where external_id = $1 or reference = $1")
                        .bind(&case.external_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if known.is_some() {
                    done.unchanged += 1;
                    continue;
                }
                match insert_one(&mut tx, case, &Reference::generate(), now).await {
                    Ok(()) => done.written += 1,
                    Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                        clash = true;
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
            if clash {
                tx.rollback().await?;
                continue;
            }
            if done.written > 0 {
                audit(
                    &mut tx,
                    "cases_imported",
                    &serde_json::json!({
                        "file": file,
                        "cases": done.written,
                        "unchanged": done.unchanged,
                        "via": "command line",
                    }),
                )
                .await?;
            }
            tx.commit().await?;
            return Ok(done);
        }
        Err(StoreError::Corrupt(
            "could not find free case references".into(),
        ))
    }

    /// What the export needs beside the report's own reading, for the cases the report counts
    /// as received in `[from_ms, to_ms)`.
    pub async fn export_extras(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<ExportExtra>, StoreError> {
        Ok(sqlx::query_as::<_, ExportExtra>(
            "select id, reference, external_id, summary, acknowledged_at, anonymised_at, \
             investigating_officer, independent_person, panel_on, cost_investigation_pence, \
             cost_independent_person_pence, cost_panel_pence, remedy_pence, remedy_for, \
             ombudsman_received_on, ombudsman_decision, ombudsman_remedy from cases \
             where received_at >= $1 and received_at < $2 and held = 0 and spam = 0 order by id",
        )
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?)
    }

    /// The `acknowledged` entries of the same cases, each case's in order.
    pub async fn export_acknowledgements(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<Acknowledgement>, StoreError> {
        let rows = sqlx::query(
            "select e.case_id, e.effective_on, e.created_at from case_events e \
             join cases c on c.id = e.case_id \
             where c.received_at >= $1 and c.received_at < $2 and c.held = 0 and c.spam = 0 \
             and e.kind = 'acknowledged' order by e.case_id, e.id",
        )
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let effective: Option<String> = row.try_get("effective_on")?;
                Ok(Acknowledgement {
                    case_id: row.try_get("case_id")?,
                    effective_on: effective.as_deref().map(parse_date).transpose()?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Record that a year's cases left the service as a file.
    pub async fn audit_export(&self, year: i32, cases: usize) -> Result<(), StoreError> {
        let mut conn = self.pool().acquire().await?;
        audit(
            &mut conn,
            "cases_exported",
            &serde_json::json!({ "year": year, "cases": cases, "via": "command line" }),
        )
        .await
    }
}

async fn audit(
    conn: &mut sqlx::AnyConnection,
    action: &str,
    detail: &serde_json::Value,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into staff_audit (staff_id, action, detail, created_at) values (null, $1, $2, $3)",
    )
    .bind(action)
    .bind(detail.to_string())
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_one(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    imported: &ImportedCase,
    reference: &Reference,
    now: i64,
) -> Result<(), StoreError> {
    let case = &imported.case;
    let stage = case.stage;
    let facts = &case.facts;
    let lgsco = case.ombudsman.as_ref();
    let date = |d: Option<time::Date>| d.map(format_date);
    let row = sqlx::query(
        "insert into cases (reference, secret_hash, external_id, kind, procedure, stage, status, \
         outcome, submitted_by, category, summary, advocate_wanted, contact_method, age, locale, \
         urgent, team, method_of_receipt, received_at, acknowledged_at, acknowledge_by, \
         stage_started_on, due_on, extended_due_on, responded_on, paused_on, paused_since, \
         closed_at, last_step_on, answers, created_at, updated_at, investigating_officer, \
         independent_person, panel_on, cost_investigation_pence, cost_independent_person_pence, \
         cost_panel_pence, remedy_pence, remedy_for, ombudsman_received_on, ombudsman_decision, \
         ombudsman_remedy, council_outcome) \
         values ($1, '', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'none', $12, $13, $14, $15, \
         $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, '{}', $28, $28, $29, $30, \
         $31, $32, $33, $34, $35, $36, $37, $38, $39, $40) \
         returning id",
    )
    .bind(reference.as_ref())
    .bind(&imported.external_id)
    .bind(case.kind.as_str())
    .bind(case.procedure.as_str())
    .bind(stage.map_or(1, |s| i64::from(s.number)))
    .bind(case.status.as_str())
    .bind(case.outcome.map(Outcome::as_str))
    .bind(&imported.submitted_by)
    .bind(case.category.map(Category::as_str))
    .bind(imported.summary.as_deref())
    .bind(&imported.advocate_wanted)
    .bind(imported.age)
    .bind(&imported.locale)
    .bind(i16::from(imported.urgent))
    .bind(case.team.as_deref())
    .bind(&imported.method_of_receipt)
    .bind(imported.received_at)
    .bind(imported.acknowledged_on.map(midday_ms))
    .bind(format_date(imported.acknowledge_by))
    .bind(format_date(
        stage.map_or(imported.started_on, |s| s.started_on),
    ))
    .bind(date(stage.map(|s| s.due_on)))
    .bind(date(stage.and_then(|s| s.extended_due_on)))
    .bind(date(stage.and_then(|s| s.responded_on)))
    .bind(date(case.paused_on))
    .bind(case.paused_on.map(midday_ms))
    .bind(imported.closed_on.map(midday_ms))
    .bind(format_date(case.last_step_on))
    .bind(now)
    .bind(facts.investigating_officer.as_deref())
    .bind(facts.independent_person.as_deref())
    .bind(date(facts.panel_on))
    .bind(facts.cost_investigation_pence)
    .bind(facts.cost_independent_person_pence)
    .bind(facts.cost_panel_pence)
    .bind(facts.remedy_pence)
    .bind(facts.remedy_for.as_deref())
    .bind(date(lgsco.map(|o| o.received_on)))
    .bind(lgsco.map(|o| o.decision.as_str()))
    .bind(lgsco.and_then(|o| o.remedy.as_deref()))
    .bind(case.listed.council_outcome.as_deref())
    .fetch_one(&mut **tx)
    .await?;
    let case_id: i64 = row.try_get("id")?;
    super::casework::write_listed(tx, case_id, &Default::default(), &case.listed, now).await?;
    for (event, effective_on) in &imported.events {
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, effective_on, created_at) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case_id)
        .bind(event.kind().to_owned())
        .bind(ACTOR)
        .bind(event.detail_json())
        .bind(effective_on.map(format_date))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
