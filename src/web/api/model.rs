//! The API's request and response bodies, and how a step becomes one. These types are the
//! contract: the OpenAPI document is generated from them, so change them only additively.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type};

use crate::flow::model::{Answer, InputKind};
use crate::flow::{Flow, State};
use crate::i18n::Words;
use crate::web::AppState;
use crate::web::templates::tel;
use crate::web::view::{self, Speaker};

#[derive(Debug, Deserialize, ToSchema)]
pub struct StartRequest {
    /// The flow to follow; `feedback` (the child's conversation) when left out.
    #[schema(example = "feedback")]
    pub flow: Option<String>,
    /// A language tag we have (see `unknown_locale`); from `Accept-Language` when left out.
    #[schema(
        example = "en-GB",
        max_length = 35,
        pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
    )]
    pub locale: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Started {
    /// The conversation's public id, for the URL. It grants nothing without the token.
    #[schema(pattern = "^[0-9a-f]{16}$")]
    pub id: String,
    /// The secret that drives the conversation: send it as `Authorization: Bearer <token>`.
    /// It is shown only here; keep it like a password.
    #[schema(pattern = "^[0-9a-f]{32}$")]
    pub token: String,
    pub step: Step,
}

/// Text an answer or a step id may hold: anything but control characters (line breaks and
/// tabs are fine), as the handlers check. Attributes need the literal, so it is repeated on
/// `step` fields; a test checks every copy in the document is this one.
pub const NO_CONTROL: &str = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";

/// The most values one answer may hold, as the HTML form allows.
pub const MAX_VALUES: usize = 50;

/// An answer: one value, or a list for a `multi` step.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    One(String),
    Many(Vec<String>),
}

// Written by hand so the document carries the same limits the handler enforces.
impl utoipa::PartialSchema for AnswerValue {
    fn schema() -> RefOr<Schema> {
        let text = || {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(NO_CONTROL))
        };
        OneOfBuilder::new()
            .item(text())
            .item(ArrayBuilder::new().items(text()).max_items(Some(MAX_VALUES)))
            .description(Some(
                "A string, or a list of strings for a `multi` step (a string there is a list of one).",
            ))
            .into()
    }
}

impl ToSchema for AnswerValue {}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerRequest {
    /// The id of the step being answered; it must be the current one.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub step: String,
    /// Left out (or empty) to skip an optional question or to confirm a `review` or `none` step.
    #[serde(default)]
    pub value: Option<AnswerValue>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct BackRequest {
    /// If given, go back only while this is still the current step (a repeated click does
    /// not go back twice).
    #[schema(
        max_length = 64,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub step: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StepResponse {
    pub step: Step,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationBody {
    pub step: Step,
    /// The conversation so far, oldest first.
    pub transcript: Vec<Bubble>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Receipt {
    #[schema(example = "HYS-7K4P-Q2MX")]
    pub reference: String,
    /// Four words that, with the reference, let the child check on their case. Shown only for
    /// 30 minutes after sending (a retry, a lost response); never stored in readable form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// The date a reply is due, `YYYY-MM-DD`.
    #[schema(example = "2026-12-09")]
    pub reply_by: String,
    /// Sent to the duty team at once.
    pub urgent: bool,
    /// `complaint`, `compliment` or `comment` (an "I'm not safe" case is one of these, urgent).
    #[schema(example = "complaint")]
    pub kind: String,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
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

impl From<InputKind> for StepKind {
    fn from(kind: InputKind) -> Self {
        match kind {
            InputKind::Choice => StepKind::Choice,
            InputKind::Multi => StepKind::Multi,
            InputKind::Text => StepKind::Text,
            InputKind::Email => StepKind::Email,
            InputKind::Phone => StepKind::Phone,
            InputKind::Number => StepKind::Number,
            InputKind::Yesno => StepKind::Yesno,
            InputKind::Consent => StepKind::Consent,
            InputKind::Review => StepKind::Review,
            InputKind::None => StepKind::None,
            InputKind::Submit => StepKind::Submit,
            InputKind::End => StepKind::End,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StepOption {
    /// What to send as the answer.
    pub value: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
}

/// A phone number to offer, with its words.
#[derive(Debug, Serialize, ToSchema)]
pub struct Call {
    pub label: String,
    /// Digits only (and a leading `+`), for a `tel:` link.
    pub tel: String,
}

/// Calm help to show before the question: something the child wrote sounded like they may not
/// be safe.
#[derive(Debug, Serialize, ToSchema)]
pub struct Safety {
    pub title: String,
    pub text: String,
    pub calls: Vec<Call>,
    pub carry_on: String,
}

/// People to call, shown beside this step.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpPanel {
    pub title: String,
    pub calls: Vec<Call>,
    pub note: String,
}

/// A link to show just before contact details are asked: who sees what the child tells us.
#[derive(Debug, Serialize, ToSchema)]
pub struct PrivacyNote {
    pub text: String,
    /// The privacy page for children on this service.
    #[schema(example = "https://haveyoursay.example.gov.uk/privacy")]
    pub url: String,
}

/// One row of "check your answers".
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewRow {
    pub step: String,
    pub question: String,
    pub answer: String,
}

/// The current question, every text in the conversation's language.
#[derive(Debug, Serialize, ToSchema)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    /// The language tag of every text here.
    #[schema(example = "en-GB")]
    pub lang: String,
    /// `rtl` for right-to-left languages (Arabic, Urdu, Pashto ...), else `ltr`.
    #[schema(example = "ltr")]
    pub dir: String,
    /// Our chat bubbles before the question.
    pub say: Vec<String>,
    pub ask: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The label for the help text, e.g. "What is an advocate?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<StepOption>>,
    /// Characters for `text`, the value for `number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// How many lines a `text` box should show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<u32>,
    pub required: bool,
    /// The answer already given, when coming back to this question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safety: Option<Safety>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_panel: Option<HelpPanel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy: Option<PrivacyNote>,
    /// For `review`: the answers to check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Vec<ReviewRow>>,
    /// For `submit`: sending makes an urgent case.
    pub urgent: bool,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BubbleFrom {
    Service,
    User,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Bubble {
    pub from: BubbleFrom,
    pub text: String,
}

fn calls(app: &AppState, w: Words<'_>) -> Vec<Call> {
    [
        ("help-call-999", "999".to_owned()),
        ("help-call-childline", "08001111".to_owned()),
        ("help-call-council", tel(&app.config.help_phone)),
        (
            "help-call-out-of-hours",
            tel(&app.config.out_of_hours_phone),
        ),
    ]
    .into_iter()
    .map(|(label, tel)| Call {
        label: w.get(label),
        tel,
    })
    .collect()
}

pub fn step_body(app: &AppState, flow: &Flow, state: &State, w: Words<'_>) -> Option<Step> {
    let step = flow.step(&state.step)?;
    let view = view::step_view(flow, step, state, w);
    let value = step
        .save
        .as_ref()
        .and_then(|key| state.answers.get(key))
        .map(|answer| match answer {
            Answer::One(v) => AnswerValue::One(v.clone()),
            Answer::Many(vs) => AnswerValue::Many(vs.clone()),
        });
    Some(Step {
        id: view.id,
        kind: view.kind.into(),
        lang: w.lang().to_owned(),
        dir: w.dir().to_owned(),
        say: view.say,
        ask: view.ask,
        help_summary: view.help.as_ref().map(|h| h.summary.clone()),
        help: view.help.map(|h| h.text),
        options: (!view.options.is_empty()).then(|| {
            view.options
                .into_iter()
                .map(|o| StepOption {
                    value: o.value,
                    label: o.label,
                    icon: o.icon,
                })
                .collect()
        }),
        min: view.min,
        max: view.max,
        lines: (view.kind == InputKind::Text).then_some(view.lines),
        required: view.required,
        value,
        safety: state.show_safety.then(|| Safety {
            title: w.get("safety-title"),
            text: w.get("safety-text"),
            calls: calls(app, w),
            carry_on: w.get("safety-carry-on"),
        }),
        help_panel: view.help_panel.then(|| HelpPanel {
            title: w.get("help-panel-title"),
            calls: calls(app, w),
            note: w.get("help-childline-bill"),
        }),
        privacy: view.privacy_note.then(|| PrivacyNote {
            text: w.get("privacy-just-in-time"),
            url: format!("{}/privacy", app.config.public_url.trim_end_matches('/')),
        }),
        review: (view.kind == InputKind::Review).then(|| {
            view.review
                .into_iter()
                .map(|r| ReviewRow {
                    step: r.step,
                    question: r.question,
                    answer: r.answer,
                })
                .collect()
        }),
        urgent: view.urgent,
    })
}

pub fn transcript(flow: &Flow, state: &State, w: Words<'_>) -> Vec<Bubble> {
    view::transcript(flow, state, w)
        .into_iter()
        .map(|b| Bubble {
            from: match b.from {
                Speaker::Service => BubbleFrom::Service,
                Speaker::User => BubbleFrom::User,
            },
            text: b.text.into_owned(),
        })
        .collect()
}
