//! The JSON API (`/api/v1`) for other front ends: the same flows, engine, safety check and store
//! as the HTML pages.

use axum::Router;

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
