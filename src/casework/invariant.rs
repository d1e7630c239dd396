//! What must hold of every case the rules can reach; the property test checks each state it
//! reaches.

use super::{Lifecycle, Rules, stage_count};
use crate::domain::{CaseKind, CaseStatus, Procedure, StageFacts};

/// What must always hold of a case; the property test checks every reachable state.
pub fn invariant_broken(case: &Lifecycle, rules: &Rules) -> Option<&'static str> {
    let formal = matches!(case.procedure, Procedure::Statutory | Procedure::Corporate);
    if !case.kind.has_procedure() && (case.stage.is_some() || case.outcome.is_some()) {
        return Some("a case that is not a complaint has a stage or an outcome");
    }
    if !case.kind.has_procedure()
        && (case.facts != StageFacts::default() || case.ombudsman.is_some())
    {
        return Some("a case that is not a complaint has stage facts or an Ombudsman enquiry");
    }
    if case.facts.panel_on.is_some() && case.stage.is_none_or(|s| s.number < 3) {
        return Some("a panel date without Stage 3");
    }
    if case.kind.has_procedure() && formal != case.stage.is_some() {
        return Some("a complaint's stage does not match its procedure");
    }
    if let Some(stage) = case.stage {
        if stage.number == 0 || stage.number > stage_count(rules, case.procedure) {
            return Some("a stage the procedure does not have");
        }
        if stage.due_on < stage.started_on
            || stage.extended_due_on.is_some_and(|e| e < stage.due_on)
        {
            return Some("a due date before its stage started");
        }
        if stage.responded_on.is_some_and(|r| r < stage.started_on) {
            return Some("a response before its stage started");
        }
    }
    if case.status == CaseStatus::Closed && case.paused_on.is_some() {
        return Some("a closed case with a paused clock");
    }
    if (case.status == CaseStatus::Paused) != case.paused_on.is_some() {
        return Some("paused without a pause date, or the reverse");
    }
    if case.status == CaseStatus::Closed && case.kind.has_procedure() && case.outcome.is_none() {
        return Some("a closed complaint without an outcome");
    }
    if case.last_step_on < case.received_on {
        return Some("a step before the case was received");
    }
    if !case.kind.has_procedure()
        && (!case.listed.actions_taken.is_empty() || case.listed.council_outcome.is_some())
    {
        return Some("a case that is not a complaint has actions taken or a council outcome");
    }
    let lists = &rules.lists;
    let compliment = case.kind == CaseKind::Compliment;
    if case
        .listed
        .mentions
        .iter()
        .any(|m| lists.category(compliment, &m.category).is_none())
        || case.listed.teams.iter().any(|t| lists.team(t).is_none())
    {
        return Some("a category or team that is not on the lists");
    }
    None
}
