//! Staff accounts, their sessions and login throttling.

use sqlx::Row;

use super::{Store, StoreError, is_unique_violation, now_ms};
use crate::domain::StaffRole;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: StaffRole,
    pub disabled: bool,
}

/// What a login attempt needs to know about an account.
#[derive(Debug, Clone)]
pub struct LoginRecord {
    pub member: StaffMember,
    pub password_hash: String,
    pub locked_until: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub member: StaffMember,
    pub csrf_token: String,
    /// `Some("code")` or `Some("enrol")` while the second factor is still to come.
    pub waiting_for: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum AddStaffError {
    #[error("an account with that email already exists")]
    Exists,
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub(super) fn member(row: &sqlx::any::AnyRow) -> Result<StaffMember, StoreError> {
    let role: String = row.try_get("role")?;
    let disabled: Option<i64> = row.try_get("disabled_at")?;
    Ok(StaffMember {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: StaffRole::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
        disabled: disabled.is_some(),
    })
}

pub(super) const MEMBER_COLUMNS: &str = "s.id, s.email, s.name, s.role, s.disabled_at";

impl Store {
    pub async fn insert_staff(
        &self,
        email: &str,
        name: &str,
        role: StaffRole,
        password_hash: &str,
    ) -> Result<i64, AddStaffError> {
        let now = now_ms();
        let result = sqlx::query(
            "insert into staff (email, name, role, password_hash, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $5) returning id",
        )
        .bind(email.to_lowercase())
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(now)
        .fetch_one(self.pool())
        .await;
        match result {
            Ok(row) => Ok(row.try_get("id").map_err(StoreError::from)?),
            Err(e) if is_unique_violation(&e) => Err(AddStaffError::Exists),
            Err(e) => Err(AddStaffError::Store(e.into())),
        }
    }

    /// Disable an account and end its sessions. False if there is no such account.
    pub async fn disable_staff(&self, email: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let now = now_ms();
        let row = sqlx::query(
            "update staff set disabled_at = $1, updated_at = $1 where email = $2 returning id",
        )
        .bind(now)
        .bind(email.to_lowercase())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = &row {
            let id: i64 = row.try_get("id")?;
            sqlx::query("delete from staff_sessions where staff_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(row.is_some())
    }

    pub async fn staff_for_login(&self, email: &str) -> Result<Option<LoginRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "select {MEMBER_COLUMNS}, s.password_hash, s.locked_until from staff s where s.email = $1"
        ))
        .bind(email.to_lowercase())
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(LoginRecord {
                member: member(&row)?,
                password_hash: row.try_get("password_hash")?,
                locked_until: row.try_get("locked_until")?,
            })
        })
        .transpose()
    }

    /// Count a wrong password; lock the account for `lock_ms` once `limit` is reached.
    pub async fn record_login_failure(
        &self,
        staff_id: i64,
        limit: i64,
        lock_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "update staff set failed_logins = failed_logins + 1, updated_at = $1, \
             locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end \
             where id = $4",
        )
        .bind(now)
        .bind(limit)
        .bind(now + lock_ms)
        .bind(staff_id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn reset_login_failures(&self, staff_id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "update staff set failed_logins = 0, locked_until = null, updated_at = $1 where id = $2",
        )
        .bind(now_ms())
        .bind(staff_id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn record_attempt(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("insert into login_attempts (throttle_key, created_at) values ($1, $2)")
            .bind(key)
            .bind(now_ms())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn count_attempts(&self, key: &str, since: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "select count(*) as n from login_attempts where throttle_key = $1 and created_at > $2",
        )
        .bind(key)
        .bind(since)
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("n")?)
    }

    pub async fn delete_old_attempts(&self, before: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("delete from login_attempts where created_at < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    pub async fn create_session(
        &self,
        key: &str,
        staff_id: i64,
        csrf_token: &str,
        waiting_for: Option<&str>,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "insert into staff_sessions (id, staff_id, csrf_token, created_at, last_seen_at, \
             waiting_for) values ($1, $2, $3, $4, $4, $5)",
        )
        .bind(key)
        .bind(staff_id)
        .bind(csrf_token)
        .bind(now)
        .bind(waiting_for)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn session(&self, key: &str) -> Result<Option<SessionRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "select {MEMBER_COLUMNS}, x.csrf_token, x.created_at, x.last_seen_at, x.waiting_for \
             from staff_sessions x join staff s on s.id = x.staff_id where x.id = $1"
        ))
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(SessionRecord {
                member: member(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                waiting_for: row.try_get("waiting_for")?,
                created_at: row.try_get("created_at")?,
                last_seen_at: row.try_get("last_seen_at")?,
            })
        })
        .transpose()
    }

    pub async fn touch_session(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("update staff_sessions set last_seen_at = $1 where id = $2")
            .bind(now_ms())
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("delete from staff_sessions where id = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Accounts, for the admin page and the "assign to" list.
    pub async fn list_staff(&self) -> Result<Vec<StaffMember>, StoreError> {
        let rows = sqlx::query(&format!(
            "select {MEMBER_COLUMNS} from staff s order by s.name"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(member).collect()
    }

    pub async fn staff_by_id(&self, id: i64) -> Result<Option<StaffMember>, StoreError> {
        let row = sqlx::query(&format!(
            "select {MEMBER_COLUMNS} from staff s where s.id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(member).transpose()
    }
}
