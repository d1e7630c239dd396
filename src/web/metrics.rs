//! Monitoring that can page someone: `/health/ready` (ready to take children's messages, and
//! no urgent alert left undelivered) beside `/health` (alive), and `/metrics` in the Prometheus
//! text format. Labels are route templates, methods and status classes only: never a
//! reference, a child's words or an address. The outbox figures are read from the database at
//! each scrape, so every instance reports the same truth; request figures are this process's.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::store::Store;
use crate::web::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum_seconds: f64,
    /// Requests at or under each bound in [`BUCKETS`].
    buckets: [u64; BUCKETS.len()],
}

/// Route template → (method, status class) → series. Counting a request looks the route up by
/// `&str`, so nothing is allocated once a route has been seen.
type Requests = BTreeMap<String, BTreeMap<(&'static str, &'static str), Series>>;

fn requests() -> &'static Mutex<Requests> {
    static REQUESTS: OnceLock<Mutex<Requests>> = OnceLock::new();
    REQUESTS.get_or_init(|| Mutex::new(BTreeMap::new()))
}

/// Methods outside the standard set share one label, so a client cannot add series at will.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    }
}

fn status_class(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// Count one request under its route template.
pub fn record(route: &str, method: &Method, status: StatusCode, took: Duration) {
    let seconds = took.as_secs_f64();
    // A poisoned lock only means another request panicked mid-update; the counts still serve.
    let mut map = requests().lock().unwrap_or_else(|e| e.into_inner());
    let by_route = match map.get_mut(route) {
        Some(by_route) => by_route,
        None => map.entry(route.to_owned()).or_default(),
    };
    let series = by_route
        .entry((method_label(method), status_class(status)))
        .or_default();
    series.count += 1;
    series.sum_seconds += seconds;
    for (i, bound) in BUCKETS.iter().enumerate() {
        if seconds <= *bound {
            series.buckets[i] += 1;
        }
    }
}

/// Label values are route templates and fixed words, but escape them as the format asks.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

pub async fn show_metrics(State(app): State<AppState>) -> Response {
    let mut out = String::new();
    match app.store.outbox_health().await {
        Ok(h) => {
            let _ = writeln!(
                out,
                "# HELP hys_outbox_waiting Emails not yet sent, by priority.\n\
                 # TYPE hys_outbox_waiting gauge\n\
                 hys_outbox_waiting{{priority=\"urgent\"}} {}\n\
                 hys_outbox_waiting{{priority=\"routine\"}} {}",
                h.urgent_waiting, h.routine_waiting
            );
            let _ = writeln!(
                out,
                "# HELP hys_outbox_failed Emails that stopped trying, by priority.\n\
                 # TYPE hys_outbox_failed gauge\n\
                 hys_outbox_failed{{priority=\"urgent\"}} {}\n\
                 hys_outbox_failed{{priority=\"routine\"}} {}",
                h.urgent_failed,
                h.failed - h.urgent_failed
            );
            let _ = writeln!(
                out,
                "# HELP hys_outbox_oldest_urgent_seconds Age of the oldest unsent urgent email.\n\
                 # TYPE hys_outbox_oldest_urgent_seconds gauge\n\
                 hys_outbox_oldest_urgent_seconds {}",
                h.oldest_urgent_seconds
            );
            let _ = writeln!(
                out,
                "# HELP hys_database_up Whether the database answered this scrape.\n\
                 # TYPE hys_database_up gauge\nhys_database_up 1"
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "metrics: database unavailable");
            let _ = writeln!(
                out,
                "# HELP hys_database_up Whether the database answered this scrape.\n\
                 # TYPE hys_database_up gauge\nhys_database_up 0"
            );
        }
    }
    out.push_str(
        "# HELP hys_http_requests_total Requests served by this instance.\n\
         # TYPE hys_http_requests_total counter\n",
    );
    let map = requests().lock().unwrap_or_else(|e| e.into_inner());
    let series = map.iter().flat_map(|(route, by_route)| {
        by_route
            .iter()
            .map(move |((method, class), s)| (route, method, class, s))
    });
    for (route, method, class, s) in series.clone() {
        let labels = format!(
            "route=\"{}\",method=\"{}\",status=\"{class}\"",
            label(route),
            label(method)
        );
        let _ = writeln!(out, "hys_http_requests_total{{{labels}}} {}", s.count);
    }
    out.push_str(
        "# HELP hys_http_request_duration_seconds Time to answer a request.\n\
         # TYPE hys_http_request_duration_seconds histogram\n",
    );
    for (route, method, class, s) in series {
        let labels = format!(
            "route=\"{}\",method=\"{}\",status=\"{class}\"",
            label(route),
            label(method)
        );
        for (bound, n) in BUCKETS.iter().zip(s.buckets.iter()) {
            let _ = writeln!(
                out,
                "hys_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "hys_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\n\
             hys_http_request_duration_seconds_sum{{{labels}}} {}\n\
             hys_http_request_duration_seconds_count{{{labels}}} {}",
            s.count, s.sum_seconds, s.count
        );
    }
    drop(map);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

/// Ready when the database answers and no urgent alert has failed: a failed alert means a
/// child's "I'm not safe" reached nobody by email, which must page a person.
pub async fn show_ready(State(store): State<Store>) -> Response {
    match store.outbox_health().await {
        Ok(h) if h.urgent_failed > 0 => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("urgent alerts failed: {}", h.urgent_failed),
        )
            .into_response(),
        Ok(_) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "readiness check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_classes_and_label_escaping() {
        assert_eq!(status_class(StatusCode::OK), "2xx");
        assert_eq!(status_class(StatusCode::SEE_OTHER), "3xx");
        assert_eq!(status_class(StatusCode::NOT_FOUND), "4xx");
        assert_eq!(status_class(StatusCode::BAD_GATEWAY), "5xx");
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
