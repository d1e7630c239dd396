//! Cross-origin access for browser front ends on other origins: only the origins on an
//! allow-list, none by default. Tokens travel in the `Authorization` header, never in cookies,
//! so credentials are never allowed and a listed origin can only use tokens it already holds.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN,
    VARY,
};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Default)]
pub struct CorsPolicy {
    /// Exact origins (`https://app.example.org`), compared without case.
    origins: Vec<String>,
}

impl CorsPolicy {
    pub fn new(origins: impl IntoIterator<Item = String>) -> Self {
        Self {
            origins: origins
                .into_iter()
                .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
                .filter(|o| !o.is_empty())
                .collect(),
        }
    }

    fn allows(&self, origin: &HeaderValue) -> bool {
        origin
            .to_str()
            .is_ok_and(|o| self.origins.iter().any(|a| a.eq_ignore_ascii_case(o)))
    }
}

/// Answer preflights from listed origins here, and mark every response from a listed origin
/// as readable by it.
pub async fn apply_cors(
    State(policy): State<Arc<CorsPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    if policy.origins.is_empty() {
        return next.run(request).await;
    }
    let origin = request
        .headers()
        .get(ORIGIN)
        .filter(|o| policy.allows(o))
        .cloned();
    let is_preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = match (&origin, is_preflight) {
        (Some(_), true) => {
            let mut r = StatusCode::NO_CONTENT.into_response();
            let h = r.headers_mut();
            h.insert(
                ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST"),
            );
            h.insert(
                ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("authorization, content-type"),
            );
            h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
            r
        }
        _ => next.run(request).await,
    };
    // The answer depends on the Origin, so caches (none should keep these, but still) must not
    // hand one origin's answer to another.
    response
        .headers_mut()
        .append(VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = origin {
        let h = response.headers_mut();
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.insert(
            ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("location, retry-after"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_origins_are_allowed() {
        let policy = CorsPolicy::new(
            [" https://app.example.org/ ", "", "http://localhost:3000"]
                .into_iter()
                .map(String::from),
        );
        for (origin, allowed) in [
            ("https://app.example.org", true),
            ("HTTPS://APP.EXAMPLE.ORG", true),
            ("http://localhost:3000", true),
            ("https://app.example.org.evil.test", false),
            ("https://example.org", false),
            ("null", false),
        ] {
            assert_eq!(
                policy.allows(&HeaderValue::from_static(origin)),
                allowed,
                "{origin}"
            );
        }
        assert!(CorsPolicy::default().origins.is_empty());
    }

    async fn send(policy: CorsPolicy, request: axum::http::Request<axum::body::Body>) -> Response {
        use tower::ServiceExt;
        axum::Router::new()
            .route("/api/x", axum::routing::post(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(
                Arc::new(policy),
                apply_cors,
            ))
            .oneshot(request)
            .await
            .unwrap()
    }

    fn request(method: Method, origin: &str) -> axum::http::Request<axum::body::Body> {
        axum::http::Request::builder()
            .method(method)
            .uri("/api/x")
            .header(ORIGIN, origin)
            .header(ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .body(axum::body::Body::empty())
            .unwrap()
    }

    #[tokio::test]
    async fn a_listed_origin_gets_a_preflight_and_readable_responses_without_credentials() {
        let listed = || CorsPolicy::new(["https://app.example.org".to_owned()]);

        let preflight = send(
            listed(),
            request(Method::OPTIONS, "https://app.example.org"),
        )
        .await;
        let post = send(listed(), request(Method::POST, "https://app.example.org")).await;
        let stranger = send(listed(), request(Method::OPTIONS, "https://evil.example")).await;
        let unlisted = send(
            CorsPolicy::default(),
            request(Method::POST, "https://x.example"),
        )
        .await;

        assert_eq!(preflight.status(), StatusCode::NO_CONTENT);
        let h = preflight.headers();
        assert_eq!(h[ACCESS_CONTROL_ALLOW_ORIGIN], "https://app.example.org");
        assert!(
            h[ACCESS_CONTROL_ALLOW_HEADERS]
                .to_str()
                .unwrap()
                .contains("authorization")
        );
        assert!(h.get("access-control-allow-credentials").is_none());
        assert_eq!(post.status(), StatusCode::OK);
        assert_eq!(
            post.headers()[ACCESS_CONTROL_ALLOW_ORIGIN],
            "https://app.example.org"
        );
        assert_eq!(post.headers()[VARY], "origin");
        assert_eq!(stranger.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert!(
            stranger
                .headers()
                .get(ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none()
        );
        assert!(
            unlisted
                .headers()
                .get(ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none()
        );
        assert!(unlisted.headers().get(VARY).is_none());
    }
}
