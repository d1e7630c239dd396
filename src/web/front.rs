//! The front door: what every request passes through, in order, from the outside in:
//! 1. the headers every response carries: no caching of pages (a page may show a child's
//!    answers), the content security policy and the rest ([`guard`]);
//! 2. one log line and the metrics, with the route's template only (never a query string, a
//!    body or a cookie);
//! 3. `?lang=` on a child's page: remember the language and show the plain address
//!    ([`pages::choose_language`]);
//! 4. a kind error page in the visitor's language for any error response without its own;
//! 5. a state-changing request from another site refused with 403 before any handler (see
//!    [`origin`] for the rules) — inside the error pages, so it gets a kind page too.
//!
//! One middleware rather than eight layers: each layer wraps every route once more, each
//! `from_fn` clones the service under it and boxes a future on every request, which the step
//! page's profile showed as a measurable share of its cost.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{metrics, origin, pages, staff};
use crate::web::AppState;

pub async fn front(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let started = Instant::now();
    let mut response = match pages::choose_language(&app, &request) {
        Some(redirect) => redirect,
        None => pages_and_origin(&app, request, next).await,
    };
    guard(response.headers_mut(), app.config.is_https());
    let route = route.as_ref().map_or("(unmatched)", MatchedPath::as_str);
    metrics::record(route, &method, response.status(), started.elapsed());
    tracing::info!(
        %method,
        path = route,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The headers every response carries.
fn guard(headers: &mut HeaderMap, https: bool) {
    // Pages may show a child's answers: never keep them in any cache. Only our stylesheet,
    // scripts and icon say otherwise.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Nothing to other sites; our own address to ourselves, so a browser's post carries our
    // `Origin` (under `no-referrer` it sends `Origin: null`, which `origin` refuses).
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    if https {
        // Over https, tell browsers to use nothing else for a year.
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
}

async fn pages_and_origin(app: &AppState, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The API answers its own errors in JSON, and is exempt from the origin rule: bearer tokens
    // are not sent by browsers on their own, and it has its own CORS list.
    if path.starts_with("/api/") {
        return next.run(request).await;
    }
    let staff_area = path.starts_with("/staff");
    let language = LanguageHeaders::of(request.headers());
    let response = match refused(app, request.method(), request.headers()).await {
        Some(refusal) => refusal,
        None => next.run(request).await,
    };
    if response.status().is_client_error() || response.status().is_server_error() {
        pages::error_page(app, &language.into_map(), staff_area, response)
    } else {
        response
    }
}

/// The headers that choose an error page's language, kept past the handler that takes the
/// request. Cloning a parsed header value only counts a reference; a map is built only for an
/// error. (Browsers send one `Cookie` header over HTTP/1.1, which is what we serve.)
struct LanguageHeaders {
    cookie: Option<HeaderValue>,
    accept_language: Option<HeaderValue>,
}

impl LanguageHeaders {
    fn of(headers: &HeaderMap) -> Self {
        Self {
            cookie: headers.get(header::COOKIE).cloned(),
            accept_language: headers.get(header::ACCEPT_LANGUAGE).cloned(),
        }
    }

    fn into_map(self) -> HeaderMap {
        let mut map = HeaderMap::new();
        if let Some(v) = self.cookie {
            map.insert(header::COOKIE, v);
        }
        if let Some(v) = self.accept_language {
            map.insert(header::ACCEPT_LANGUAGE, v);
        }
        map
    }
}

/// A form post from another site, answered with 403.
async fn refused(app: &AppState, method: &Method, headers: &HeaderMap) -> Option<Response> {
    if method == Method::GET || method == Method::HEAD || method == Method::OPTIONS {
        return None;
    }
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let (origin, referer) = (text(header::ORIGIN), text(header::REFERER));
    // Only a post that claims no origin at all needs to know whether it acts for someone.
    let signed_in = origin.is_none() && referer.is_none() && {
        let cookie = staff::session::cookie_name(&app.config);
        match super::cookie::read(&app.config, headers, cookie)
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
    match origin::judge(&ours, seen) {
        Ok(()) => None,
        Err(why) => {
            tracing::warn!(?why, "refused a form post from outside our pages");
            Some(crate::error::WebError::Forbidden.into_response())
        }
    }
}
