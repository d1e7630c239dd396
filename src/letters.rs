//! Letters to the person who raised a case, from templates the council can edit: the
//! acknowledgement, a Stage 1 response, an extension notice and a closing letter that states
//! their next rights. Each is a Fluent message in `locales/<language>/letters.ftl`, so it is
//! written in the case's language; a council puts its own wording in a folder named by
//! `HYS_TEMPLATES` (`<folder>/<language>/letters.ftl`), whose messages replace the shipped
//! ones of the same name. `have-your-say check` and start-up lint that folder: only the
//! letters' own ids, only the placeholders below, valid Fluent.
//!
//! Placeholders: `$name` (first name, or empty), `$reference`, `$authority`, `$received`,
//! `$due` (the current response date), `$next_stage_by` (the last day to ask for the next
//! stage: 20 working days from the response), `$ombudsman` (the Local Government and Social
//! Care Ombudsman's phone and web address), `$help_phone`.

use std::path::Path;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};

use crate::config::Config;
use crate::domain::Case;
use crate::domain::case::string_enum;
use crate::i18n::{Locale, Localizer};
use crate::timescale::{Calendar, Deadline};

string_enum! {
    /// Which letter (`stage1_response` is a Stage 1 response).
    Letter {
        Acknowledgement = "acknowledgement",
        StageOneResponse = "stage1_response",
        Extension = "extension",
        Closing = "closing",
    }
}

impl Letter {
    pub fn message_id(self) -> String {
        format!("letter-{}", self.as_str())
    }
}

/// The placeholders a template may use.
pub const PLACEHOLDERS: &[&str] = &[
    "name",
    "reference",
    "authority",
    "received",
    "due",
    "next_stage_by",
    "ombudsman",
    "help_phone",
];

/// The ids besides one per letter: the greeting (named or not) and the email's subject.
pub const FRAME_IDS: &[&str] = &[
    "letter-greeting",
    "letter-greeting-unnamed",
    "letter-sign-off",
    "letter-acknowledgement-subject",
];

/// The Ombudsman, as the closing letter names them.
const OMBUDSMAN: &str = "0300 061 0614, www.lgo.org.uk";

/// Every id a template file may define.
pub fn message_ids() -> Vec<String> {
    FRAME_IDS
        .iter()
        .map(|s| (*s).to_owned())
        .chain(Letter::ALL.iter().map(|l| l.message_id()))
        .collect()
}

/// The placeholders' values for one case on `today`.
pub fn args<'a>(
    case: &Case,
    config: &Config,
    words: &Localizer,
    locale: &Locale,
    calendar: &Calendar,
    today: time::Date,
) -> FluentArgs<'a> {
    let date = |d: time::Date| words.long_date(locale, d);
    let received = case
        .received_at
        .to_offset(crate::timescale::london_offset(case.received_at))
        .date();
    let responded = case.responded_on.unwrap_or(today);
    let mut args = FluentArgs::new();
    let mut set = |k: &'static str, v: String| args.set(k, FluentValue::from(v));
    set("name", case.first_name.clone().unwrap_or_default());
    set("reference", case.reference.to_string());
    set("authority", config.authority_name.clone());
    set("received", date(received));
    set(
        "due",
        case.current_due_on()
            .or(case.acknowledge_by)
            .map(date)
            .unwrap_or_default(),
    );
    set(
        "next_stage_by",
        date(calendar.due(Deadline::EscalationWindow, responded)),
    );
    set("ombudsman", OMBUDSMAN.to_owned());
    set("help_phone", config.help_phone.clone());
    args
}

/// The whole letter: greeting, body, sign-off, in `locale`.
pub fn render(words: &Localizer, locale: &Locale, letter: Letter, args: &FluentArgs) -> String {
    let named = args
        .get("name")
        .is_some_and(|v| !matches!(v, FluentValue::String(s) if s.trim().is_empty()));
    let greeting = if named {
        "letter-greeting"
    } else {
        "letter-greeting-unnamed"
    };
    [greeting, &letter.message_id(), "letter-sign-off"]
        .iter()
        .map(|id| words.text(locale, id, Some(args)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Read the council's templates from `dir` over the shipped ones. Every problem is returned
/// (nothing is taken unless the whole folder is sound).
pub fn apply_overrides(words: &mut Localizer, dir: &Path) -> Result<usize, Vec<String>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("HYS_TEMPLATES {}: {e}", dir.display())])?;
    let known = message_ids();
    let mut problems = Vec::new();
    let mut taken = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path().join("letters.ftl");
        if !entry.path().is_dir() || !path.exists() {
            continue;
        }
        let tag = entry.file_name().to_string_lossy().into_owned();
        let Some(locale) = words.resolve(&tag).filter(|l| l.as_str() == tag) else {
            problems.push(format!(
                "{}: {tag:?} is not a language we ship",
                path.display()
            ));
            continue;
        };
        match std::fs::read_to_string(&path) {
            Err(e) => problems.push(format!("{}: {e}", path.display())),
            Ok(text) => {
                let found = lint_file(&path, &text, &known);
                if found.is_empty() {
                    taken.push((locale, path, text));
                } else {
                    problems.extend(found);
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let count = taken.len();
    for (locale, path, text) in taken {
        words
            .override_messages(&locale, text)
            .map_err(|e| vec![format!("{}: {e}", path.display())])?;
    }
    Ok(count)
}

/// What is wrong with one template file: Fluent that does not parse, ids that are not
/// letters, placeholders that do not exist, or a message that does not format.
fn lint_file(path: &Path, text: &str, known: &[String]) -> Vec<String> {
    let place = path.display();
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => {
            return errors
                .iter()
                .map(|e| format!("{place}: not valid Fluent: {e:?}"))
                .collect();
        }
    };
    let mut problems = Vec::new();
    let ids: Vec<String> = crate::i18n::defined_ids(text).collect();
    for id in &ids {
        if !known.contains(id) {
            problems.push(format!(
                "{place}: {id:?} is not a letter template; the templates are {}",
                known.join(", ")
            ));
        }
    }
    let mut bundle = FluentBundle::new_concurrent(Vec::new());
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{place}: {e:?}")));
        return problems;
    }
    let mut sample = FluentArgs::new();
    for name in PLACEHOLDERS {
        sample.set(*name, FluentValue::from("x"));
    }
    for id in ids.iter().filter(|id| known.contains(id)) {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            problems.push(format!("{place}: {id} has no text"));
            continue;
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&sample), &mut errors);
        for e in errors {
            problems.push(format!(
                "{place}: {id}: {e} (the placeholders are ${})",
                PLACEHOLDERS.join(", $")
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<String> {
        lint_file(Path::new("cy/letters.ftl"), text, &message_ids())
    }

    #[test]
    fn a_sound_template_file_has_no_problems() {
        assert!(
            lint("letter-acknowledgement = Diolch { $name }, { $reference } erbyn { $due }.\n")
                .is_empty()
        );
    }

    #[test]
    fn unknown_ids_placeholders_and_bad_fluent_are_each_named() {
        let unknown = lint("letter-thanks = Hello\n");
        assert!(
            unknown[0].contains("\"letter-thanks\" is not a letter template"),
            "{unknown:?}"
        );
        let placeholder = lint("letter-closing = Ask by { $deadline }\n");
        assert!(placeholder[0].contains("letter-closing"), "{placeholder:?}");
        assert!(placeholder[0].contains("$next_stage_by"), "{placeholder:?}");
        let broken = lint("letter-closing = Ask by { $next_stage_by\n");
        assert!(broken[0].contains("not valid Fluent"), "{broken:?}");
    }

    #[test]
    fn every_shipped_locale_has_every_letter_and_formats_it_without_errors() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for entry in std::fs::read_dir(&dir).expect("locales") {
            let path = entry.expect("entry").path().join("letters.ftl");
            let text = std::fs::read_to_string(&path).expect("letters.ftl in every locale");
            assert_eq!(
                lint_file(&path, &text, &message_ids()),
                Vec::<String>::new()
            );
            for id in message_ids() {
                assert!(
                    text.contains(&format!("\n{id} =")) || text.starts_with(&format!("{id} =")),
                    "{id} in {}",
                    path.display()
                );
            }
        }
    }
}
