//! Cases the report counts but nobody sent through the service: those staff record by hand
//! from a letter, a call or a visit, and demonstration years. Each is written whole (row,
//! aspects, timeline) in one transaction, with a fresh random reference.

use sqlx::Row;

use crate::domain::Reference;
use crate::store::{Store, StoreError, is_unique_violation};

/// A case written whole: the row, its aspects and its timeline. Staff-recorded cases have one
/// `submitted` event; demonstration cases a full history.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub kind: String,
    pub procedure: String,
    pub stage: i64,
    pub status: String,
    pub submitted_by: String,
    pub category: String,
    pub summary: String,
    pub advocate_wanted: String,
    pub contact_method: String,
    pub contact_value: Option<String>,
    pub first_name: Option<String>,
    pub age: Option<i64>,
    pub locale: String,
    pub urgent: bool,
    /// Team ids from the council's lists.
    pub teams: Vec<String>,
    pub method_of_receipt: String,
    pub received_at: i64,
    pub stage_started_on: String,
    pub due_on: String,
    pub extended_due_on: Option<String>,
    pub acknowledge_by: String,
    pub acknowledged_at: Option<i64>,
    pub outcome: Option<String>,
    pub closed_at: Option<i64>,
    pub created_at: i64,
    /// Category mentions (ids from the council's lists), recorded at Stage 1.
    pub mentions: Vec<String>,
    pub events: Vec<EventRow>,
}

#[derive(Debug, Clone)]
pub struct EventRow {
    pub kind: &'static str,
    pub actor: String,
    pub detail: Option<serde_json::Value>,
    pub created_at: i64,
}

impl Store {
    /// Write one case with its aspects and events; returns its new reference.
    pub async fn insert_case_row(&self, case: &CaseRow) -> Result<Reference, StoreError> {
        let mut refs = self
            .insert_case_rows(std::slice::from_ref(case))
            .await?
            .into_iter();
        refs.next()
            .ok_or_else(|| StoreError::Corrupt("no case was written".into()))
    }

    /// A case staff recorded from a letter, a call or a visit, with the emails it causes (an
    /// advocacy referral), in one transaction like a case sent through the service.
    pub async fn insert_recorded_case(
        &self,
        case: &CaseRow,
        emails: &[crate::store::outbox::NewEmail],
        message_domain: &str,
    ) -> Result<Reference, StoreError> {
        for _ in 0..5 {
            let mut tx = self.begin_write().await?;
            let reference = Reference::generate();
            match insert_one(&mut tx, case, &reference).await {
                Ok(case_id) => {
                    let now = crate::store::now_ms();
                    crate::store::outbox::insert_emails(
                        &mut tx,
                        case_id,
                        emails,
                        message_domain,
                        now,
                    )
                    .await?;
                    tx.commit().await?;
                    return Ok(reference);
                }
                Err(StoreError::Database(e)) if is_unique_violation(&e) => tx.rollback().await?,
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::Corrupt(
            "could not find a free case reference".into(),
        ))
    }

    /// Write cases in one transaction, all or none. A clash on a random reference is rare; the
    /// whole batch is then tried again with new references.
    pub async fn insert_case_rows(&self, cases: &[CaseRow]) -> Result<Vec<Reference>, StoreError> {
        for _ in 0..5 {
            let mut tx = self.begin_write().await?;
            let mut references = Vec::with_capacity(cases.len());
            let mut clash = false;
            for case in cases {
                let reference = Reference::generate();
                match insert_one(&mut tx, case, &reference).await {
                    Ok(_) => references.push(reference),
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
            tx.commit().await?;
            return Ok(references);
        }
        Err(StoreError::Corrupt(
            "could not find free case references".into(),
        ))
    }
}

async fn insert_one(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    case: &CaseRow,
    reference: &Reference,
) -> Result<i64, StoreError> {
    // No secret words: the child did not use the service, so nobody can sign in to track this
    // case. An empty string never matches an Argon2id hash.
    let row = sqlx::query(
        "insert into cases (reference, secret_hash, kind, procedure, stage, status, submitted_by, \
         category, summary, advocate_wanted, contact_method, contact_value, first_name, age, \
         locale, urgent, method_of_receipt, received_at, stage_started_on, due_on, \
         extended_due_on, acknowledge_by, acknowledged_at, outcome, closed_at, answers, \
         created_at, updated_at) \
         values ($1, '', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
         $17, $18, $19, $20, $21, $22, $23, $24, '{}', $25, $25) returning id",
    )
    .bind(reference.as_ref())
    .bind(&case.kind)
    .bind(&case.procedure)
    .bind(case.stage)
    .bind(&case.status)
    .bind(&case.submitted_by)
    .bind(&case.category)
    .bind(&case.summary)
    .bind(&case.advocate_wanted)
    .bind(&case.contact_method)
    .bind(case.contact_value.as_deref())
    .bind(case.first_name.as_deref())
    .bind(case.age)
    .bind(&case.locale)
    .bind(i16::from(case.urgent))
    .bind(&case.method_of_receipt)
    .bind(case.received_at)
    .bind(&case.stage_started_on)
    .bind(&case.due_on)
    .bind(case.extended_due_on.as_deref())
    .bind(&case.acknowledge_by)
    .bind(case.acknowledged_at)
    .bind(case.outcome.as_deref())
    .bind(case.closed_at)
    .bind(case.created_at)
    .fetch_one(&mut **tx)
    .await?;
    let case_id: i64 = row.try_get("id")?;
    let formal = case.kind == "complaint" && case.procedure != "informal";
    for category in &case.mentions {
        sqlx::query(
            "insert into case_mentions (case_id, category, stage, created_at) \
             values ($1, $2, $3, $4)",
        )
        .bind(case_id)
        .bind(category)
        .bind(formal.then_some(1i64))
        .bind(case.created_at)
        .execute(&mut **tx)
        .await?;
    }
    for team in &case.teams {
        sqlx::query("insert into case_teams (case_id, team, created_at) values ($1, $2, $3)")
            .bind(case_id)
            .bind(team)
            .bind(case.created_at)
            .execute(&mut **tx)
            .await?;
    }
    for event in &case.events {
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, created_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(case_id)
        .bind(event.kind)
        .bind(&event.actor)
        .bind(event.detail.as_ref().map(|d| d.to_string()))
        .bind(event.created_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(case_id)
}
