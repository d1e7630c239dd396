//! The shape of a flow file. Texts are Fluent message ids, never words, so one flow serves every
//! language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub version: i64,
    pub start: String,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
    /// Step id → position in `steps`, built on first use: a step page looks steps up by id
    /// dozens of times (the transcript, the questions left), and a scan compared every id.
    #[serde(skip)]
    index: std::sync::OnceLock<std::collections::HashMap<String, usize, crate::domain::ids::ById>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Show the panel of people to call (999, Childline, the council) on this step.
    #[serde(default)]
    pub help_panel: bool,
    /// Link to the privacy page just before contact details are asked.
    #[serde(default)]
    pub privacy_note: bool,
    pub id: String,
    /// Bot bubbles shown before the question.
    #[serde(default)]
    pub say: Vec<String>,
    /// The question; also the page's heading and title.
    pub ask: Option<String>,
    /// Optional explanation, shown as a disclosure; its `.summary` attribute is the label.
    pub help: Option<String>,
    pub input: Input,
    /// Answer key this step fills.
    pub save: Option<String>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub next: Vec<Rule>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Input {
    Choice {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
        max: Option<usize>,
    },
    Text {
        max: usize,
        #[serde(default)]
        min: usize,
        #[serde(default = "one")]
        lines: u32,
    },
    Email,
    Phone,
    Number {
        min: i64,
        max: i64,
    },
    Yesno,
    Consent,
    Review,
    None,
    Submit {
        /// Sends an urgent case: what the "I'm not safe" route needs, routed at once.
        #[serde(default)]
        urgent: bool,
    },
    End,
}

fn one() -> u32 {
    1
}

/// The input kind without its options, for templates and the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Choice,
    Multi,
    Text,
    Email,
    Phone,
    Number,
    Yesno,
    Consent,
    Review,
    None,
    Submit,
    End,
}

impl InputKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Choice => "choice",
            InputKind::Multi => "multi",
            InputKind::Text => "text",
            InputKind::Email => "email",
            InputKind::Phone => "phone",
            InputKind::Number => "number",
            InputKind::Yesno => "yesno",
            InputKind::Consent => "consent",
            InputKind::Review => "review",
            InputKind::None => "none",
            InputKind::Submit => "submit",
            InputKind::End => "end",
        }
    }
}

impl Input {
    pub fn kind(&self) -> InputKind {
        match self {
            Input::Choice { .. } => InputKind::Choice,
            Input::Multi { .. } => InputKind::Multi,
            Input::Text { .. } => InputKind::Text,
            Input::Email => InputKind::Email,
            Input::Phone => InputKind::Phone,
            Input::Number { .. } => InputKind::Number,
            Input::Yesno => InputKind::Yesno,
            Input::Consent => InputKind::Consent,
            Input::Review => InputKind::Review,
            Input::None => InputKind::None,
            Input::Submit { .. } => InputKind::Submit,
            Input::End => InputKind::End,
        }
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            Input::Choice { options } | Input::Multi { options, .. } => options,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub icon: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Every key must match; a list matches any of its values.
    #[serde(default)]
    pub when: BTreeMap<String, Matcher>,
    pub goto: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Matcher {
    One(String),
    Any(Vec<String>),
}

impl Matcher {
    pub fn matches(&self, answer: Option<&Answer>) -> bool {
        let Some(answer) = answer else { return false };
        match self {
            Matcher::One(want) => answer.contains(want),
            Matcher::Any(wants) => wants.iter().any(|w| answer.contains(w)),
        }
    }
}

pub use crate::domain::answer::{Answer, Answers};

impl Flow {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.position(id).map(|at| &self.steps[at])
    }

    /// Where the step is in `steps` (the first, if a broken flow repeats an id).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index
            .get_or_init(|| {
                let mut index = std::collections::HashMap::with_capacity_and_hasher(
                    self.steps.len(),
                    crate::domain::ids::ById::default(),
                );
                for (at, step) in self.steps.iter().enumerate() {
                    index.entry(step.id.clone()).or_insert(at);
                }
                index
            })
            .get(id)
            .copied()
    }

    /// The first rule that matches, or `None` for a step that ends the conversation.
    pub fn next_after(&self, step: &Step, answers: &Answers) -> Option<&Step> {
        step.next
            .iter()
            .find(|rule| rule.when.iter().all(|(key, m)| m.matches(answers.get(key))))
            .and_then(|rule| self.step(&rule.goto))
    }
}
