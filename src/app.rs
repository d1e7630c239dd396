//! The composition root: builds every part from the settings (words and flows, the store, the
//! mail transport, the intake and tracking services, the web state), binds the port and serves
//! until told to stop. Nothing imports this module; `main` calls [`main`]. Tests build the same
//! `App` on port 0 with a fresh database.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::config::Config;
use crate::intake::Intake;
use crate::notify::{Mailer, Transport, worker::Worker};
use crate::store::Store;
use crate::tracking::Tracking;
use crate::web::{self, AppState, Shared};

/// The command line: `serve` (the default) runs here; every other command is `cli`'s.
pub async fn main() -> ExitCode {
    crate::cli::run(serve).await
}

/// The C library's allocator settings this service wants, unless whoever started it chose
/// their own: the process starts itself again with them, before anything else runs (it keeps
/// its process id, arguments and environment). Why: a page compressed for a browser needs a
/// deflate state of about 300 KB, which glibc by default maps afresh and page-faults in for
/// every page and hands back to the system after; kept instead, a compressed step page costs
/// about a third as much CPU (`benches/run`, "step page GET, gzip"), and memory at rest is
/// unchanged. Other C libraries ignore the setting.
pub fn tune_allocator() {
    const TUNABLES: &str = "GLIBC_TUNABLES";
    // Up to 1 MB from the heap rather than a fresh mapping; keep up to 4 MB free at its top.
    const OURS: &str = "glibc.malloc.mmap_threshold=1048576:glibc.malloc.trim_threshold=4194304";
    if !cfg!(all(target_os = "linux", target_env = "gnu")) || std::env::var_os(TUNABLES).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut again = std::process::Command::new(exe);
    again.args(std::env::args_os().skip(1)).env(TUNABLES, OURS);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Only returns if it could not start; then go on with the defaults.
        let error = again.exec();
        eprintln!("have-your-say: running with the allocator's defaults ({error})");
    }
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

pub struct App {
    listener: TcpListener,
    state: AppState,
    /// How email leaves; only the worker sends.
    mailer: Mailer,
    /// Whether `run_until` starts the loops that send and fetch mail (the email worker, the
    /// daily digest, the inbound poller). Tests turn them off and drive each step themselves.
    mail_loops: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Content(#[from] crate::content::ContentError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Mail(#[from] crate::notify::transport::TransportError),
    #[error(transparent)]
    Draw(#[from] crate::web::chat::drawn::DrawError),
    #[error("cannot read the safety phrase lists: {0}")]
    Safety(std::io::Error),
    #[error(transparent)]
    SecretWords(#[from] crate::domain::secret::lists::ListError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

impl App {
    pub async fn build(config: Config) -> Result<Self, StartError> {
        let transport = Transport::from_settings(&config.mail)?;
        Self::build_with_transport(config, transport).await
    }

    /// As [`App::build`], with a chosen mail transport (tests use memory).
    pub async fn build_with_transport(
        config: Config,
        transport: Transport,
    ) -> Result<Self, StartError> {
        let (mut words, flows) = crate::content::load_content(&config)?;
        words.prepare(config.council());
        let step_pages = Arc::new(crate::web::chat::drawn::StepPages::draw(&flows, &words)?);
        for (locale, count) in crate::content::missing_per_locale(&words) {
            // Each missing message falls back to English; `check` fails on this.
            tracing::warn!(locale, missing = count, "locale is incomplete");
        }
        let safety = crate::flow::safety::SafetyPhrases::load(&config.locales_dir)
            .map_err(StartError::Safety)?;
        let secret_words = crate::domain::secret::lists::WordLists::load(&config.locales_dir)?;
        let store = Store::open(&config.database_url, config.max_connections)
            .await?
            .with_child_reply_every(config.reminders.child_reply_every);
        crate::notify::worker::release_after_crash(&store).await?;
        let adopted = store.adopt_team_names(&config.procedures.lists).await?;
        if adopted > 0 {
            tracing::info!(cases = adopted, "typed team names found on the team list");
        }
        let calendar =
            crate::timescale::Calendar::with_closures(config.closure_days.iter().copied());
        let recomputed = store
            .recompute_due_dates(&calendar, &config.procedures)
            .await?;
        if recomputed > 0 {
            tracing::info!(
                cases = recomputed,
                "working-day calendar changed; due dates recomputed"
            );
        }
        let listener = TcpListener::bind(config.bind)
            .await
            .map_err(|source| StartError::Bind {
                addr: config.bind,
                source,
            })?;
        let mut config = config;
        if let Ok(addr) = listener.local_addr() {
            config.public_url = on_bound_port(&config.public_url, addr.port());
        }
        let config = Arc::new(config);
        let words = Arc::new(words);
        let safety = Arc::new(safety);
        let secret_words = Arc::new(secret_words);
        let mailer = Mailer::new(transport);
        let outbox = mailer.outbox.clone();
        let tracking = Tracking {
            config: config.clone(),
            store: store.clone(),
            safety: safety.clone(),
            secret_words: secret_words.clone(),
            outbox: outbox.clone(),
        };
        let intake = Intake {
            config: config.clone(),
            store: store.clone(),
            flows: flows.clone(),
            words: words.clone(),
            safety: safety.clone(),
            calendar: calendar.clone(),
            secret_words: secret_words.clone(),
            outbox: outbox.clone(),
            tracking: tracking.clone(),
        };
        Ok(Self {
            listener,
            state: AppState::new(Shared {
                config,
                store,
                flows,
                words,
                calendar,
                safety,
                secret_words,
                outbox,
                intake,
                tracking,
                step_pages,
            }),
            mailer,
            mail_loops: true,
        })
    }

    /// Serve without the email worker, the digest and the inbound poller; whoever runs the app
    /// drives [`App::worker`], [`App::digester`] and the poller's step instead (tests do).
    pub fn without_mail_loops(self) -> Self {
        Self {
            mail_loops: false,
            ..self
        }
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// How this app's email leaves (tests build a second worker over it).
    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// A worker over this app's store and mailer (tests drive one round at a time).
    pub fn worker(&self) -> Worker {
        Worker::new(
            self.state.store.clone(),
            self.mailer.clone(),
            self.state.config.clone(),
            self.state.words.clone(),
        )
    }

    /// The daily digest's tick over this app's store (tests drive one tick at a time).
    pub fn digester(&self) -> crate::reminders::digest::Digester {
        crate::reminders::digest::Digester::new(
            self.state.store.clone(),
            self.state.config.clone(),
            self.state.words.clone(),
            self.state.calendar.clone(),
            self.state.outbox.clone(),
        )
    }

    /// Serve until Ctrl-C or SIGTERM, finishing requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    pub async fn run_until(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let router = web::router(self.state.clone());
        let (stop_worker, worker_stop) = tokio::sync::watch::channel(false);
        let purger = tokio::spawn(crate::retention::purge_daily(
            self.state.store.clone(),
            self.state.config.clone(),
            worker_stop.clone(),
        ));
        let loops = self.mail_loops.then(|| {
            (
                tokio::spawn(
                    crate::inbound::Poller::new(self.state.tracking.clone())
                        .run(worker_stop.clone()),
                ),
                tokio::spawn(self.digester().run(worker_stop.clone())),
                tokio::spawn(self.worker().run(worker_stop)),
            )
        });
        let header_timeout =
            std::time::Duration::from_secs(u64::from(self.state.config.header_timeout_seconds));
        let served = web::listener::serve(self.listener, router, header_timeout, stop).await;
        // The worker finishes the email in hand and hands back the rest of its batch.
        let _ = stop_worker.send(true);
        let _ = purger.await;
        if let Some((poller, digester, worker)) = loops {
            if let Err(e) = worker.await {
                tracing::error!(error = %e, "email worker ended badly");
            }
            let _ = poller.await;
            let _ = digester.await;
        }
        self.state.store.close().await;
        served
    }
}

/// A public URL on port 0 (a test, a throwaway local run on any free port) means the port the
/// listener was given: our own pages' `Origin` is compared with it, whole.
fn on_bound_port(public_url: &str, port: u16) -> String {
    match public_url.strip_suffix(":0") {
        Some(base) => format!("{base}:{port}"),
        None => public_url.to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
