//! Start-up: load and check the words and flows, connect and migrate the store, bind the port,
//! and serve until told to stop. Tests build the same `App` on port 0 with a fresh database.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::config::Config;
use crate::flow::Flows;
use crate::i18n::Localizer;
use crate::notify::{Mailer, Transport, worker::Worker};
use crate::store::Store;
use crate::web;

/// Everything a request handler needs. One reference count to clone: every middleware layer
/// and handler takes its own copy of the state per request, so this is on the hot path.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
pub struct Shared {
    pub config: Arc<Config>,
    pub store: Store,
    pub flows: Flows,
    pub words: Arc<Localizer>,
    pub mailer: Mailer,
    /// Working days: shipped bank holidays plus configured closure days.
    pub calendar: crate::timescale::Calendar,
    pub safety: Arc<crate::flow::safety::SafetyPhrases>,
    /// The secret-word list of each locale.
    pub secret_words: Arc<crate::domain::secret::lists::WordLists>,
}

pub struct App {
    listener: TcpListener,
    state: AppState,
    /// Whether `run_until` starts the loops that send and fetch mail (the email worker, the
    /// daily digest, the inbound poller). Tests turn them off and drive each step themselves.
    mail_loops: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Words(#[from] crate::i18n::I18nError),
    #[error("the flows have problems:\n{}", .0.join("\n"))]
    Flows(Vec<String>),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Mail(#[from] crate::notify::transport::TransportError),
    #[error("the letter templates have problems:\n{}", .0.join("\n"))]
    Letters(Vec<String>),
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

/// Words and flows, checked the same way by `serve` and `check`.
pub fn load_content(config: &Config) -> Result<(Localizer, Flows), StartError> {
    let mut words = Localizer::load(&config.locales_dir)?;
    // The council's own letter templates replace the shipped ones of the same name.
    if let Some(dir) = &config.reminders.templates_dir {
        crate::letters::apply_overrides(&mut words, dir).map_err(StartError::Letters)?;
    }
    let mut problems: Vec<String> = Vec::new();
    let flows = match Flows::load(&config.flows_dir, &words) {
        Ok(flows) => Some(flows),
        Err(errors) => {
            problems.extend(errors.iter().map(ToString::to_string));
            None
        }
    };
    let ids = web::templates::message_ids()
        .into_iter()
        .chain(crate::i18n::code_message_ids());
    let owned: Vec<String> = ids.collect();
    for (locale, id) in words.missing(owned.iter().map(String::as_str)) {
        problems.push(format!(
            "message {id:?} used by the pages is missing from locale {locale}"
        ));
    }
    match flows {
        Some(flows) if problems.is_empty() => Ok((words, flows)),
        _ => Err(StartError::Flows(problems)),
    }
}

fn missing_per_locale(words: &Localizer) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for (locale, _) in words.incomplete() {
        *counts.entry(locale).or_insert(0) += 1;
    }
    counts
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
        let (mut words, flows) = load_content(&config)?;
        words.prepare(|rtl| web::view::standard_args(&config, rtl));
        for (locale, count) in missing_per_locale(&words) {
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
        Ok(Self {
            listener,
            state: AppState(Arc::new(Shared {
                config: Arc::new(config),
                store,
                flows,
                words: Arc::new(words),
                mailer: Mailer::new(transport),
                calendar,
                safety: Arc::new(safety),
                secret_words: Arc::new(secret_words),
            })),
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

    /// A worker over this app's store and mailer (tests drive one round at a time).
    pub fn worker(&self) -> Worker {
        Worker::new(
            self.state.store.clone(),
            self.state.mailer.clone(),
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
            self.state.mailer.wake.clone(),
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
        let purger = tokio::spawn(purge_daily(
            self.state.store.clone(),
            self.state.config.clone(),
            worker_stop.clone(),
        ));
        let loops = self.mail_loops.then(|| {
            (
                tokio::spawn(
                    crate::notify::inbound::Poller::new(self.state.clone())
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

/// The retention purge: expired conversations deleted, old closed cases anonymised.
pub async fn purge(
    store: &Store,
    config: &Config,
) -> Result<crate::store::tracking::Purged, crate::store::StoreError> {
    let years = i64::from(config.retention_years);
    let closed_before = crate::store::now_ms()
        - years * 365 * 24 * 60 * 60 * 1000
        - years / 4 * 24 * 60 * 60 * 1000;
    let purged = store.purge(closed_before).await?;
    tracing::info!(
        conversations = purged.conversations,
        cases = purged.cases_anonymised,
        "retention purge done"
    );
    Ok(purged)
}

/// Once a day in every instance (the purge is idempotent, so instances may overlap).
async fn purge_daily(
    store: Store,
    config: Arc<Config>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let mut next = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep_until(next) => {}
        }
        if let Err(e) = purge(&store, &config).await {
            tracing::error!(error = %e, "retention purge failed; will try again tomorrow");
        }
        next += day;
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
