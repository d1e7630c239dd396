//! What each email says, from Fluent messages in the staff locale (en-GB). Subjects carry no
//! personal data: kind, reference and due date only. Bodies carry what the recipient needs and a
//! link to the case; the HTML body is an askama template, so every value a child typed is
//! escaped, and no value from a case ever reaches a header.

use askama::Template;
use fluent::{FluentArgs, FluentValue};

use crate::config::Config;
use crate::domain::Case;
use crate::domain::EmailKind;
use crate::i18n::{Locale, Localizer};

mod message;
#[cfg(test)]
mod tests;
mod to_them;

pub use message::{BuildError, Thread, message};
use to_them::{ToThem, render_to_them};

/// Message ids this module formats (checked at start-up like the pages' ids).
pub const MESSAGE_IDS: &[&str] = &[
    "email-subject-new_case",
    "email-subject-new_case-undated",
    "email-intro-new_case-undated",
    "email-subject-urgent",
    "email-subject-advocacy_referral",
    "email-subject-new_information",
    "email-intro-new_information",
    "email-child-subject",
    "email-child-body",
    "email-child-link",
    "email-child-footer",
    "email-intro-new_case",
    "email-intro-urgent",
    "email-intro-advocacy_referral",
    "email-open-case",
    "email-footer",
    "email-field-reference",
    "email-field-kind",
    "email-field-received",
    "email-field-due",
    "email-field-submitted-by",
    "email-field-category",
    "email-field-advocate",
    "email-field-contact",
    "email-field-contact-detail",
    "email-field-consent",
    "email-field-has-advocate",
    "email-field-first-name",
    "email-field-age",
    "email-field-what",
    "email-field-reach",
    "email-field-why",
    "email-field-added",
    "email-field-where-now",
    "email-field-safe-to-call",
    "email-why-unrecorded",
    "email-why-chose-not-safe",
    "email-why-phrase",
    "email-why-added",
    "label-safe-to-call-yes",
    "label-safe-to-call-no",
    "label-safe-to-call-not_sure",
    "email-not-given",
    "email-words-withheld",
    "date-short",
];

/// Every id this module may format, including the label of every stored value.
pub fn message_ids() -> Vec<String> {
    use crate::domain::{AdvocateWanted, CaseKind, Category, ContactMethod, SubmitterRole};
    let mut ids: Vec<String> = MESSAGE_IDS.iter().map(|s| (*s).to_owned()).collect();
    let label = |group: &str, value: &str| format!("label-{group}-{value}");
    ids.extend(CaseKind::ALL.iter().map(|v| label("kind", v.as_str())));
    ids.extend(SubmitterRole::ALL.iter().map(|v| label("role", v.as_str())));
    ids.extend(Category::ALL.iter().map(|v| label("category", v.as_str())));
    ids.extend(
        AdvocateWanted::ALL
            .iter()
            .map(|v| label("advocate", v.as_str())),
    );
    ids.extend(
        ContactMethod::ALL
            .iter()
            .map(|v| label("contact", v.as_str())),
    );
    ids.extend(
        crate::domain::AdultRole::ALL
            .iter()
            .map(|v| label("adult-role", v.as_str())),
    );
    ids.extend(
        crate::domain::ChildConsent::ALL
            .iter()
            .map(|v| label("consent", v.as_str())),
    );
    ids.extend(
        ["yes", "no", "dont_know"]
            .iter()
            .map(|v| label("has-advocate", v)),
    );
    ids
}

/// "A parent or family member (Foster carer, Anyshire Fostering)": the report's group, then
/// what the adult said they are and their organisation.
pub fn sent_by(label: impl Fn(&str, &str) -> String, case: &Case) -> String {
    let group = label("role", case.submitted_by.as_str());
    let detail: Vec<String> = case
        .adult
        .iter()
        .flat_map(|a| {
            std::iter::once(label("adult-role", a.role.as_str())).chain(a.organisation.clone())
        })
        .collect();
    if detail.is_empty() {
        group
    } else {
        format!("{group} ({})", detail.join(", "))
    }
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "email.html", config = "src/web/askama.toml")]
struct EmailHtml<'a> {
    /// The reader's language: staff emails are in English, emails to a child in theirs.
    lang: &'a str,
    rtl: bool,
    heading: &'a str,
    intro: &'a str,
    rows: &'a [(String, String)],
    link: &'a str,
    link_label: &'a str,
    footer: &'a str,
}

struct Words<'a> {
    words: &'a Localizer,
    locale: Locale,
}

impl super::urgent::StaffWords for Words<'_> {
    fn get(&self, id: &str, args: &[(&str, String)]) -> String {
        Words::get(self, id, args)
    }

    fn label(&self, group: &str, value: &str) -> String {
        Words::label(self, group, value)
    }
}

impl Words<'_> {
    fn get(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            fluent.set(*k, FluentValue::from(v.clone()));
        }
        self.words.text(&self.locale, id, Some(&fluent))
    }

    /// A label for a stored value, e.g. `label-category-money`; the raw value if none exists.
    fn label(&self, group: &str, value: &str) -> String {
        let id = format!("label-{group}-{value}");
        if self.words.has(&self.locale, &id) {
            self.get(&id, &[])
        } else {
            value.to_owned()
        }
    }
}

pub fn render(
    kind: EmailKind,
    case: &Case,
    config: &Config,
    words: &Localizer,
) -> Result<Rendered, BuildError> {
    match kind {
        EmailKind::ReplyToChild => return render_to_them(ToThem::Reply, case, config, words),
        EmailKind::Acknowledgement => {
            return render_to_them(ToThem::Acknowledgement, case, config, words);
        }
        _ => {}
    }
    let w = Words {
        words,
        locale: words.fallback(),
    };
    let due = case
        .due_on
        .map(|d| words.short_date(&w.locale, d))
        .unwrap_or_default();
    let received = words.short_date(
        &w.locale,
        case.received_at
            .to_offset(crate::timescale::london_offset(case.received_at))
            .date(),
    );
    let kind_label = w.label("kind", case.kind.as_str());
    let subject_args = [
        ("kind", kind_label.to_lowercase()),
        ("reference", case.reference.to_string()),
        ("due", due.clone()),
    ];
    // Only a complaint has a statutory reply-by date; the subject and the first line follow
    // the kind (a compliment has no Stage 1 response to be due).
    let undated = kind == EmailKind::NewCase && (due.is_empty() || !case.kind.has_procedure());
    let suffix = if undated { "-undated" } else { "" };
    let subject = w.get(
        &format!("email-subject-{}{suffix}", kind.as_str()),
        &subject_args,
    );
    let intro = w.get(
        &format!("email-intro-{}{suffix}", kind.as_str()),
        &subject_args,
    );
    let not_given = || w.get("email-not-given", &[]);
    let field = |id: &str, value: String| (w.get(id, &[]), value);

    let mut rows = vec![field("email-field-reference", case.reference.to_string())];
    match kind {
        EmailKind::NewCase => {
            rows.push(field("email-field-kind", kind_label.clone()));
            rows.push(field("email-field-received", received));
            if !due.is_empty() {
                rows.push(field("email-field-due", due));
            }
            rows.push(field(
                "email-field-submitted-by",
                sent_by(|g, v| w.label(g, v), case),
            ));
            if let Some(consent) = case.adult.as_ref().and_then(|a| a.child_consent) {
                rows.push(field(
                    "email-field-consent",
                    w.label("consent", consent.as_str()),
                ));
            }
            if let Some(has) = case.adult.as_ref().and_then(|a| a.child_has_advocate) {
                rows.push(field(
                    "email-field-has-advocate",
                    w.label("has-advocate", has.as_str()),
                ));
            }
            rows.push(field(
                "email-field-category",
                case.category
                    .map(|c| w.label("category", c.as_str()))
                    .unwrap_or_else(not_given),
            ));
            rows.push(field(
                "email-field-advocate",
                w.label("advocate", case.advocate_wanted.as_str()),
            ));
            rows.push(field(
                "email-field-contact",
                w.label("contact", case.contact_method.as_str()),
            ));
        }
        EmailKind::Urgent => {
            let at = |at: time::OffsetDateTime| words.short_date_time_at(&w.locale, at);
            rows.extend(super::urgent::rows(case, &w, &at));
        }
        EmailKind::AdvocacyReferral => {
            if case.adult.is_some() {
                rows.push(field(
                    "email-field-submitted-by",
                    sent_by(|g, v| w.label(g, v), case),
                ));
            }
            if let Some(consent) = case.adult.as_ref().and_then(|a| a.child_consent) {
                rows.push(field(
                    "email-field-consent",
                    w.label("consent", consent.as_str()),
                ));
            }
            rows.push(field(
                "email-field-first-name",
                case.first_name.clone().unwrap_or_else(not_given),
            ));
            rows.push(field(
                "email-field-age",
                case.age.map(|a| a.to_string()).unwrap_or_else(not_given),
            ));
            rows.push(field(
                "email-field-advocate",
                w.label("advocate", case.advocate_wanted.as_str()),
            ));
            rows.push(field(
                "email-field-contact",
                w.label("contact", case.contact_method.as_str()),
            ));
            rows.push(field(
                "email-field-contact-detail",
                case.contact_value.clone().unwrap_or_else(not_given),
            ));
            rows.push(field(
                "email-field-category",
                case.category
                    .map(|c| w.label("category", c.as_str()))
                    .unwrap_or_else(not_given),
            ));
            let words_row = if config.routing.advocacy_gets_words {
                case.summary.clone().unwrap_or_else(not_given)
            } else {
                w.get("email-words-withheld", &[])
            };
            rows.push(field("email-field-what", words_row));
        }
        EmailKind::NewInformation => {
            rows.push(field("email-field-kind", kind_label.clone()));
            if !due.is_empty() {
                rows.push(field("email-field-due", due));
            }
        }
        // Sent as stored when it was queued (see `reminders::digest`), never rendered here.
        EmailKind::ReplyToChild
        | EmailKind::Digest
        | EmailKind::Acknowledgement
        | EmailKind::PasswordLink
        | EmailKind::KeepWords => {}
    }
    let link = format!("{}/staff/cases/{}", config.public_url, case.reference);
    let link_label = w.get("email-open-case", &[]);
    let footer = w.get(
        "email-footer",
        &[("authority", config.authority_name.clone())],
    );

    let mut text = format!("{intro}\n\n");
    for (label, value) in &rows {
        // Continuation lines are indented, so a child's line breaks cannot forge a "Label:" row.
        let value = value
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\n', "\n    ");
        text.push_str(&format!("{label}: {value}\n"));
    }
    text.push_str(&format!("\n{link_label}: {link}\n\n-- \n{footer}\n"));
    let html = EmailHtml {
        lang: crate::i18n::FALLBACK,
        rtl: false,
        heading: &subject,
        intro: &intro,
        rows: &rows,
        link: &link,
        link_label: &link_label,
        footer: &footer,
    }
    .render()
    .map_err(|e| BuildError(e.to_string()))?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}
