//! Turning a finished conversation into a case in one write: the case, its first timeline
//! event and emails, and the conversation deleted, or the receipt of an earlier send.

use sqlx::{Executor, Row};

use super::{NewCase, Receipt, format_date, parse_date};
use crate::domain::{AdvocateWanted, CaseKind, ContactMethod, Reference};
use crate::store::outbox::insert_emails;
use crate::store::{StoreError, is_unique_violation};

pub(super) async fn receipt_where(
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
pub(super) async fn submit_in(
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
        crate::store::equality::insert(tx, case_id, equality).await?;
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
