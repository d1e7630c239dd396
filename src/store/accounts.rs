//! Staff accounts as an admin manages them in the browser: the list, adding an account,
//! disabling and enabling, changing a role, and one-time links to set a password. Every change
//! is written to `staff_audit` in the same transaction, and no change may leave the service
//! without an active admin.

use sqlx::Row;

use super::staff::{AddStaffError, MEMBER_COLUMNS, StaffMember, member};
use super::{Store, StoreError, audit, is_unique_violation, now_ms};
use crate::domain::StaffRole;

/// One row of the accounts page.
#[derive(Debug, Clone)]
pub struct Account {
    pub member: StaffMember,
    pub two_factor: bool,
    pub last_sign_in_at: Option<i64>,
}

/// What an admin may change about an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    Disable,
    Enable,
    Role(StaffRole),
    /// Turn two-factor sign-in off (a lost phone); the person sets it up again next time.
    ResetTwoFactor,
}

impl AccountChange {
    fn action(self) -> &'static str {
        match self {
            Self::Disable => "account_disabled",
            Self::Enable => "account_enabled",
            Self::Role(_) => "role_changed",
            Self::ResetTwoFactor => "two_factor_reset",
        }
    }

    /// Whether an active admin stops being one.
    fn removes_admin(self) -> bool {
        match self {
            Self::Disable => true,
            Self::Role(role) => role != StaffRole::Admin,
            Self::Enable | Self::ResetTwoFactor => false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("no such account")]
    NotFound,
    #[error("the last active admin cannot be disabled or given another role")]
    LastAdmin,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a password link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Usable { staff_id: i64 },
    Used,
    Expired,
    Unknown,
}

impl Store {
    pub async fn list_accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows = sqlx::query(&format!(
            "select {MEMBER_COLUMNS}, s.totp_secret, s.last_sign_in_at from staff s \
             order by s.disabled_at is not null, s.name, s.id"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let secret: Option<String> = row.try_get("totp_secret")?;
                Ok(Account {
                    member: member(row)?,
                    two_factor: secret.is_some(),
                    last_sign_in_at: row.try_get("last_sign_in_at")?,
                })
            })
            .collect()
    }

    /// A new account with no usable password: its owner sets one through a link.
    pub async fn add_account(
        &self,
        actor: i64,
        email: &str,
        name: &str,
        role: StaffRole,
    ) -> Result<i64, AddStaffError> {
        let mut tx = self.begin_write().await.map_err(AddStaffError::Store)?;
        let now = now_ms();
        // "!" is no Argon2 hash, so no password matches it until one is set.
        let inserted = sqlx::query(
            "insert into staff (email, name, role, password_hash, created_at, updated_at) \
             values ($1, $2, $3, '!', $4, $4) returning id",
        )
        .bind(email.to_lowercase())
        .bind(name)
        .bind(role.as_str())
        .bind(now)
        .fetch_one(&mut *tx)
        .await;
        let id: i64 = match inserted {
            Ok(row) => row.try_get("id").map_err(StoreError::from)?,
            Err(e) if is_unique_violation(&e) => return Err(AddStaffError::Exists),
            Err(e) => return Err(AddStaffError::Store(e.into())),
        };
        audit::insert(
            &mut tx,
            Some(actor),
            "account_added",
            &serde_json::json!({ "account": id, "role": role.as_str() }),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// Apply `change` to account `target` for admin `actor`, with its audit event.
    pub async fn change_account(
        &self,
        actor: i64,
        target: i64,
        change: AccountChange,
    ) -> Result<(), ChangeError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "select {MEMBER_COLUMNS} from staff s where s.id = $1"
        ))
        .bind(target)
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let current = row
            .as_ref()
            .map(member)
            .transpose()?
            .ok_or(ChangeError::NotFound)?;
        if current.role == StaffRole::Admin && !current.disabled && change.removes_admin() {
            let others: i64 = sqlx::query(
                "select count(*) as n from staff \
                 where role = 'admin' and disabled_at is null and id <> $1",
            )
            .bind(target)
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::from)?
            .try_get("n")
            .map_err(StoreError::from)?;
            if others == 0 {
                return Err(ChangeError::LastAdmin);
            }
        }
        let now = now_ms();
        let mut detail = serde_json::json!({ "account": target });
        let sql = match change {
            Change::Disable => "update staff set disabled_at = $1, updated_at = $1 where id = $2",
            Change::Enable => {
                "update staff set disabled_at = null, failed_logins = 0, locked_until = null, \
                 updated_at = $1 where id = $2"
            }
            Change::Role(role) => {
                detail["from"] = current.role.as_str().into();
                detail["to"] = role.as_str().into();
                "update staff set role = $3, updated_at = $1 where id = $2"
            }
            Change::ResetTwoFactor => {
                "update staff set totp_secret = null, totp_pending = null, \
                 totp_last_step = null, updated_at = $1 where id = $2"
            }
        };
        let mut query = sqlx::query(sql).bind(now).bind(target);
        if let Change::Role(role) = change {
            query = query.bind(role.as_str());
        }
        query.execute(&mut *tx).await.map_err(StoreError::from)?;
        // A disabled account, or one whose rights changed, signs in afresh.
        if matches!(change, Change::Disable | Change::Role(_)) {
            sqlx::query("delete from staff_sessions where staff_id = $1")
                .bind(target)
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        if change == Change::ResetTwoFactor {
            sqlx::query("delete from staff_recovery_codes where staff_id = $1")
                .bind(target)
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        audit::insert(&mut tx, Some(actor), change.action(), &detail).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// What the link with this key can do now.
    pub async fn password_link(&self, key: &str) -> Result<LinkState, StoreError> {
        let row = sqlx::query(
            "select l.staff_id, l.expires_at, l.used_at, s.disabled_at from password_links l \
             join staff s on s.id = l.staff_id where l.token_hash = $1",
        )
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(LinkState::Unknown);
        };
        let used: Option<i64> = row.try_get("used_at")?;
        let expires: i64 = row.try_get("expires_at")?;
        let disabled: Option<i64> = row.try_get("disabled_at")?;
        Ok(if used.is_some() {
            LinkState::Used
        } else if expires <= now_ms() || disabled.is_some() {
            LinkState::Expired
        } else {
            LinkState::Usable {
                staff_id: row.try_get("staff_id")?,
            }
        })
    }

    /// Set the password through the link, once: the link is spent, other links for the
    /// account too, its sessions end and a lock from wrong passwords lifts.
    pub async fn use_password_link(
        &self,
        key: &str,
        password_hash: &str,
    ) -> Result<LinkState, StoreError> {
        let mut tx = self.begin_write().await?;
        let now = now_ms();
        // The conditional update is the single use: of two tabs posting at once, one wins.
        let row = sqlx::query(
            "update password_links set used_at = $1, token = null \
             where token_hash = $2 and used_at is null and expires_at > $1 returning staff_id",
        )
        .bind(now)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            drop(tx);
            return match self.password_link(key).await? {
                LinkState::Usable { .. } => Ok(LinkState::Expired),
                other => Ok(other),
            };
        };
        let staff_id: i64 = row.try_get("staff_id")?;
        let updated = sqlx::query(
            "update staff set password_hash = $1, failed_logins = 0, locked_until = null, \
             updated_at = $2 where id = $3 and disabled_at is null",
        )
        .bind(password_hash)
        .bind(now)
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Ok(LinkState::Expired);
        }
        sqlx::query(
            "update password_links set used_at = $1, token = null where staff_id = $2 and used_at is null",
        )
        .bind(now)
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from staff_sessions where staff_id = $1")
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
        audit::insert(
            &mut tx,
            Some(staff_id),
            "password_set",
            &serde_json::json!({ "account": staff_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(LinkState::Usable { staff_id })
    }

    /// A new one-time link for `staff_id`, and its email, in one transaction with the audit
    /// event. `key` is the SHA-256 of the link's token; `link` (with the token) is kept only
    /// until the email has gone.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_password_link(
        &self,
        actor: i64,
        staff_id: i64,
        key: &str,
        expires_at: i64,
        recipient: &str,
        link: &str,
        message_domain: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let now = now_ms();
        let row = sqlx::query(
            "insert into password_links (token_hash, staff_id, created_by, expires_at, token, \
             created_at) values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(key)
        .bind(staff_id)
        .bind(actor)
        .bind(expires_at)
        .bind(link)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let link_id: i64 = row.try_get("id")?;
        super::outbox::insert_account_email(&mut tx, link_id, recipient, message_domain, now)
            .await?;
        audit::insert(
            &mut tx,
            Some(actor),
            "password_link_sent",
            &serde_json::json!({ "account": staff_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn record_sign_in(&self, staff_id: i64) -> Result<(), StoreError> {
        sqlx::query("update staff set last_sign_in_at = $1 where id = $2")
            .bind(now_ms())
            .bind(staff_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

type Change = AccountChange;
