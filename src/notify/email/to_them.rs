//! Emails to the person who raised the case, in their own language: a reply waiting behind
//! their secret words, or the council's acknowledgement letter. Neither carries their words.

use askama::Template;

use super::{BuildError, EmailHtml, Rendered, Words};
use crate::config::Config;
use crate::domain::Case;
use crate::i18n::Localizer;

/// What an email to the person who raised the case says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ToThem {
    /// Only that there is a reply and where to read it. A phone may be checked by someone
    /// else, so the reply itself stays behind the secret words.
    Reply,
    /// The acknowledgement letter from the council's template: reference and dates, never
    /// words of theirs; its subject names nothing personal.
    Acknowledgement,
}

/// To the person who raised the case, in their language, with the tracking link.
pub(super) fn render_to_them(
    what: ToThem,
    case: &Case,
    config: &Config,
    words: &Localizer,
) -> Result<Rendered, BuildError> {
    let w = Words {
        words,
        locale: words
            .resolve(&case.locale)
            .unwrap_or_else(|| words.fallback()),
    };
    let link = format!("{}/track", config.public_url);
    let args = [
        ("authority", config.authority_name.clone()),
        ("link", link.clone()),
    ];
    let (subject, intro) = match what {
        ToThem::Reply => (
            w.get("email-child-subject", &args),
            w.get("email-child-body", &args),
        ),
        ToThem::Acknowledgement => {
            let calendar =
                crate::timescale::Calendar::with_closures(config.closure_days.iter().copied());
            let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
            let letter_args =
                crate::letters::args(case, config, words, &w.locale, &calendar, today);
            let letter = crate::letters::Letter::Acknowledgement;
            (
                words.text(
                    &w.locale,
                    "letter-acknowledgement-subject",
                    Some(&letter_args),
                ),
                crate::letters::render(words, &w.locale, letter, &letter_args),
            )
        }
    };
    let link_label = w.get("email-child-link", &args);
    let footer = w.get("email-child-footer", &args);
    let text = format!("{intro}\n\n{link_label}: {link}\n\n-- \n{footer}\n");
    let html = EmailHtml {
        lang: w.locale.as_str(),
        rtl: words.is_rtl(&w.locale),
        heading: &subject,
        intro: &intro,
        rows: &[],
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
