//! Equality monitoring answers (`case_equality`): written with the case, read only as the
//! report's counts, deleted by the retention purge. Nothing here returns one case's answers by
//! its reference or id to a page, so no page can show them.

use std::collections::HashMap;

use sqlx::Row;

use super::{Store, StoreError};
use crate::equality::{Disability, EqualityAnswers, Ethnicity, Gender};

/// Write a case's answers in the transaction that creates the case.
pub(super) async fn insert(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    answers: &EqualityAnswers,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into case_equality (case_id, gender, disability, ethnicity) values ($1, $2, $3, $4)",
    )
    .bind(case_id)
    .bind(answers.gender.map(Gender::as_str))
    .bind(answers.disability.map(Disability::as_str))
    .bind(answers.ethnicity.map(Ethnicity::as_str))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Delete a case's answers (the purge, when it anonymises the case).
pub(super) async fn delete(tx: &mut sqlx::AnyConnection, case_id: i64) -> Result<(), StoreError> {
    sqlx::query("delete from case_equality where case_id = $1")
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

impl Store {
    /// The answers of the counted cases received in `[from_ms, to_ms)`, by case id, for the
    /// report to count. A case with no entry was not asked.
    pub async fn report_equality(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<HashMap<i64, EqualityAnswers>, StoreError> {
        let rows = sqlx::query(
            "select e.case_id, e.gender, e.disability, e.ethnicity from case_equality e \
             join cases c on c.id = e.case_id \
             where c.received_at >= $1 and c.received_at < $2 and c.held = 0 and c.spam = 0",
        )
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(self.pool())
        .await?;
        let mut out = HashMap::new();
        for row in &rows {
            let text = |column: &str| row.try_get::<Option<String>, _>(column);
            // The table's CHECK constraints hold only these values; anything else is corrupt.
            let parse = |column: &str, value: Option<String>, ok: bool| match value {
                Some(v) if !ok => Err(StoreError::Corrupt(format!(
                    "case_equality.{column} holds {v:?}"
                ))),
                _ => Ok(()),
            };
            let gender = text("gender")?;
            let disability = text("disability")?;
            let ethnicity = text("ethnicity")?;
            let answers = EqualityAnswers {
                gender: gender.as_deref().and_then(Gender::parse),
                disability: disability.as_deref().and_then(Disability::parse),
                ethnicity: ethnicity.as_deref().and_then(Ethnicity::parse),
            };
            parse("gender", gender, answers.gender.is_some())?;
            parse("disability", disability, answers.disability.is_some())?;
            parse("ethnicity", ethnicity, answers.ethnicity.is_some())?;
            out.insert(row.try_get::<i64, _>("case_id")?, answers);
        }
        Ok(out)
    }
}
