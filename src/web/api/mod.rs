//! The JSON API (`/api/v1`) for other front ends: the same flows, engine, safety check and store
//! as the HTML pages.
//!
//! A guided tour: `conversations` holds the conversation's handlers (one per route, mirroring
//! `web::chat`), `track` checking on a sent case (mirroring `web::track`), `model` the
//! conversation's request and response bodies, `extract` what handlers read from a request (JSON
//! body, bearer token, rate limit), `error` the one JSON error shape, `limit` the per-IP token
//! bucket and `cors` the origin allow-list. The OpenAPI 3.1 document at
//! `/api/v1/openapi.json` is generated from the handlers' annotations and the body types by
//! utoipa, from the same router that serves the routes, so the two cannot drift apart.
//!
//! Conversation tokens travel only as `Authorization: Bearer`; the API never reads the HTML
//! pages' cookie. Every error under `/api/` is JSON with a stable `code`.

pub mod conversations;
pub mod cors;
pub mod error;
pub mod extract;
pub mod limit;
pub mod model;
pub mod track;

use std::sync::Arc;

use axum::Router;
use axum::extract::Extension;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use self::error::{ApiError, ErrorBody};
use self::extract::Limited;
use crate::web::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Have Your Say API",
        description = "Drive the children's complaints, compliments and comments conversation \
                       from another front end. Start a conversation, show each step's texts (in \
                       the conversation's language), post answers, and submit. Errors are JSON \
                       with a stable `code`."
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "conversations", description = "A child's conversation, one step at a time"),
        (name = "tracking", description = "Checking on a sent case"),
        (name = "meta", description = "This document")
    )
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The served document, rendered once when the router is built.
#[derive(Clone)]
struct Document(Arc<String>);

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    )
)]
async fn show_openapi(_: Limited, Extension(document): Extension<Document>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        document.0.as_str().to_owned(),
    )
        .into_response()
}

/// Any other path under `/api/`: a JSON 404, never the HTML error page.
async fn no_such_route(_: Limited) -> ApiError {
    ApiError::NotFound
}

/// The routes and the document generated from them.
fn documented() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(conversations::start_conversation))
        .routes(routes!(conversations::show_conversation))
        .routes(routes!(conversations::answer_step))
        .routes(routes!(conversations::go_back))
        .routes(routes!(conversations::submit_conversation))
        .routes(routes!(track::track_case))
        .routes(routes!(show_openapi))
        .split_for_parts()
}

/// The OpenAPI document as served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    documented().1
}

/// The document with the locales this instance serves as the `locale` field's enum: they come
/// from the locale files at start-up, so they cannot be written in the annotations.
fn with_locales(document: &utoipa::openapi::OpenApi, locales: &[String]) -> serde_json::Value {
    let mut value = serde_json::to_value(document).unwrap_or_default();
    if let Some(locale) = value.pointer_mut("/components/schemas/StartRequest/properties/locale")
        && let Some(field) = locale.as_object_mut()
    {
        let mut allowed: Vec<serde_json::Value> = locales
            .iter()
            .cloned()
            .map(serde_json::Value::from)
            .collect();
        allowed.push(serde_json::Value::Null);
        field.insert("enum".into(), serde_json::Value::Array(allowed));
    }
    value
}

pub fn router(config: &crate::config::Config, locales: &[String]) -> Router<AppState> {
    let (routes, document) = documented();
    let rendered =
        serde_json::to_string_pretty(&with_locales(&document, locales)).unwrap_or_else(|e| {
            // Serialising a value built in code cannot fail in practice; if it ever did, the
            // API still works and only the document is missing.
            tracing::error!(error = %e, "could not render the OpenAPI document");
            String::from("{}")
        });
    routes
        .route("/api/", any(no_such_route))
        .route("/api/{*rest}", any(no_such_route))
        .layer(middleware::from_fn(error::json_errors))
        .layer(Extension(Document(Arc::new(rendered))))
        .layer(Extension(Arc::new(limit::RateLimiter::new(
            config.api_rate_per_minute,
        ))))
        .layer(middleware::from_fn_with_state(
            Arc::new(cors::CorsPolicy::new(
                config.api_cors_origins.iter().cloned(),
            )),
            cors::apply_cors,
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_text_limits_are_the_ones_the_handlers_check() {
        let document = serde_json::to_value(openapi()).unwrap();
        let schemas = &document["components"]["schemas"];
        let value = &schemas["AnswerValue"]["oneOf"];
        for pattern in [
            &schemas["AnswerRequest"]["properties"]["step"]["pattern"],
            &schemas["BackRequest"]["properties"]["step"]["pattern"],
            &value[0]["pattern"],
            &value[1]["items"]["pattern"],
        ] {
            assert_eq!(pattern, model::NO_CONTROL);
        }
        assert_eq!(value[1]["maxItems"], model::MAX_VALUES);
    }

    #[test]
    fn the_text_pattern_refuses_exactly_the_characters_the_handlers_refuse() {
        // The pattern's class, read back as ranges, against Rust's own test.
        let refused = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
        let ranges = [(0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F)];
        for code in 0..0x3000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let in_pattern = ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&code));
            assert_eq!(in_pattern, refused(c), "U+{code:04X}");
        }
        for (lo, hi) in ranges {
            assert!(model::NO_CONTROL.contains(&format!("\\u{lo:04X}")));
            assert!(model::NO_CONTROL.contains(&format!("\\u{hi:04X}")));
        }
    }
}
