//! The command line: `serve` (the default), `check` and `migrate`. Every setting can also come
//! from a TOML file (`--config`) or a `HYS_*` environment variable; `serve --help` lists them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{Config, Overrides};
use crate::store::Store;

mod check;
mod staff;

use check::check;
use staff::{StaffAction, staff};

/// `report --format`: the published report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Csv,
    Json,
    Html,
}

impl ReportFormat {
    fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Html => "html",
        }
    }
}

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
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
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

/// Parse the command line and run the command; `serve` is handed to `serve`, which the
/// composition root (`app`) provides, so this module builds no app itself.
pub async fn run<F, Fut>(serve: F) -> ExitCode
where
    F: FnOnce(Config) -> Fut,
    Fut: std::future::Future<Output = ExitCode>,
{
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
                let store = Store::open(&config.database_url, 1).await?;
                let purged = crate::retention::purge(&store, &config).await?;
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
            crate::report::run_report(&config, year, format.as_str()).await,
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

async fn migrate(config: &Config) -> ExitCode {
    let result = async {
        let store = Store::open(&config.database_url, 1).await?;
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
