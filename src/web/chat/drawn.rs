//! The parts of a step page that are the same for every child who sees them, drawn once per
//! language at start-up: the page around the conversation (head, the leave bar, the footer),
//! each step's question as the page's title, each step's bubbles as they read in the
//! transcript (our words with their phone numbers linked), and the answers our options read
//! back as. A request copies them in order; only what a child typed is drawn per request.
//!
//! Every part comes out of the same askama templates a request would use (`chat_frame.html`,
//! `bubble.html`), so escaping stays askama's. A step page's profile showed drawing these
//! parts on every request (dozens of message lookups, escaping and linking the same words
//! again) as most of the handler's cost. Nothing here depends on a conversation: no child's
//! words are kept.

use std::collections::HashMap;
use std::fmt;

use askama::Template;

use crate::domain::ids::ById;
use crate::flow::model::{Answer, Input};
use crate::flow::{Flow, Flows, State, Step};
use crate::i18n::{Locale, Localizer, Words};
use crate::web::view::{answer_text, transcript_steps};

/// Where a part drawn at start-up leaves room for what a request adds. A private-use
/// character: our messages and markup never contain it (checked), and escaping keeps it.
const HOLE: &str = "\u{E000}";

#[derive(Debug, thiserror::Error)]
pub enum DrawError {
    #[error("cannot draw the step page in {locale}: {problem}")]
    Page { locale: String, problem: String },
}

/// Markup drawn by our own templates, so already escaped: askama writes it as it is. Only
/// this module makes it.
pub struct Drawn(String);

impl fmt::Display for Drawn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Drawn {}

#[derive(Template)]
#[template(path = "chat_frame.html", config = "src/web/askama.toml")]
struct Frame<'a> {
    t: Words<'a>,
    has_error: bool,
    hole: &'a str,
}

#[derive(Template)]
#[template(path = "bubble.html", config = "src/web/askama.toml")]
struct Bubble<'a> {
    t: Words<'a>,
    ours: bool,
    text: &'a str,
}

/// Every language's parts.
pub struct StepPages {
    locales: HashMap<String, Parts, ById>,
}

/// One language's parts.
pub struct Parts {
    /// The page up to the title's text: without and with the "Error:" before it.
    before_title: [String; 2],
    /// From the end of the title to the start of the conversation.
    before_main: String,
    /// From the end of the conversation to the end of the page.
    after_main: String,
    /// Flow id → its steps' parts, in the order of the flow's steps.
    flows: HashMap<String, Vec<StepParts>, ById>,
}

struct StepParts {
    /// The question, escaped, as the page's title.
    title: String,
    /// Our bubbles: the step's `say` lines, then its question.
    ours: String,
    /// Their bubble for each option's value, and for "yes", "no" and a skipped question.
    theirs: Vec<(String, String)>,
    skipped: String,
}

impl StepPages {
    pub fn draw(flows: &Flows, words: &Localizer) -> Result<Self, DrawError> {
        let mut locales = HashMap::default();
        for locale in words.locales() {
            let parts = Parts::draw(flows, Words::new(words, &locale), &locale)?;
            locales.insert(locale.as_str().to_owned(), parts);
        }
        Ok(Self { locales })
    }

    /// The parts in `locale`, drawn for every language the service has.
    pub fn parts(&self, locale: &Locale) -> Option<&Parts> {
        self.locales.get(locale.as_str())
    }
}

impl Parts {
    fn draw(flows: &Flows, t: Words<'_>, locale: &Locale) -> Result<Self, DrawError> {
        let problem = |problem: String| DrawError::Page {
            locale: locale.as_str().to_owned(),
            problem,
        };
        let frame = |has_error| -> Result<Vec<String>, DrawError> {
            let page = Frame {
                t,
                has_error,
                hole: HOLE,
            }
            .render()
            .map_err(|e| problem(e.to_string()))?;
            let parts: Vec<String> = page.split(HOLE).map(str::to_owned).collect();
            if parts.len() == 3 {
                Ok(parts)
            } else {
                Err(problem(format!(
                    "a message holds the character U+E000, which the page reserves ({} found)",
                    parts.len() - 1
                )))
            }
        };
        let [plain, before_main, after_main]: [String; 3] = frame(false)?
            .try_into()
            .map_err(|_| problem("the page has no room for a title".into()))?;
        let with_error = frame(true)?.swap_remove(0);
        let mut drawn = HashMap::default();
        for id in flows.ids() {
            let Some(flow) = flows.get(id) else { continue };
            let steps = flow
                .steps
                .iter()
                .map(|step| StepParts::draw(step, t))
                .collect::<Result<_, _>>()
                .map_err(|e| problem(e.to_string()))?;
            drawn.insert(id.to_owned(), steps);
        }
        Ok(Self {
            before_title: [plain, with_error],
            before_main,
            after_main,
            flows: drawn,
        })
    }

    /// The whole step page: the drawn parts around `step`'s question as the title and `main`
    /// (the conversation, drawn per request), written into `page`.
    pub fn page(
        &self,
        page: &mut String,
        flow: &Flow,
        step: &Step,
        has_error: bool,
        main: &impl Template,
        t: Words<'_>,
    ) -> Result<(), askama::Error> {
        page.push_str(self.before_title(has_error));
        match self.step(flow, step) {
            Some(parts) => page.push_str(&parts.title),
            None => page.push_str(&title(step, t)),
        }
        page.push_str(&self.before_main);
        main.render_into(page)?;
        page.push_str(&self.after_main);
        Ok(())
    }

    /// The page up to the title's text.
    fn before_title(&self, has_error: bool) -> &str {
        &self.before_title[usize::from(has_error)]
    }

    fn steps(&self, flow: &Flow) -> &[StepParts] {
        self.flows.get(&flow.id).map_or(&[], Vec::as_slice)
    }

    fn step(&self, flow: &Flow, step: &Step) -> Option<&StepParts> {
        self.steps(flow).get(flow.position(&step.id)?)
    }

    /// The conversation so far as the page shows it: what [`crate::web::view::transcript`]
    /// gives, drawn.
    pub fn transcript(
        &self,
        flow: &Flow,
        state: &State,
        t: Words<'_>,
    ) -> Result<Drawn, askama::Error> {
        let mut html = String::with_capacity(4096);
        let drawn = self.steps(flow);
        for step in transcript_steps(flow, state) {
            let parts = flow.position(&step.id).and_then(|at| drawn.get(at));
            match parts {
                Some(parts) => html.push_str(&parts.ours),
                None => ours(step, t, &mut html)?,
            }
            let Some(key) = &step.save else { continue };
            let answer = state.answers.get(key);
            match parts.and_then(|p| p.theirs(step, answer)) {
                Some(drawn) => html.push_str(drawn),
                None => Bubble {
                    t,
                    ours: false,
                    text: &answer_text(step, answer, t),
                }
                .render_into(&mut html)?,
            }
        }
        Ok(Drawn(html))
    }
}

/// Our bubbles for a step: its `say` lines, then its question.
fn ours(step: &Step, t: Words<'_>, html: &mut String) -> Result<(), askama::Error> {
    for id in step.say.iter().chain(&step.ask) {
        Bubble {
            t,
            ours: true,
            text: &t.text(id),
        }
        .render_into(html)?;
    }
    Ok(())
}

/// The step's question, escaped as the title would be.
fn title(step: &Step, t: Words<'_>) -> String {
    let text = step.ask.as_deref().map(|id| t.text(id)).unwrap_or_default();
    let Ok(escaped) = askama::filters::escape(text, askama::filters::Html);
    escaped.to_string()
}

impl StepParts {
    fn draw(step: &Step, t: Words<'_>) -> Result<Self, askama::Error> {
        let theirs = |answer: Option<&Answer>| -> Result<String, askama::Error> {
            Bubble {
                t,
                ours: false,
                text: &answer_text(step, answer, t),
            }
            .render()
        };
        let mut ours_html = String::new();
        ours(step, t, &mut ours_html)?;
        let values: Vec<&str> = match &step.input {
            Input::Choice { options } | Input::Multi { options, .. } => {
                options.iter().map(|o| o.value.as_str()).collect()
            }
            Input::Yesno | Input::Consent => vec!["yes", "no"],
            _ => Vec::new(),
        };
        Ok(Self {
            title: title(step, t),
            ours: ours_html,
            theirs: values
                .into_iter()
                .map(|value| {
                    let answer = Answer::One(value.to_owned());
                    Ok((value.to_owned(), theirs(Some(&answer))?))
                })
                .collect::<Result<_, askama::Error>>()?,
            skipped: theirs(None)?,
        })
    }

    /// Their bubble for an answer that is one of ours (an option, yes or no, skipped).
    fn theirs(&self, step: &Step, answer: Option<&Answer>) -> Option<&str> {
        let Some(answer) = answer else {
            return Some(&self.skipped);
        };
        let value = match &step.input {
            // Anything but yes reads back as "no".
            Input::Yesno | Input::Consent => match answer.as_one() {
                Some("yes") => "yes",
                _ => "no",
            },
            Input::Choice { .. } | Input::Multi { .. } => answer.as_one()?,
            _ => return None,
        };
        self.theirs
            .iter()
            .find(|(v, _)| v == value)
            .map(|(_, html)| html.as_str())
    }
}

#[cfg(test)]
mod tests;
