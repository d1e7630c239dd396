//! Keeping children's data no longer than needed: unsent conversations go when they expire,
//! and closed cases are anonymised once the retention period (`HYS_RETENTION_YEARS`) has passed.

use std::sync::Arc;

use crate::config::Config;
use crate::store::{Store, StoreError};

/// The retention purge: expired conversations deleted, old closed cases anonymised.
pub async fn purge(
    store: &Store,
    config: &Config,
) -> Result<crate::store::tracking::Purged, StoreError> {
    let years = i64::from(config.retention_years);
    let closed_before = crate::store::now_ms()
        - years * 365 * 24 * 60 * 60 * 1000
        - years / 4 * 24 * 60 * 60 * 1000;
    let purged = store.purge(closed_before).await?;
    tracing::info!(
        conversations = purged.conversations,
        cases = purged.cases_anonymised,
        "retention purge done"
    );
    Ok(purged)
}

/// Once a day in every instance (the purge is idempotent, so instances may overlap).
pub async fn purge_daily(
    store: Store,
    config: Arc<Config>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let mut next = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep_until(next) => {}
        }
        if let Err(e) = purge(&store, &config).await {
            tracing::error!(error = %e, "retention purge failed; will try again tomorrow");
        }
        next += day;
    }
}
