//! The one function that moves a case on: it checks an action against the procedure and the
//! dates, and gives the case after it with its timeline event.

use time::Date;

use super::stages::{escalation_window, start_stage};
use super::{Action, CaseworkError, Lifecycle, Mention, Rules, check_offered, stage_limits};
use crate::domain::{CaseEvent, CaseKind, CaseStatus, ListRef, Procedure};
use crate::timescale::Calendar;

/// What an action does to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The case as it is already: nothing is written, so repeats add no timeline entries.
    Nothing,
    Changed {
        after: Box<Lifecycle>,
        event: CaseEvent,
    },
}

fn reason(text: &str) -> Result<String, CaseworkError> {
    let text = text.trim();
    if text.is_empty() {
        Err(CaseworkError::ReasonNeeded)
    } else {
        Ok(text.to_owned())
    }
}

/// Apply `action` to `case` as of `effective` (the day it really happened), `today` being the
/// day it is recorded.
pub fn apply(
    action: &Action,
    case: &Lifecycle,
    effective: Date,
    today: Date,
    calendar: &Calendar,
    rules: &Rules,
) -> Result<Change, CaseworkError> {
    let kind = action.kind();
    check_offered(case, kind, rules)?;
    if kind.is_dated() {
        if effective > today {
            return Err(CaseworkError::FutureDate);
        }
        if effective < case.received_on {
            return Err(CaseworkError::BeforeReceipt);
        }
        if effective < case.last_step_on {
            return Err(CaseworkError::BeforePreviousStep);
        }
    }
    let mut after = case.clone();
    if kind.is_dated() {
        after.last_step_on = effective;
    }
    let event = match action {
        Action::Acknowledge => {
            after.acknowledged = true;
            if after.status == CaseStatus::New {
                after.status = CaseStatus::Open;
            }
            CaseEvent::Acknowledged
        }
        Action::Assign { staff_id, name } => {
            if case.assignee_id == Some(*staff_id) {
                return Ok(Change::Nothing);
            }
            after.assignee_id = Some(*staff_id);
            CaseEvent::Assigned {
                staff_id: Some(*staff_id),
                name: name.clone(),
            }
        }
        Action::Unassign => {
            if case.assignee_id.is_none() {
                return Ok(Change::Nothing);
            }
            after.assignee_id = None;
            CaseEvent::Unassigned
        }
        Action::Details { category } => {
            if case.category == Some(*category) {
                return Ok(Change::Nothing);
            }
            after.category = Some(*category);
            CaseEvent::DetailsSet {
                team: None,
                category: Some(*category),
            }
        }
        Action::Categories { ids } => {
            let lists = &rules.lists;
            let compliment = case.kind == CaseKind::Compliment;
            let categories = ids
                .iter()
                .map(|id| {
                    lists
                        .category(compliment, id)
                        .map(|e| ListRef::of(&e.id, &e.label))
                        .ok_or(CaseworkError::NotOnList {
                            field: "categories",
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let stage = case.stage.map(|s| s.number);
            let (mut kept, current): (Vec<Mention>, Vec<Mention>) = case
                .listed
                .mentions
                .iter()
                .cloned()
                .partition(|m| m.stage != stage);
            let mut before: Vec<&str> = current.iter().map(|m| m.category.as_str()).collect();
            let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
            before.sort_unstable();
            wanted.sort_unstable();
            if before == wanted {
                return Ok(Change::Nothing);
            }
            kept.extend(ids.iter().map(|id| Mention {
                category: id.clone(),
                stage,
            }));
            after.listed.mentions = kept;
            CaseEvent::CategoriesSet { stage, categories }
        }
        Action::Teams { ids } => {
            let teams = unique_refs(ids, "teams", |id| {
                rules.lists.team(id).map(|t| ListRef::of(&t.id, &t.label))
            })?;
            let ids: Vec<String> = teams.iter().map(|t| t.id.clone()).collect();
            if case.listed.teams == ids && (ids.is_empty() || case.team.is_none()) {
                return Ok(Change::Nothing);
            }
            after.listed.teams = ids;
            // Teams chosen from the list replace a name typed before there was one.
            if !teams.is_empty() {
                after.team = None;
            }
            CaseEvent::TeamsSet { teams }
        }
        Action::ActionsTaken { ids } => {
            let actions = unique_refs(ids, "actions_taken", |id| {
                rules
                    .lists
                    .action_taken(id)
                    .map(|a| ListRef::of(&a.id, &a.label))
            })?;
            let ids: Vec<String> = actions.iter().map(|a| a.id.clone()).collect();
            if case.listed.actions_taken == ids {
                return Ok(Change::Nothing);
            }
            after.listed.actions_taken = ids;
            CaseEvent::ActionsTakenSet { actions }
        }
        Action::CouncilOutcome { id } => {
            let outcome = match id {
                None => None,
                Some(id) => Some(
                    rules
                        .lists
                        .outcome(id)
                        .map(|o| ListRef::of(&o.id, &o.label))
                        .ok_or(CaseworkError::NotOnList {
                            field: "council_outcome",
                        })?,
                ),
            };
            if case.listed.council_outcome == *id {
                return Ok(Change::Nothing);
            }
            after.listed.council_outcome.clone_from(id);
            CaseEvent::CouncilOutcomeSet { outcome }
        }
        Action::Receipt { method } => {
            let entry = rules
                .lists
                .receipt_method(method)
                .ok_or(CaseworkError::NotOnList { field: "method" })?;
            if case.receipt == *method {
                return Ok(Change::Nothing);
            }
            after.receipt.clone_from(method);
            CaseEvent::ReceiptSet {
                method: ListRef::of(&entry.id, &entry.label),
            }
        }
        Action::Reply { text } => CaseEvent::MessageToChild {
            text: reason(text)?,
        },
        Action::Note { text, visibility } => CaseEvent::Note {
            text: reason(text)?,
            visibility: *visibility,
        },
        Action::Escalate { late_reason } => {
            let Some(current) = case.stage else {
                return Err(CaseworkError::NotOffered);
            };
            let late_reason = late_reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned);
            match current.responded_on {
                None if late_reason.is_none() => {
                    return Err(CaseworkError::EscalationBeforeResponse);
                }
                Some(responded)
                    if late_reason.is_none()
                        && effective
                            > calendar.add_working_days(responded, escalation_window()) =>
                {
                    return Err(CaseworkError::LateEscalation);
                }
                _ => {}
            }
            let to = current.number + 1;
            after.stage = Some(
                start_stage(rules, case.procedure, to, effective, calendar)
                    .ok_or(CaseworkError::NotOffered)?,
            );
            after.outcome = None;
            after.resolution = None;
            after.status = CaseStatus::Open;
            after.acknowledged = true;
            CaseEvent::StageChanged {
                from: Some(current.number),
                to,
                late_reason,
            }
        }
        Action::Extend { reason: why } => {
            let why = reason(why)?;
            let Some(mut stage) = case.stage else {
                return Err(CaseworkError::NotOffered);
            };
            let (days, extended) = stage_limits(rules, case.procedure, stage.number)
                .ok_or(CaseworkError::NotOffered)?;
            let extended = extended.ok_or(CaseworkError::NotOffered)?;
            // From the standard due date, so working days already added for a pause still count.
            let until = calendar.add_working_days(stage.due_on, extended.saturating_sub(days));
            stage.extended_due_on = Some(until);
            after.stage = Some(stage);
            CaseEvent::Extended { reason: why, until }
        }
        Action::Pause { agreed } => {
            if !agreed {
                return Err(CaseworkError::AgreementNeeded);
            }
            after.status = CaseStatus::Paused;
            after.paused_on = Some(effective);
            CaseEvent::Paused
        }
        Action::Resume => {
            let since = case.paused_on.unwrap_or(effective);
            let days = calendar.working_days_between(since, effective).max(0);
            let shift = u32::try_from(days).unwrap_or(0);
            if let Some(mut stage) = case.stage {
                stage.due_on = calendar.add_working_days(stage.due_on, shift);
                stage.extended_due_on = stage
                    .extended_due_on
                    .map(|d| calendar.add_working_days(d, shift));
                after.stage = Some(stage);
            }
            after.status = CaseStatus::Open;
            after.paused_on = None;
            CaseEvent::Resumed { working_days: days }
        }
        Action::RecordOutcome {
            outcome,
            resolution,
        } => {
            let resolution = resolution
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned);
            if case.outcome == Some(*outcome) && case.resolution == resolution {
                return Ok(Change::Nothing);
            }
            after.outcome = Some(*outcome);
            after.resolution.clone_from(&resolution);
            if let Some(mut stage) = case.stage {
                stage.responded_on = Some(effective);
                after.stage = Some(stage);
            }
            if after.status == CaseStatus::New {
                after.status = CaseStatus::Open;
            }
            CaseEvent::OutcomeRecorded {
                outcome: *outcome,
                resolution,
            }
        }
        Action::Close => {
            if case.kind.has_procedure() && case.outcome.is_none() {
                return Err(CaseworkError::OutcomeFirst);
            }
            after.status = CaseStatus::Closed;
            after.paused_on = None;
            CaseEvent::Closed
        }
        Action::Reopen { reason: why } => {
            let why = reason(why)?;
            after.status = CaseStatus::Open;
            CaseEvent::Reopened { reason: why }
        }
        Action::SwitchProcedure { to, reason: why } => {
            let why = reason(why)?;
            if *to == case.procedure {
                return Ok(Change::Nothing);
            }
            after.procedure = *to;
            after.stage = match (case.stage, to) {
                (_, Procedure::Informal) => None,
                // Between formal procedures Stage 1 keeps the day its clock started, under the
                // new procedure's limit.
                (Some(stage), _) => start_stage(rules, *to, 1, stage.started_on, calendar),
                // An informal complaint made formal starts Stage 1 the day that was asked.
                (None, _) => start_stage(rules, *to, 1, effective, calendar),
            };
            if case.stage.is_none() && after.stage.is_some() {
                after.outcome = None;
                after.resolution = None;
            }
            CaseEvent::ProcedureChanged {
                from: case.procedure,
                to: *to,
                reason: why,
            }
        }
        Action::RecordFacts(facts) => {
            let reached = |n: u8| case.stage.is_some_and(|s| s.number >= n);
            let stage_two = facts.investigating_officer.is_some()
                || facts.independent_person.is_some()
                || facts.cost_investigation_pence.is_some()
                || facts.cost_independent_person_pence.is_some();
            let stage_three = facts.panel_on.is_some() || facts.cost_panel_pence.is_some();
            if (stage_two && !reached(2))
                || (stage_three && !(case.procedure == Procedure::Statutory && reached(3)))
            {
                return Err(CaseworkError::NotAtStage);
            }
            if let (Some(panel), Some(stage)) = (facts.panel_on, case.stage)
                && panel < stage.started_on
            {
                return Err(CaseworkError::PanelBeforeStage);
            }
            if case.facts == *facts {
                return Ok(Change::Nothing);
            }
            after.facts = facts.clone();
            CaseEvent::FactsRecorded {
                facts: facts.clone(),
            }
        }
        Action::RecordOmbudsman(ombudsman) => {
            if ombudsman.received_on > today {
                return Err(CaseworkError::FutureDate);
            }
            if ombudsman.received_on < case.received_on {
                return Err(CaseworkError::BeforeReceipt);
            }
            if case.ombudsman.as_ref() == Some(ombudsman) {
                return Ok(Change::Nothing);
            }
            after.ombudsman = Some(ombudsman.clone());
            CaseEvent::OmbudsmanRecorded {
                ombudsman: ombudsman.clone(),
            }
        }
    };
    Ok(Change::Changed {
        after: Box::new(after),
        event,
    })
}

/// Each id looked up once, in the order given, repeats dropped (a team or an action taken is
/// either there or not).
fn unique_refs(
    ids: &[String],
    field: &'static str,
    find: impl Fn(&str) -> Option<ListRef>,
) -> Result<Vec<ListRef>, CaseworkError> {
    let mut found: Vec<ListRef> = Vec::new();
    for id in ids {
        let entry = find(id).ok_or(CaseworkError::NotOnList { field })?;
        if !found.iter().any(|f| f.id == entry.id) {
            found.push(entry);
        }
    }
    Ok(found)
}
