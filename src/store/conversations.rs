//! Unsent conversations. The row id is the SHA-256 of the token the browser holds; the state is
//! the engine's JSON. Each save bumps `revision`, so two posts of the same page cannot both apply.

use std::sync::Arc;

use sqlx::Row;

use super::{Store, StoreError, now_ms};
use crate::flow::State;

#[derive(Debug, Clone)]
pub struct Conversation {
    pub key: String,
    pub flow_id: String,
    pub flow_version: i64,
    pub state: State,
    pub locale: String,
    pub revision: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Yes,
    /// Someone else saved first (a double click): the caller reloads and shows the current step.
    Stale,
}

impl Store {
    pub async fn insert_conversation(
        &self,
        conversation: &Conversation,
        ttl_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let copy = conversation.clone();
        let (key, flow_id, flow_version, state, locale) = (
            conversation.key.clone(),
            conversation.flow_id.clone(),
            conversation.flow_version,
            state_json(&conversation.state)?,
            conversation.locale.clone(),
        );
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "insert into conversations \
                     (id, flow_id, flow_version, state, locale, revision, created_at, updated_at, expires_at) \
                     values ($1, $2, $3, $4, $5, 0, $6, $6, $7)",
                )
                .bind(key)
                .bind(flow_id)
                .bind(flow_version)
                .bind(state)
                .bind(locale)
                .bind(now)
                .bind(now + ttl_ms)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await?;
        if let Some(cache) = &self.conversations {
            cache.put(
                Conversation {
                    revision: 0,
                    created_at: now,
                    ..copy
                },
                now + ttl_ms,
            );
        }
        Ok(())
    }

    /// The conversation, unless it does not exist or has expired.
    pub async fn load_conversation(&self, key: &str) -> Result<Option<Conversation>, StoreError> {
        Ok(self.read_conversation(key).await?.map(Arc::unwrap_or_clone))
    }

    /// As [`Store::load_conversation`], shared: on SQLite the copy in memory is handed out
    /// without copying it, for a page that only reads.
    pub async fn read_conversation(
        &self,
        key: &str,
    ) -> Result<Option<Arc<Conversation>>, StoreError> {
        if let Some(hit) = self.conversations.as_ref().and_then(|c| c.get(key)) {
            return Ok(Some(hit));
        }
        let row = sqlx::query(
            "select id, flow_id, flow_version, state, locale, revision, created_at, expires_at \
             from conversations where id = $1 and expires_at > $2",
        )
        .bind(key)
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let state: String = row.try_get("state")?;
        let conversation = Conversation {
            key: row.try_get("id")?,
            flow_id: row.try_get("flow_id")?,
            flow_version: row.try_get("flow_version")?,
            state: serde_json::from_str(&state)
                .map_err(|e| StoreError::Corrupt(format!("conversation state: {e}")))?,
            locale: row.try_get("locale")?,
            revision: row.try_get("revision")?,
            created_at: row.try_get("created_at")?,
        };
        if let Some(cache) = &self.conversations {
            cache.put(conversation.clone(), row.try_get("expires_at")?);
        }
        Ok(Some(Arc::new(conversation)))
    }

    /// Save the new state if nobody saved since `revision` was read. Activity extends the expiry.
    pub async fn save_conversation(
        &self,
        conversation: &Conversation,
        ttl_ms: i64,
    ) -> Result<Saved, StoreError> {
        let now = now_ms();
        let copy = conversation.clone();
        let (state, key, revision) = (
            state_json(&conversation.state)?,
            conversation.key.clone(),
            conversation.revision,
        );
        let saved = self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "update conversations set state = $1, revision = revision + 1, updated_at = $2, \
                     expires_at = $3 where id = $4 and revision = $5",
                )
                .bind(state)
                .bind(now)
                .bind(now + ttl_ms)
                .bind(key)
                .bind(revision)
                .execute(conn)
                .await?;
                Ok(if done.rows_affected() == 1 {
                    Saved::Yes
                } else {
                    Saved::Stale
                })
            })
        })
        .await;
        if let Some(cache) = &self.conversations {
            match saved {
                Ok(Saved::Yes) => cache.put(
                    Conversation {
                        revision: copy.revision + 1,
                        ..copy
                    },
                    now + ttl_ms,
                ),
                _ => cache.forget(&copy.key),
            }
        }
        saved
    }

    pub async fn delete_conversation(&self, key: &str) -> Result<(), StoreError> {
        let owned = key.to_owned();
        let done = self
            .write(move |conn| {
                Box::pin(async move {
                    sqlx::query("delete from conversations where id = $1")
                        .bind(owned)
                        .execute(conn)
                        .await?;
                    Ok(())
                })
            })
            .await;
        self.forget_conversation(key);
        done
    }

    pub async fn delete_expired_conversations(&self) -> Result<u64, StoreError> {
        let done = sqlx::query("delete from conversations where expires_at <= $1")
            .bind(now_ms())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}

fn state_json(state: &State) -> Result<String, StoreError> {
    serde_json::to_string(state).map_err(|e| StoreError::Corrupt(e.to_string()))
}
