//! Our own static files, compiled in: the stylesheet, the two scripts and the icon. Cached for
//! an hour (the icon a day); nothing is fetched from anywhere else.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const STYLESHEET: &str = include_str!("assets/app.css");
const EXIT_SCRIPT: &str = include_str!("assets/exit.js");
const CHAT_SCRIPT: &str = include_str!("assets/chat.js");
const FAVICON: &str = include_str!("assets/favicon.svg");

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

fn script(source: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        source,
    )
        .into_response()
}

/// A small icon of our own (browsers ask for one on every first visit; a 404 is a console error).
pub async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON,
    )
        .into_response()
}

pub async fn exit_script() -> Response {
    script(EXIT_SCRIPT)
}

pub async fn chat_script() -> Response {
    script(CHAT_SCRIPT)
}
