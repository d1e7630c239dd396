//! What is drawn at start-up reads exactly as drawing it per request would, in every language
//! and for every step of the shipped flows.

use super::*;
use crate::config::Config;

fn shipped() -> (Localizer, Flows) {
    let config = Config::default();
    let mut words = Localizer::load(&config.locales_dir).unwrap();
    let flows = Flows::load(&config.flows_dir, &words).unwrap();
    words.prepare(config.council());
    (words, flows)
}

/// Each step's bubbles, drawn one by one as a request would.
fn per_request(flow: &Flow, state: &State, t: Words<'_>) -> String {
    let mut html = String::new();
    for (_, bubbles) in crate::web::view::transcript_by_step(flow, state, t) {
        for bubble in bubbles {
            Bubble {
                t,
                ours: bubble.from == crate::web::view::Speaker::Service,
                text: &bubble.text,
            }
            .render_into(&mut html)
            .unwrap();
        }
    }
    html
}

#[test]
fn every_step_and_answer_reads_as_drawn_per_request_in_every_language() {
    let (words, flows) = shipped();
    let pages = StepPages::draw(&flows, &words).unwrap();
    let mut answers_checked = 0;
    for locale in words.locales() {
        let t = Words::new(&words, &locale);
        let parts = pages.parts(&locale).unwrap();
        let tag = locale.as_str();
        for id in flows.ids() {
            let flow = flows.get(id).unwrap();
            for step in &flow.steps {
                // Every answer this step can read back as: each option, yes and no, skipped,
                // and words typed (with markup in them, which must come out escaped).
                let mut answers: Vec<Option<Answer>> = vec![None];
                answers.extend(
                    step.input
                        .options()
                        .iter()
                        .map(|o| Some(Answer::One(o.value.clone()))),
                );
                answers.extend(
                    ["yes", "no", "<b>mine</b> & \"yours\""]
                        .map(|v| Some(Answer::One(v.to_owned()))),
                );
                for answer in answers {
                    let mut state = crate::flow::engine::start(flow);
                    state.history = vec![step.id.clone()];
                    if let (Some(key), Some(answer)) = (&step.save, answer) {
                        state.answers.insert(key.clone(), answer);
                    }
                    let drawn = parts.transcript(flow, &state, t).unwrap().0;
                    assert_eq!(
                        drawn,
                        per_request(flow, &state, t),
                        "{tag} {id} {}",
                        step.id
                    );
                    answers_checked += 1;
                }
                assert_eq!(
                    parts.step(flow, step).unwrap().title,
                    title(step, t),
                    "{tag} {}",
                    step.id
                );
            }
        }
    }
    assert!(
        answers_checked > 100,
        "only {answers_checked} answers checked"
    );
}

#[test]
fn the_page_around_the_conversation_has_one_room_each_for_the_title_and_the_conversation() {
    let (words, flows) = shipped();
    let pages = StepPages::draw(&flows, &words).unwrap();
    for locale in words.locales() {
        let parts = pages.parts(&locale).unwrap();
        let t = Words::new(&words, &locale);
        let tag = locale.as_str();
        assert!(parts.before_title(false).ends_with("<title>"));
        let error_prefix = format!("<title>{} ", t.text("title-error-prefix"));
        assert!(parts.before_title(true).ends_with(&error_prefix), "{tag}");
        assert!(parts.before_main.starts_with(" – "), "{tag}");
        assert!(
            parts
                .before_main
                .trim_end()
                .ends_with("<main id=\"main\" class=\"page\">")
        );
        assert!(parts.after_main.trim_start().starts_with("</main>"));
        assert!(parts.after_main.contains("/assets/chat.js"));
        assert!(!format!("{}{}", parts.before_main, parts.after_main).contains(HOLE));
    }
}
