//! The command line: `serve` (the default), `check` and `migrate`. Every setting can also come
//! from a TOML file (`--config`) or a `HYS_*` environment variable; `serve --help` lists them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::{App, load_content};
use crate::config::{Config, Overrides};
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "have-your-say",
    version,
    about = "Children's complaints, compliments and comments, through a guided chat"
)]
pub struct Cli {
    /// Optional TOML file of settings (environment variables override it)
    #[arg(long, global = true, env = "HYS_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log as JSON lines (for log collectors) instead of plain text
    #[arg(long, global = true, env = "HYS_LOG_JSON")]
    pub log_json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web service (the default)
    Serve(Overrides),
    /// Lint the flows and translations, and exit non-zero on any problem
    Check(Overrides),
    /// Apply database migrations and exit
    Migrate(Overrides),
    /// Delete expired conversations and anonymise closed cases past the retention period
    Purge(Overrides),
    /// The annual report for a financial year (April to March) starting in YEAR
    Report {
        #[arg(long)]
        year: i32,
        /// csv, json or html
        #[arg(long, default_value = "html")]
        format: String,
        #[command(flatten)]
        settings: Overrides,
    },
    /// Fill the database with realistic, clearly fake cases (for demos and benchmarks)
    DemoData {
        #[arg(long, default_value_t = 500)]
        cases: u32,
        #[arg(long, default_value_t = 3)]
        years: u32,
        #[command(flatten)]
        settings: Overrides,
    },
    /// Write the cases received in a financial year (April to March) starting in YEAR as CSV,
    /// in the format `import` reads
    Export {
        #[arg(long)]
        year: i32,
        /// Write to this file instead of standard output
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include each case's summary (a child's or officer's words) in the file
        #[arg(long)]
        with_summaries: bool,
        #[command(flatten)]
        settings: Overrides,
    },
    /// Bring in historic cases from a CSV file (its columns are listed in the README); all or
    /// nothing, and rows whose external_id is already here are left as they are
    Import {
        file: PathBuf,
        /// Check the file and say what would be imported, writing nothing
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        settings: Overrides,
    },
    /// Manage staff accounts
    Staff {
        #[command(subcommand)]
        action: StaffAction,
        #[command(flatten)]
        settings: Overrides,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffAction {
    /// Create an account. The password is asked for (or read from standard input when that is
    /// not a terminal, for scripts).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// officer, advocate, manager or admin
        #[arg(long)]
        role: String,
    },
    /// Disable an account and end its sessions
    Disable {
        #[arg(long)]
        email: String,
    },
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HYS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

pub async fn run() -> ExitCode {
    let mut cli = Cli::parse();
    if cli.command.is_none() {
        // No subcommand means `serve`: parse again so its settings (and HYS_* variables) apply.
        let mut args = std::env::args_os();
        let program = args.next().unwrap_or_else(|| "have-your-say".into());
        cli = Cli::parse_from(std::iter::once(program).chain(["serve".into()]).chain(args));
    }
    init_logging(cli.log_json);
    let Some(command) = cli.command else {
        return ExitCode::FAILURE;
    };
    let overrides = match &command {
        Command::Serve(o) | Command::Check(o) | Command::Migrate(o) | Command::Purge(o) => {
            o.clone()
        }
        Command::Staff { settings, .. }
        | Command::Report { settings, .. }
        | Command::DemoData { settings, .. }
        | Command::Export { settings, .. }
        | Command::Import { settings, .. } => settings.clone(),
    };
    let config = match Config::load(cli.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("have-your-say: {e}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Serve(_) => serve(config).await,
        Command::Check(_) => check(&config),
        Command::Migrate(_) => migrate(&config).await,
        Command::Purge(_) => {
            let result = async {
                let store = Store::connect(&config.database_url, 1).await?;
                store.migrate().await?;
                let purged = crate::app::purge(&store, &config).await?;
                store.close().await;
                Ok::<_, crate::store::StoreError>(purged)
            }
            .await;
            match result {
                Ok(p) => {
                    println!(
                        "ok: {} expired conversations deleted, {} closed cases anonymised",
                        p.conversations, p.cases_anonymised
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("have-your-say purge: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Report { year, format, .. } => print_result(
            crate::report::run_report(&config, year, &format).await,
            "report",
        ),
        Command::DemoData { cases, years, .. } => print_result(
            crate::report::run_demo_data(&config, cases, years).await,
            "demo-data",
        ),
        Command::Export {
            year,
            output,
            with_summaries,
            ..
        } => print_result(
            crate::import::run_export(&config, year, output.as_deref(), with_summaries)
                .await
                .map_err(|e| e.to_string()),
            "export",
        ),
        Command::Import { file, dry_run, .. } => print_result(
            crate::import::run_import(&config, &file, dry_run)
                .await
                .map_err(|e| e.to_string()),
            "import",
        ),
        Command::Staff { action, .. } => match staff(&config, action).await {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("have-your-say staff: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

fn print_result(result: Result<String, String>, command: &str) -> ExitCode {
    match result {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("have-your-say {command}: {message}");
            ExitCode::FAILURE
        }
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

async fn staff(config: &Config, action: StaffAction) -> Result<String, String> {
    let store = Store::connect(&config.database_url, 1)
        .await
        .map_err(|e| e.to_string())?;
    store.migrate().await.map_err(|e| e.to_string())?;
    let result = match action {
        StaffAction::Add { email, name, role } => {
            let role = crate::domain::StaffRole::parse(&role)
                .ok_or("the role must be officer, advocate, manager or admin")?;
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

async fn serve(config: Config) -> ExitCode {
    let app = match App::build(config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("have-your-say: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match app.local_addr() {
        Ok(addr) => tracing::info!("Have Your Say is listening on http://{addr}"),
        Err(e) => tracing::warn!("listening, address unknown: {e}"),
    }
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("have-your-say: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(config: &Config) -> ExitCode {
    // Production refuses these at start-up (config loading already failed above if so).
    for problem in config.routing_problems() {
        println!("warning: {problem}");
    }
    if let Err(e) = crate::notify::Transport::from_settings(&config.mail) {
        eprintln!("have-your-say check: {e}");
        return ExitCode::FAILURE;
    }
    // The council's equality age bands (`[equality]` in the lists file).
    let bands = crate::equality::config::lint(&config.equality);
    if !bands.is_empty() {
        for problem in &bands {
            eprintln!("[equality] {problem}");
        }
        eprintln!("have-your-say check: the equality age bands have problems");
        return ExitCode::FAILURE;
    }
    let safety = crate::flow::safety::lint(&config.locales_dir);
    if !safety.is_empty() {
        for problem in &safety {
            eprintln!("{problem}");
        }
        eprintln!("have-your-say check: a safety phrase list has problems");
        return ExitCode::FAILURE;
    }
    let secret_words = crate::domain::secret::lists::lint(&config.locales_dir);
    if !secret_words.is_empty() {
        for problem in &secret_words {
            eprintln!("{problem}");
        }
        eprintln!("have-your-say check: a secret-word list has problems");
        return ExitCode::FAILURE;
    }
    match load_content(config) {
        Ok((words, _)) if !words.incomplete().is_empty() => {
            for (locale, id) in words.incomplete() {
                eprintln!("locale {locale} is missing message {id:?}");
            }
            eprintln!("have-your-say check: a shipped locale is incomplete");
            ExitCode::FAILURE
        }
        Ok((words, flows)) => {
            // A lists file with problems already stopped `Config::load`, each one named.
            let lists = &config.procedures.lists;
            println!(
                "ok: lists {}: {} complaint categories in {} groups, {} teams in {} services, \
                 {} receipt methods, {} council outcomes, {} actions taken",
                config.lists_file.as_ref().map_or_else(
                    || "locales/en-GB/lists.toml (shipped)".to_owned(),
                    |p| p.display().to_string()
                ),
                lists.complaint_categories().count(),
                lists.complaint_groups.len(),
                lists.teams.len(),
                lists.services.len(),
                lists.receipt_methods.len(),
                lists.outcomes.len(),
                lists.actions_taken.len()
            );
            let locales: Vec<String> = words.locales().map(|l| l.as_str().to_owned()).collect();
            let mut ids: Vec<&str> = flows.ids().collect();
            ids.sort_unstable();
            println!(
                "ok: flows {} and locales {} are complete",
                ids.join(", "),
                locales.join(", ")
            );
            // Loading them above linted them: a bad folder is an error there.
            if let Some(dir) = &config.reminders.templates_dir {
                println!(
                    "ok: letter templates in {} replace the shipped ones they name",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("have-your-say check: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> ExitCode {
    let result = async {
        let store = Store::connect(&config.database_url, 1).await?;
        store.migrate().await?;
        store.close().await;
        Ok::<_, crate::store::StoreError>(())
    }
    .await;
    match result {
        Ok(()) => {
            println!("ok: migrations applied");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("have-your-say migrate: {e}");
            ExitCode::FAILURE
        }
    }
}
