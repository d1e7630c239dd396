//! What a row may hold before its order is looked at: what a kind or procedure may have, and
//! cells that need each other. Problems here are each named; the order of the steps is the
//! casework rules' business ([`super::replay`]).

use super::columns::{Row, STAGE_COLUMNS, StageColumns};
use super::{Context, Problem};
use crate::casework;
use crate::domain::{CaseKind, Procedure};

/// The names of a stage's filled cells.
fn filled(n: usize, c: &StageColumns) -> Vec<&'static str> {
    let [
        requested,
        late,
        extended,
        reason,
        paused,
        resumed,
        responded,
        outcome,
    ] = STAGE_COLUMNS[n];
    [
        (requested, c.requested_on.is_some()),
        (late, c.late_reason.is_some()),
        (extended, c.extended_on.is_some()),
        (reason, c.extension_reason.is_some()),
        (paused, !c.paused_on.is_empty()),
        (resumed, !c.resumed_on.is_empty()),
        (responded, c.responded_on.is_some()),
        (outcome, c.outcome.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, set)| name.filter(|_| set))
    .collect()
}

/// Problems of the row's shape that are not about order: what a kind or procedure may have,
/// and cells that need each other.
pub fn check(row: &Row, ctx: &Context<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut refuse = |column: &str, message: String| {
        problems.push(Problem::at(row.line, column, message));
    };
    if row.received_on > ctx.today {
        refuse(
            "received_on",
            format!("{} is in the future", row.received_on),
        );
    }
    let complaint = row.kind == CaseKind::Complaint;
    if !complaint {
        let kind = row.kind.as_str();
        if row.procedure.is_some() {
            refuse(
                "procedure",
                format!("a {kind} follows no procedure: leave it empty"),
            );
        }
        for (column, filled) in [
            ("actions_taken", !row.actions_taken.is_empty()),
            ("council_outcome", row.council_outcome.is_some()),
        ] {
            if filled {
                refuse(column, format!("only complaints have this, not a {kind}"));
            }
        }
        if !row.categories.is_empty() && row.kind != CaseKind::Compliment {
            refuse(
                "categories",
                format!("only complaints and compliments have categories, not a {kind}"),
            );
        }
        for (n, stage) in row.stages.iter().enumerate() {
            for column in filled(n, stage) {
                refuse(column, format!("a {kind} has no stages or outcomes"));
            }
        }
        for column in row.filled_facts() {
            refuse(
                column,
                format!("a {kind} has no stage facts or Ombudsman enquiry: leave it empty"),
            );
        }
        return problems;
    }
    // The Ombudsman's enquiry is its date and decision; a remedy needs both.
    let lgsco = &row.ombudsman;
    if !lgsco.is_empty() {
        for (column, set) in [
            ("ombudsman_received_on", lgsco.received_on.is_some()),
            ("ombudsman_decision", lgsco.decision.is_some()),
        ] {
            if !set {
                refuse(
                    column,
                    "needed when other ombudsman columns are filled".into(),
                );
            }
        }
    }
    let procedure = row.procedure.unwrap_or(Procedure::Statutory);
    let count = usize::from(casework::stage_count(ctx.rules, procedure));
    for (n, stage) in row.stages.iter().enumerate() {
        let [
            requested,
            _,
            extended,
            reason,
            paused,
            resumed,
            responded,
            outcome,
        ] = STAGE_COLUMNS[n];
        let cells = filled(n, stage);
        if procedure == Procedure::Informal {
            let allowed = [responded, outcome];
            for column in cells.iter().filter(|c| !allowed.contains(&Some(**c))) {
                refuse(
                    column,
                    "an informal complaint has no stages, extensions or pauses: only \
                     stage1_responded_on and stage1_outcome"
                        .into(),
                );
            }
            continue;
        }
        if n >= count && !cells.is_empty() {
            refuse(
                cells[0],
                format!(
                    "the {procedure} procedure has {count} stage{} here",
                    if count == 1 { "" } else { "s" }
                ),
            );
            continue;
        }
        if let Some(requested) = requested
            && stage.requested_on.is_none()
            && !cells.is_empty()
        {
            refuse(
                requested,
                format!("needed when other stage {} columns are filled", n + 1),
            );
        }
        // Stage 2's own filled columns already say it needs its request date.
        if n == 2
            && stage.requested_on.is_some()
            && row.stages[1].requested_on.is_none()
            && filled(1, &row.stages[1]).is_empty()
        {
            refuse(
                "stage2_requested_on",
                "stage 3 follows stage 2: give the day stage 2 was requested".into(),
            );
        }
        // Cells that mean nothing without each other.
        for (a, b, a_set, b_set) in [
            (
                responded,
                outcome,
                stage.responded_on.is_some(),
                stage.outcome.is_some(),
            ),
            (
                extended,
                reason,
                stage.extended_on.is_some(),
                stage.extension_reason.is_some(),
            ),
        ] {
            let (Some(a), Some(b)) = (a, b) else {
                continue;
            };
            match (a_set, b_set) {
                (true, false) => refuse(b, format!("needed with {a}")),
                (false, true) => refuse(a, format!("needed with {b}")),
                _ => {}
            }
        }
        let (pauses, resumes) = (stage.paused_on.len(), stage.resumed_on.len());
        if let (Some(paused), Some(resumed)) = (paused, resumed) {
            if resumes > pauses {
                refuse(
                    resumed,
                    format!("{resumes} dates, but {paused} has {pauses}"),
                );
            } else if pauses > resumes + 1 {
                refuse(
                    resumed,
                    format!(
                        "{resumes} dates for {pauses} pauses: every pause but a last, \
                         unfinished one has its resume date"
                    ),
                );
            }
        }
    }
    problems
}
