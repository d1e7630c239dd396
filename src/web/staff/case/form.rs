//! Reading a case page's forms into casework actions; a form that cannot be taken comes back
//! as a [`FormError`] naming the field, with what was typed.

use axum::http::StatusCode;

use crate::casework::{Action, ActionKind, CaseworkError};
use crate::domain::facts::parse_pounds;
use crate::domain::{
    Category, NoteVisibility, Ombudsman, OmbudsmanDecision, Outcome, Procedure, StageFacts,
};
use crate::error::WebError;
use crate::timescale;
use crate::web::AppState;
use crate::web::form::FormFields;

/// A staff form that could not be taken: which form, the message next to which field, and
/// what was typed, so the same page comes back with nothing lost.
pub struct FormError {
    pub action: &'static str,
    pub field: &'static str,
    pub message: &'static str,
    /// 409 when the case is not in a state for it (or changed meanwhile), 422 for a bad field.
    pub status: StatusCode,
    pub code: &'static str,
    pub kept: Vec<(String, String)>,
}

impl FormError {
    pub fn field(
        action: ActionKind,
        field: &'static str,
        message: &'static str,
        fields: &FormFields,
    ) -> Self {
        Self {
            action: action.as_str(),
            field,
            message,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_field",
            kept: fields.pairs(),
        }
    }

    pub fn rule(action: ActionKind, e: &CaseworkError, fields: &FormFields) -> Self {
        let status = match e {
            CaseworkError::NotOffered
            | CaseworkError::PausedFirst
            | CaseworkError::OutcomeFirst => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Self {
            action: action.as_str(),
            field: e.field(),
            message: e.message_id(),
            status,
            code: e.code(),
            kept: fields.pairs(),
        }
    }

    pub fn stale(action: ActionKind, fields: &FormFields) -> Self {
        Self {
            action: action.as_str(),
            field: "action",
            message: "staff-error-stale",
            status: StatusCode::CONFLICT,
            code: "stale",
            kept: fields.pairs(),
        }
    }
}

fn text(
    fields: &FormFields,
    name: &'static str,
    max: usize,
    required: bool,
) -> Result<Option<String>, (&'static str, &'static str)> {
    let text = fields.get(name).unwrap_or_default().trim();
    if text.chars().count() > max {
        return Err((name, "staff-error-too-long"));
    }
    if text.is_empty() {
        return if required {
            Err((name, "staff-error-empty"))
        } else {
            Ok(None)
        };
    }
    Ok(Some(text.to_owned()))
}

fn required(
    fields: &FormFields,
    name: &'static str,
    max: usize,
) -> Result<String, (&'static str, &'static str)> {
    text(fields, name, max, true).map(Option::unwrap_or_default)
}

/// Read the form of `kind` into an action; a field error names the field and its message.
pub async fn parse_action(
    app: &AppState,
    kind: ActionKind,
    fields: &FormFields,
    advocate: bool,
) -> Result<Result<Action, (&'static str, &'static str)>, WebError> {
    let choose = |name: &'static str| (name, "staff-error-choose");
    Ok(Ok(match kind {
        ActionKind::Acknowledge => Action::Acknowledge,
        // "Nobody" is an empty choice.
        ActionKind::Assign if fields.get("assignee").map(str::trim) == Some("") => Action::Unassign,
        ActionKind::Assign => {
            let id = fields.get("assignee").and_then(|v| v.parse::<i64>().ok());
            let member = match id {
                Some(id) => app.store.staff_by_id(id).await?,
                None => None,
            };
            let Some(member) = member.filter(|m| m.role.works_cases() && !m.disabled) else {
                return Ok(Err(choose("assignee")));
            };
            Action::Assign {
                staff_id: member.id,
                name: member.name,
            }
        }
        ActionKind::Details => {
            let Some(category) = fields.get("category").and_then(Category::parse) else {
                return Ok(Err(choose("category")));
            };
            Action::Details { category }
        }
        ActionKind::Categories => match ids(fields, "categories") {
            Ok(ids) => Action::Categories { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Teams => match ids(fields, "teams") {
            Ok(ids) => Action::Teams { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::ActionsTaken => match ids(fields, "actions_taken") {
            Ok(ids) => Action::ActionsTaken { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::CouncilOutcome => Action::CouncilOutcome {
            id: fields
                .get("council_outcome")
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned),
        },
        ActionKind::Receipt => match fields.get("method").map(str::trim) {
            Some(method) if !method.is_empty() => Action::Receipt {
                method: method.to_owned(),
            },
            _ => return Ok(Err(choose("method"))),
        },
        ActionKind::Reply => match required(fields, "text", 5000) {
            Ok(text) => Action::Reply { text },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Note => {
            let visibility = match (advocate, fields.get("visibility")) {
                // The advocacy provider writes for the case's people: always shared.
                (true, _) => NoteVisibility::SharedWithAdvocate,
                (false, Some("shared")) => NoteVisibility::SharedWithAdvocate,
                // A form without the choice (an older page, the API) keeps the note inside:
                // sharing by mistake cannot be undone, keeping inside can.
                (false, None | Some("internal")) => NoteVisibility::Internal,
                (false, Some(_)) => return Ok(Err(choose("visibility"))),
            };
            match required(fields, "text", 5000) {
                Ok(text) => Action::Note { text, visibility },
                Err(e) => return Ok(Err(e)),
            }
        }
        ActionKind::Escalate => match text(fields, "reason", 2000, false) {
            Ok(late_reason) => Action::Escalate { late_reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Extend => match required(fields, "reason", 2000) {
            Ok(reason) => Action::Extend { reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Pause => Action::Pause {
            agreed: fields.get("agreed") == Some("yes"),
        },
        ActionKind::Resume => Action::Resume,
        ActionKind::RecordOutcome => {
            let Some(outcome) = fields.get("outcome").and_then(Outcome::parse) else {
                return Ok(Err(choose("outcome")));
            };
            match text(fields, "resolution", 5000, false) {
                Ok(resolution) => Action::RecordOutcome {
                    outcome,
                    resolution,
                },
                Err(e) => return Ok(Err(e)),
            }
        }
        ActionKind::Close => Action::Close,
        ActionKind::Reopen => match required(fields, "reason", 2000) {
            Ok(reason) => Action::Reopen { reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::SwitchProcedure => {
            let Some(to) = fields.get("procedure").and_then(Procedure::parse) else {
                return Ok(Err(choose("procedure")));
            };
            match required(fields, "reason", 2000) {
                Ok(reason) => Action::SwitchProcedure { to, reason },
                Err(e) => return Ok(Err(e)),
            }
        }
        ActionKind::Facts => match stage_facts(fields) {
            Ok(facts) => Action::RecordFacts(facts),
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Ombudsman => {
            let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
            let Some(received_on) = effective_date(fields, today) else {
                return Ok(Err(("effective_on", "staff-error-date")));
            };
            let Some(decision) = fields.get("decision").and_then(OmbudsmanDecision::parse) else {
                return Ok(Err(choose("decision")));
            };
            match text(fields, "remedy_text", 1000, false) {
                Ok(remedy) => Action::RecordOmbudsman(Ombudsman {
                    received_on,
                    decision,
                    remedy,
                }),
                Err(e) => return Ok(Err(e)),
            }
        }
    }))
}

/// Ids ticked in a list form (`categories=a&categories=b`); the casework rules check each is
/// on the council's lists. A bound on how many keeps a forged form from writing thousands.
fn ids(
    fields: &FormFields,
    name: &'static str,
) -> Result<Vec<String>, (&'static str, &'static str)> {
    let ids: Vec<String> = fields
        .all(name)
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if ids.len() > 200 {
        return Err((name, "staff-error-too-long"));
    }
    Ok(ids)
}

/// The Stage 2 and 3 details form: names, the panel date, sums in pounds.
fn stage_facts(fields: &FormFields) -> Result<StageFacts, (&'static str, &'static str)> {
    let money = |name: &'static str| match fields.get(name).map(str::trim) {
        None | Some("") => Ok(None),
        Some(typed) => parse_pounds(typed)
            .map(Some)
            .ok_or((name, "staff-error-money")),
    };
    let panel_on = match fields.get("panel_on").map(str::trim) {
        None | Some("") => None,
        Some(typed) => Some(
            crate::store::cases::parse_date(typed).map_err(|_| ("panel_on", "staff-error-date"))?,
        ),
    };
    Ok(StageFacts {
        investigating_officer: text(fields, "investigating_officer", 100, false)?,
        independent_person: text(fields, "independent_person", 100, false)?,
        panel_on,
        cost_investigation_pence: money("cost_investigation")?,
        cost_independent_person_pence: money("cost_independent_person")?,
        cost_panel_pence: money("cost_panel")?,
        remedy_pence: money("remedy")?,
        remedy_for: text(fields, "remedy_for", 500, false)?,
    })
}

/// The day a step happened: today when the form leaves it empty.
pub fn effective_date(fields: &FormFields, today: time::Date) -> Option<time::Date> {
    match fields.get("effective_on").map(str::trim) {
        None | Some("") => Some(today),
        Some(text) => crate::store::cases::parse_date(text).ok(),
    }
}
