//! The conversation as a pure state machine: (flow, state, input) → new state or a field error.
//! No I/O, no clock, no randomness, so every rule here is unit tested and property tested.
//!
//! The state keeps the current step, the answers, and the trail of steps that led here (for
//! "Back" and for the transcript). Changing an answer from "check your answers" jumps back to
//! that question; after it, the conversation fast-forwards over questions that still have an
//! answer, so only questions that newly apply are asked before returning to the check page.

use serde::{Deserialize, Serialize};
use validator::{ValidateEmail, ValidateLength};

use super::model::{Answer, Answers, Flow, Input, InputKind, Step};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub step: String,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub history: Vec<String>,
    /// True while changing an answer from the check page.
    #[serde(default)]
    pub returning: bool,
    /// Every step answered so far, so fast-forwarding never skips a question not yet asked.
    #[serde(default)]
    pub seen: Vec<String>,
    /// Something the child wrote sounded like they may not be safe: the case will be urgent.
    #[serde(default)]
    pub concern: bool,
    /// What sounded unsafe and where: the duty team's email quotes these.
    #[serde(default)]
    pub concerns: Vec<crate::domain::UrgentReason>,
    /// Show the calm help panel before the next question; the next move clears it.
    #[serde(default)]
    pub show_safety: bool,
    /// Something only a bot would do happened (the hidden field was filled in): the case is
    /// held for staff to check. Set by the web layer; the engine only carries it along.
    #[serde(default)]
    pub suspect: bool,
    /// The optional "How are you feeling?" face chosen on the first page, 1 (very sad) to 5
    /// (very happy); `None` when skipped. The engine only carries it along to the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<u8>,
    /// An answer the web page did not take, kept so the page shown after the redirect can say
    /// why and keep what was typed (post/redirect/get, errors included). Every move clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
}

/// What the last post to a question left behind when it was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The question the post was for; the words show only on that question's page.
    pub step: String,
    /// What was typed, to put back in the box.
    #[serde(default)]
    pub typed: String,
    pub problem: Problem,
}

/// Why the last post was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The answer was not valid: a Fluent message id and its number arguments.
    Invalid {
        message: String,
        #[serde(default)]
        args: Vec<(String, i64)>,
    },
    /// The post was for a question the conversation had already moved past.
    MovedOn,
}

/// Why an answer was not taken. Field errors carry a Fluent message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the answer was for step {0}, which is not the current step")]
    NotCurrentStep(String),
    #[error("this step takes no answer")]
    NotAnswerable,
    #[error("invalid answer: {0}")]
    Invalid(FieldError),
    #[error("the flow is broken at step {0}")]
    BrokenFlow(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub message: &'static str,
    pub args: Vec<(&'static str, i64)>,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message)
    }
}

fn invalid(message: &'static str) -> AnswerError {
    AnswerError::Invalid(FieldError {
        message,
        args: Vec::new(),
    })
}

fn invalid_with(message: &'static str, args: Vec<(&'static str, i64)>) -> AnswerError {
    AnswerError::Invalid(FieldError { message, args })
}

pub fn start(flow: &Flow) -> State {
    State {
        step: flow.start.clone(),
        answers: Answers::new(),
        history: Vec::new(),
        returning: false,
        seen: Vec::new(),
        concern: false,
        concerns: Vec::new(),
        show_safety: false,
        suspect: false,
        feeling: None,
        pending: None,
    }
}

pub fn current<'f>(flow: &'f Flow, state: &State) -> Result<&'f Step, AnswerError> {
    flow.step(&state.step)
        .ok_or_else(|| AnswerError::BrokenFlow(state.step.clone()))
}

/// Take an answer for `step_id`. `values` is what the form or API sent for the step's field.
pub fn answer(
    flow: &Flow,
    state: &State,
    step_id: &str,
    values: &[String],
) -> Result<State, AnswerError> {
    if step_id != state.step {
        return Err(AnswerError::NotCurrentStep(step_id.to_owned()));
    }
    let step = current(flow, state)?;
    let mut answers = state.answers.clone();
    match (validate(step, values)?, &step.save) {
        (Some(value), Some(key)) => {
            answers.insert(key.clone(), value);
        }
        (None, Some(key)) => {
            answers.remove(key);
        }
        _ => {}
    }
    let next = flow
        .next_after(step, &answers)
        .ok_or_else(|| AnswerError::BrokenFlow(step.id.clone()))?;
    let mut seen = state.seen.clone();
    if !seen.contains(&step.id) {
        seen.push(step.id.clone());
    }
    if state.returning {
        let target = fast_forward(flow, next, &answers, &seen);
        let history = trail(flow, &answers, &target.id);
        return Ok(State {
            step: target.id.clone(),
            returning: target.input.kind() != InputKind::Review,
            answers,
            history,
            seen,
            concern: state.concern,
            concerns: state.concerns.clone(),
            show_safety: false,
            suspect: state.suspect,
            feeling: state.feeling,
            pending: None,
        });
    }
    let mut history = state.history.clone();
    history.push(step.id.clone());
    Ok(State {
        step: next.id.clone(),
        answers,
        history,
        returning: false,
        seen,
        concern: state.concern,
        concerns: state.concerns.clone(),
        show_safety: false,
        suspect: state.suspect,
        feeling: state.feeling,
        pending: None,
    })
}

/// Go back one step, keeping answers so the earlier question shows what was chosen.
pub fn back(state: &State) -> State {
    let mut history = state.history.clone();
    match history.pop() {
        Some(previous) => State {
            step: previous,
            answers: state.answers.clone(),
            history,
            returning: false,
            seen: state.seen.clone(),
            concern: state.concern,
            concerns: state.concerns.clone(),
            show_safety: false,
            suspect: state.suspect,
            feeling: state.feeling,
            pending: None,
        },
        None => state.clone(),
    }
}

/// The conversation as it was when `step_id` was the question: the current step itself, or
/// an earlier one on the trail, with every answer kept (so later questions show them again).
/// This is what the browser's Back button reaches: `/chat/<step>` for a step already passed.
/// `None` for a step not on the trail (not asked yet, or on a branch no longer taken).
pub fn rewind(state: &State, step_id: &str) -> Option<State> {
    if state.step == step_id {
        return Some(state.clone());
    }
    let at = state.history.iter().rposition(|s| s == step_id)?;
    Some(State {
        step: step_id.to_owned(),
        answers: state.answers.clone(),
        history: state.history[..at].to_vec(),
        returning: false,
        seen: state.seen.clone(),
        concern: state.concern,
        concerns: state.concerns.clone(),
        show_safety: false,
        suspect: state.suspect,
        feeling: state.feeling,
        pending: None,
    })
}

/// From the check page, go to the question that saved `step_id`'s answer.
pub fn change(flow: &Flow, state: &State, step_id: &str) -> Result<State, AnswerError> {
    let here = current(flow, state)?;
    if here.input.kind() != InputKind::Review {
        return Err(AnswerError::NotCurrentStep(state.step.clone()));
    }
    let on_trail = state.history.iter().any(|s| s == step_id);
    let target = flow
        .step(step_id)
        .filter(|s| on_trail && s.save.is_some())
        .ok_or_else(|| AnswerError::NotCurrentStep(step_id.to_owned()))?;
    let mut history = state.history.clone();
    history.push(here.id.clone());
    Ok(State {
        step: target.id.clone(),
        answers: state.answers.clone(),
        history,
        returning: true,
        seen: state.seen.clone(),
        concern: state.concern,
        concerns: state.concerns.clone(),
        show_safety: false,
        suspect: state.suspect,
        feeling: state.feeling,
        pending: None,
    })
}

/// The steps walked from the start to `until`, following the rules with these answers.
pub fn trail(flow: &Flow, answers: &Answers, until: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut step = flow.step(&flow.start);
    // Flows are acyclic (the linter checks), so a walk is at most as long as the flow.
    while let Some(s) = step {
        if s.id == until || out.len() > flow.steps.len() {
            break;
        }
        out.push(s.id.clone());
        step = flow.next_after(s, answers);
    }
    out
}

/// How many questions may be left before "check your answers", this one included: the answers
/// so far decide the branches already chosen, and a branch not yet chosen counts its longest
/// way, so the hint ("3 more questions") never promises fewer than may come (an optional part
/// the child may skip in one tap still counts). `None` off the question path.
pub fn questions_left(flow: &Flow, state: &State) -> Option<usize> {
    let step = flow.step(&state.step)?;
    let mut known = std::collections::HashMap::new();
    most_left(flow, step, &state.answers, flow.steps.len(), &mut known).filter(|left| *left > 0)
}

/// The longest way from `step` to the check page, in questions, remembered per step so a
/// branching flow costs one visit a step. The linter keeps flows free of loops; `budget` stops
/// a broken one all the same.
fn most_left<'f>(
    flow: &'f Flow,
    step: &'f Step,
    answers: &Answers,
    budget: usize,
    known: &mut std::collections::HashMap<&'f str, Option<usize>>,
) -> Option<usize> {
    let here = match step.input.kind() {
        InputKind::Review | InputKind::Submit | InputKind::End => return Some(0),
        InputKind::None => 0,
        _ => 1,
    };
    if budget == 0 {
        return None;
    }
    if let Some(left) = known.get(step.id.as_str()) {
        return *left;
    }
    let chosen = step
        .save
        .as_ref()
        .is_none_or(|key| answers.contains_key(key));
    let next: Vec<&Step> = if chosen {
        flow.next_after(step, answers).into_iter().collect()
    } else {
        step.next
            .iter()
            .filter_map(|rule| flow.step(&rule.goto))
            .collect()
    };
    let left = next
        .into_iter()
        .filter_map(|n| most_left(flow, n, answers, budget - 1, known))
        .max()
        .map(|left| left + here);
    known.insert(step.id.as_str(), left);
    left
}

/// The answers that belong to the path actually taken: a compliment keeps no "what would make
/// it better" typed before the child changed their mind.
pub fn answers_on_path(flow: &Flow, state: &State) -> Answers {
    state
        .history
        .iter()
        .filter_map(|id| flow.step(id))
        .filter_map(|s| s.save.as_ref())
        .filter_map(|key| state.answers.get_key_value(key))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Skip questions already seen and answered (or seen and skipped, when optional); stop at the
/// first question that newly applies, or at the check page.
fn fast_forward<'f>(
    flow: &'f Flow,
    from: &'f Step,
    answers: &Answers,
    seen: &[String],
) -> &'f Step {
    let mut step = from;
    for _ in 0..flow.steps.len() {
        let was_seen = seen.contains(&step.id);
        let answered = match (&step.save, step.input.kind()) {
            (Some(key), _) => was_seen && (answers.contains_key(key) || !step.required),
            (None, InputKind::None) => was_seen,
            _ => false,
        };
        if !answered {
            break;
        }
        match flow.next_after(step, answers) {
            Some(next) => step = next,
            None => break,
        }
    }
    step
}

/// Check one answer against its step's input. `Ok(None)` means a skipped optional answer.
pub fn validate(step: &Step, values: &[String]) -> Result<Option<Answer>, AnswerError> {
    let single = || -> Option<String> {
        values
            .first()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    match &step.input {
        Input::Choice { options } => {
            let v = single().ok_or_else(|| invalid("error-choose-one"))?;
            options
                .iter()
                .any(|o| o.value == v)
                .then_some(Some(Answer::One(v)))
                .ok_or_else(|| invalid("error-choose-one"))
        }
        Input::Yesno => match single().as_deref() {
            Some(v @ ("yes" | "no")) => Ok(Some(Answer::One(v.to_owned()))),
            _ => Err(invalid("error-choose-one")),
        },
        Input::Consent => match single().as_deref() {
            Some("yes") => Ok(Some(Answer::One("yes".into()))),
            _ => Err(invalid("error-consent")),
        },
        Input::Multi { options, max } => {
            let mut chosen: Vec<String> = Vec::new();
            for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                if !options.iter().any(|o| o.value == v) {
                    return Err(invalid("error-choose-from-list"));
                }
                if !chosen.iter().any(|c| c == v) {
                    chosen.push(v.to_owned());
                }
            }
            if chosen.is_empty() {
                return if step.required {
                    Err(invalid("error-choose-at-least-one"))
                } else {
                    Ok(None)
                };
            }
            if let Some(max) = max.filter(|m| chosen.len() > *m) {
                return Err(invalid_with(
                    "error-choose-at-most",
                    vec![("max", max as i64)],
                ));
            }
            Ok(Some(Answer::Many(chosen)))
        }
        Input::Text { max, min, lines } => {
            let raw = values.first().map(String::as_str).unwrap_or_default();
            let mut text = raw.replace("\r\n", "\n").trim().to_owned();
            if *lines <= 1 {
                text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            if text.is_empty() {
                return if step.required {
                    Err(invalid("error-type-something"))
                } else {
                    Ok(None)
                };
            }
            if !text.validate_length(None, Some(*max as u64), None) {
                return Err(invalid_with("error-too-long", vec![("max", *max as i64)]));
            }
            if !text.validate_length(Some(*min as u64), None, None) {
                return Err(invalid_with("error-too-short", vec![("min", *min as i64)]));
            }
            Ok(Some(Answer::One(text)))
        }
        Input::Email => {
            let Some(v) = single() else {
                return optional(step, "error-email-missing");
            };
            if v.len() > 254 || !v.validate_email() {
                return Err(invalid("error-email"));
            }
            Ok(Some(Answer::One(v)))
        }
        Input::Phone => {
            let Some(v) = single() else {
                return optional(step, "error-phone-missing");
            };
            let allowed = v.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
            let digits = v.chars().filter(char::is_ascii_digit).count();
            if !allowed || !(10..=13).contains(&digits) || v.len() > 25 {
                return Err(invalid("error-phone"));
            }
            Ok(Some(Answer::One(v)))
        }
        Input::Number { min, max } => {
            let range = || vec![("min", *min), ("max", *max)];
            let Some(v) = single() else {
                return if step.required {
                    Err(invalid_with("error-number", range()))
                } else {
                    Ok(None)
                };
            };
            match v.parse::<i64>() {
                Ok(n) if (*min..=*max).contains(&n) => Ok(Some(Answer::One(n.to_string()))),
                _ => Err(invalid_with("error-number", range())),
            }
        }
        Input::Review | Input::None => Ok(None),
        Input::Submit { .. } | Input::End => Err(AnswerError::NotAnswerable),
    }
}

fn optional(step: &Step, message: &'static str) -> Result<Option<Answer>, AnswerError> {
    if step.required {
        Err(invalid(message))
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests;
