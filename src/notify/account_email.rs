//! The email that carries a one-time link to set a staff password. Staff wording (en-GB); the
//! subject names no one; the link is our own address with a random token, and the HTML body is
//! an askama template, so it is escaped like every other email.

use askama::Template;

use super::email::Rendered;
use crate::config::Config;
use crate::i18n::Localizer;

pub const MESSAGE_IDS: &[&str] = &[
    "email-password-subject",
    "email-password-intro",
    "email-password-button",
    "email-password-expiry",
    "email-password-ignore",
    "email-password-footer",
];

#[derive(Template)]
#[template(path = "email_password_link.html", config = "src/web/askama.toml")]
struct PasswordLinkHtml<'a> {
    subject: &'a str,
    intro: &'a str,
    link: &'a str,
    button: &'a str,
    expiry: &'a str,
    ignore: &'a str,
    footer: &'a str,
}

pub fn render(link: &str, config: &Config, words: &Localizer) -> Result<Rendered, askama::Error> {
    let locale = words.fallback();
    let get = |id: &str| words.text(&locale, id, None);
    let subject = get("email-password-subject");
    let intro = get("email-password-intro");
    let button = get("email-password-button");
    let expiry = get("email-password-expiry");
    let ignore = get("email-password-ignore");
    let mut args = fluent::FluentArgs::new();
    args.set("authority", config.authority_name.clone());
    let footer = words.text(&locale, "email-password-footer", Some(&args));
    let text = format!("{intro}\n\n{link}\n\n{expiry}\n\n{ignore}\n\n{footer}\n");
    let html = PasswordLinkHtml {
        subject: &subject,
        intro: &intro,
        link,
        button: &button,
        expiry: &expiry,
        ignore: &ignore,
        footer: &footer,
    }
    .render()?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}
