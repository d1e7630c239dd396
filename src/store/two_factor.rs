//! Two-factor sign-in's state: the confirmed and the pending TOTP secret, the last step a code
//! was accepted for, and the recovery codes (hashes only). Taking a code or a recovery code is
//! one conditional update, so two requests racing with the same code cannot both succeed.

use sqlx::Row;

use super::{Store, StoreError, audit, now_ms};
use crate::domain::two_factor::TotpSecret;

/// An account's two-factor settings.
#[derive(Debug, Clone, Default)]
pub struct TwoFactor {
    pub secret: Option<TotpSecret>,
    pub pending: Option<TotpSecret>,
    pub last_step: Option<i64>,
}

impl Store {
    pub async fn two_factor(&self, staff_id: i64) -> Result<TwoFactor, StoreError> {
        let row = sqlx::query(
            "select totp_secret, totp_pending, totp_last_step from staff where id = $1",
        )
        .bind(staff_id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(TwoFactor::default());
        };
        let secret: Option<String> = row.try_get("totp_secret")?;
        let pending: Option<String> = row.try_get("totp_pending")?;
        Ok(TwoFactor {
            secret: secret.as_deref().and_then(TotpSecret::parse),
            pending: pending.as_deref().and_then(TotpSecret::parse),
            last_step: row.try_get("totp_last_step")?,
        })
    }

    /// The secret to show at enrolment: the one shown before if it was not confirmed yet (a
    /// reload must not change what the app was given), else a new one.
    pub async fn pending_secret(&self, staff_id: i64) -> Result<TotpSecret, StoreError> {
        if let Some(pending) = self.two_factor(staff_id).await?.pending {
            return Ok(pending);
        }
        let secret = TotpSecret::generate();
        sqlx::query("update staff set totp_pending = $1, updated_at = $2 where id = $3")
            .bind(secret.expose())
            .bind(now_ms())
            .bind(staff_id)
            .execute(self.pool())
            .await?;
        Ok(secret)
    }

    /// The first code matched the pending secret: it becomes the secret, and these recovery
    /// codes (hashes) replace any earlier ones.
    pub async fn confirm_two_factor(
        &self,
        staff_id: i64,
        secret: &TotpSecret,
        step: i64,
        code_hashes: &[String],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let now = now_ms();
        sqlx::query(
            "update staff set totp_secret = $1, totp_pending = null, totp_last_step = $2, \
             updated_at = $3 where id = $4",
        )
        .bind(secret.expose())
        .bind(step)
        .bind(now)
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from staff_recovery_codes where staff_id = $1")
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
        for hash in code_hashes {
            sqlx::query(
                "insert into staff_recovery_codes (staff_id, code_hash, created_at) \
                 values ($1, $2, $3)",
            )
            .bind(staff_id)
            .bind(hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        audit::insert(
            &mut tx,
            Some(staff_id),
            "two_factor_on",
            &serde_json::json!({ "account": staff_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Take `step` as used, unless it (or a later one) was taken already. False: a replay.
    pub async fn take_code_step(&self, staff_id: i64, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "update staff set totp_last_step = $1 \
             where id = $2 and (totp_last_step is null or totp_last_step < $1)",
        )
        .bind(step)
        .bind(staff_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Spend a recovery code. False if it is not one of this account's unused codes.
    pub async fn take_recovery_code(&self, staff_id: i64, hash: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update staff_recovery_codes set used_at = $1 \
             where staff_id = $2 and code_hash = $3 and used_at is null",
        )
        .bind(now_ms())
        .bind(staff_id)
        .bind(hash)
        .execute(&mut *tx)
        .await?;
        let taken = done.rows_affected() == 1;
        if taken {
            audit::insert(
                &mut tx,
                Some(staff_id),
                "recovery_code_used",
                &serde_json::json!({ "account": staff_id }),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(taken)
    }

    pub async fn recovery_codes_left(&self, staff_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "select count(*) as n from staff_recovery_codes \
             where staff_id = $1 and used_at is null",
        )
        .bind(staff_id)
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("n")?)
    }
}
