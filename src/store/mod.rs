//! The case store. All SQL lives under this folder, one function per query, written once for
//! both back ends through sqlx's `Any` driver (`$1` placeholders work on both). Where SQLite and
//! PostgreSQL must differ (connection settings, locking), the difference is here and in the two
//! `migrations/` folders, nowhere else.

pub mod accounts;
pub mod alerts;
pub mod audit;
mod cache;
pub mod cases;
pub mod casework;
pub mod conversations;
pub mod equality;
pub mod feeling;
pub mod import;
pub mod inbound;
pub mod inbox;
pub mod keep_words;
pub mod outbox;
pub mod reminders;
pub mod report;
pub mod staff;
pub mod tracking;
pub mod two_factor;
mod writer;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite's group-commit writer; `None` on PostgreSQL.
    writer: Option<writer::Writer>,
    /// Unsent conversations in memory; `None` on PostgreSQL (see [`cache`]).
    conversations: Option<std::sync::Arc<cache::ConversationCache>>,
    /// At most one "there is a reply for you" email per case per this many ms (see
    /// [`outbox::insert_emails_throttled`]).
    child_reply_every_ms: i64,
}

pub use writer::BoxFuture;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("the database is not set up safely: {0}")]
    Unsafe(String),
    #[error("the write's batch was not committed: {0}")]
    Batch(std::sync::Arc<sqlx::Error>),
    #[error("the write was not done (its batch failed before reaching it, or the writer stopped)")]
    NotWritten,
    /// Someone else changed the case after the form was drawn: nothing was written.
    #[error("the case changed since the form was drawn")]
    Stale,
}

/// Milliseconds since the epoch, the unit of every `*_at` column.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

impl Store {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let url = match backend {
            // Create the file on first run, so `serve` needs no set-up.
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    match backend {
                        // Durable before the child sees a reference: WAL with a full sync on
                        // every commit; writers wait for each other instead of failing.
                        Backend::Sqlite => {
                            conn.execute(
                                "pragma journal_mode = wal; pragma synchronous = full; \
                                 pragma foreign_keys = on; pragma busy_timeout = 10000;",
                            )
                            .await?;
                        }
                        Backend::Postgres => {
                            conn.execute("set synchronous_commit = on").await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let writer = (backend == Backend::Sqlite).then(|| writer::Writer::start(pool.clone()));
        let conversations = (backend == Backend::Sqlite).then(Default::default);
        let store = Self {
            pool,
            backend,
            writer,
            conversations,
            child_reply_every_ms: 60 * 60 * 1000,
        };
        store.verify_settings().await?;
        Ok(store)
    }

    /// The same store with another window for "there is a reply for you" emails.
    pub fn with_child_reply_every(self, every: Duration) -> Self {
        Self {
            child_reply_every_ms: i64::try_from(every.as_millis()).unwrap_or(i64::MAX / 4),
            ..self
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Connect and bring the schema up to date: what every command does first. When the
    /// migrations fail the pool is closed before the error is returned.
    pub async fn open(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let store = Self::connect(url, max_connections).await?;
        if let Err(e) = store.migrate().await {
            store.close().await;
            return Err(e);
        }
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                // SQLite changes a table's constraints only by rebuilding it, and dropping the
                // old table would cascade to every row that refers to it while foreign keys
                // are on; the pragma cannot change inside the migration's transaction, so the
                // migrations run on one connection with them off, then are checked.
                let mut conn = self.pool.acquire().await?;
                sqlx::query("pragma foreign_keys = off")
                    .execute(&mut *conn)
                    .await?;
                let migrated = sqlx::migrate!("migrations/sqlite").run(&mut *conn).await;
                let broken = sqlx::query("pragma foreign_key_check")
                    .fetch_all(&mut *conn)
                    .await?;
                sqlx::query("pragma foreign_keys = on")
                    .execute(&mut *conn)
                    .await?;
                migrated?;
                if !broken.is_empty() {
                    return Err(StoreError::Corrupt(format!(
                        "{} rows refer to rows that are missing after migrating",
                        broken.len()
                    )));
                }
            }
            Backend::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Refuse to run if the settings that make an accepted case durable are not in force.
    async fn verify_settings(&self) -> Result<(), StoreError> {
        let checks: &[(&str, &str)] = match self.backend {
            Backend::Sqlite => &[
                ("pragma journal_mode", "wal"),
                ("pragma synchronous", "2"),
                ("pragma foreign_keys", "1"),
            ],
            Backend::Postgres => &[("show synchronous_commit", "on")],
        };
        let mut conn = self.pool.acquire().await?;
        for (query, want) in checks {
            let row = sqlx::query(query).fetch_one(&mut *conn).await?;
            let got: String = match sqlx::Row::try_get::<String, _>(&row, 0) {
                Ok(s) => s,
                Err(_) => sqlx::Row::try_get::<i64, _>(&row, 0)?.to_string(),
            };
            if !got.eq_ignore_ascii_case(want) {
                return Err(StoreError::Unsafe(format!(
                    "{query} is {got}, expected {want}"
                )));
            }
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock up front (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads and then writes fails at once under concurrent writers.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("begin immediate").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Run `work` as one durable write: on SQLite inside the next group commit (see
    /// [`writer`]), on PostgreSQL as its own transaction. `work` must only use the connection
    /// it is given, and its result is returned only once the write is committed.
    pub async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut sqlx::AnyConnection) -> BoxFuture<'c, Result<T, StoreError>>
            + Send
            + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(work).await,
            None => {
                let mut tx = self.pool.begin().await?;
                let result = work(&mut tx).await?;
                tx.commit().await?;
                Ok(result)
            }
        }
    }

    /// The in-memory copy of a conversation is out of date: its row changed or went.
    pub(crate) fn forget_conversation(&self, key: &str) {
        if let Some(cache) = &self.conversations {
            cache.forget(key);
        }
    }

    /// Drop every in-memory conversation: for whoever changed conversation rows behind the
    /// store's back (a test moving time on).
    pub fn forget_cached_conversations(&self) {
        if let Some(cache) = &self.conversations {
            cache.clear();
        }
    }

    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// True when the error is a unique-constraint violation (a duplicate reference or submission).
pub(crate) fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || db
                    .code()
                    .is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
        }
        _ => false,
    }
}
