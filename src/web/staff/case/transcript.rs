//! What the child told us, as staff read it: the conversation as the child saw it (in the
//! child's language), with the safety help marked where the child was shown it, or for a case
//! recorded from a letter or a call, the summary staff typed.

use crate::domain::{Case, UrgentReason};
use crate::flow::{State as FlowState, engine};
use crate::i18n::Words;
use crate::web::AppState;
use crate::web::view::{Speaker, transcript_by_step};

/// One line of the transcript on the staff page.
pub struct Line {
    /// "service", "user" or "safety": the line's look.
    pub class: &'static str,
    /// Who said it, for screen readers ("" for a safety line, whose text says it).
    pub speaker: String,
    pub text: String,
}

/// The conversation the child had, or nothing when the case did not come through one.
pub fn lines(app: &AppState, case: &Case, staff: &Words<'_>) -> Vec<Line> {
    let Some(flow) = case.flow_id.as_deref().and_then(|id| app.flows.get(id)) else {
        return Vec::new();
    };
    let answers = case.answers.clone();
    let end = flow
        .steps
        .iter()
        .find(|s| s.input.kind() == crate::flow::InputKind::Submit)
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let history = engine::trail(flow, &answers, &end);
    let locale = app
        .words
        .resolve(&case.locale)
        .unwrap_or_else(|| app.words.fallback());
    let child = Words::new(&app.words, &locale);
    let state = FlowState {
        step: end,
        answers,
        history,
        returning: false,
        seen: Vec::new(),
        concern: false,
        concerns: Vec::new(),
        show_safety: false,
        suspect: false,
        feeling: None,
        pending: None,
    };
    let mut out = Vec::new();
    if case.urgent_reasons.contains(&UrgentReason::ChoseNotSafe) {
        out.push(safety(staff.get("staff-transcript-chose-not-safe")));
    }
    let child_label = staff.get("staff-speaker-child");
    let service_label = staff.get("speaker-service");
    for (step, bubbles) in transcript_by_step(flow, &state, child) {
        for b in bubbles {
            let user = b.from == Speaker::User;
            out.push(Line {
                class: if user { "user" } else { "service" },
                speaker: if user {
                    child_label.clone()
                } else {
                    service_label.clone()
                },
                text: b.text.into_owned(),
            });
        }
        // The reason names the question in the staff language, as the duty team read it.
        let question = step.ask.as_deref().map(|id| staff.get(id));
        let worried = case.urgent_reasons.iter().any(|r| {
            matches!(r, UrgentReason::PhraseInAnswer { question: q, .. }
                if Some(q) == question.as_ref() || *q == step.id)
        });
        if worried {
            out.push(safety(staff.get("staff-transcript-safety")));
        }
    }
    out
}

fn safety(text: String) -> Line {
    Line {
        class: "safety",
        speaker: String::new(),
        text,
    }
}
