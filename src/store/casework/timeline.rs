//! A case's timeline as stored: reading every entry back, including what earlier versions
//! wrote, and writing new ones inside the transaction of the change they record.

use sqlx::Row;

use crate::domain::{Actor, CaseEvent, Category, Outcome};
use crate::store::cases::{format_date, optional_date};
use crate::store::{Store, StoreError};

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

impl Store {
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
}

pub(super) async fn insert_typed_event(
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

pub(super) async fn insert_event(
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
