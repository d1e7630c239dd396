//! The columns of the import file (the README describes each), the first line that names
//! them, and the typed row a record becomes (read by [`super::cells`]).

use std::collections::HashMap;

use time::Date;

use super::Problem;
use crate::domain::{
    AdvocateWanted, CaseKind, Category, OmbudsmanDecision, Outcome, Procedure, StageFacts,
    SubmitterRole,
};

/// Every column, in the order the export writes them.
pub const COLUMNS: &[&str] = &[
    "external_id",
    "kind",
    "procedure",
    "received_on",
    "received_time",
    "method_of_receipt",
    "submitted_by",
    "category",
    "categories",
    "teams",
    "actions_taken",
    "council_outcome",
    "advocate_wanted",
    "age",
    "language",
    "urgent",
    "summary",
    "acknowledged_on",
    "stage1_extended_on",
    "stage1_extension_reason",
    "stage1_paused_on",
    "stage1_resumed_on",
    "stage1_responded_on",
    "stage1_outcome",
    "stage2_requested_on",
    "stage2_late_reason",
    "stage2_extended_on",
    "stage2_extension_reason",
    "stage2_paused_on",
    "stage2_resumed_on",
    "stage2_responded_on",
    "stage2_outcome",
    "stage3_requested_on",
    "stage3_late_reason",
    "stage3_paused_on",
    "stage3_resumed_on",
    "stage3_responded_on",
    "stage3_outcome",
    "closed_on",
    "investigating_officer",
    "independent_person",
    "stage3_panel_on",
    "cost_investigation",
    "cost_independent_person",
    "cost_panel",
    "remedy",
    "remedy_for",
    "ombudsman_received_on",
    "ombudsman_decision",
    "ombudsman_remedy",
];

/// The Stage 2 and 3 facts' columns: recorded after the steps, on the case as they left it
/// (see [`super::replay`]).
pub const FACT_COLUMNS: &[&str] = &[
    "investigating_officer",
    "independent_person",
    "stage3_panel_on",
    "cost_investigation",
    "cost_independent_person",
    "cost_panel",
    "remedy",
    "remedy_for",
];

/// Columns a file must have; the others may be left out (every cell empty).
pub const REQUIRED: &[&str] = &[
    "external_id",
    "kind",
    "received_on",
    "method_of_receipt",
    "submitted_by",
];

/// Which column of the file each known column is, from the first line.
pub struct Header {
    index: HashMap<&'static str, usize>,
    pub width: usize,
}

impl Header {
    pub fn read(names: &[String], problems: &mut Vec<Problem>) -> Option<Header> {
        let mut index = HashMap::new();
        let mut ok = true;
        for (i, raw) in names.iter().enumerate() {
            let name = raw.trim().to_lowercase();
            // Files written before the council's lists name two columns the old way.
            let name = match name.as_str() {
                "aspects" => "categories".to_owned(),
                "team" => "teams".to_owned(),
                _ => name,
            };
            match COLUMNS.iter().find(|c| **c == name) {
                Some(column) if index.contains_key(column) => {
                    problems.push(Problem::at(1, column, "this column appears twice"));
                    ok = false;
                }
                Some(column) => {
                    index.insert(*column, i);
                }
                None if name.is_empty() => {
                    problems.push(Problem::line(1, format!("column {} has no name", i + 1)));
                    ok = false;
                }
                None => {
                    problems.push(Problem::at(
                        1,
                        raw.trim(),
                        "unknown column (the README lists the columns)",
                    ));
                    ok = false;
                }
            }
        }
        for column in REQUIRED {
            if !index.contains_key(column) {
                problems.push(Problem::at(1, column, "this column is required"));
                ok = false;
            }
        }
        ok.then_some(Header {
            index,
            width: names.len(),
        })
    }

    /// Where the column is in each record, if the file has it.
    pub fn position(&self, column: &str) -> Option<usize> {
        self.index.get(column).copied()
    }
}

/// A stage's columns. Stage 1 starts when the case is received, so has no request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageColumns {
    pub requested_on: Option<Date>,
    pub late_reason: Option<String>,
    pub extended_on: Option<Date>,
    pub extension_reason: Option<String>,
    pub paused_on: Vec<Date>,
    pub resumed_on: Vec<Date>,
    pub responded_on: Option<Date>,
    pub outcome: Option<Outcome>,
}

impl StageColumns {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One row, every cell valid on its own.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub external_id: String,
    pub kind: CaseKind,
    /// `None` when the cell is empty: statutory for a complaint.
    pub procedure: Option<Procedure>,
    pub received_on: Date,
    pub received_time: (u8, u8),
    /// A receipt method's id from the council's lists (checked against them on replay).
    pub method: String,
    pub submitted_by: SubmitterRole,
    pub category: Option<Category>,
    /// Ids from the council's lists, as given; each category given is one mention. Teams may
    /// be given by their label (or a former one) too.
    pub categories: Vec<String>,
    pub teams: Vec<String>,
    pub actions_taken: Vec<String>,
    pub council_outcome: Option<String>,
    pub advocate: AdvocateWanted,
    pub age: Option<i64>,
    pub language: String,
    pub urgent: bool,
    pub summary: Option<String>,
    pub acknowledged_on: Option<Date>,
    pub stages: [StageColumns; 3],
    pub closed_on: Option<Date>,
    /// Stage 2 and 3 facts, as the staff page's form records them.
    pub facts: StageFacts,
    pub ombudsman: OmbudsmanColumns,
}

/// The Ombudsman's columns, each valid on its own; together they make a `domain::Ombudsman`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OmbudsmanColumns {
    pub received_on: Option<Date>,
    pub decision: Option<OmbudsmanDecision>,
    pub remedy: Option<String>,
}

impl OmbudsmanColumns {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Row {
    /// The names of the filled fact and Ombudsman columns, in [`COLUMNS`] order.
    pub fn filled_facts(&self) -> Vec<&'static str> {
        let f = &self.facts;
        let o = &self.ombudsman;
        [
            ("investigating_officer", f.investigating_officer.is_some()),
            ("independent_person", f.independent_person.is_some()),
            ("stage3_panel_on", f.panel_on.is_some()),
            ("cost_investigation", f.cost_investigation_pence.is_some()),
            (
                "cost_independent_person",
                f.cost_independent_person_pence.is_some(),
            ),
            ("cost_panel", f.cost_panel_pence.is_some()),
            ("remedy", f.remedy_pence.is_some()),
            ("remedy_for", f.remedy_for.is_some()),
            ("ombudsman_received_on", o.received_on.is_some()),
            ("ombudsman_decision", o.decision.is_some()),
            ("ombudsman_remedy", o.remedy.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

type StageNames = [Option<&'static str>; 8];

/// Per stage: requested, late reason, extended, extension reason, paused, resumed, responded,
/// outcome. Stage 3 is never extended (statutory: the panel's date is fixed; corporate stages
/// have no extension).
pub const STAGE_COLUMNS: [StageNames; 3] = [
    [
        None,
        None,
        Some("stage1_extended_on"),
        Some("stage1_extension_reason"),
        Some("stage1_paused_on"),
        Some("stage1_resumed_on"),
        Some("stage1_responded_on"),
        Some("stage1_outcome"),
    ],
    [
        Some("stage2_requested_on"),
        Some("stage2_late_reason"),
        Some("stage2_extended_on"),
        Some("stage2_extension_reason"),
        Some("stage2_paused_on"),
        Some("stage2_resumed_on"),
        Some("stage2_responded_on"),
        Some("stage2_outcome"),
    ],
    [
        Some("stage3_requested_on"),
        Some("stage3_late_reason"),
        None,
        None,
        Some("stage3_paused_on"),
        Some("stage3_resumed_on"),
        Some("stage3_responded_on"),
        Some("stage3_outcome"),
    ],
];
