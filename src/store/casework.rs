//! What staff do with cases: the inbox, the timeline, and every change, each written with its
//! timeline event (and any email it causes) in one transaction, so the audit trail is complete.
//! Cases held as possible bots (see `cases::Screening`) have their own list and two actions of
//! their own: release and mark as spam.

use sqlx::Row;

use super::cases::{CaseRow, SELECT_CASE, format_date, optional_date, parse_date};
use super::outbox::{NewEmail, insert_emails, insert_emails_throttled};
use super::staff::StaffMember;
use super::{Store, StoreError, now_ms};
use crate::casework::{Lifecycle, Listed, Mention, StageClock};
use crate::domain::{
    Actor, Case, CaseEvent, CaseStatus, Category, Outcome, Procedure, Reference, StaffRole,
};
use crate::timescale::today_in_england;

/// Filters from the inbox page; each is optional and bound as a parameter.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub stage: Option<i64>,
    pub team: Option<String>,
    /// `Some(0)`: cases nobody is assigned to.
    pub assignee_id: Option<i64>,
    pub procedure: Option<String>,
    /// Only cases at risk of missing a date (see [`AtRisk`]).
    pub at_risk: Option<AtRisk>,
    pub screen: Screen,
}

/// A running case is at risk when its response is due by `due_by` (a couple of working days
/// ahead) or its acknowledgement was due before `today` and has not been sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtRisk {
    pub today: time::Date,
    pub due_by: time::Date,
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
    pub(super) fn condition(self) -> &'static str {
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
    /// The stored tag, which names the entry's label (`event-<kind>`), also for entries
    /// written before [`CaseEvent`] existed.
    pub kind: String,
    pub actor: Actor,
    pub actor_name: Option<String>,
    pub event: CaseEvent,
    /// The day a dated step really happened; `None` for entries that are not steps of the
    /// procedure and for those written before steps were dated.
    pub effective_on: Option<time::Date>,
    pub created_at: i64,
}

/// Read a stored timeline entry: the typed form, or what earlier versions wrote (a Fluent id
/// in `label`, free text in `text`), so no entry is ever dropped from the timeline.
pub(crate) fn stored_event(kind: &str, detail: Option<&serde_json::Value>) -> CaseEvent {
    if let Some(event) = CaseEvent::from_stored(kind, detail) {
        return event;
    }
    let field = |name: &str| detail.and_then(|d| d.get(name)?.as_str().map(str::to_owned));
    let label = field("label");
    let text = field("text");
    let after = |prefix: &str| label.as_deref().and_then(|l| l.strip_prefix(prefix));
    let legacy = || CaseEvent::Legacy {
        kind: kind.to_owned(),
        text: text.clone(),
    };
    match kind {
        "stage_changed" => after("stage-")
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=3).contains(n))
            .map_or_else(legacy, |to| CaseEvent::StageChanged {
                from: None,
                to,
                late_reason: None,
            }),
        "outcome" => after("outcome-")
            .and_then(Outcome::parse)
            .map_or_else(legacy, |outcome| CaseEvent::OutcomeRecorded {
                outcome,
                resolution: None,
            }),
        "details_set" => CaseEvent::DetailsSet {
            team: None,
            category: after("label-category-").and_then(Category::parse),
        },
        "assigned" => CaseEvent::Assigned {
            staff_id: None,
            name: text.clone().unwrap_or_default(),
        },
        _ => legacy(),
    }
}

/// Noon UTC of a day is that same day in England, winter or summer: the instant written for a
/// step dated by staff (closing, say), so instant columns keep agreeing with the day given.
pub fn midday_ms(day: time::Date) -> i64 {
    day.with_hms(12, 0, 0)
        .map(|t| t.assume_utc().unix_timestamp() * 1000)
        .unwrap_or_default()
}

fn london_day(at: time::OffsetDateTime) -> time::Date {
    today_in_england(at)
}

fn london_day_ms(ms: i64) -> time::Date {
    london_day(
        time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
    )
}

impl TryFrom<&Case> for Lifecycle {
    type Error = StoreError;

    /// The facts the rules read, from a case. Fails only where the stored case contradicts
    /// itself (none today: the row was already checked on the way in).
    fn try_from(case: &Case) -> Result<Self, StoreError> {
        let received_on = london_day(case.received_at);
        let formal = matches!(case.procedure, Procedure::Statutory | Procedure::Corporate);
        let stage = if case.kind.has_procedure() && formal {
            let started_on = case.stage_started_on.unwrap_or(received_on);
            Some(StageClock {
                number: case.stage,
                started_on,
                due_on: case.due_on.unwrap_or(started_on),
                extended_due_on: case.extended_due_on,
                responded_on: case.responded_on,
            })
        } else {
            None
        };
        let paused_on = match case.status {
            CaseStatus::Paused => Some(
                case.paused_on
                    .or_else(|| case.paused_since.map(london_day))
                    .unwrap_or(received_on),
            ),
            _ => None,
        };
        Ok(Lifecycle {
            kind: case.kind,
            procedure: case.procedure,
            stage,
            status: case.status,
            received_on,
            acknowledged: case.acknowledged_at.is_some(),
            outcome: case.outcome.filter(|_| case.kind.has_procedure()),
            resolution: case.resolution.clone(),
            last_step_on: case.last_step_on.unwrap_or(received_on).max(received_on),
            paused_on,
            team: case.team.clone(),
            category: case.category,
            assignee_id: case.assignee_id,
            receipt: case.method_of_receipt.clone(),
            trackable: !case.secret_hash.is_empty(),
            // The rest is in tables of its own: `Store::lifecycle` reads them.
            listed: Listed {
                council_outcome: case.council_outcome.clone(),
                ..Listed::default()
            },
            facts: case.facts.clone(),
            ombudsman: case.ombudsman.clone(),
        })
    }
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

/// Which cases a staff member may see: advocates only those referred for advocacy (never a
/// held or spam case: it was never referred); admins none.
pub(super) fn visibility(member: &StaffMember) -> &'static str {
    match member.role {
        StaffRole::Officer | StaffRole::Manager => "1 = 1",
        StaffRole::Advocate => "advocate_wanted in ('yes', 'not_sure') and held = 0 and spam = 0",
        StaffRole::Admin => "1 = 0",
    }
}

impl Store {
    /// The case's lifecycle with everything it carries from the council's lists.
    pub async fn lifecycle(&self, row: &Case) -> Result<Lifecycle, StoreError> {
        let mut lifecycle = Lifecycle::try_from(row)?;
        let mut conn = self.pool().acquire().await?;
        let listed = read_listed(&mut conn, row.id).await?;
        lifecycle.listed = Listed {
            council_outcome: lifecycle.listed.council_outcome.take(),
            ..listed
        };
        Ok(lifecycle)
    }

    /// The team ids of each of `case_ids` (the inbox's page of cases).
    pub async fn case_team_ids(
        &self,
        case_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<String>>, StoreError> {
        let mut teams: std::collections::HashMap<i64, Vec<String>> = Default::default();
        if case_ids.is_empty() {
            return Ok(teams);
        }
        let marks: Vec<String> = (1..=case_ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "select case_id, team from case_teams where case_id in ({}) order by id",
            marks.join(", ")
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
        for id in case_ids {
            query = query.bind(*id);
        }
        for (case_id, team) in query.fetch_all(self.pool()).await? {
            teams.entry(case_id).or_default().push(team);
        }
        Ok(teams)
    }

    /// A team name typed before teams were a list becomes the team it names (by its current
    /// or a former label) and the text goes; text that names no team stays, shown on the case
    /// as not on the list. Run at every start, so a council that adds a former label to its
    /// list later has those cases found then. Returns how many cases found their team.
    pub async fn adopt_team_names(&self, lists: &crate::lists::Lists) -> Result<u64, StoreError> {
        let rows = sqlx::query("select id, team from cases where team is not null")
            .fetch_all(self.pool())
            .await?;
        let mut adopted = 0;
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let text: String = row.try_get("team")?;
            let Some(team) = lists.team_named(&text) else {
                continue;
            };
            let now = now_ms();
            let mut tx = self.begin_write().await?;
            let known: i64 = sqlx::query(
                "select count(*) as n from case_teams where case_id = $1 and team = $2",
            )
            .bind(id)
            .bind(&team.id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            if known == 0 {
                sqlx::query(
                    "insert into case_teams (case_id, team, created_at) values ($1, $2, $3)",
                )
                .bind(id)
                .bind(&team.id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("update cases set team = null where id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            adopted += 1;
        }
        Ok(adopted)
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
    ) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!(
            "{SELECT_CASE} where reference = $1 and {}",
            visibility(viewer)
        ))
        .bind(reference.as_ref())
        .fetch_optional(self.pool())
        .await?
        .map(Case::try_from)
        .transpose()
    }

    pub async fn case_events(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        let rows = sqlx::query(
            "select e.id, e.kind, e.actor, e.detail, e.created_at, e.effective_on, \
             s.name as actor_name \
             from case_events e left join staff s on e.actor = 'staff:' || s.id \
             where e.case_id = $1 order by e.id",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let detail: Option<String> = row.try_get("detail")?;
                let detail: Option<serde_json::Value> =
                    detail.and_then(|d| serde_json::from_str(&d).ok());
                let kind: String = row.try_get("kind")?;
                let effective: Option<String> = row.try_get("effective_on")?;
                Ok(EventRecord {
                    id: row.try_get("id")?,
                    event: stored_event(&kind, detail.as_ref()),
                    kind,
                    actor: Actor::parse(&row.try_get::<String, _>("actor")?),
                    actor_name: row.try_get("actor_name")?,
                    effective_on: optional_date(effective.as_deref())?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

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

/// The list entries a case carries, from their tables (the council outcome is a column).
pub(crate) async fn read_listed(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
) -> Result<Listed, StoreError> {
    let mentions =
        sqlx::query("select category, stage from case_mentions where case_id = $1 order by id")
            .bind(case_id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| {
                let stage: Option<i64> = row.try_get("stage")?;
                Ok(Mention {
                    category: row.try_get("category")?,
                    stage: stage.and_then(|s| u8::try_from(s).ok()),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
    let ids = |sql: &'static str| sqlx::query(sql).bind(case_id);
    let teams = ids("select team as v from case_teams where case_id = $1 order by id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| row.try_get("v"))
        .collect::<Result<Vec<String>, _>>()?;
    let actions_taken =
        ids("select action as v from case_actions_taken where case_id = $1 order by id")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| row.try_get("v"))
            .collect::<Result<Vec<String>, _>>()?;
    Ok(Listed {
        mentions,
        teams,
        actions_taken,
        council_outcome: None,
    })
}

/// Write the list entries that changed, whole (each table is small per case).
pub(crate) async fn write_listed(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    before: &Listed,
    after: &Listed,
    now: i64,
) -> Result<(), StoreError> {
    if before.mentions != after.mentions {
        sqlx::query("delete from case_mentions where case_id = $1")
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
        for m in &after.mentions {
            sqlx::query(
                "insert into case_mentions (case_id, category, stage, created_at) \
                 values ($1, $2, $3, $4)",
            )
            .bind(case_id)
            .bind(&m.category)
            .bind(m.stage.map(i64::from))
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    for (table, column, old, new) in [
        ("case_teams", "team", &before.teams, &after.teams),
        (
            "case_actions_taken",
            "action",
            &before.actions_taken,
            &after.actions_taken,
        ),
    ] {
        if old == new {
            continue;
        }
        sqlx::query(&format!("delete from {table} where case_id = $1"))
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
        for id in new {
            sqlx::query(&format!(
                "insert into {table} (case_id, {column}, created_at) values ($1, $2, $3)"
            ))
            .bind(case_id)
            .bind(id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

async fn insert_typed_event(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    event: &CaseEvent,
    actor: &str,
    effective_on: Option<time::Date>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into case_events (case_id, kind, actor, detail, effective_on, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case_id)
    .bind(event.kind().to_owned())
    .bind(actor)
    .bind(event.detail_json())
    .bind(effective_on.map(format_date))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
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

impl Store {
    /// When the working-day calendar changed (new bank holidays, local closure days), work out
    /// every open case's due dates again. Returns how many cases were updated. A pause for
    /// dispute resolution that moved a date on is not replayed: staff can restart the clock.
    pub async fn recompute_due_dates(
        &self,
        calendar: &crate::timescale::Calendar,
        rules: &crate::casework::Rules,
    ) -> Result<u64, StoreError> {
        let fingerprint = format!(
            "{}/{:?}",
            calendar.fingerprint(),
            rules.corporate_stage_days
        );
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
             where status <> 'closed' and stage_started_on is not null and kind = 'complaint' \
             and procedure <> 'informal'",
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
            let limits = Procedure::parse(&procedure)
                .zip(u8::try_from(stage).ok())
                .and_then(|(p, n)| crate::casework::stage_limits(rules, p, n));
            let Some((days, extended_days)) = limits else {
                continue;
            };
            let due = calendar.add_working_days(started, days);
            let extended_due = extended
                .and(extended_days)
                .map(|d| calendar.add_working_days(started, d));
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
