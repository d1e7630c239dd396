//! What staff do with cases: the inbox, the timeline, and every change, each written with its
//! timeline event (and any email it causes) in one transaction, so the audit trail is complete.
//! Cases held as possible bots (see `cases::Screening`) have their own list and two actions of
//! their own: release and mark as spam.

use sqlx::Row;

use super::cases::{CaseRecord, SELECT_CASE};
use super::outbox::{NewEmail, insert_emails};
use super::staff::StaffMember;
use super::{Store, StoreError, now_ms};
use crate::domain::{Reference, StaffRole};

/// Filters from the inbox page; each is optional and bound as a parameter.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub stage: Option<i64>,
    pub team: Option<String>,
    pub assignee_id: Option<i64>,
    pub screen: Screen,
}

/// Which list of the inbox: real cases, or those held for checking, or those marked as spam.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Cases,
    Held,
    Spam,
}

impl Screen {
    fn condition(self) -> &'static str {
        match self {
            Screen::Cases => "held = 0 and spam = 0",
            Screen::Held => "held = 1",
            Screen::Spam => "spam = 1",
        }
    }
}

/// How many cases wait in the held list, and how many were marked as spam.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScreenCounts {
    pub held: i64,
    pub spam: i64,
}

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

/// A timeline entry. `detail` is JSON and may hold a child's or officer's words: never logged.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub kind: &'static str,
    pub actor: String,
    pub detail: Option<serde_json::Value>,
}

#[derive(Debug, Clone)]
pub struct EventRecord {
    pub id: i64,
    pub kind: String,
    pub actor: String,
    pub actor_name: Option<String>,
    pub detail: Option<serde_json::Value>,
    pub created_at: i64,
}

/// Which cases a staff member may see: advocates only those referred for advocacy (never a
/// held or spam case: it was never referred); admins none.
fn visibility(member: &StaffMember) -> &'static str {
    match member.role {
        StaffRole::Officer | StaffRole::Manager => "1 = 1",
        StaffRole::Advocate => "advocate_wanted in ('yes', 'not_sure') and held = 0 and spam = 0",
        StaffRole::Admin => "1 = 0",
    }
}

impl Store {
    pub async fn inbox(
        &self,
        viewer: &StaffMember,
        filter: &InboxFilter,
    ) -> Result<Vec<CaseRecord>, StoreError> {
        let mut conditions = vec![
            visibility(viewer).to_owned(),
            filter.screen.condition().to_owned(),
        ];
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        match &filter.status {
            Some(_) => conditions.push(format!("status = {}", next())),
            // Spam is closed as it is marked; its list shows it all the same.
            None if filter.screen == Screen::Spam => {}
            None => conditions.push("status <> 'closed'".into()),
        }
        if filter.kind.is_some() {
            conditions.push(format!("kind = {}", next()));
        }
        if filter.stage.is_some() {
            conditions.push(format!("stage = {}", next()));
        }
        if filter.team.is_some() {
            conditions.push(format!("team = {}", next()));
        }
        if filter.assignee_id.is_some() {
            conditions.push(format!("assignee_id = {}", next()));
        }
        let sql = format!(
            "{SELECT_CASE} where {} order by urgent desc, \
             coalesce(extended_due_on, due_on) asc, id asc limit 500",
            conditions.join(" and ")
        );
        let mut query = sqlx::query_as::<_, CaseRecord>(&sql);
        if let Some(v) = &filter.status {
            query = query.bind(v);
        }
        if let Some(v) = &filter.kind {
            query = query.bind(v);
        }
        if let Some(v) = filter.stage {
            query = query.bind(v);
        }
        if let Some(v) = &filter.team {
            query = query.bind(v);
        }
        if let Some(v) = filter.assignee_id {
            query = query.bind(v);
        }
        Ok(query.fetch_all(self.pool()).await?)
    }

    /// How many cases are held for checking and marked as spam, among those this person sees.
    pub async fn screen_counts(&self, viewer: &StaffMember) -> Result<ScreenCounts, StoreError> {
        let v = visibility(viewer);
        let (held, spam): (i64, i64) = sqlx::query_as(&format!(
            "select (select count(*) from cases where held = 1 and {v}), \
             (select count(*) from cases where spam = 1 and {v})"
        ))
        .fetch_one(self.pool())
        .await?;
        Ok(ScreenCounts { held, spam })
    }

    /// Release a held (or spam) case: it becomes a new case like any other, and the emails a
    /// normal send would have queued are queued now, with the event, in one transaction.
    /// `false` when it was not held (a second click): nothing is queued twice.
    pub async fn release_case(
        &self,
        case_id: i64,
        event: &NewEvent,
        emails: &[NewEmail],
        message_domain: &str,
    ) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let released = sqlx::query(
            "update cases set held = 0, spam = 0, status = 'new', closed_at = null, \
             updated_at = $1 where id = $2 and (held = 1 or spam = 1)",
        )
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if released.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_event(&mut tx, case_id, event, now).await?;
        insert_emails(&mut tx, case_id, emails, message_domain, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Mark a held case as spam: closed, out of every list and count, and kept (then
    /// anonymised) under the normal retention like any closed case. `false` when it was not
    /// held.
    pub async fn mark_spam(&self, case_id: i64, event: &NewEvent) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let marked = sqlx::query(
            "update cases set held = 0, spam = 1, status = 'closed', closed_at = $1, \
             updated_at = $1 where id = $2 and held = 1",
        )
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_event(&mut tx, case_id, event, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The case if this staff member may see it; `None` alike for "absent" and "not yours",
    /// so a guessed reference reveals nothing.
    pub async fn case_for_staff(
        &self,
        viewer: &StaffMember,
        reference: &Reference,
    ) -> Result<Option<CaseRecord>, StoreError> {
        Ok(sqlx::query_as::<_, CaseRecord>(&format!(
            "{SELECT_CASE} where reference = $1 and {}",
            visibility(viewer)
        ))
        .bind(reference.as_ref())
        .fetch_optional(self.pool())
        .await?)
    }

    pub async fn case_events(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        let rows = sqlx::query(
            "select e.id, e.kind, e.actor, e.detail, e.created_at, s.name as actor_name \
             from case_events e left join staff s on e.actor = 'staff:' || s.id \
             where e.case_id = $1 order by e.id",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let detail: Option<String> = row.try_get("detail")?;
                Ok(EventRecord {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    actor: row.try_get("actor")?,
                    actor_name: row.try_get("actor_name")?,
                    detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
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

async fn insert_event(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    event: &NewEvent,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into case_events (case_id, kind, actor, detail, created_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(case_id)
    .bind(event.kind)
    .bind(&event.actor)
    .bind(event.detail.as_ref().map(|d| d.to_string()))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A stage's deadline from its stage number and procedure.
fn stage_deadline(stage: i64, procedure: &str, extended: bool) -> crate::timescale::Deadline {
    use crate::timescale::Deadline;
    match (stage, procedure, extended) {
        (2, "statutory", false) => Deadline::StageTwo,
        (2, "statutory", true) => Deadline::StageTwoExtended,
        (3, "statutory", _) => Deadline::StageThreePanel,
        (_, _, true) => Deadline::StageOneExtended,
        _ => Deadline::StageOne,
    }
}

impl Store {
    /// When the working-day calendar changed (new bank holidays, local closure days), work out
    /// every open case's due dates again. Returns how many cases were updated. A pause for
    /// dispute resolution that moved a date on is not replayed: staff can restart the clock.
    pub async fn recompute_due_dates(
        &self,
        calendar: &crate::timescale::Calendar,
    ) -> Result<u64, StoreError> {
        use super::cases::{format_date, parse_date};
        let fingerprint = calendar.fingerprint();
        let mut tx = self.begin_write().await?;
        let stored: Option<String> =
            sqlx::query("select value from app_settings where key = 'calendar'")
                .fetch_optional(&mut *tx)
                .await?
                .map(|row| row.try_get("value"))
                .transpose()?;
        if stored.as_deref() == Some(fingerprint.as_str()) {
            tx.commit().await?;
            return Ok(0);
        }
        let rows = sqlx::query(
            "select id, stage, procedure, stage_started_on, extended_due_on from cases \
             where status <> 'closed' and stage_started_on is not null",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut updated = 0;
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let stage: i64 = row.try_get("stage")?;
            let procedure: String = row.try_get("procedure")?;
            let started: String = row.try_get("stage_started_on")?;
            let extended: Option<String> = row.try_get("extended_due_on")?;
            let started = parse_date(&started)?;
            let due = calendar.due(stage_deadline(stage, &procedure, false), started);
            let extended_due =
                extended.map(|_| calendar.due(stage_deadline(stage, &procedure, true), started));
            sqlx::query("update cases set due_on = $1, extended_due_on = $2 where id = $3")
                .bind(format_date(due))
                .bind(extended_due.map(format_date))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            updated += 1;
        }
        let now = now_ms();
        let done = sqlx::query(
            "update app_settings set value = $1, updated_at = $2 where key = 'calendar'",
        )
        .bind(&fingerprint)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            sqlx::query(
                "insert into app_settings (key, value, updated_at) values ('calendar', $1, $2)",
            )
            .bind(&fingerprint)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(updated)
    }
}
