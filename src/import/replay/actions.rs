//! The row's undated columns as the case page's forms would send them: the council's lists,
//! the stage facts and the Ombudsman's enquiry.

use time::Date;

use super::Context;
use crate::casework::{self, Action, CaseworkError, Change, Lifecycle};
use crate::domain::{CaseEvent, Ombudsman, StageFacts};
use crate::import::Problem;
use crate::import::columns::Row;

/// One of the council's lists set as the case page's form sets it (undated), or the column
/// it is refused at.
pub(super) fn list_action(
    row: &Row,
    action: &Action,
    case: &mut Lifecycle,
    events: &mut Vec<(CaseEvent, Option<Date>)>,
    ctx: &Context<'_>,
) -> Result<(), Vec<Problem>> {
    match casework::apply(action, case, ctx.today, ctx.today, ctx.calendar, ctx.rules) {
        Ok(Change::Changed { after, event }) => {
            events.push((event, None));
            *case = *after;
            Ok(())
        }
        Ok(Change::Nothing) => Ok(()),
        Err(e) => {
            let column = match action {
                Action::Categories { .. } => "categories",
                Action::Teams { .. } => "teams",
                Action::ActionsTaken { .. } => "actions_taken",
                _ => "council_outcome",
            };
            let message = match e {
                CaseworkError::NotOnList { .. } => {
                    "an entry is not on the council's lists (ids as in the lists file)".to_owned()
                }
                other => other.to_string(),
            };
            Err(vec![Problem::at(row.line, column, message)])
        }
    }
}

/// The row's facts and Ombudsman columns as the staff forms' actions, facts first.
pub(super) fn facts_actions(row: &Row) -> Vec<Action> {
    let mut actions = Vec::new();
    if row.facts != StageFacts::default() {
        actions.push(Action::RecordFacts(row.facts.clone()));
    }
    if let (Some(received_on), Some(decision)) = (row.ombudsman.received_on, row.ombudsman.decision)
    {
        actions.push(Action::RecordOmbudsman(Ombudsman {
            received_on,
            decision,
            remedy: row.ombudsman.remedy.clone(),
        }));
    }
    actions
}
