//! The facts the casework rules read, built from a stored case, the day an instant falls on in
//! England, and working out the due dates again when the calendar changes.

use sqlx::Row;

use super::listed::read_listed;
use crate::casework::{Lifecycle, Listed, StageClock};
use crate::domain::{Case, CaseStatus, Procedure};
use crate::store::cases::{format_date, parse_date};
use crate::store::{Store, StoreError, now_ms};
use crate::timescale::today_in_england;

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

pub(super) fn london_day_ms(ms: i64) -> time::Date {
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
