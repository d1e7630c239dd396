//! The annual report page (managers), with server-drawn SVG charts and CSV downloads.

use axum::response::Response;

use super::session::StaffSession;
use crate::error::WebError;

pub async fn show_report(_session: StaffSession) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
