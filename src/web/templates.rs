//! The HTML pages (askama, compiled in and auto-escaped: a child's words can never become
//! markup). Each page is a struct; `t` gives it the words in the visitor's language.

use askama::Template;

use super::view::{ReviewRow, StepView};
use crate::i18n::Words;

/// Every template's source, so the linter can find the message ids they use.
const SOURCES: &[&str] = &[
    include_str!("templates/base.html"),
    include_str!("templates/help_panel.html"),
    include_str!("templates/help_panel_early.html"),
    include_str!("templates/guide.html"),
    include_str!("templates/help_calls.html"),
    include_str!("templates/start.html"),
    include_str!("templates/help.html"),
    include_str!("templates/error.html"),
    include_str!("templates/done.html"),
    include_str!("templates/chat.html"),
    include_str!("templates/chat_frame.html"),
    include_str!("templates/bubble.html"),
    include_str!("templates/track.html"),
    include_str!("templates/track_case.html"),
    include_str!("templates/later.html"),
    include_str!("templates/resume.html"),
    include_str!("templates/info.html"),
    include_str!("templates/staff_base.html"),
    include_str!("templates/staff_login.html"),
    include_str!("templates/staff_inbox.html"),
    include_str!("templates/staff_case.html"),
    include_str!("templates/staff_report.html"),
    include_str!("templates/staff_record.html"),
    include_str!("templates/staff_unmatched.html"),
    include_str!("templates/staff_forbidden.html"),
    include_str!("templates/staff_accounts.html"),
    include_str!("templates/staff_password.html"),
    include_str!("templates/staff_two_factor.html"),
    include_str!("templates/staff_code.html"),
    include_str!("templates/staff_letter.html"),
];

// The email template is checked by `notify::email::message_ids`; it uses no `t`.

/// Ids the page code passes to templates after formatting them itself.
const CODE_IDS: &[&str] = &[
    "hint-max-characters",
    "done-next-reply-by",
    "done-next-read",
    "progress-left",
    "done-next-no-contact",
    "done-next-advocate",
    "done-next-advocate-call",
    "error-not-current-step",
    "error-bad-text",
    "error-bad-request",
    "error-title",
    "error-not-found-title",
    "error-not-found",
    "error-expired-title",
    "error-expired",
    "error-too-large",
    "error-media-type",
    "error-internal",
    "error-forbidden",
    "answer-skipped",
    "answer-yes",
    "answer-no",
    "error-choose-one",
    "error-consent",
    "error-choose-from-list",
    "error-choose-at-least-one",
    "error-choose-at-most",
    "error-type-something",
    "error-too-long",
    "error-too-short",
    "error-email-missing",
    "error-email",
    "error-phone-missing",
    "error-phone",
    "error-number",
    "track-no-match",
    "track-throttled",
    "track-too-long",
    "track-due",
    "track-due-here",
    "track-sent-facts",
    "track-sent-facts-no-topic",
    "track-sent-date",
    "track-outcome-upheld",
    "track-outcome-partly_upheld",
    "track-outcome-not_upheld",
    "track-outcome-withdrawn",
    "track-outcome-outside_jurisdiction",
    "track-outcome-inconclusive",
    "track-next-stage",
    "track-next-formal",
    "track-next-ombudsman",
    "track-next-advocate",
    "track-status-closed",
    "track-status-paused",
    "track-status-replied",
    "track-status-received",
    "track-status-looking",
    "resume-no-match",
    "later-until",
    // "Email them to me" (`notify::keep_words`), and its name in the case page's email list.
    "keep-email-subject",
    "keep-email-intro",
    "keep-email-private",
    "keep-email-reference",
    "keep-email-words",
    "keep-email-link",
    "staff-email-kind-keep_words",
    // "How are you feeling?" on the first page (`FACES`).
    "feeling-1",
    "feeling-2",
    "feeling-3",
    "feeling-4",
    "feeling-5",
];

/// Message ids used by the pages: literal `t.get("…")`-style calls in templates, and the ids
/// the page code formats.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = CODE_IDS.iter().map(|s| (*s).to_owned()).collect();
    ids.extend(super::staff::templates::message_ids());
    ids.extend(super::staff::account_pages::message_ids());
    ids.extend(super::info::info_message_ids());
    ids.extend(crate::report::message_ids());
    ids.extend(crate::reminders::message_ids());
    ids.extend(super::staff::letters::message_ids());
    for source in SOURCES {
        for marker in ["t.text(\"", "t.get(\"", "t.attr(\"", "t.called(\""] {
            let mut rest = *source;
            while let Some(at) = rest.find(marker) {
                rest = &rest[at + marker.len()..];
                if let Some(end) = rest.find('"') {
                    ids.push(rest[..end].to_owned());
                    rest = &rest[end..];
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

impl StepView {
    /// Templates compare kinds by name; askama has no access to the enum's path.
    pub fn is(&self, kind: &str) -> bool {
        self.kind.as_str() == kind
    }
}

#[derive(Template)]
#[template(path = "start.html", config = "src/web/askama.toml")]
pub struct StartPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    /// `(tag, the language's own name, right to left)` for the language picker.
    pub languages: Vec<(String, String, bool)>,
    /// A conversation is open in this browser: the step to carry on from.
    pub carry_on: Option<String>,
    /// "How are you feeling?": `(value, label, the face's mouth as an SVG path)`, 1 to 5.
    pub faces: Vec<(u8, String, &'static str)>,
}

/// The five faces of "How are you feeling?", saddest first: each value's label id and mouth.
pub const FACES: [(u8, &str, &str); 5] = [
    (1, "feeling-1", "M7 18.5 Q12 11 17 18.5"),
    (2, "feeling-2", "M8.5 16.5 Q12 14.5 15.5 16.5"),
    (3, "feeling-3", "M8 15.5 L16 15.5"),
    (4, "feeling-4", "M8 14.5 Q12 17 16 14.5"),
    (5, "feeling-5", "M7 13.5 Q12 19.5 17 13.5"),
];

#[derive(Template)]
#[template(path = "help.html", config = "src/web/askama.toml")]
pub struct HelpPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub help_tel: String,
    pub out_of_hours_tel: String,
}

#[derive(Template)]
#[template(path = "error.html", config = "src/web/askama.toml")]
pub struct ErrorPageView<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub title: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "done.html", config = "src/web/askama.toml")]
pub struct DonePage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub reference: String,
    pub secret: Option<String>,
    /// "Email them to me": `Some(false)` offers it, `Some(true)` says it is on its way, `None`
    /// (no email address given, or the words no longer shown) says nothing.
    pub email_offer: Option<bool>,
    /// "What happens next", each line already in words.
    pub next_steps: Vec<String>,
    pub urgent: bool,
    pub help_tel: String,
    pub out_of_hours_tel: String,
}

/// A step page's conversation; the page around it is drawn once per language
/// ([`super::chat::drawn`]).
#[derive(Template)]
#[template(path = "chat.html", config = "src/web/askama.toml")]
pub struct ChatPage<'a> {
    pub t: Words<'a>,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// "3 more questions", from the flow graph.
    pub progress: Option<std::borrow::Cow<'a, str>>,
    pub transcript: super::chat::drawn::Drawn,
    pub step: StepView,
    pub typed: String,
    pub limit_hint: Option<String>,
    pub can_go_back: bool,
    /// Something they wrote sounded worrying: show help calmly before this question.
    pub safety_panel: bool,
    pub help_tel: String,
    pub out_of_hours_tel: String,
    /// An adult on a child's behalf: no typing pause, the next question at once.
    pub adult: bool,
}

#[derive(Template)]
#[template(path = "track.html", config = "src/web/askama.toml")]
pub struct TrackPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub error: Option<String>,
    /// What was typed as the reference, kept after a wrong pair.
    pub reference: String,
}

#[derive(Template)]
#[template(path = "track_case.html", config = "src/web/askama.toml")]
pub struct TrackCasePage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub reference: String,
    pub status: String,
    pub due: Option<String>,
    /// `(from_child, text)`, oldest first.
    pub messages: Vec<(bool, String)>,
    pub error: Option<String>,
    /// What they just added sounded like they may not be safe: calm help comes first.
    pub safety_panel: bool,
    pub help_tel: String,
    pub out_of_hours_tel: String,
    /// What they sent: the facts in one line, their answers behind "Show what I sent".
    pub sent: Option<SentView>,
    /// Once a complaint is closed: what we decided and what they can do next.
    pub closed: Option<ClosedView>,
}

pub struct SentView {
    pub facts: String,
    pub rows: Vec<ReviewRow>,
}

pub struct ClosedView {
    pub outcome: Option<String>,
    pub next: Option<String>,
    /// Show the Ombudsman's number to tap.
    pub ombudsman: bool,
    pub advocate: String,
}

#[derive(Template)]
#[template(path = "later.html", config = "src/web/askama.toml")]
pub struct LaterPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub code: String,
    pub secret: String,
    pub until: String,
}

#[derive(Template)]
#[template(path = "resume.html", config = "src/web/askama.toml")]
pub struct ResumePage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub error: Option<String>,
}

/// A page of plain words: privacy, staying safe online. `paragraphs` are message ids.
#[derive(Template)]
#[template(path = "info.html", config = "src/web/askama.toml")]
pub struct InfoPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub title: String,
    pub sections: Vec<(String, Vec<String>)>,
}

/// Digits and a leading plus only, for `tel:` links.
pub fn tel(number: &str) -> String {
    number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect()
}
