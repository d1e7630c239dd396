//! `have-your-say staff add|disable`.

use clap::Subcommand;
use clap::builder::PossibleValue;

use crate::config::Config;
use crate::domain::StaffRole;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum StaffAction {
    /// Create an account. The password is asked for (or read from standard input when that is
    /// not a terminal, for scripts).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// What the account may do
        #[arg(long, value_enum)]
        role: StaffRole,
    },
    /// Disable an account and end its sessions
    Disable {
        #[arg(long)]
        email: String,
    },
}

/// `--role officer|advocate|manager|admin`: the role's one string form, as stored.
impl clap::ValueEnum for StaffRole {
    fn value_variants<'a>() -> &'a [Self] {
        Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

fn read_password() -> Result<String, String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (at least 12 characters): ")
            .map_err(|e| e.to_string())?;
        let again =
            rpassword::prompt_password("Same password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords are different".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

pub async fn staff(config: &Config, action: StaffAction) -> Result<String, String> {
    let store = Store::open(&config.database_url, 1)
        .await
        .map_err(|e| e.to_string())?;
    let result = match action {
        StaffAction::Add { email, name, role } => {
            let email = email.trim().to_lowercase();
            if email.parse::<lettre::Address>().is_err() {
                return Err(format!("{email:?} is not an email address"));
            }
            let name = name.trim().to_owned();
            if name.is_empty() || name.chars().count() > 100 {
                return Err("the name must be 1 to 100 characters".into());
            }
            let password = read_password()?;
            let hash = tokio::task::spawn_blocking(move || {
                crate::domain::password::hash_password(&password)
            })
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
            store
                .insert_staff(&email, &name, role, &hash)
                .await
                .map(|id| format!("ok: {role} account {id} created for {email}"))
                .map_err(|e| e.to_string())
        }
        StaffAction::Disable { email } => match store.disable_staff(email.trim()).await {
            Ok(true) => Ok(format!("ok: {} disabled and signed out", email.trim())),
            Ok(false) => Err(format!("no account for {}", email.trim())),
            Err(e) => Err(e.to_string()),
        },
    };
    store.close().await;
    result
}
