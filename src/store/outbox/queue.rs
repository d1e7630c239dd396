//! Queueing emails inside the caller's transaction: with the case, with a password-set link,
//! and the child's "there is a reply for you" at most once per window.

use rand::RngCore;
use sqlx::Row;

use super::NewEmail;
use crate::domain::EmailKind;
use crate::domain::token::hex;
use crate::store::StoreError;

pub(crate) async fn insert_emails(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    emails: &[NewEmail],
    message_domain: &str,
    now: i64,
) -> Result<(), StoreError> {
    for email in emails {
        insert_email_at(tx, case_id, email, message_domain, now, now).await?;
    }
    Ok(())
}

/// A fresh Message-ID naming what the email is about (`tag`), stable across its retries.
pub(crate) fn new_message_id(tag: &str, message_domain: &str) -> String {
    let mut random = [0u8; 12];
    rand::rng().fill_bytes(&mut random);
    format!("<{}.{tag}@{message_domain}>", hex(&random))
}

async fn insert_email_at(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    email: &NewEmail,
    message_domain: &str,
    now: i64,
    at: i64,
) -> Result<(), StoreError> {
    let message_id = new_message_id(&case_id.to_string(), message_domain);
    sqlx::query(
        "insert into outbox (case_id, kind, recipient, message_id, status, attempts, \
         next_attempt_at, created_at, updated_at) \
         values ($1, $2, $3, $4, 'pending', 0, $5, $6, $6)",
    )
    .bind(case_id)
    .bind(email.kind.as_str())
    .bind(&email.recipient)
    .bind(message_id)
    .bind(at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// As [`insert_emails`], except that "there is a reply for you" goes to the child at most once
/// per `every_ms` per case: a reply while one is still waiting joins it (nothing is added, as
/// the email only says there is something to read), and a reply after one went is queued for
/// when the window since that one ends. A child's phone may be read by someone else, and a
/// burst of replies must not become a burst of emails. Callers hold the case's row lock (the
/// change's update), so two replies at once cannot both find nothing waiting.
pub(crate) async fn insert_emails_throttled(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    emails: &[NewEmail],
    message_domain: &str,
    now: i64,
    every_ms: i64,
) -> Result<(), StoreError> {
    let (to_child, others): (Vec<NewEmail>, Vec<NewEmail>) = emails
        .iter()
        .cloned()
        .partition(|e| e.kind == EmailKind::ReplyToChild);
    insert_emails(tx, case_id, &others, message_domain, now).await?;
    for email in &to_child {
        let last = sqlx::query(
            "select status, next_attempt_at, sent_at from outbox \
             where case_id = $1 and kind = $2 and recipient = $3 and status <> 'failed' \
             order by id desc limit 1",
        )
        .bind(case_id)
        .bind(email.kind.as_str())
        .bind(&email.recipient)
        .fetch_optional(&mut *tx)
        .await?;
        let at = match last {
            None => now,
            Some(row) => {
                let status: String = row.try_get("status")?;
                if status == "pending" {
                    continue;
                }
                // Sent: the window runs from then. Being sent: it is going now.
                let sent_at: Option<i64> = row.try_get("sent_at")?;
                let due: i64 = row.try_get("next_attempt_at")?;
                let went = sent_at.unwrap_or(due.max(now));
                now.max(went.saturating_add(every_ms))
            }
        };
        insert_email_at(tx, case_id, email, message_domain, now, at).await?;
    }
    Ok(())
}

/// Queue the email that carries a password-set link, in the caller's transaction.
pub(crate) async fn insert_account_email(
    tx: &mut sqlx::AnyConnection,
    link_id: i64,
    recipient: &str,
    message_domain: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into outbox (password_link_id, kind, recipient, message_id, status, attempts, \
         next_attempt_at, created_at, updated_at) \
         values ($1, $2, $3, $4, 'pending', 0, $5, $5, $5)",
    )
    .bind(link_id)
    .bind(EmailKind::PasswordLink.as_str())
    .bind(recipient)
    .bind(new_message_id(&format!("p{link_id}"), message_domain))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
