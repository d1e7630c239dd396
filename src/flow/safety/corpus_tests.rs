//! The shipped lists against the sentence sets in `tests/safety/<tag>/`: `disclosures.txt` and
//! `innocent.txt` (tuning: the lists may be tuned against them) and `heldout_*.txt` (held out:
//! written before the lists, never tuned against; they measure how well the lists generalise).
//! Run with `--nocapture` to see the table. Tuning misses are printed with SAFETY_MISSES=1;
//! held-out sentences are never printed, so they stay held out.

use std::path::Path;

use super::SafetyPhrases;

const LOCALES: [&str; 6] = ["en-GB", "cy", "pl", "ar", "ur", "ps"];

fn sentences(tag: &str, file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/safety")
        .join(tag)
        .join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Sentences of `file` that alarm on `tag`'s pages, and how many there are.
fn alarming(phrases: &SafetyPhrases, tag: &str, file: &str) -> (Vec<String>, usize) {
    let all = sentences(tag, file);
    let hits = all
        .iter()
        .filter(|s| phrases.matches(tag, s))
        .cloned()
        .collect();
    (hits, all.len())
}

#[test]
fn shipped_lists_meet_the_targets_on_held_out_sentences() {
    let phrases =
        SafetyPhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap();
    let show = std::env::var_os("SAFETY_MISSES").is_some();
    let mut failures = Vec::new();
    println!(
        "{:<6} {:>8} {:>16} {:>16} {:>16} {:>16}",
        "locale", "rules", "tuning caught", "tuning flagged", "held-out caught", "held-out flagged"
    );
    for tag in LOCALES {
        let (min_d, min_i) = if tag == "en-GB" { (60, 40) } else { (25, 15) };
        let (td, td_n) = alarming(&phrases, tag, "disclosures.txt");
        let (ti, ti_n) = alarming(&phrases, tag, "innocent.txt");
        let (hd, hd_n) = alarming(&phrases, tag, "heldout_disclosures.txt");
        let (hi, hi_n) = alarming(&phrases, tag, "heldout_innocent.txt");
        let cell = |a: usize, b: usize| format!("{a}/{b} ({:.0}%)", 100.0 * a as f64 / b as f64);
        println!(
            "{tag:<6} {:>8} {:>16} {:>16} {:>16} {:>16}",
            phrases.phrase_count(tag),
            cell(td.len(), td_n),
            cell(ti.len(), ti_n),
            cell(hd.len(), hd_n),
            cell(hi.len(), hi_n)
        );
        if show {
            for s in sentences(tag, "disclosures.txt")
                .iter()
                .filter(|s| !td.contains(s))
            {
                println!("    missed: {s}");
            }
            for s in &ti {
                let m = phrases.find(tag, s).unwrap();
                println!(
                    "    flagged: {s}  <- {:?} ({} {:?})",
                    m.words, m.locale, m.rule
                );
            }
        }
        for (file, n, min) in [
            ("disclosures", td_n, min_d),
            ("innocent", ti_n, min_i),
            ("heldout_disclosures", hd_n, min_d),
            ("heldout_innocent", hi_n, min_i),
        ] {
            if n < min {
                failures.push(format!(
                    "{tag}/{file}.txt has {n} sentences, fewer than {min}"
                ));
            }
        }
        if (hd.len() as f64) < 0.9 * hd_n as f64 {
            failures.push(format!(
                "{tag}: held-out recall {}/{hd_n} is under 90%",
                hd.len()
            ));
        }
        if (hi.len() as f64) > 0.1 * hi_n as f64 {
            failures.push(format!(
                "{tag}: held-out false flags {}/{hi_n} are over 10%",
                hi.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shipped_lists_have_no_problems() {
    let problems = super::lint(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A tool for editing the lists: `SAFETY_PROBE=file.txt SAFETY_LOCALE=cy cargo test --lib
/// probe -- --nocapture` shows, for each line of the file, what (if anything) alarms.
#[test]
fn probe() {
    let Some(file) = std::env::var_os("SAFETY_PROBE") else {
        return;
    };
    let locale = std::env::var("SAFETY_LOCALE").unwrap_or_else(|_| "en-GB".into());
    let phrases =
        SafetyPhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap();
    for line in std::fs::read_to_string(file).unwrap().lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match phrases.find(&locale, line) {
            Some(m) => println!("ALARM {line}  <- {:?} ({} {:?})", m.words, m.locale, m.rule),
            None => println!("quiet {line}"),
        }
    }
}

/// Time per check of a 1 KB answer: `cargo test --release --lib safety_speed -- --ignored
/// --nocapture` (the debug build is many times slower).
#[test]
#[ignore]
fn safety_speed() {
    let phrases =
        SafetyPhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap();
    let base = "i would like to have more time with my brother and my social worker is nice but \
                the food at school is not great and i want a new phone for my birthday please ";
    let text: String = base.repeat(1024 / base.len() + 1)[..1024].to_owned();
    let ar = "اريد ان اذهب الى المدرسة كل يوم واحب الرسم والالعاب مع اصدقائي في الحديقة ";
    let ar_text = ar.repeat(1024 / ar.len() + 1);
    for (locale, text) in [
        ("en-GB", &text),
        ("cy", &text),
        ("ar", &ar_text),
        ("ur", &ar_text),
    ] {
        let runs = 2000;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            assert!(phrases.find(locale, std::hint::black_box(text)).is_none());
        }
        let each = start.elapsed() / runs;
        println!("{locale}: {} bytes, {each:?} per check", text.len());
    }
}
