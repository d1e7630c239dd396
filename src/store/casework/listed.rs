//! What a case carries from the council's lists (category mentions, teams, actions taken),
//! in tables of their own, and the team names typed before teams were a list.

use sqlx::Row;

use crate::casework::{Listed, Mention};
use crate::store::{Store, StoreError, now_ms};

impl Store {
    /// The team ids of each of `case_ids` (the inbox's page of cases).
    pub async fn case_team_ids(
        &self,
        case_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<String>>, StoreError> {
        let mut teams: std::collections::HashMap<i64, Vec<String>> = Default::default();
        if case_ids.is_empty() {
            return Ok(teams);
        }
        let marks: Vec<String> = (1..=case_ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "select case_id, team from case_teams where case_id in ({}) order by id",
            marks.join(", ")
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
        for id in case_ids {
            query = query.bind(*id);
        }
        for (case_id, team) in query.fetch_all(self.pool()).await? {
            teams.entry(case_id).or_default().push(team);
        }
        Ok(teams)
    }

    /// A team name typed before teams were a list becomes the team it names (by its current
    /// or a former label) and the text goes; text that names no team stays, shown on the case
    /// as not on the list. Run at every start, so a council that adds a former label to its
    /// list later has those cases found then. Returns how many cases found their team.
    pub async fn adopt_team_names(&self, lists: &crate::lists::Lists) -> Result<u64, StoreError> {
        let rows = sqlx::query("select id, team from cases where team is not null")
            .fetch_all(self.pool())
            .await?;
        let mut adopted = 0;
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let text: String = row.try_get("team")?;
            let Some(team) = lists.team_named(&text) else {
                continue;
            };
            let now = now_ms();
            let mut tx = self.begin_write().await?;
            let known: i64 = sqlx::query(
                "select count(*) as n from case_teams where case_id = $1 and team = $2",
            )
            .bind(id)
            .bind(&team.id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            if known == 0 {
                sqlx::query(
                    "insert into case_teams (case_id, team, created_at) values ($1, $2, $3)",
                )
                .bind(id)
                .bind(&team.id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("update cases set team = null where id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            adopted += 1;
        }
        Ok(adopted)
    }
}

/// The list entries a case carries, from their tables (the council outcome is a column).
pub(crate) async fn read_listed(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
) -> Result<Listed, StoreError> {
    let mentions =
        sqlx::query("select category, stage from case_mentions where case_id = $1 order by id")
            .bind(case_id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| {
                let stage: Option<i64> = row.try_get("stage")?;
                Ok(Mention {
                    category: row.try_get("category")?,
                    stage: stage.and_then(|s| u8::try_from(s).ok()),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
    let ids = |sql: &'static str| sqlx::query(sql).bind(case_id);
    let teams = ids("select team as v from case_teams where case_id = $1 order by id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| row.try_get("v"))
        .collect::<Result<Vec<String>, _>>()?;
    let actions_taken =
        ids("select action as v from case_actions_taken where case_id = $1 order by id")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| row.try_get("v"))
            .collect::<Result<Vec<String>, _>>()?;
    Ok(Listed {
        mentions,
        teams,
        actions_taken,
        council_outcome: None,
    })
}

/// Write the list entries that changed, whole (each table is small per case).
pub(crate) async fn write_listed(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    before: &Listed,
    after: &Listed,
    now: i64,
) -> Result<(), StoreError> {
    if before.mentions != after.mentions {
        sqlx::query("delete from case_mentions where case_id = $1")
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
        for m in &after.mentions {
            sqlx::query(
                "insert into case_mentions (case_id, category, stage, created_at) \
                 values ($1, $2, $3, $4)",
            )
            .bind(case_id)
            .bind(&m.category)
            .bind(m.stage.map(i64::from))
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    for (table, column, old, new) in [
        ("case_teams", "team", &before.teams, &after.teams),
        (
            "case_actions_taken",
            "action",
            &before.actions_taken,
            &after.actions_taken,
        ),
    ] {
        if old == new {
            continue;
        }
        sqlx::query(&format!("delete from {table} where case_id = $1"))
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
        for id in new {
            sqlx::query(&format!(
                "insert into {table} (case_id, {column}, created_at) values ($1, $2, $3)"
            ))
            .bind(case_id)
            .bind(id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
