//! The way through a flow that the answers choose: the steps walked so far, the answers that
//! belong to that way, and how many questions may still come.

use super::State;
use crate::flow::model::{Answers, Flow, InputKind, Step};

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
    // By step position: a step page asks this on every request.
    let mut known = vec![None; flow.steps.len()];
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
    known: &mut [Option<Option<usize>>],
) -> Option<usize> {
    let here = match step.input.kind() {
        InputKind::Review | InputKind::Submit | InputKind::End => return Some(0),
        InputKind::None => 0,
        _ => 1,
    };
    if budget == 0 {
        return None;
    }
    let at = flow.position(&step.id)?;
    if let Some(left) = known.get(at).copied().flatten() {
        return left;
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
    if let Some(slot) = known.get_mut(at) {
        *slot = Some(left);
    }
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
