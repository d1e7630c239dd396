//! What a request handler can reach, built by `App::build` (the composition root). One
//! reference count to clone: every middleware layer and handler takes its own copy of the
//! state per request, so this is on the hot path. A handler that needs one part only asks for
//! it (`State<Intake>`, `State<Store>`): those are the [`FromRef`] sub-states below.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::config::Config;
use crate::domain::secret::lists::WordLists;
use crate::flow::Flows;
use crate::flow::safety::SafetyPhrases;
use crate::i18n::Localizer;
use crate::intake::Intake;
use crate::notify::Outbox;
use crate::store::Store;
use crate::timescale::Calendar;
use crate::tracking::Tracking;
use crate::web::chat::drawn::StepPages;

#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

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
    /// Working days: shipped bank holidays plus configured closure days.
    pub calendar: Calendar,
    pub safety: Arc<SafetyPhrases>,
    /// The secret-word list of each locale.
    pub secret_words: Arc<WordLists>,
    /// Say so here after committing an email, so the worker sends it at once.
    pub outbox: Outbox,
    /// A conversation becoming a case.
    pub intake: Intake,
    /// A child coming back.
    pub tracking: Tracking,
    /// The parts of step pages that are the same for everyone, drawn at start-up.
    pub step_pages: Arc<StepPages>,
}

impl FromRef<AppState> for Intake {
    fn from_ref(state: &AppState) -> Self {
        state.intake.clone()
    }
}

impl FromRef<AppState> for Tracking {
    fn from_ref(state: &AppState) -> Self {
        state.tracking.clone()
    }
}

impl FromRef<AppState> for Store {
    fn from_ref(state: &AppState) -> Self {
        state.store.clone()
    }
}

impl FromRef<AppState> for Arc<Config> {
    fn from_ref(state: &AppState) -> Self {
        state.config.clone()
    }
}

impl FromRef<AppState> for Arc<Localizer> {
    fn from_ref(state: &AppState) -> Self {
        state.words.clone()
    }
}
