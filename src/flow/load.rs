//! Reads `flows/*.toml` and lints each flow, so a broken flow stops start-up (and fails
//! `have-your-say check`) with a message naming the file, the step and the problem.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::draft::{REQUIRED_KEYS, URGENT_REQUIRED_KEYS};
use super::model::Input;
use super::model::{Flow, InputKind, Step};
use crate::i18n::Localizer;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintError {
    pub file: String,
    pub step: Option<String>,
    pub problem: String,
}

impl fmt::Display for LintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.step {
            Some(step) => write!(f, "{}: step {:?}: {}", self.file, step, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// Every flow, by id, checked. Cheap to clone and share between requests.
#[derive(Clone, Default)]
pub struct Flows(Arc<HashMap<String, Flow, crate::domain::ids::ById>>);

impl Flows {
    pub fn get(&self, id: &str) -> Option<&Flow> {
        self.0.get(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Read and lint every `*.toml` in `dir`. All problems are returned, not just the first.
    pub fn load(dir: &Path, words: &Localizer) -> Result<Self, Vec<LintError>> {
        let mut errors = Vec::new();
        let mut flows = HashMap::default();
        let files = match std::fs::read_dir(dir) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                    .collect();
                files.sort();
                files
            }
            Err(e) => {
                return Err(vec![LintError {
                    file: dir.display().to_string(),
                    step: None,
                    problem: format!("cannot read the flows folder: {e}"),
                }]);
            }
        };
        for path in files {
            let file = path.display().to_string();
            let parsed = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| toml::from_str::<Flow>(&text).map_err(|e| e.to_string()));
            match parsed {
                Ok(flow) => {
                    let problems = lint(&flow, words);
                    errors.extend(problems.into_iter().map(|(step, problem)| LintError {
                        file: file.clone(),
                        step,
                        problem,
                    }));
                    if flows.contains_key(&flow.id) {
                        errors.push(LintError {
                            file: file.clone(),
                            step: None,
                            problem: format!("another file already defines flow {:?}", flow.id),
                        });
                    }
                    flows.insert(flow.id.clone(), flow);
                }
                Err(problem) => errors.push(LintError {
                    file,
                    step: None,
                    problem,
                }),
            }
        }
        if flows.is_empty() && errors.is_empty() {
            errors.push(LintError {
                file: dir.display().to_string(),
                step: None,
                problem: "no flows found".into(),
            });
        }
        if errors.is_empty() {
            Ok(Self(Arc::new(flows)))
        } else {
            Err(errors)
        }
    }
}

type Problem = (Option<String>, String);

/// Every rule from DESIGN.md: unique ids, every goto exists, every step reachable, no loops,
/// every path ends at `submit` or `end`, every message exists, every needed answer is saved.
pub fn lint(flow: &Flow, words: &Localizer) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    let at = |step: &Step, problem: String| (Some(step.id.clone()), problem);

    let mut seen = BTreeSet::new();
    for step in &flow.steps {
        if !seen.insert(step.id.as_str()) {
            problems.push(at(step, "this id is used by more than one step".into()));
        }
    }
    if flow.step(&flow.start).is_none() {
        problems.push((None, format!("start step {:?} does not exist", flow.start)));
    }

    for step in &flow.steps {
        let kind = step.input.kind();
        let ends = matches!(kind, InputKind::Submit | InputKind::End);
        if ends && !step.next.is_empty() {
            problems.push(at(step, format!("a {kind:?} step cannot have next rules")));
        }
        if !ends {
            match step.next.last() {
                None => problems.push(at(
                    step,
                    "has no next rule: every path must end at a submit or end step".into(),
                )),
                Some(last) if !last.when.is_empty() => problems.push(at(
                    step,
                    "the last next rule must have no `when`, so some rule always matches".into(),
                )),
                Some(_) => {}
            }
        }
        for rule in &step.next {
            if flow.step(&rule.goto).is_none() {
                problems.push(at(step, format!("goto {:?} does not exist", rule.goto)));
            }
        }
        let takes_answer = !matches!(
            kind,
            InputKind::Review | InputKind::None | InputKind::Submit | InputKind::End
        );
        if takes_answer && step.save.is_none() {
            problems.push(at(step, "asks a question but saves no answer".into()));
        }
        if takes_answer && step.ask.is_none() {
            problems.push(at(step, "takes an answer but has no `ask` message".into()));
        }
        if matches!(kind, InputKind::Choice | InputKind::Multi) && step.input.options().is_empty() {
            problems.push(at(step, "has no options to choose from".into()));
        }
        for id in message_ids(step) {
            for (locale, missing) in words.missing([id.as_str()]) {
                problems.push(at(
                    step,
                    format!("message {missing:?} is missing from locale {locale}"),
                ));
            }
        }
        if let Some(help) = &step.help
            && words
                .attribute(&words.fallback(), help, "summary")
                .is_none()
        {
            problems.push(at(
                step,
                format!("help message {help:?} needs a .summary attribute"),
            ));
        }
    }
    if !problems.is_empty() {
        return problems;
    }

    let reachable = reachable_from(flow, &flow.start);
    for step in &flow.steps {
        if !reachable.contains(step.id.as_str()) {
            problems.push(at(step, "cannot be reached from the start step".into()));
        }
    }
    if let Some(step) = find_loop(flow) {
        problems.push((
            Some(step),
            "is part of a loop: flows must not go round in circles".into(),
        ));
        return problems;
    }
    for (submit, missing) in paths_missing_answers(flow) {
        problems.push((
            Some(submit),
            format!("a path reaches this submit step without saving {missing:?}"),
        ));
    }
    problems
}

fn message_ids(step: &Step) -> Vec<String> {
    step.say
        .iter()
        .chain(&step.ask)
        .chain(&step.help)
        .chain(step.input.options().iter().map(|o| &o.label))
        .cloned()
        .collect()
}

fn reachable_from<'f>(flow: &'f Flow, start: &str) -> BTreeSet<&'f str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(id) = todo.pop() {
        if let Some(step) = flow.step(id)
            && seen.insert(step.id.as_str())
        {
            todo.extend(step.next.iter().map(|r| r.goto.as_str()));
        }
    }
    seen
}

fn find_loop(flow: &Flow) -> Option<String> {
    // Depth-first search colouring: 1 = on the stack, 2 = done.
    fn visit<'f>(flow: &'f Flow, id: &'f str, colour: &mut HashMap<&'f str, u8>) -> Option<String> {
        match colour.get(id) {
            Some(1) => return Some(id.to_owned()),
            Some(_) => return None,
            None => {}
        }
        colour.insert(id, 1);
        let step = flow.step(id)?;
        for rule in &step.next {
            if let Some(found) = visit(flow, &rule.goto, colour) {
                return Some(found);
            }
        }
        colour.insert(id, 2);
        None
    }
    let mut colour = HashMap::new();
    visit(flow, &flow.start, &mut colour)
}

/// For each submit step, the required answer keys that some path to it does not save. The flow
/// is acyclic, so "saved on every path" is the intersection over predecessors.
fn paths_missing_answers(flow: &Flow) -> Vec<(String, String)> {
    fn saved_on_every_path<'f>(
        flow: &'f Flow,
        start: &'f str,
    ) -> HashMap<&'f str, BTreeSet<&'f str>> {
        // Walk every path (flows are small) recording, at each step, the keys saved before it.
        let mut at_step: HashMap<&'f str, BTreeSet<&'f str>> = HashMap::new();
        let mut stack: Vec<(&'f str, BTreeSet<&'f str>)> = vec![(start, BTreeSet::new())];
        while let Some((id, saved)) = stack.pop() {
            let Some(step) = flow.step(id) else { continue };
            let entry = at_step.entry(step.id.as_str());
            let merged = match entry {
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    let common: BTreeSet<&str> = e.get().intersection(&saved).copied().collect();
                    if common == *e.get() {
                        continue;
                    }
                    e.insert(common.clone());
                    common
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(saved.clone());
                    saved
                }
            };
            let mut after = merged;
            if let Some(key) = &step.save
                && step.required
            {
                after.insert(key.as_str());
            }
            for rule in &step.next {
                stack.push((rule.goto.as_str(), after.clone()));
            }
        }
        at_step
    }
    let at_step = saved_on_every_path(flow, &flow.start);
    let mut out = Vec::new();
    for step in flow
        .steps
        .iter()
        .filter(|s| s.input.kind() == InputKind::Submit)
    {
        let saved = at_step.get(step.id.as_str()).cloned().unwrap_or_default();
        let required = match step.input {
            Input::Submit { urgent: true } => URGENT_REQUIRED_KEYS,
            _ => REQUIRED_KEYS,
        };
        for key in required {
            if !saved.contains(key) {
                out.push((step.id.clone(), (*key).to_owned()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
