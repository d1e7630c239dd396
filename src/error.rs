//! One error type at the web edge and one place that maps it to a status. The response carries
//! only an [`ErrorPage`] marker; `web::pages::render_error_pages` turns it into a kind page in the
//! visitor's language, so no handler ever shows a raw error and internals never leak.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The request could not be read (bad form encoding, bad fields). The id names the message.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("not found")]
    NotFound,
    /// A staff form without its CSRF token, or from another site.
    #[error("forbidden")]
    Forbidden,
    /// The conversation cookie is missing, forged or expired.
    #[error("no conversation")]
    NoConversation,
    #[error("request body too large")]
    TooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

/// What the error page says; set by `IntoResponse`, rendered by the error-page middleware.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    BadRequest(&'static str),
    NotFound,
    Forbidden,
    NoConversation,
    TooLarge,
    UnsupportedMediaType,
    Internal,
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) | WebError::NoConversation => StatusCode::BAD_REQUEST,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::Store(_) | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn page(&self) -> ErrorPage {
        match self {
            WebError::BadRequest(id) => ErrorPage::BadRequest(id),
            WebError::NotFound => ErrorPage::NotFound,
            WebError::Forbidden => ErrorPage::Forbidden,
            WebError::NoConversation => ErrorPage::NoConversation,
            WebError::TooLarge => ErrorPage::TooLarge,
            WebError::UnsupportedMediaType => ErrorPage::UnsupportedMediaType,
            WebError::Store(_) | WebError::Internal(_) => ErrorPage::Internal,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if self.status().is_server_error() {
            // Store and internal errors never carry a child's words: queries bind them.
            tracing::error!(error = %self, "request failed");
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self.page());
        response
    }
}
