//! The checks a lists file must pass, each problem named with its place in the file
//! (`teams[3] "south"`), so a council can find and fix it.

use std::collections::{HashMap, HashSet};

use super::{Entry, Lists, ONLINE};
use crate::domain::Outcome;

/// One problem, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `teams[3] "south"`: the table, its 1-based position, and the id when it has one.
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

fn place(table: &str, index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{table}[{}]", index + 1)
    } else {
        format!("{table}[{}] {id:?}", index + 1)
    }
}

/// An id is what cases store: short, lower case, no spaces, so it can sit in a CSV cell and
/// a form value unchanged.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 60
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, place: String, message: impl Into<String>) {
        self.problems.push(Problem {
            place,
            message: message.into(),
        });
    }

    /// The id and label of one entry.
    fn entry(&mut self, at: &str, id: &str, label: &str) {
        if id.trim().is_empty() {
            self.push(at.to_owned(), "has no id");
        } else if !valid_id(id) {
            self.push(
                at.to_owned(),
                "the id may hold only a-z, 0-9, _ and - (at most 60)",
            );
        }
        if label.trim().is_empty() {
            self.push(at.to_owned(), "has an empty label");
        }
    }

    /// Ids must be unique within one list.
    fn unique<'a>(&mut self, ids: impl Iterator<Item = (String, &'a str)>) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (at, id) in ids {
            if id.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(id) {
                self.push(at, format!("the id {id:?} is already used by {first}"));
            } else {
                seen.insert(id, at);
            }
        }
    }

    fn simple(&mut self, table: &str, entries: &[Entry]) {
        for (i, e) in entries.iter().enumerate() {
            self.entry(&place(table, i, &e.id), &e.id, &e.label);
        }
        self.unique(
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (place(table, i, &e.id), e.id.as_str())),
        );
    }

    /// A former label must mean one entry: not another entry's label, nor another's former
    /// label (old free text could then not be read back, and history would be ambiguous).
    fn renames<'a>(&mut self, entries: impl Iterator<Item = (String, &'a str, &'a [String])>) {
        let key = |s: &str| s.trim().to_lowercase();
        let mut owner: HashMap<String, (String, &str)> = HashMap::new();
        for (at, id, formerly) in entries {
            let mut own = HashSet::new();
            for name in formerly {
                if name.trim().is_empty() {
                    self.push(at.clone(), "has an empty former label");
                } else if !own.insert(key(name)) {
                    self.push(at.clone(), format!("lists the former label {name:?} twice"));
                } else if let Some((other_at, other_id)) = owner.get(&key(name))
                    && *other_id != id
                {
                    self.push(
                        at.clone(),
                        format!("the former label {name:?} is already {other_at}'s"),
                    );
                } else {
                    owner.insert(key(name), (at.clone(), id));
                }
            }
        }
    }
}

/// Every problem with `lists`, in file order.
pub fn lint(lists: &Lists) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    // Complaint categories: groups, each with at least one category; category ids unique
    // across every group, since a mention stores the category's id only.
    for (g, group) in lists.complaint_groups.iter().enumerate() {
        let at = place("complaint_groups", g, &group.id);
        c.entry(&at, &group.id, &group.label);
        if group.categories.is_empty() {
            c.push(at.clone(), "has no categories");
        }
        for (i, cat) in group.categories.iter().enumerate() {
            let at = format!("{at}.{}", place("categories", i, &cat.id));
            c.entry(&at, &cat.id, &cat.label);
        }
    }
    c.unique(
        lists
            .complaint_groups
            .iter()
            .enumerate()
            .map(|(g, group)| (place("complaint_groups", g, &group.id), group.id.as_str())),
    );
    c.unique(
        lists
            .complaint_groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                group.categories.iter().enumerate().map(move |(i, cat)| {
                    (
                        format!(
                            "{}.{}",
                            place("complaint_groups", g, &group.id),
                            place("categories", i, &cat.id)
                        ),
                        cat.id.as_str(),
                    )
                })
            }),
    );
    c.simple("compliment_categories", &lists.compliment_categories);
    c.simple("services", &lists.services);
    c.simple("receipt_methods", &lists.receipt_methods);
    c.simple("actions_taken", &lists.actions_taken);
    if !lists.receipt_methods.iter().any(|m| m.id == ONLINE) {
        c.push(
            "receipt_methods".into(),
            format!("has no {ONLINE:?} entry (the children's conversation records it)"),
        );
    }
    for (i, team) in lists.teams.iter().enumerate() {
        let at = place("teams", i, &team.id);
        c.entry(&at, &team.id, &team.label);
        if team.service.trim().is_empty() {
            c.push(at, "names no service");
        } else if lists.service(&team.service).is_none() {
            c.push(
                at,
                format!("names the service {:?}, which is not listed", team.service),
            );
        }
    }
    c.unique(
        lists
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| (place("teams", i, &t.id), t.id.as_str())),
    );
    // A team's label (current or former) must name one team only.
    let team_names = lists.teams.iter().enumerate().map(|(i, t)| {
        (
            place("teams", i, &t.id),
            t.id.as_str(),
            t.formerly.as_slice(),
        )
    });
    c.renames(team_names);
    let mut labels: HashMap<String, String> = HashMap::new();
    for (i, t) in lists.teams.iter().enumerate() {
        let at = place("teams", i, &t.id);
        if let Some(first) = labels.get(&t.label.trim().to_lowercase()) {
            c.push(at.clone(), format!("has the same label as {first}"));
        } else if !t.label.trim().is_empty() {
            labels.insert(t.label.trim().to_lowercase(), at.clone());
        }
    }
    for (i, t) in lists.teams.iter().enumerate() {
        let at = place("teams", i, &t.id);
        for name in &t.formerly {
            if let Some(other) = labels.get(&name.trim().to_lowercase())
                && *other != at
            {
                c.push(
                    at.clone(),
                    format!("the former label {name:?} is the current label of {other}"),
                );
            }
        }
    }
    c.renames(lists.services.iter().enumerate().map(|(i, s)| {
        (
            place("services", i, &s.id),
            s.id.as_str(),
            s.formerly.as_slice(),
        )
    }));
    for (i, o) in lists.outcomes.iter().enumerate() {
        let at = place("outcomes", i, &o.id);
        c.entry(&at, &o.id, &o.label);
        if o.counts_as != "none" && Outcome::parse(&o.counts_as).is_none() {
            let known: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
            c.push(
                at,
                format!(
                    "counts_as {:?} is not \"none\" or a statutory outcome ({})",
                    o.counts_as,
                    known.join(", ")
                ),
            );
        }
    }
    c.unique(
        lists
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| (place("outcomes", i, &o.id), o.id.as_str())),
    );
    c.problems
}
