//! HTTP: the router, the layers every response passes through, and the handlers by audience.
//! A guided tour: `chat` is the child's conversation, `pages` the pages around it (start, help,
//! leave, errors), `view` turns a step into words, `templates` into HTML, `form` reads posts.

pub mod api;
pub mod chat;
pub mod cookie;
pub mod form;
pub mod listener;
pub mod metrics;
pub mod origin;
pub mod pages;
pub mod staff;
pub mod templates;
pub mod track;
pub mod view;

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::AppState;

/// Forms are short; the longest answer is a few thousand characters.
const BODY_LIMIT: usize = 64 * 1024;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

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
        .route("/privacy", get(pages::show_privacy))
        .route("/privacy/adults", get(pages::show_privacy_adults))
        .route("/staying-safe-online", get(pages::show_staying_safe))
        .route("/accessibility", get(pages::show_accessibility))
        .merge(staff::router())
        .merge(api::router(
            &state.config,
            &state
                .words
                .locales()
                .map(|l| l.as_str().to_owned())
                .collect::<Vec<_>>(),
        ))
        .fallback(pages::not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::choose_language,
        ))
        // Pages may show a child's answers: never keep them in any cache.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let assets = Router::new()
        .route("/assets/app.css", get(pages::stylesheet))
        .route("/assets/exit.js", get(pages::exit_script))
        .route("/assets/chat.js", get(pages::chat_script))
        .route("/favicon.svg", get(pages::favicon))
        .route("/favicon.ico", get(pages::favicon))
        .route("/health", get(pages::health))
        .route("/health/ready", get(metrics::show_ready))
        .route("/metrics", get(metrics::show_metrics));
    Router::new()
        .merge(pages)
        .merge(assets)
        // Inside the error pages, so a refused post gets a kind page, not an empty 403.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refuse_cross_site_posts,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::render_error_pages,
        ))
        .layer(middleware::from_fn(log_request))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CompressionLayer::new())
        // Bounds a request's whole life, slow bodies included (slow heads: see `listener`).
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(u64::from(state.config.request_timeout_seconds)),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Nothing to other sites; our own address to ourselves, so a browser's post carries
        // our `Origin` (under `no-referrer` it sends `Origin: null`, which `origin` refuses).
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            strict_transport,
        ))
        .with_state(state)
}

/// Over https, tell browsers to use nothing else for a year.
async fn strict_transport(
    axum::extract::State(app): axum::extract::State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if app.config.is_https() {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// A state-changing request from another site gets 403 before it reaches a handler (see
/// [`origin`] for the rules); the error-page layer outside this one renders it. The JSON API is
/// exempt (bearer tokens are not sent by browsers on their own, and it has its own CORS list).
async fn refuse_cross_site_posts(
    axum::extract::State(app): axum::extract::State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    use axum::response::IntoResponse;
    let method = request.method();
    let changes_state = !(method == axum::http::Method::GET
        || method == axum::http::Method::HEAD
        || method == axum::http::Method::OPTIONS);
    if changes_state && !request.uri().path().starts_with("/api/") {
        let headers = request.headers();
        let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
        let (origin, referer) = (text(header::ORIGIN), text(header::REFERER));
        // Only a post that claims no origin at all needs to know whether it acts for someone.
        let signed_in = origin.is_none() && referer.is_none() && {
            let cookie = staff::session::cookie_name(&app.config);
            match staff::session::read_cookie(&app.config, headers, cookie)
                .and_then(crate::domain::ConversationToken::parse)
            {
                Some(token) => !matches!(app.store.session(&token.key()).await, Ok(None)),
                None => false,
            }
        };
        let seen = origin::Seen {
            sec_fetch_site: text(header::HeaderName::from_static("sec-fetch-site")),
            origin,
            referer,
            signed_in,
        };
        let ours = origin::origin_of(&app.config.public_url).unwrap_or_default();
        if let Err(why) = origin::judge(&ours, seen) {
            tracing::warn!(?why, "refused a form post from outside our pages");
            return crate::error::WebError::Forbidden.into_response();
        }
    }
    next.run(request).await
}

/// One line per request with the route's path only: never a query string, a body or a cookie.
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "(unmatched)".into());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    metrics::record(&path, method.as_str(), response.status(), started.elapsed());
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}
