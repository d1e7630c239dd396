//! "How are you feeling?" (issue 21): the face a child chose on the first page, kept with the
//! case as 1 (very sad) to 5 (very happy), or null when skipped or not asked.

use std::collections::HashMap;

use sqlx::Row;

use super::{Store, StoreError};

fn face(value: Option<i64>) -> Option<u8> {
    value
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| (1..=5).contains(v))
}

impl Store {
    /// The face chosen for this case, if any.
    pub async fn case_feeling(&self, case_id: i64) -> Result<Option<u8>, StoreError> {
        let row = sqlx::query("select feeling from cases where id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(face(
            row.map(|r| r.try_get::<Option<i64>, _>("feeling"))
                .transpose()?
                .flatten(),
        ))
    }

    /// Each face chosen for a case received from `from` to before `to` (unix ms), by case id,
    /// for the annual report to count.
    pub async fn report_feelings(
        &self,
        from: i64,
        to: i64,
    ) -> Result<HashMap<i64, u8>, StoreError> {
        let rows = sqlx::query(
            "select id, feeling from cases \
             where feeling is not null and received_at >= $1 and received_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        let mut feelings = HashMap::new();
        for row in rows {
            let id: i64 = row.try_get("id")?;
            if let Some(f) = face(row.try_get("feeling")?) {
                feelings.insert(id, f);
            }
        }
        Ok(feelings)
    }
}
