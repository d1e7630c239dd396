//! Which case a reply belongs to: each case's reply token, the Message-ID its first email
//! carried, and the cases whose contact is a sender's address.

use rand::Rng;

use crate::store::{Store, StoreError, now_ms};

/// 16 characters of lower-case base32: 80 random bits, and the same after a mail system
/// lower-cases an address.
fn new_token() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

impl Store {
    /// The case's reply token, made the first time it is asked for.
    pub async fn reply_token(&self, case_id: i64) -> Result<String, StoreError> {
        let existing: Option<String> =
            sqlx::query_scalar("select token from case_reply_tokens where case_id = $1")
                .bind(case_id)
                .fetch_optional(self.pool())
                .await?;
        if let Some(token) = existing {
            return Ok(token);
        }
        let token = new_token();
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "insert into case_reply_tokens (case_id, token, created_at) \
                     values ($1, $2, $3) on conflict do nothing",
                )
                .bind(case_id)
                .bind(token)
                .bind(now_ms())
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await?;
        // Another instance may have made one first: theirs stands.
        Ok(
            sqlx::query_scalar("select token from case_reply_tokens where case_id = $1")
                .bind(case_id)
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// The live case a reply token names.
    pub async fn case_by_reply_token(&self, token: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "select t.case_id from case_reply_tokens t join cases c on c.id = t.case_id \
             where t.token = $1 and c.anonymised_at is null",
        )
        .bind(token)
        .fetch_optional(self.pool())
        .await?)
    }

    /// The Message-ID of the case's first email: every later one refers to it.
    pub async fn first_message_id(&self, case_id: i64) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select message_id from outbox where case_id = $1 order by id limit 1",
        )
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// The live case of the first of `ids` that is one of our emails.
    pub async fn case_by_message_ids(&self, ids: &[String]) -> Result<Option<i64>, StoreError> {
        for id in ids {
            let found: Option<i64> = sqlx::query_scalar(
                "select o.case_id from outbox o join cases c on c.id = o.case_id \
                 where o.message_id = $1 and c.anonymised_at is null",
            )
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// Live cases whose contact is this email address (compared without case).
    pub async fn cases_with_contact_email(&self, address: &str) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "select id from cases where contact_method = 'email' \
             and lower(trim(contact_value)) = $1 and anonymised_at is null limit 50",
        )
        .bind(address.trim().to_lowercase())
        .fetch_all(self.pool())
        .await?)
    }
}
