//! The information pages: privacy (for children and for adults), staying safe online, and
//! accessibility. Each is a list of sections of message ids, drawn by one template.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::error::WebError;
use crate::web::AppState;
use crate::web::pages::{browser_locale, html, words};
use crate::web::templates::InfoPage;

/// Sections of an information page: a heading id (or "") and paragraph ids.
type Sections = &'static [(&'static str, &'static [&'static str])];

pub const PRIVACY_CHILD: Sections = &[
    ("", &["privacy-child-intro"]),
    (
        "privacy-child-who-title",
        &["privacy-child-who", "privacy-child-who-not"],
    ),
    (
        "privacy-child-why-title",
        &["privacy-child-why", "privacy-child-safe"],
    ),
    ("privacy-child-keep-title", &["privacy-child-keep"]),
    (
        "privacy-child-rights-title",
        &["privacy-child-rights", "privacy-child-ask"],
    ),
];

pub const PRIVACY_ADULT: Sections = &[
    ("", &["privacy-adult-intro"]),
    ("privacy-adult-data-title", &["privacy-adult-data"]),
    ("privacy-adult-basis-title", &["privacy-adult-basis"]),
    ("privacy-adult-sharing-title", &["privacy-adult-sharing"]),
    ("privacy-adult-keep-title", &["privacy-adult-keep"]),
    ("privacy-adult-rights-title", &["privacy-adult-rights"]),
];

pub const STAYING_SAFE: Sections = &[
    ("", &["online-intro"]),
    ("online-exit-title", &["online-exit", "online-shift"]),
    ("online-private-title", &["online-private"]),
    ("online-history-title", &["online-history", "online-back"]),
    ("online-help-title", &["online-help"]),
];

pub const ACCESSIBILITY: Sections = &[
    ("", &["accessibility-intro"]),
    ("accessibility-how-title", &["accessibility-how"]),
    ("accessibility-known-title", &["accessibility-known"]),
    ("accessibility-contact-title", &["accessibility-contact"]),
    ("accessibility-status-title", &["accessibility-status"]),
];

fn info(
    app: &AppState,
    headers: &HeaderMap,
    title: &str,
    sections: Sections,
) -> Result<Response, WebError> {
    let locale = browser_locale(app, headers);
    let t = words(app, &locale);
    html(&InfoPage {
        t,
        has_error: false,
        title: t.get(title),
        sections: sections
            .iter()
            .map(|(heading, paragraphs)| {
                let heading = if heading.is_empty() {
                    String::new()
                } else {
                    t.get(heading)
                };
                (heading, paragraphs.iter().map(|p| t.get(p)).collect())
            })
            .collect(),
    })
}

pub async fn show_privacy(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    info(&app, &headers, "privacy-child-title", PRIVACY_CHILD)
}

pub async fn show_privacy_adults(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    info(&app, &headers, "privacy-adult-title", PRIVACY_ADULT)
}

pub async fn show_accessibility(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    info(&app, &headers, "accessibility-title", ACCESSIBILITY)
}

pub async fn show_staying_safe(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    info(&app, &headers, "online-title", STAYING_SAFE)
}

/// Every id the information pages use, for the linter.
pub fn info_message_ids() -> Vec<String> {
    let mut ids: Vec<String> = vec![
        "privacy-child-title".into(),
        "privacy-adult-title".into(),
        "online-title".into(),
        "language-name".into(),
        "accessibility-title".into(),
    ];
    for sections in [PRIVACY_CHILD, PRIVACY_ADULT, STAYING_SAFE, ACCESSIBILITY] {
        for (heading, paragraphs) in sections {
            if !heading.is_empty() {
                ids.push((*heading).to_owned());
            }
            ids.extend(paragraphs.iter().map(|p| (*p).to_owned()));
        }
    }
    ids
}
