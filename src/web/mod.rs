//! HTTP: the router, the layers every response passes through, and the handlers by audience.
//! A guided tour: `chat` is the child's conversation, `pages` the pages around it (start, help,
//! leave, errors), `view` turns a step into words, `templates` into HTML, `form` reads posts.

pub mod api;
mod assets;
pub mod chat;
pub mod client;
pub mod cookie;
pub mod form;
mod front;
mod info;
pub mod listener;
pub mod metrics;
pub mod origin;
pub mod pages;
pub mod staff;
mod state;
pub mod templates;
pub mod track;
pub mod view;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

pub use state::{AppState, Shared};

/// Forms are short; the longest answer is a few thousand characters.
const BODY_LIMIT: usize = 64 * 1024;

pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(pages::show_start))
        .route("/help", get(pages::show_help))
        .route("/leave", get(pages::leave))
        // A GET of an address that only takes posts (a reload, an old link) leads on to the
        // current question rather than to a 405.
        .route("/chat", get(chat::show_current))
        .route("/chat/{step}", get(chat::show_step))
        .route(
            "/chat/start",
            post(chat::start_conversation).get(chat::show_current),
        )
        .route(
            "/chat/answer",
            post(chat::answer_step).get(chat::show_current),
        )
        .route("/chat/back", post(chat::go_back).get(chat::show_current))
        .route(
            "/chat/change",
            post(chat::change_answer).get(chat::show_current),
        )
        .route(
            "/chat/submit",
            post(chat::submit_conversation).get(chat::show_current),
        )
        .route("/chat/done", get(chat::show_done))
        .route(
            "/chat/email-me",
            post(chat::email_words).get(chat::show_done),
        )
        .route(
            "/chat/later",
            post(track::finish_later).get(chat::show_current),
        )
        .route("/resume", get(track::show_resume).post(track::resume))
        .route("/track", get(track::show_track).post(track::sign_in))
        .route("/track/case", get(track::show_case))
        .route("/track/add", post(track::add_information))
        .route("/privacy", get(info::show_privacy))
        .route("/privacy/adults", get(info::show_privacy_adults))
        .route("/staying-safe-online", get(info::show_staying_safe))
        .route("/accessibility", get(info::show_accessibility))
        .merge(staff::router())
        .merge(api::router(
            &state.config,
            &state
                .words
                .locales()
                .map(|l| l.as_str().to_owned())
                .collect::<Vec<_>>(),
        ))
        .fallback(pages::not_found);
    let assets = Router::new()
        .route("/assets/app.css", get(assets::stylesheet))
        .route("/assets/exit.js", get(assets::exit_script))
        .route("/assets/chat.js", get(assets::chat_script))
        .route("/favicon.svg", get(assets::favicon))
        .route("/favicon.ico", get(assets::favicon))
        .route("/health", get(pages::health))
        .route("/health/ready", get(metrics::show_ready))
        .route("/metrics", get(metrics::show_metrics))
        // Our own files change only with a release and browsers keep them an hour: squeeze them
        // hardest (the page layer below leaves what is already compressed alone).
        .layer(CompressionLayer::new().quality(CompressionLevel::Best));
    Router::new()
        .merge(pages)
        .merge(assets)
        // One `layer` call for the pages: each call wraps every route in another boxed
        // service, which a request clones on its way through. Outermost first: compression and the body limit,
        // then the front door (the headers every response carries, the language chosen by
        // `?lang=`, the log, metrics, error pages and the cross-site check), and innermost the
        // time limit, so that a request that runs out of time is logged and gets a kind page.
        .layer(
            ServiceBuilder::new()
                // Pages are drawn per request: the fastest level costs about a fifth of the
                // default's CPU and sends a few hundred bytes more per page.
                .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
                .layer(DefaultBodyLimit::max(BODY_LIMIT))
                .layer(middleware::from_fn_with_state(state.clone(), front::front))
                // Bounds a request's whole life, slow bodies included (slow heads: see
                // `listener`).
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(u64::from(state.config.request_timeout_seconds)),
                )),
        )
        .with_state(state)
}
