//! Group commit for SQLite. SQLite has one writer at a time, and with `synchronous=FULL` every
//! commit waits for an fsync (one to several milliseconds on a cloud disk), so one write per
//! commit caps a whole service at a few hundred writes a second however many cores it has.
//! Writes on the hot path (starting, answering and sending a conversation) are therefore queued
//! to one task that runs everything waiting in one transaction, each write in its own
//! savepoint, and commits once. Nobody hears that their write is done until the commit holding
//! it is durable; a write that fails rolls back its own savepoint and nobody else's.
//!
//! PostgreSQL needs none of this: it already shares WAL flushes between concurrent commits, so
//! there each write is simply its own transaction.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sqlx::{AnyConnection, AnyPool, Executor};
use tokio::sync::{mpsc, oneshot};

use super::StoreError;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Tells a caller how the commit holding its write ended.
type Tell = Box<dyn FnOnce(Result<(), Arc<sqlx::Error>>) + Send>;

/// What a write did inside the batch: whether its savepoint must be rolled back, and how to tell
/// its caller once the batch's commit has succeeded or failed.
struct Done {
    failed: bool,
    tell: Tell,
}

type Job = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Done> + Send>;

/// Enough to amortise an fsync over many writes, small enough that one batch stays short.
const MAX_BATCH: usize = 128;

#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Start the writing task. It takes one connection from `pool` per batch.
    pub fn start(pool: AnyPool) -> Self {
        let (jobs, queue) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(run(pool, queue));
        Self { jobs }
    }

    /// Run `work` inside the next batch and return its result once that batch is committed.
    pub async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, StoreError>>
            + Send
            + 'static,
    {
        let (reply, answer) = oneshot::channel::<Result<T, StoreError>>();
        let job: Job = Box::new(move |conn| {
            Box::pin(async move {
                let outcome = work(conn).await;
                let failed = outcome.is_err();
                Done {
                    failed,
                    tell: Box::new(move |commit| {
                        let result = match commit {
                            Ok(()) => outcome,
                            Err(e) => Err(StoreError::Batch(e)),
                        };
                        // The caller may have gone (a closed connection); the write stands.
                        let _ = reply.send(result);
                    }),
                }
            })
        });
        self.jobs
            .send(job)
            .await
            .map_err(|_| StoreError::NotWritten)?;
        answer.await.map_err(|_| StoreError::NotWritten)?
    }
}

async fn run(pool: AnyPool, mut queue: mpsc::Receiver<Job>) {
    loop {
        let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
        if queue.recv_many(&mut batch, MAX_BATCH).await == 0 {
            return; // every Store handle is gone
        }
        // Its own task, so that a panic in one batch fails that batch's writes, not all later ones.
        let pool = pool.clone();
        let _ = tokio::spawn(async move {
            let mut told = Vec::with_capacity(batch.len());
            let result = commit_batch(&pool, batch, &mut told)
                .await
                .map_err(Arc::new);
            for tell in told {
                tell(result.clone());
            }
        })
        .await;
    }
}

/// Run the jobs in one transaction. Each job's `tell` is pushed to `told` as soon as it has run,
/// so that whatever happens to the commit, everyone who ran is told exactly once. Jobs not
/// reached when the batch fails are dropped, and their callers hear `NotWritten`.
async fn commit_batch(
    pool: &AnyPool,
    batch: Vec<Job>,
    told: &mut Vec<Tell>,
) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    conn.execute("begin immediate").await?;
    for job in batch {
        if let Err(e) = conn.execute("savepoint w").await {
            let _ = conn.execute("rollback").await;
            return Err(e);
        }
        let done = job(&mut conn).await;
        told.push(done.tell);
        let undo = if done.failed {
            conn.execute("rollback to w").await.map(|_| ())
        } else {
            Ok(())
        };
        if let Err(e) = undo.and(conn.execute("release w").await.map(|_| ())) {
            let _ = conn.execute("rollback").await;
            return Err(e);
        }
    }
    if let Err(e) = conn.execute("commit").await {
        // A failed commit leaves SQLite in the transaction; end it so the connection is reusable.
        let _ = conn.execute("rollback").await;
        return Err(e);
    }
    Ok(())
}
