//! The rules of casework as a pure function, in the shape of `flow::engine`: no I/O, no clock.
//! `apply(action, &case, effective date, today, &rules)` gives the case after the action with
//! its timeline event, "nothing to record", or the reason the procedure does not allow it.
//! The staff pages and the API call the same function and offer only [`offered`] actions, so
//! the statutory record cannot be made untrue by a click.
//!
//! - Compliments, comments and safety concerns are acknowledged, passed on and closed: no
//!   stage, no outcome, no reply-by date. A safety concern is acknowledged the day it arrives.
//! - A complaint follows one procedure: statutory (Stage 1 → 2 → 3 in order), corporate (the
//!   council's stages, from configuration) or informal (no formal stage). Moving between them
//!   is an action with a reason.
//! - Every dated action carries the day it really happened: never in the future, never before
//!   the case was received or before the step recorded before it.

use std::sync::Arc;

use time::Date;

use crate::domain::{CaseKind, CaseStatus, Category, Ombudsman, Outcome, Procedure, StageFacts};
use crate::lists::Lists;

mod action;
mod apply;
mod error;
mod invariant;
mod offer;
mod stages;

pub use action::{Action, ActionKind};
pub use apply::{Change, apply};
pub use error::CaseworkError;
pub use invariant::invariant_broken;
pub use offer::{check_offered, offered};
pub use stages::{StageClock, first_stage, stage_count, stage_limits};

/// The facts the rules read and write. Built from the stored row inside `store`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lifecycle {
    pub kind: CaseKind,
    /// Meaningful for complaints only (others are stored as statutory and never shown one).
    pub procedure: Procedure,
    /// Present exactly when the case is a complaint in a formal procedure.
    pub stage: Option<StageClock>,
    pub status: CaseStatus,
    /// The day it was received, in England.
    pub received_on: Date,
    pub acknowledged: bool,
    pub outcome: Option<Outcome>,
    pub resolution: Option<String>,
    /// The effective date of the latest dated step (the receipt, at first).
    pub last_step_on: Date,
    pub paused_on: Option<Date>,
    /// A team name typed before teams were a list, that matches no team on it: shown on the
    /// case as not on the list, never counted. Choosing teams from the list clears it.
    pub team: Option<String>,
    pub category: Option<Category>,
    pub assignee_id: Option<i64>,
    /// How it reached the council: a receipt method's id from the council's lists.
    pub receipt: String,
    /// The complainant can read replies on the tracking page (they sent it through the
    /// service and hold its secret words); cases recorded from a letter or a call cannot.
    pub trackable: bool,
    /// What the case carries from the council's lists.
    pub listed: Listed,
    /// Complaints only: Stage 2 and 3 facts (investigators, panel, costs, remedy).
    pub facts: StageFacts,
    /// Complaints only: the Ombudsman's enquiry, once one arrives.
    pub ombudsman: Option<Ombudsman>,
}

/// A case's entries from the council's lists, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    /// Every category mention, in the order staff gave them; the same category may be
    /// mentioned twice. Each keeps the stage it was recorded at.
    pub mentions: Vec<Mention>,
    pub teams: Vec<String>,
    pub actions_taken: Vec<String>,
    pub council_outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub category: String,
    /// The stage the complaint was at when it was recorded; `None` for a case with no stage.
    pub stage: Option<u8>,
}

/// The council's procedure settings: the corporate stages' limits in working days, and its
/// own lists (categories, teams, receipt methods, outcomes, actions taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub corporate_stage_days: Vec<u32>,
    pub lists: Arc<Lists>,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            corporate_stage_days: vec![10, 20],
            lists: Arc::new(Lists::shipped()),
        }
    }
}

#[cfg(test)]
mod tests;
