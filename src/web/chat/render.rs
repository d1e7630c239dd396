//! Drawing a step: the transcript so far, the question, and why an answer was not taken.

use axum::http::StatusCode;
use axum::response::Response;
use fluent::FluentValue;

use crate::error::WebError;
use crate::flow::engine::{self, Pending, Problem};
use crate::flow::model::InputKind;
use crate::store::conversations::Conversation;
use crate::web::AppState;
use crate::web::pages::{html_page, page_buffer, words};
use crate::web::templates::{ChatPage, tel};
use crate::web::view::step_view;

/// Render `shown` (the conversation's state, or an earlier point of it the child went back to).
/// A page that says an answer was not taken answers 422 (or 409 when the question had moved
/// on), so the status still tells a program what a person reads.
pub(super) fn render_step(
    app: &AppState,
    conversation: &Conversation,
    shown: &engine::State,
) -> Result<Response, WebError> {
    let flow = app.intake.flow_of(conversation)?;
    let step = engine::current(flow, shown).map_err(|e| WebError::Internal(e.to_string()))?;
    let locale = app
        .words
        .resolve(&conversation.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(app, &locale);
    let drawn = app
        .step_pages
        .parts(&locale)
        .ok_or_else(|| WebError::Internal(format!("no step page drawn in {}", locale.as_str())))?;
    let view = step_view(flow, step, shown, t);
    let (status, error_text, notice, typed) = match &shown.pending {
        Some(Pending {
            problem: Problem::Invalid { message, args },
            typed,
            ..
        }) => {
            let args: Vec<(&'static str, FluentValue<'_>)> = args
                .iter()
                .filter_map(|(k, v)| {
                    let key: &'static str = match k.as_str() {
                        "min" => "min",
                        "max" => "max",
                        _ => return None,
                    };
                    Some((key, FluentValue::from(*v)))
                })
                .collect();
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(t.get_with(message, &args)),
                None,
                typed.clone(),
            )
        }
        Some(Pending {
            problem: Problem::MovedOn,
            ..
        }) => (
            StatusCode::CONFLICT,
            None,
            Some(t.get("error-not-current-step")),
            view.current.clone(),
        ),
        None => (StatusCode::OK, None, None, view.current.clone()),
    };
    let limit_hint = match (view.kind, view.max) {
        (InputKind::Text, Some(max)) => {
            Some(t.get_with("hint-max-characters", &[("max", FluentValue::from(max))]))
        }
        _ => None,
    };
    let progress = engine::questions_left(flow, shown).map(|n| t.counted("progress-left", n));
    let template = |e: askama::Error| WebError::Internal(format!("template: {e}"));
    let has_error = error_text.is_some();
    let page = ChatPage {
        t,
        progress,
        error: error_text,
        notice,
        transcript: drawn.transcript(flow, shown, t).map_err(template)?,
        can_go_back: !shown.history.is_empty(),
        safety_panel: shown.show_safety,
        step: view,
        typed,
        limit_hint,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
        adult: shown
            .answers
            .get("role")
            .and_then(|a| a.as_one())
            .is_some_and(|role| role != "young_person"),
    };
    let mut body = page_buffer(0);
    drawn
        .page(&mut body, flow, step, has_error, &page, t)
        .map_err(template)?;
    let mut response = html_page(body);
    *response.status_mut() = status;
    Ok(response)
}
