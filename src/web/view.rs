//! What a step looks like in words: the transcript so far, the question and its options, all
//! rendered in the conversation's language. Shared by the HTML pages and the JSON API.

use std::borrow::Cow;

use serde::Serialize;

use crate::flow::model::{Answer, Input, InputKind, Step};
use crate::flow::{Flow, State};
use crate::i18n::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Service,
    User,
}

/// One message of the transcript; our own words are borrowed from the prepared messages.
#[derive(Debug, Clone, Serialize)]
pub struct Bubble<'a> {
    pub from: Speaker,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub value: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[serde(skip)]
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct HelpView {
    pub summary: String,
    pub text: String,
}

/// One row of "check your answers".
#[derive(Debug, Clone)]
pub struct ReviewRow {
    pub step: String,
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone)]
pub struct StepView {
    pub id: String,
    pub kind: InputKind,
    pub say: Vec<String>,
    pub ask: String,
    pub help: Option<HelpView>,
    pub options: Vec<OptionView>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub lines: u32,
    pub required: bool,
    /// The answer already given, to show when coming back to this question.
    pub current: String,
    pub review: Vec<ReviewRow>,
    pub help_panel: bool,
    pub privacy_note: bool,
    /// A submit step that sends an urgent case.
    pub urgent: bool,
    /// Check-your-answers with Send on it: the step after it only sends, so the child meets
    /// one page, not two.
    pub sends: bool,
}

pub fn step_view(flow: &Flow, step: &Step, state: &State, w: Words<'_>) -> StepView {
    let saved = step.save.as_ref().and_then(|k| state.answers.get(k));
    let options = step
        .input
        .options()
        .iter()
        .map(|o| OptionView {
            value: o.value.clone(),
            label: w.get(&o.label),
            icon: o.icon.clone(),
            selected: saved.is_some_and(|a| a.contains(&o.value)),
        })
        .chain(yes_no_options(step, saved, w))
        .collect();
    let (min, max, lines) = match &step.input {
        Input::Text { min, max, lines } => (Some(*min as i64), Some(*max as i64), *lines),
        Input::Number { min, max } => (Some(*min), Some(*max), 1),
        _ => (None, None, 1),
    };
    StepView {
        id: step.id.clone(),
        kind: step.input.kind(),
        say: step.say.iter().map(|id| w.get(id)).collect(),
        ask: step.ask.as_deref().map(|id| w.get(id)).unwrap_or_default(),
        help: step.help.as_ref().map(|id| HelpView {
            summary: w.attr(id, "summary"),
            text: w.get(id),
        }),
        options,
        min,
        max,
        lines,
        required: step.required,
        current: saved
            .and_then(Answer::as_one)
            .unwrap_or_default()
            .to_owned(),
        review: if step.input.kind() == InputKind::Review {
            review_rows(flow, state, w)
        } else {
            Vec::new()
        },
        help_panel: step.help_panel,
        privacy_note: step.privacy_note,
        urgent: matches!(step.input, Input::Submit { urgent: true }),
        sends: step.input.kind() == InputKind::Review
            && flow
                .next_after(step, &state.answers)
                .is_some_and(|next| matches!(next.input, Input::Submit { urgent: false })),
    }
}

fn yes_no_options(step: &Step, saved: Option<&Answer>, w: Words<'_>) -> Vec<OptionView> {
    if step.input.kind() != InputKind::Yesno {
        return Vec::new();
    }
    [("yes", "answer-yes"), ("no", "answer-no")]
        .into_iter()
        .map(|(value, label)| OptionView {
            value: value.into(),
            label: w.get(label),
            icon: None,
            selected: saved.is_some_and(|a| a.contains(value)),
        })
        .collect()
}

/// How an answer reads back: the option's label, or the words as typed.
pub fn answer_text(step: &Step, answer: Option<&Answer>, w: Words<'_>) -> String {
    let Some(answer) = answer else {
        return w.get("answer-skipped");
    };
    match &step.input {
        Input::Choice { options } | Input::Multi { options, .. } => answer
            .values()
            .iter()
            .map(|v| {
                options
                    .iter()
                    .find(|o| o.value == *v)
                    .map_or_else(|| (*v).to_owned(), |o| w.get(&o.label))
            })
            .collect::<Vec<_>>()
            .join(", "),
        Input::Yesno | Input::Consent => match answer.as_one() {
            Some("yes") => w.get("answer-yes"),
            _ => w.get("answer-no"),
        },
        _ => answer.values().join(", "),
    }
}

/// The conversation so far: our bubbles and theirs, for every step already answered.
pub fn transcript<'a>(flow: &Flow, state: &State, w: Words<'a>) -> Vec<Bubble<'a>> {
    transcript_by_step(flow, state, w)
        .into_iter()
        .flat_map(|(_, bubbles)| bubbles)
        .collect()
}

/// The transcript step by step, so the staff page can show what happened after a step (the
/// safety help the child was shown).
pub fn transcript_by_step<'f, 'a>(
    flow: &'f Flow,
    state: &State,
    w: Words<'a>,
) -> Vec<(&'f crate::flow::Step, Vec<Bubble<'a>>)> {
    transcript_steps(flow, state)
        .map(|step| {
            let mut bubbles: Vec<Bubble> = Vec::with_capacity(step.say.len() + 2);
            bubbles.extend(step.say.iter().map(|id| Bubble {
                from: Speaker::Service,
                text: w.text(id),
            }));
            if let Some(ask) = &step.ask {
                bubbles.push(Bubble {
                    from: Speaker::Service,
                    text: w.text(ask),
                });
            }
            if let Some(key) = &step.save {
                bubbles.push(Bubble {
                    from: Speaker::User,
                    text: Cow::Owned(answer_text(step, state.answers.get(key), w)),
                });
            }
            (step, bubbles)
        })
        .collect()
}

/// The steps a transcript shows, in order: every step answered so far but "check your
/// answers" and the optional "About you" questions, which stay out of every transcript (staff
/// never see them, and on the child's screen they do not linger for someone looking over a
/// shoulder). Each shows its `say` lines and question as ours, then the answer as theirs.
pub fn transcript_steps<'f>(
    flow: &'f Flow,
    state: &State,
) -> impl Iterator<Item = &'f crate::flow::Step> {
    state
        .history
        .iter()
        .filter_map(|id| flow.step(id))
        .filter(|step| {
            step.input.kind() != InputKind::Review
                && !step
                    .save
                    .as_deref()
                    .is_some_and(crate::equality::is_equality_key)
        })
}

fn review_rows(flow: &Flow, state: &State, w: Words<'_>) -> Vec<ReviewRow> {
    rows(flow, &state.history, &state.answers, w, |_| true)
}

/// What a sent case's conversation said, question by question, for the child's tracking page:
/// the path is walked again from the answers, and the "About you" answers stay out.
pub fn sent_rows(flow: &Flow, answers: &crate::domain::Answers, w: Words<'_>) -> Vec<ReviewRow> {
    let path = crate::flow::engine::trail(flow, answers, "check");
    rows(flow, &path, answers, w, |key| {
        !crate::equality::is_equality_key(key)
    })
}

/// How the answer saved under `key` reads, as the question that asked it offered it.
pub fn answer_label(
    flow: &Flow,
    answers: &crate::domain::Answers,
    key: &str,
    w: Words<'_>,
) -> Option<String> {
    let path = crate::flow::engine::trail(flow, answers, "check");
    path.iter()
        .filter_map(|id| flow.step(id))
        .find(|step| step.save.as_deref() == Some(key))
        .and_then(|step| answers.get(key).map(|a| answer_text(step, Some(a), w)))
}

fn rows(
    flow: &Flow,
    path: &[String],
    answers: &crate::domain::Answers,
    w: Words<'_>,
    keep: impl Fn(&str) -> bool,
) -> Vec<ReviewRow> {
    path.iter()
        .filter_map(|id| flow.step(id))
        .filter_map(|step| {
            let key = step.save.as_ref().filter(|k| keep(k))?;
            Some(ReviewRow {
                step: step.id.clone(),
                question: step.ask.as_deref().map(|id| w.get(id)).unwrap_or_default(),
                answer: answer_text(step, answers.get(key), w),
            })
        })
        .collect()
}
