//! "Email them to me": the child's reference and secret words, in the case's language, to the
//! address they gave. The subject names neither the words nor anything they wrote; the body is
//! an askama template, so every value is escaped.

use askama::Template;
use fluent::FluentArgs;

use super::email::{BuildError, Rendered};
use crate::config::Config;
use crate::domain::Case;
use crate::i18n::Localizer;

#[derive(Template)]
#[template(path = "email_keep_words.html", config = "src/web/askama.toml")]
struct KeepWordsHtml<'a> {
    lang: &'a str,
    rtl: bool,
    subject: &'a str,
    intro: &'a str,
    private: &'a str,
    rows: &'a [(String, String)],
    link: &'a str,
    link_label: &'a str,
    footer: &'a str,
}

pub fn render(
    case: &Case,
    secret_words: &str,
    config: &Config,
    words: &Localizer,
) -> Result<Rendered, BuildError> {
    let locale = words
        .resolve(&case.locale)
        .unwrap_or_else(|| words.fallback());
    let mut args = FluentArgs::new();
    args.set("authority", config.authority_name.clone());
    let get = |id: &str| words.text(&locale, id, Some(&args));
    let subject = get("keep-email-subject");
    let intro = get("keep-email-intro");
    let private = get("keep-email-private");
    let rows = [
        (get("keep-email-reference"), case.reference.to_string()),
        (get("keep-email-words"), secret_words.to_owned()),
    ];
    let link = format!("{}/track", config.public_url);
    let link_label = get("keep-email-link");
    let footer = get("email-child-footer");
    let mut text = format!("{intro}\n\n");
    for (label, value) in &rows {
        text.push_str(&format!("{label}: {value}\n"));
    }
    text.push_str(&format!(
        "\n{private}\n\n{link_label}: {link}\n\n-- \n{footer}\n"
    ));
    let html = KeepWordsHtml {
        lang: locale.as_str(),
        rtl: words.is_rtl(&locale),
        subject: &subject,
        intro: &intro,
        private: &private,
        rows: &rows,
        link: &link,
        link_label: &link_label,
        footer: &footer,
    }
    .render()
    .map_err(|e| BuildError::new(e.to_string()))?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}
