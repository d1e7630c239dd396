//! Delivery that staff must not miss: the red banner naming each case whose urgent alert could
//! not be sent (on every signed-in staff page), and the list of a case's emails on its page.

use fluent::FluentValue;

use super::session::StaffSession;
use crate::error::WebError;
use crate::i18n::Words;
use crate::web::AppState;

/// References of cases whose urgent email failed, for staff who work cases (an advocate sees
/// only referred cases, and an admin none, so neither is shown other cases' references).
pub async fn urgent_alerts(
    app: &AppState,
    session: &StaffSession,
) -> Result<Vec<String>, WebError> {
    if !session.member.role.works_cases() {
        return Ok(Vec::new());
    }
    Ok(app
        .store
        .failed_alerts()
        .await?
        .into_iter()
        .map(|a| a.reference)
        .collect())
}

/// One email of the case in words: to whom, what, its state, when, and the last error.
pub struct EmailView {
    pub what: String,
    pub to: String,
    pub state: String,
    /// "failed", "sent" or "waiting": the row's colour.
    pub tone: &'static str,
    pub error: String,
}

pub async fn case_emails(
    app: &AppState,
    t: &Words<'_>,
    case_id: i64,
) -> Result<Vec<EmailView>, WebError> {
    let locale = app.words.fallback();
    let when = |ms: i64| app.words.short_date_time(&locale, ms);
    Ok(app
        .store
        .case_emails(case_id)
        .await?
        .into_iter()
        .map(|e| {
            let (tone, state) = match e.status.as_str() {
                "sent" => (
                    "sent",
                    t.get_with(
                        "staff-email-sent",
                        &[(
                            "when",
                            FluentValue::from(when(e.sent_at.unwrap_or(e.created_at))),
                        )],
                    ),
                ),
                "failed" => (
                    "failed",
                    t.get_with(
                        "staff-email-failed",
                        &[("attempts", FluentValue::from(e.attempts))],
                    ),
                ),
                _ if e.attempts > 0 => (
                    "waiting",
                    t.get_with(
                        "staff-email-retrying",
                        &[
                            ("attempts", FluentValue::from(e.attempts)),
                            ("when", FluentValue::from(when(e.next_attempt_at))),
                        ],
                    ),
                ),
                _ => ("waiting", t.get("staff-email-queued")),
            };
            EmailView {
                what: t.get(&format!("staff-email-kind-{}", e.kind.as_str())),
                to: e.recipient,
                state,
                tone,
                error: e.last_error.unwrap_or_default(),
            }
        })
        .collect())
}
