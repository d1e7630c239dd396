//! The council's own lists: complaint categories (groups of categories), compliment
//! categories, services and their teams, methods of receipt, the council's own outcomes and
//! the actions taken on a complaint. They are words staff see and configuration at once, so
//! the shipped set is `locales/en-GB/lists.toml` and a council replaces it with `HYS_LISTS`.
//!
//! Every entry has a stable `id` (what cases and events store; never shown) and a `label`.
//! A team or service renamed keeps its id and lists its former labels in `formerly`, so old
//! free-text team names still find it and the report counts one row under the current name.
//! [`lint`] names every problem with its place; a file with any problem stops start-up.

pub mod counting;
mod lint;

use serde::Deserialize;

use crate::domain::Outcome;

pub use lint::{Problem, lint};

/// The shipped default set, compiled in so a service with no file still has lists (tests,
/// and `Config::default`). `Config::load` reads the file on disk, which is this one unless a
/// council gave `HYS_LISTS`.
pub const SHIPPED: &str = include_str!("../../locales/en-GB/lists.toml");

/// The receipt method the children's conversation records: every list must have it.
pub const ONLINE: &str = "online";

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub label: String,
    /// Former labels, for a renamed entry (teams and services).
    #[serde(default)]
    pub formerly: Vec<String>,
}

/// A group of complaint categories ("Delay", "Staff conduct", …).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub categories: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub label: String,
    /// The id of the service the team belongs to.
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub formerly: Vec<String>,
}

/// One of the council's own outcomes, and the statutory outcome it counts as in the
/// statutory tables (`"none"`: it is not counted there).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilOutcome {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub counts_as: String,
}

impl CouncilOutcome {
    /// The statutory outcome it counts as; `None` for "none" (and, after linting, only then).
    pub fn statutory(&self) -> Option<Outcome> {
        Outcome::parse(&self.counts_as)
    }
}

/// The whole file. `[equality]` belongs to equality monitoring (`crate::equality`), which
/// reads it itself: it is accepted here and not looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    #[serde(default)]
    pub complaint_groups: Vec<Group>,
    #[serde(default)]
    pub compliment_categories: Vec<Entry>,
    #[serde(default)]
    pub services: Vec<Entry>,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub receipt_methods: Vec<Entry>,
    #[serde(default)]
    pub outcomes: Vec<CouncilOutcome>,
    #[serde(default)]
    pub actions_taken: Vec<Entry>,
    #[serde(default)]
    equality: Ignored,
    /// How the annual report counts (`[report]`).
    #[serde(default)]
    pub report: counting::Counting,
}

/// A table this module accepts and does not read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Ignored;

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Ignored)
    }
}

/// Why a lists file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListsError {
    #[error("cannot read the lists file {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("the lists file {path} is not valid TOML: {reason}")]
    Parse { path: String, reason: String },
    #[error("the lists file {path} has problems:\n{}", problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
}

impl Lists {
    /// Parse and lint `text` (read from `path`, named in messages).
    pub fn parse(text: &str, path: &str) -> Result<Self, ListsError> {
        let lists: Lists = toml::from_str(text).map_err(|e| ListsError::Parse {
            path: path.to_owned(),
            reason: e.to_string().trim_end().to_owned(),
        })?;
        let mut problems = lint(&lists);
        problems.extend(lists.report.problems().into_iter().map(|message| Problem {
            place: "report".to_owned(),
            message,
        }));
        if problems.is_empty() {
            Ok(lists)
        } else {
            Err(ListsError::Invalid {
                path: path.to_owned(),
                problems,
            })
        }
    }

    pub fn read(path: &std::path::Path) -> Result<Self, ListsError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ListsError::Read {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        Self::parse(&text, &shown)
    }

    /// The shipped set; empty only if the shipped file were broken, which a unit test rules
    /// out.
    pub fn shipped() -> Self {
        Self::parse(SHIPPED, "locales/en-GB/lists.toml").unwrap_or_default()
    }

    /// Every complaint category with its group.
    pub fn complaint_categories(&self) -> impl Iterator<Item = (&Group, &Entry)> {
        self.complaint_groups
            .iter()
            .flat_map(|g| g.categories.iter().map(move |c| (g, c)))
    }

    /// The list of categories a case of this kind is described by: compliments have their
    /// own; every other kind uses the complaint categories.
    pub fn category(&self, compliment: bool, id: &str) -> Option<&Entry> {
        if compliment {
            self.compliment_categories.iter().find(|c| c.id == id)
        } else {
            self.complaint_categories()
                .map(|(_, c)| c)
                .find(|c| c.id == id)
        }
    }

    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    pub fn service(&self, id: &str) -> Option<&Entry> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn receipt_method(&self, id: &str) -> Option<&Entry> {
        self.receipt_methods.iter().find(|m| m.id == id)
    }

    pub fn outcome(&self, id: &str) -> Option<&CouncilOutcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    pub fn action_taken(&self, id: &str) -> Option<&Entry> {
        self.actions_taken.iter().find(|a| a.id == id)
    }

    /// The team a free-text team name means: its current or a former label, ignoring case
    /// and spaces around it. Text that matches no team stays text (shown as not on the list,
    /// never counted as a row of its own).
    pub fn team_named(&self, text: &str) -> Option<&Team> {
        let wanted = text.trim().to_lowercase();
        if wanted.is_empty() {
            return None;
        }
        let same = |label: &String| label.trim().to_lowercase() == wanted;
        self.teams
            .iter()
            .find(|t| same(&t.label))
            .or_else(|| self.teams.iter().find(|t| t.formerly.iter().any(same)))
    }
}

#[cfg(test)]
mod tests;
