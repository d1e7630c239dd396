//! The conversation as a pure state machine: (flow, state, input) → new state or a field error.
//! No I/O, no clock, no randomness, so every rule here is unit tested and property tested.
//!
//! The state keeps the current step, the answers, and the trail of steps that led here (for
//! "Back" and for the transcript). Changing an answer from "check your answers" jumps back to
//! that question; after it, the conversation fast-forwards over questions that still have an
//! answer, so only questions that newly apply are asked before returning to the check page.

use serde::{Deserialize, Serialize};

use super::model::{Answers, Flow, InputKind, Step};

mod path;
mod validate;

pub use path::{answers_on_path, questions_left, trail};
pub use validate::validate;

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

#[cfg(test)]
mod tests;
