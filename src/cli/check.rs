//! `have-your-say check`: lint the settings, lists, flows and translations.

use std::process::ExitCode;

use crate::config::Config;
use crate::content::load_content;

pub fn check(config: &Config) -> ExitCode {
    // Production refuses these at start-up (config loading already failed above if so).
    for problem in config.routing_problems() {
        println!("warning: {problem}");
    }
    if let Err(e) = crate::notify::Transport::from_settings(&config.mail) {
        eprintln!("have-your-say check: {e}");
        return ExitCode::FAILURE;
    }
    // The council's equality age bands (`[equality]` in the lists file).
    let bands = crate::equality::config::lint(&config.equality);
    if !bands.is_empty() {
        for problem in &bands {
            eprintln!("[equality] {problem}");
        }
        eprintln!("have-your-say check: the equality age bands have problems");
        return ExitCode::FAILURE;
    }
    let safety = crate::flow::safety::lint(&config.locales_dir);
    if !safety.is_empty() {
        for problem in &safety {
            eprintln!("{problem}");
        }
        eprintln!("have-your-say check: a safety phrase list has problems");
        return ExitCode::FAILURE;
    }
    let secret_words = crate::domain::secret::lists::lint(&config.locales_dir);
    if !secret_words.is_empty() {
        for problem in &secret_words {
            eprintln!("{problem}");
        }
        eprintln!("have-your-say check: a secret-word list has problems");
        return ExitCode::FAILURE;
    }
    match load_content(config) {
        Ok((words, _)) if !words.incomplete().is_empty() => {
            for (locale, id) in words.incomplete() {
                eprintln!("locale {locale} is missing message {id:?}");
            }
            eprintln!("have-your-say check: a shipped locale is incomplete");
            ExitCode::FAILURE
        }
        Ok((words, flows)) => {
            // A lists file with problems already stopped `Config::load`, each one named.
            let lists = &config.procedures.lists;
            println!(
                "ok: lists {}: {} complaint categories in {} groups, {} teams in {} services, \
                 {} receipt methods, {} council outcomes, {} actions taken",
                config.lists_file.as_ref().map_or_else(
                    || "locales/en-GB/lists.toml (shipped)".to_owned(),
                    |p| p.display().to_string()
                ),
                lists.complaint_categories().count(),
                lists.complaint_groups.len(),
                lists.teams.len(),
                lists.services.len(),
                lists.receipt_methods.len(),
                lists.outcomes.len(),
                lists.actions_taken.len()
            );
            let locales: Vec<String> = words.locales().map(|l| l.as_str().to_owned()).collect();
            let mut ids: Vec<&str> = flows.ids().collect();
            ids.sort_unstable();
            println!(
                "ok: flows {} and locales {} are complete",
                ids.join(", "),
                locales.join(", ")
            );
            // Loading them above linted them: a bad folder is an error there.
            if let Some(dir) = &config.reminders.templates_dir {
                println!(
                    "ok: letter templates in {} replace the shipped ones they name",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("have-your-say check: {e}");
            ExitCode::FAILURE
        }
    }
}
