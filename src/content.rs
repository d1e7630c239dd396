//! The words and flows the service runs on, loaded and checked the same way by `serve` and
//! `check`: every message the flows, the pages and the emails use must exist in every locale.

use crate::config::Config;
use crate::flow::Flows;
use crate::i18n::Localizer;

/// Why the words or flows cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error(transparent)]
    Words(#[from] crate::i18n::I18nError),
    #[error("the flows have problems:\n{}", .0.join("\n"))]
    Flows(Vec<String>),
    #[error("the letter templates have problems:\n{}", .0.join("\n"))]
    Letters(Vec<String>),
}

/// Words and flows, checked the same way by `serve` and `check`.
pub fn load_content(config: &Config) -> Result<(Localizer, Flows), ContentError> {
    let mut words = Localizer::load(&config.locales_dir)?;
    // The council's own letter templates replace the shipped ones of the same name.
    if let Some(dir) = &config.reminders.templates_dir {
        crate::letters::apply_overrides(&mut words, dir).map_err(ContentError::Letters)?;
    }
    let mut problems: Vec<String> = Vec::new();
    let flows = match Flows::load(&config.flows_dir, &words) {
        Ok(flows) => Some(flows),
        Err(errors) => {
            problems.extend(errors.iter().map(ToString::to_string));
            None
        }
    };
    let ids = crate::web::templates::message_ids()
        .into_iter()
        .chain(crate::i18n::code_message_ids())
        .chain(crate::notify::email::message_ids())
        .chain(
            crate::notify::account_email::MESSAGE_IDS
                .iter()
                .map(|s| (*s).to_owned()),
        );
    let owned: Vec<String> = ids.collect();
    for (locale, id) in words.missing(owned.iter().map(String::as_str)) {
        problems.push(format!(
            "message {id:?} used by the pages is missing from locale {locale}"
        ));
    }
    match flows {
        Some(flows) if problems.is_empty() => Ok((words, flows)),
        _ => Err(ContentError::Flows(problems)),
    }
}

pub fn missing_per_locale(words: &Localizer) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for (locale, _) in words.incomplete() {
        *counts.entry(locale).or_insert(0) += 1;
    }
    counts
}
