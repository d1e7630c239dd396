//! How the council counts its annual report: the `[report]` table of its lists file. Councils
//! publish the same facts counted differently (Coventry gives each complaint's outcome once,
//! at the last stage it reached; Birmingham gives the outcome at every stage), so each choice
//! is the council's, with defaults that follow the most common practice in the published
//! reports the service was built from (see README, "Annual report").

use serde::Deserialize;

use crate::domain::{Outcome, Procedure};

/// Which stages a complaint is counted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageCounting {
    /// Once, at the last stage it reached (Coventry 2016/17 and 2017/18, the borough 2016/17).
    FinalStage,
    /// At every stage it reached (Birmingham 2021/22).
    EachStage,
}

/// How complaint categories are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryCounting {
    /// Every mention: a complaint raising three issues counts three times, and percentages
    /// are of mentions (Coventry, Birmingham).
    Mention,
    /// Each complaint once per category it raised; percentages are of complaints.
    Complaint,
}

/// Whose figures a procedure table shows: one procedure, or every complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Statutory,
    Corporate,
    Informal,
    All,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Statutory => "statutory",
            Self::Corporate => "corporate",
            Self::Informal => "informal",
            Self::All => "all",
        }
    }

    pub fn includes(self, procedure: Procedure) -> bool {
        match self {
            Self::Statutory => procedure == Procedure::Statutory,
            Self::Corporate => procedure == Procedure::Corporate,
            Self::Informal => procedure == Procedure::Informal,
            Self::All => true,
        }
    }
}

/// The `[report]` table. Every field may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Counting {
    /// Outcome tables: each complaint at its last stage, or at every stage it reached.
    pub outcomes: StageCounting,
    /// Timescale tables: each complaint at its last stage, or at every stage it reached.
    pub timescales: StageCounting,
    /// Responses with these outcomes are left out of timescale tables.
    pub timescales_exclude: Vec<Outcome>,
    pub categories: CategoryCounting,
    /// Method of receipt and who made it: one table per kind (complaints, compliments, ...),
    /// rather than one table mixing them.
    pub split_by_kind: bool,
    /// The procedure tables shown, each with that procedure's complaints only ("all" mixes
    /// them).
    pub procedures: Vec<Scope>,
    /// Published counts from 1 to this are hidden; 0 publishes exact figures.
    pub small_numbers: u32,
    /// Years shown before the chosen one.
    pub previous_years: u8,
}

impl Default for Counting {
    fn default() -> Self {
        Self {
            outcomes: StageCounting::FinalStage,
            timescales: StageCounting::EachStage,
            timescales_exclude: vec![Outcome::Withdrawn, Outcome::OutsideJurisdiction],
            categories: CategoryCounting::Mention,
            split_by_kind: true,
            procedures: vec![
                Scope::Statutory,
                Scope::Corporate,
                Scope::Informal,
                Scope::All,
            ],
            small_numbers: 4,
            previous_years: 2,
        }
    }
}

/// The most previous years a report shows.
pub const MAX_PREVIOUS_YEARS: u8 = 10;

impl Counting {
    /// What is wrong with the table, each as a sentence.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.procedures.is_empty() {
            out.push("procedures names no procedure".to_owned());
        }
        let mut seen = self.procedures.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.procedures.len() {
            out.push("procedures names a procedure twice".to_owned());
        }
        if self.previous_years > MAX_PREVIOUS_YEARS {
            out.push(format!(
                "previous_years is {}; at most {MAX_PREVIOUS_YEARS}",
                self.previous_years
            ));
        }
        if self.small_numbers > 100 {
            out.push(format!(
                "small_numbers is {}; at most 100",
                self.small_numbers
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_default_and_each_can_be_set() {
        let none: Counting = toml::from_str("").unwrap();
        assert_eq!(none, Counting::default());
        let set: Counting = toml::from_str(
            "outcomes = \"each_stage\"\ntimescales = \"final_stage\"\ntimescales_exclude = []\n\
             categories = \"complaint\"\nsplit_by_kind = false\nprocedures = [\"all\"]\n\
             small_numbers = 0\nprevious_years = 4\n",
        )
        .unwrap();
        assert_eq!(set.outcomes, StageCounting::EachStage);
        assert_eq!(set.procedures, vec![Scope::All]);
        assert_eq!(set.small_numbers, 0);
        assert!(set.problems().is_empty());
        assert!(toml::from_str::<Counting>("outcomes = \"sometimes\"").is_err());
        assert!(toml::from_str::<Counting>("colour = \"red\"").is_err());
        let bad = Counting {
            procedures: vec![],
            previous_years: 11,
            ..Counting::default()
        };
        assert_eq!(bad.problems().len(), 2);
    }
}
