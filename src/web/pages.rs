//! The pages around the conversation: the first page, immediate help, leaving quickly, the
//! stylesheet, health, and the one place error responses become kind pages.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::cookie;
use super::templates::{ErrorPageView, HelpPage, StartPage, tel};
use crate::error::{ErrorPage, WebError};
use crate::i18n::Locale;
use crate::i18n::Words;
use crate::web::AppState;

/// The session cookie that keeps a language chosen on the first page.
pub const LANGUAGE_COOKIE: &str = "hys-lang";

/// The visitor's language: the one they chose, else their browser's, else en-GB. A
/// conversation keeps the language it started in.
pub fn browser_locale(app: &AppState, headers: &HeaderMap) -> Locale {
    if let Some(chosen) = super::cookie::read(&app.config, headers, LANGUAGE_COOKIE)
        .and_then(|tag| app.words.resolve(tag))
    {
        return chosen;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    app.words.negotiate(accept)
}

#[derive(Debug, serde::Deserialize)]
pub struct LanguageQuery {
    lang: Option<String>,
}

pub fn words<'a>(app: &'a AppState, locale: &'a Locale) -> Words<'a> {
    Words::new(&app.words, locale)
}

/// A step page is about 7 KB: its buffer is allocated once at that size rather than grown by
/// doubling from the template's own (much smaller) estimate.
const PAGE_BYTES: usize = 12 * 1024;

/// Headers a page leaves with (type, length, cache, security, compression): room for all of
/// them at once, rather than growing the map as each layer adds its own.
const PAGE_HEADERS: usize = 12;

pub fn html<T: Template>(page: &T) -> Result<Response, WebError> {
    let mut body = page_buffer(T::SIZE_HINT);
    page.render_into(&mut body)
        .map_err(|e| WebError::Internal(format!("template: {e}")))?;
    Ok(html_page(body))
}

/// A buffer for a page, at least as long as a step page.
pub fn page_buffer(hint: usize) -> String {
    String::with_capacity(PAGE_BYTES.max(hint))
}

/// A page already drawn.
pub fn html_page(body: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    let headers = response.headers_mut();
    headers.reserve(PAGE_HEADERS);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

pub async fn show_start(
    State(app): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<LanguageQuery>,
) -> Result<Response, WebError> {
    let chosen = query.lang.as_deref().and_then(|tag| app.words.resolve(tag));
    let locale = chosen
        .clone()
        .unwrap_or_else(|| browser_locale(&app, &headers));
    let languages = app
        .words
        .locales()
        .map(|l| {
            let name = app.words.text(&l, "language-name", None);
            (l.as_str().to_owned(), name, app.words.is_rtl(&l))
        })
        .collect();
    // The logo and Back both lead here: an open conversation is offered, never thrown away.
    let carry_on = match cookie::token(&app.config, &headers) {
        Some(token) => crate::intake::load(&app.intake, &token)
            .await
            .ok()
            .map(|c| c.state.step),
        None => None,
    };
    let t = words(&app, &locale);
    let faces = super::templates::FACES
        .iter()
        .map(|(value, id, mouth)| (*value, t.get(id), *mouth))
        .collect();
    let mut response = html(&StartPage {
        t,
        has_error: false,
        languages,
        carry_on,
        faces,
    })?;
    if let Some(chosen) = chosen {
        let (name, value) =
            super::cookie::set(&app.config, LANGUAGE_COOKIE, chosen.as_str(), false);
        response.headers_mut().append(name, value);
    }
    Ok(response)
}

pub async fn show_help(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let locale = browser_locale(&app, &headers);
    html(&HelpPage {
        t: words(&app, &locale),
        has_error: false,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
    })
}

/// `?lang=` on any child page (the first page handles its own): remember the choice in the
/// session cookie and show the same address without it, so the language sticks to every page
/// after and the address stays plain. A conversation keeps the language it started in.
pub fn choose_language(app: &AppState, request: &Request) -> Option<Response> {
    let uri = request.uri();
    let path = uri.path();
    let query = uri.query()?;
    let child_page = request.method() == axum::http::Method::GET
        && path != "/"
        && ![
            "/api/", "/staff", "/assets/", "/favicon", "/health", "/metrics",
        ]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    if !child_page {
        return None;
    }
    let chosen = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(|tag| app.words.resolve(tag))?;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let target = if rest.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", rest.join("&"))
    };
    let mut response = Redirect::to(&target).into_response();
    let (name, value) = super::cookie::set(&app.config, LANGUAGE_COOKIE, chosen.as_str(), false);
    response.headers_mut().append(name, value);
    Some(response)
}

/// "Leave this page quickly": forget the conversation and any tracking session, drop the
/// cookies, and replace the page with somewhere ordinary.
pub async fn leave(State(app): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie::token(&app.config, &headers)
        && let Err(e) = crate::intake::forget(&app.intake, &token).await
    {
        tracing::warn!(error = %e, "could not delete a conversation on leave");
    }
    if let Some(token) = super::track::track_token(&app.config, &headers)
        && let Err(e) = app.store.delete_track_session(&token.key()).await
    {
        tracing::warn!(error = %e, "could not end a tracking session on leave");
    }
    let mut response = Redirect::to(&app.config.exit_url).into_response();
    let (name, value) = cookie::clear_token(&app.config);
    response.headers_mut().append(name, value);
    let (name, value) = super::track::clear_track_cookie(&app);
    response.headers_mut().append(name, value);
    let (name, value) = super::cookie::set(&app.config, LANGUAGE_COOKIE, "", true);
    response.headers_mut().append(name, value);
    response
}

pub async fn health(State(app): State<AppState>) -> Response {
    match app.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn not_found() -> WebError {
    WebError::NotFound
}

/// Replace the body of an error response that carries an [`ErrorPage`] marker with a kind page
/// in the visitor's language (read from `language`, the request's language headers). Also covers
/// rejections axum produces itself (405 and friends). Called by [`super::front`].
pub fn error_page(
    app: &AppState,
    language: &HeaderMap,
    staff_area: bool,
    response: Response,
) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_html || is_json {
        // A page that already explains itself (a form with errors), or an answer in JSON.
        return response;
    }
    let page = response
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .unwrap_or(match status {
            StatusCode::NOT_FOUND => ErrorPage::NotFound,
            StatusCode::FORBIDDEN => ErrorPage::Forbidden,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorPage::TooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorPage::UnsupportedMediaType,
            s if s.is_server_error() => ErrorPage::Internal,
            _ => ErrorPage::BadRequest("error-bad-request"),
        });
    if staff_area && page == ErrorPage::Forbidden {
        return super::staff::account_pages::forbidden(app, status);
    }
    let locale = browser_locale(app, language);
    let t = words(app, &locale);
    let (title, message) = match page {
        ErrorPage::BadRequest(id) => ("error-title", id),
        ErrorPage::NotFound => ("error-not-found-title", "error-not-found"),
        ErrorPage::Forbidden => ("error-title", "error-forbidden"),
        ErrorPage::NoConversation => ("error-expired-title", "error-expired"),
        ErrorPage::TooLarge => ("error-title", "error-too-large"),
        ErrorPage::UnsupportedMediaType => ("error-title", "error-media-type"),
        ErrorPage::Internal => ("error-title", "error-internal"),
    };
    let view = ErrorPageView {
        t,
        has_error: true,
        title: t.get(title),
        message: t.get(message),
    };
    let mut rendered = match view.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(_) => status.into_response(),
    };
    rendered
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if page == ErrorPage::NoConversation {
        let (name, value) = cookie::clear_token(&app.config);
        rendered.headers_mut().append(name, value);
    }
    rendered
}
