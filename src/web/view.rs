//! What a step looks like in words: the transcript so far, the question and its options, all
//! rendered in the conversation's language. Shared by the HTML pages and the JSON API.

use fluent::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::config::Config;
use crate::flow::model::{Answer, Input, InputKind, Step};
use crate::flow::{Flow, State};
use crate::i18n::{Locale, Localizer};

/// Words for one locale, with the council's name and numbers available to every message.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub words: &'a Localizer,
    pub locale: &'a Locale,
    pub config: &'a Config,
}

/// The arguments every message may use: the council's name and phone numbers.
pub fn standard_args<'a>(config: &'a Config, rtl: bool) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    args.set(
        "authority",
        FluentValue::from(config.authority_name.as_str()),
    );
    // In right-to-left text a number with spaces ("0300 123 4567") would show its groups
    // in reverse order; isolating it left to right keeps the digits as dialled.
    let phone = |number: &str| -> FluentValue<'a> {
        if rtl {
            FluentValue::from(format!("\u{2066}{number}\u{2069}"))
        } else {
            FluentValue::from(number.to_owned())
        }
    };
    args.set("help_phone", phone(&config.help_phone));
    args.set("out_of_hours_phone", phone(&config.out_of_hours_phone));
    args
}

impl<'a> Words<'a> {
    fn args(&self) -> FluentArgs<'a> {
        standard_args(self.config, self.words.is_rtl(self.locale))
    }

    pub fn get(&self, id: &str) -> String {
        match self.words.prepared(self.locale, id) {
            Some(text) => text.to_owned(),
            None => self.words.text(self.locale, id, Some(&self.args())),
        }
    }

    pub fn get_with(&self, id: &str, extra: &[(&'static str, FluentValue<'_>)]) -> String {
        let mut args = self.args();
        for (k, v) in extra {
            args.set(*k, v.clone());
        }
        self.words.text(self.locale, id, Some(&args))
    }

    pub fn attr(&self, id: &str, attribute: &str) -> String {
        self.words
            .attribute(self.locale, id, attribute)
            .unwrap_or_default()
    }

    pub fn lang(&self) -> &str {
        self.locale.as_str()
    }

    pub fn dir(&self) -> &'static str {
        if self.words.is_rtl(self.locale) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn date(&self, date: time::Date) -> String {
        self.words.long_date(self.locale, date)
    }

    /// A message as markup with its phone numbers as `tel:` links (use with `|safe`).
    pub fn called(&self, id: &str) -> String {
        link_phones(&self.get(id))
    }

    /// Any text (a bubble, a section of a page) as markup with its phone numbers linked.
    pub fn link(&self, text: &str) -> String {
        link_phones(text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Service,
    User,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bubble {
    pub from: Speaker,
    pub text: String,
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
fn answer_text(step: &Step, answer: Option<&Answer>, w: Words<'_>) -> String {
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
pub fn transcript(flow: &Flow, state: &State, w: Words<'_>) -> Vec<Bubble> {
    transcript_by_step(flow, state, w)
        .into_iter()
        .flat_map(|(_, bubbles)| bubbles)
        .collect()
}

/// The transcript step by step, so the staff page can show what happened after a step (the
/// safety help the child was shown).
pub fn transcript_by_step<'f>(
    flow: &'f Flow,
    state: &State,
    w: Words<'_>,
) -> Vec<(&'f crate::flow::Step, Vec<Bubble>)> {
    let mut steps = Vec::new();
    // The optional "About you" questions stay out of every transcript: staff never see them,
    // and on the child's screen they do not linger for someone looking over a shoulder.
    let shown = |step: &&crate::flow::Step| {
        !step
            .save
            .as_deref()
            .is_some_and(crate::equality::is_equality_key)
    };
    for step in state
        .history
        .iter()
        .filter_map(|id| flow.step(id))
        .filter(shown)
    {
        if step.input.kind() == InputKind::Review {
            continue;
        }
        let mut bubbles: Vec<Bubble> = step
            .say
            .iter()
            .map(|id| Bubble {
                from: Speaker::Service,
                text: w.get(id),
            })
            .collect();
        if let Some(ask) = &step.ask {
            bubbles.push(Bubble {
                from: Speaker::Service,
                text: w.get(ask),
            });
        }
        if let Some(key) = &step.save {
            bubbles.push(Bubble {
                from: Speaker::User,
                text: answer_text(step, state.answers.get(key), w),
            });
        }
        steps.push((step, bubbles));
    }
    steps
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

/// Escape text for HTML and make each phone number in it a `tel:` link, so a child can tap to
/// call from any page: 999, and UK numbers written from 0 or +44 with at least eight digits.
/// The result is safe to insert as markup (`|safe`): everything else is escaped.
pub fn link_phones(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // Every step page links its whole transcript: walk the text once, copying plain runs whole.
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts_number = (b.is_ascii_digit() || b == b'+')
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if starts_number {
            let end = number_end(bytes, i);
            let written = &text[i..end];
            let glued = text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let digits = written.bytes().filter(u8::is_ascii_digit).count();
            let callable = written.bytes().filter(u8::is_ascii_digit).eq(*b"999")
                || ((written.starts_with('0') || written.starts_with("+44"))
                    && (8..=13).contains(&digits));
            if callable && !glued {
                escape_into(&mut out, &text[plain_from..i]);
                // `dir` isolates the number, so a right-to-left page keeps its groups in order.
                out.push_str("<a class=\"tel\" dir=\"ltr\" href=\"tel:");
                if written.starts_with('+') {
                    out.push('+');
                }
                out.extend(written.chars().filter(char::is_ascii_digit));
                out.push_str("\">");
                escape_into(&mut out, written);
                out.push_str("</a>");
                i = end;
                plain_from = end;
                continue;
            }
        }
        i += 1;
    }
    escape_into(&mut out, &text[plain_from..]);
    out
}

/// Where a number that starts at `start` ends: digits, with single spaces between groups.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start + 1;
    while end < bytes.len() {
        if bytes[end].is_ascii_digit() {
            end += 1;
        } else if bytes[end] == b' ' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

fn escape_into(out: &mut String, text: &str) {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}

#[cfg(test)]
mod phone_tests {
    use super::link_phones;

    #[test]
    fn numbers_a_child_can_call_become_links_and_the_rest_is_escaped() {
        assert_eq!(
            link_phones("If you are in danger now, call 999."),
            "If you are in danger now, call <a class=\"tel\" dir=\"ltr\" href=\"tel:999\">999</a>."
        );
        assert_eq!(
            link_phones("Childline: 0800 1111 <free>"),
            "Childline: <a class=\"tel\" dir=\"ltr\" href=\"tel:08001111\">0800 1111</a> &lt;free&gt;"
        );
        assert!(link_phones("call +44 300 123 4567").contains("href=\"tel:+443001234567\""));
        // Dates, years, references and short numbers stay text.
        for plain in [
            "Sent on 7 December 2026",
            "HYS-7K4P-0999",
            "Stage 2",
            "9990",
            "a999",
        ] {
            assert!(!link_phones(plain).contains("<a"), "{plain}");
        }
        assert_eq!(
            link_phones("\"x\" & 'y'"),
            "&quot;x&quot; &amp; &#39;y&#39;"
        );
        // Around other scripts, and a plus that does not start a UK number.
        assert_eq!(
            link_phones("اتصل بـ 999 الآن"),
            "اتصل بـ <a class=\"tel\" dir=\"ltr\" href=\"tel:999\">999</a> الآن"
        );
        assert_eq!(
            link_phones("+0800 1111"),
            "+<a class=\"tel\" dir=\"ltr\" href=\"tel:08001111\">0800 1111</a>"
        );
    }
}
