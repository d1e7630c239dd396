//! A whole `safety.txt`: its rules, the innocent exceptions of each paragraph, and the problems
//! found on the way, each with its line number.

use std::collections::HashMap;

use super::normalise::Script;
use super::pattern::{Line, Seq, Settings, parse_line};

#[derive(Debug)]
pub(super) struct RuleLine {
    pub line: usize,
    pub source: String,
    pub seqs: Vec<Seq>,
    pub script: Script,
    /// Paragraph number within the file (lines between blank lines).
    pub para: usize,
}

#[derive(Debug, Default)]
pub(super) struct List {
    pub rules: Vec<RuleLine>,
    /// Per paragraph number, the sequences of its `!` lines.
    pub exceptions: HashMap<usize, Vec<Seq>>,
    pub problems: Vec<(usize, String)>,
}

pub(super) fn parse_list(text: &str) -> List {
    let mut list = List::default();
    let mut settings = Settings::default();
    let mut para = 0;
    let mut exception_lines: Vec<(usize, usize)> = Vec::new(); // (line, para)
    let mut seen: HashMap<Vec<Seq>, usize> = HashMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            para += 1;
            continue;
        }
        match parse_line(raw, &mut settings) {
            Err(problem) => list.problems.push((line, problem)),
            Ok(Line::Blank) => {}
            Ok(Line::Exception(seqs)) => {
                exception_lines.push((line, para));
                list.exceptions.entry(para).or_default().extend(seqs);
            }
            Ok(Line::Rule(seqs, script)) => {
                if let Some(first) = seen.get(&seqs) {
                    list.problems
                        .push((line, format!("the same as line {first}, so not needed")));
                    continue;
                }
                seen.insert(seqs.clone(), line);
                list.rules.push(RuleLine {
                    line,
                    source: raw.trim().to_owned(),
                    seqs,
                    script,
                    para,
                });
            }
        }
    }
    for (line, p) in exception_lines {
        if !list.rules.iter().any(|r| r.para == p) {
            list.problems.push((
                line,
                "an exception ('!') with no rule in its paragraph; it applies only to the rules \
                 between the same blank lines"
                    .into(),
            ));
        }
    }
    list.problems.sort_by_key(|(line, _)| *line);
    list
}
