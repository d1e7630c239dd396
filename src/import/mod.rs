//! Historic cases in and out, so a council moving to this service brings last year's cases
//! (and its first annual report has a "year before" column): `have-your-say import FILE.csv`
//! and `have-your-say export --year Y`, one CSV format for both (the columns are in
//! [`columns::COLUMNS`] and the README).
//!
//! An import reads the whole file first and checks every cell, then replays each row's dated
//! steps through the casework rules ([`replay`]), exactly as staff would record them; only when
//! no row has a problem is anything written, all in one transaction. Each row's `external_id`
//! is kept, so importing the same rows again changes nothing. An export writes the cases the
//! report counts for a year, with the dates the report reads ([`export`]), so export then
//! import gives the same report.

pub mod cells;
pub mod columns;
pub mod csv;
pub mod export;
pub mod replay;
pub mod shape;

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::config::Config;
use crate::report::FinancialYear;
use crate::store::import::ImportedCase;
use crate::store::{Store, StoreError};
use crate::timescale::{Calendar, today_in_england};

pub use export::run_export;

#[cfg(test)]
mod tests;
pub use replay::Context;

/// Files larger than this are refused before reading: tens of thousands of cases fit in a
/// few megabytes, so anything this big is the wrong file.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One problem with the file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; the first line names the columns.
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn at(line: usize, column: &str, message: impl Into<String>) -> Self {
        Self {
            line,
            column: Some(column.to_owned()),
            message: message.into(),
        }
    }

    pub fn line(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is larger than {} MB: split it into several files", MAX_BYTES / 1024 / 1024)]
    TooLarge { path: String },
    #[error("{} problem{} found, nothing was imported:\n{}",
        .0.len(), if .0.len() == 1 { "" } else { "s" },
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Problems(Vec<Problem>),
    #[error(
        "the year must be from {} to {}",
        FinancialYear::EARLIEST,
        FinancialYear::LATEST
    )]
    Year,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Read the file and check every row: the cases to write, or every problem found.
pub fn plan(bytes: &[u8], ctx: &Context<'_>) -> Result<Vec<ImportedCase>, Vec<Problem>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            return Err(vec![Problem::line(
                line,
                "not UTF-8 text: save the file as \"CSV UTF-8\"",
            )]);
        }
    };
    let records = csv::parse(text).map_err(|e| vec![Problem::line(e.line, e.message)])?;
    let Some((first, rows)) = records.split_first() else {
        return Err(vec![Problem::line(
            1,
            "the file is empty: its first line must name the columns",
        )]);
    };
    let mut problems = Vec::new();
    let Some(header) = columns::Header::read(&first.fields, &mut problems) else {
        return Err(problems);
    };
    let mut seen = HashSet::new();
    let mut cases = Vec::with_capacity(rows.len());
    for record in rows {
        let cells = cells::Cells::new(record.line, &header, &record.fields);
        match cells
            .row(&mut seen)
            .and_then(|row| replay::prepare(&row, ctx))
        {
            Ok(case) => cases.push(case),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(problems)
    }
}

/// "2024/25: 40 complaints, 12 compliments" for each financial year, oldest first.
fn summary(cases: &[&ImportedCase]) -> String {
    let mut years: BTreeMap<FinancialYear, BTreeMap<&str, usize>> = BTreeMap::new();
    for case in cases {
        *years
            .entry(FinancialYear::of_ms(case.received_at))
            .or_default()
            .entry(case.case.kind.as_str())
            .or_default() += 1;
    }
    years
        .into_iter()
        .map(|(year, kinds)| {
            let kinds: Vec<String> = kinds
                .into_iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            format!("  {}: {}\n", year.label(), kinds.join(", "))
        })
        .collect()
}

/// `have-your-say import FILE [--dry-run]`.
pub async fn run_import(
    config: &Config,
    file: &Path,
    dry_run: bool,
) -> Result<String, ImportError> {
    let path = file.display().to_string();
    let read = |source| ImportError::Read {
        path: path.clone(),
        source,
    };
    let size = std::fs::metadata(file).map_err(read)?.len();
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge { path });
    }
    let bytes = std::fs::read(file).map_err(read)?;
    let calendar = Calendar::with_closures(config.closure_days.iter().copied());
    let ctx = Context {
        calendar: &calendar,
        rules: &config.procedures,
        today: today_in_england(time::OffsetDateTime::now_utc()),
    };
    let cases = plan(&bytes, &ctx).map_err(ImportError::Problems)?;
    let store = Store::open(&config.database_url, 1).await?;
    let result = async {
        if dry_run {
            let known = store.known_external_ids().await?;
            let new: Vec<&ImportedCase> = cases
                .iter()
                .filter(|c| !known.contains(&c.external_id))
                .collect();
            return Ok(format!(
                "dry run: {} cases would be imported, {} already imported, unchanged; \
                 nothing was written\n{}",
                new.len(),
                cases.len() - new.len(),
                summary(&new)
            ));
        }
        // Only the file's name: its folder may say whose computer it came from.
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let known = store.known_external_ids().await?;
        let done = store.insert_imported(&cases, &name).await?;
        let new: Vec<&ImportedCase> = cases
            .iter()
            .filter(|c| !known.contains(&c.external_id))
            .collect();
        tracing::info!(
            written = done.written,
            unchanged = done.unchanged,
            "cases imported"
        );
        Ok(format!(
            "ok: {} cases imported, {} already imported, unchanged\n{}",
            done.written,
            done.unchanged,
            summary(&new)
        ))
    }
    .await;
    store.close().await;
    result
}
