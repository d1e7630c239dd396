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

use crate::domain::{
    CaseEvent, CaseKind, CaseStatus, Category, ListRef, NoteVisibility, Ombudsman, Outcome,
    Procedure, StageFacts,
};
use crate::lists::Lists;
use crate::timescale::{Calendar, Deadline};

/// A stage of a formal procedure and its clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageClock {
    /// 1-based; Stage 3 is the statutory review panel.
    pub number: u8,
    /// Day 0 of the stage's clock: the start date for Stage 1, the day the request to move on
    /// arrived for later stages.
    pub started_on: Date,
    pub due_on: Date,
    pub extended_due_on: Option<Date>,
    /// The day the stage's response was sent (its outcome recorded).
    pub responded_on: Option<Date>,
}

impl StageClock {
    pub fn current_due(&self) -> Date {
        self.extended_due_on.unwrap_or(self.due_on)
    }
}

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

/// The working days a stage has, and its extended limit if it may be extended.
pub fn stage_limits(rules: &Rules, procedure: Procedure, stage: u8) -> Option<(u32, Option<u32>)> {
    let days = Deadline::working_days;
    match (procedure, stage) {
        (Procedure::Statutory, 1) => Some((
            days(Deadline::StageOne),
            Some(days(Deadline::StageOneExtended)),
        )),
        (Procedure::Statutory, 2) => Some((
            days(Deadline::StageTwo),
            Some(days(Deadline::StageTwoExtended)),
        )),
        (Procedure::Statutory, 3) => Some((days(Deadline::StageThreePanel), None)),
        (Procedure::Corporate, n) if n >= 1 => rules
            .corporate_stage_days
            .get(usize::from(n - 1))
            .map(|d| (*d, None)),
        _ => None,
    }
}

/// How many stages a procedure has.
pub fn stage_count(rules: &Rules, procedure: Procedure) -> u8 {
    match procedure {
        Procedure::Statutory => 3,
        Procedure::Corporate => u8::try_from(rules.corporate_stage_days.len()).unwrap_or(u8::MAX),
        Procedure::Informal => 0,
    }
}

/// What a member of staff asked for, parsed from a form or the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Acknowledge,
    Assign {
        staff_id: i64,
        name: String,
    },
    /// Nobody is assigned any more (the assign form's "Nobody").
    Unassign,
    /// The child's own "what it is about", as staff refine it.
    Details {
        category: Category,
    },
    /// The category mentions at the current stage (ids from the council's lists; a category
    /// may be given twice). Mentions recorded at earlier stages stay.
    Categories {
        ids: Vec<String>,
    },
    Teams {
        ids: Vec<String>,
    },
    ActionsTaken {
        ids: Vec<String>,
    },
    /// The council's own outcome, or none.
    CouncilOutcome {
        id: Option<String>,
    },
    Receipt {
        method: String,
    },
    Reply {
        text: String,
    },
    Note {
        text: String,
        /// Chosen in the form; notes from the advocacy provider are always shared.
        visibility: NoteVisibility,
    },
    /// Move to the next stage of the procedure.
    Escalate {
        late_reason: Option<String>,
    },
    Extend {
        reason: String,
    },
    Pause {
        agreed: bool,
    },
    Resume,
    RecordOutcome {
        outcome: Outcome,
        resolution: Option<String>,
    },
    Close,
    Reopen {
        reason: String,
    },
    SwitchProcedure {
        to: Procedure,
        reason: String,
    },
    /// Stage 2 and 3 facts as they now stand (the whole set, as the form shows it).
    RecordFacts(StageFacts),
    RecordOmbudsman(Ombudsman),
}

/// Each action's name in URLs, forms and the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Acknowledge,
    Assign,
    Details,
    Reply,
    Note,
    Escalate,
    Extend,
    Pause,
    Resume,
    RecordOutcome,
    Close,
    Reopen,
    SwitchProcedure,
    Facts,
    Ombudsman,
    Categories,
    Teams,
    ActionsTaken,
    CouncilOutcome,
    Receipt,
}

impl ActionKind {
    pub const ALL: &'static [ActionKind] = &[
        Self::Acknowledge,
        Self::Assign,
        Self::Details,
        Self::Reply,
        Self::Note,
        Self::Escalate,
        Self::Extend,
        Self::Pause,
        Self::Resume,
        Self::RecordOutcome,
        Self::Close,
        Self::Reopen,
        Self::SwitchProcedure,
        Self::Facts,
        Self::Ombudsman,
        Self::Categories,
        Self::Teams,
        Self::ActionsTaken,
        Self::CouncilOutcome,
        Self::Receipt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Acknowledge => "acknowledge",
            Self::Assign => "assign",
            Self::Details => "details",
            Self::Reply => "reply",
            Self::Note => "note",
            Self::Escalate => "escalate",
            Self::Extend => "extend",
            Self::Pause => "pause",
            Self::Resume => "resume",
            Self::RecordOutcome => "outcome",
            Self::Close => "close",
            Self::Reopen => "reopen",
            Self::SwitchProcedure => "procedure",
            Self::Facts => "facts",
            Self::Ombudsman => "ombudsman",
            Self::Categories => "categories",
            Self::Teams => "teams",
            Self::ActionsTaken => "actions_taken",
            Self::CouncilOutcome => "council_outcome",
            Self::Receipt => "receipt",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == s)
    }

    /// Whether the action is a step of the procedure, dated by the day it really happened.
    pub fn is_dated(self) -> bool {
        !matches!(
            self,
            Self::Assign
                | Self::Details
                | Self::Reply
                | Self::Note
                | Self::Facts
                | Self::Ombudsman
                | Self::Categories
                | Self::Teams
                | Self::ActionsTaken
                | Self::CouncilOutcome
                | Self::Receipt
        )
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::Acknowledge => ActionKind::Acknowledge,
            Self::Assign { .. } | Self::Unassign => ActionKind::Assign,
            Self::Details { .. } => ActionKind::Details,
            Self::Reply { .. } => ActionKind::Reply,
            Self::Note { .. } => ActionKind::Note,
            Self::Escalate { .. } => ActionKind::Escalate,
            Self::Extend { .. } => ActionKind::Extend,
            Self::Pause { .. } => ActionKind::Pause,
            Self::Resume => ActionKind::Resume,
            Self::RecordOutcome { .. } => ActionKind::RecordOutcome,
            Self::Close => ActionKind::Close,
            Self::Reopen { .. } => ActionKind::Reopen,
            Self::SwitchProcedure { .. } => ActionKind::SwitchProcedure,
            Self::RecordFacts(_) => ActionKind::Facts,
            Self::RecordOmbudsman(_) => ActionKind::Ombudsman,
            Self::Categories { .. } => ActionKind::Categories,
            Self::Teams { .. } => ActionKind::Teams,
            Self::ActionsTaken { .. } => ActionKind::ActionsTaken,
            Self::CouncilOutcome { .. } => ActionKind::CouncilOutcome,
            Self::Receipt { .. } => ActionKind::Receipt,
        }
    }
}

/// Why the procedure does not allow an action. Each has a stable code (the API's) and the
/// form field it is about, so a staff form shows the message next to that field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseworkError {
    #[error("this action is not open to this case now")]
    NotOffered,
    #[error("the date is in the future")]
    FutureDate,
    #[error("the date is before the case was received")]
    BeforeReceipt,
    #[error("the date is before the step recorded before it")]
    BeforePreviousStep,
    #[error("a reason is needed")]
    ReasonNeeded,
    #[error("the request came after the escalation window; give the reason it is accepted")]
    LateEscalation,
    #[error("the stage has no response yet; give the reason it moves on")]
    EscalationBeforeResponse,
    #[error("the complainant's agreement to dispute resolution is needed")]
    AgreementNeeded,
    #[error("record the outcome first")]
    OutcomeFirst,
    #[error("resume the paused clock first")]
    PausedFirst,
    #[error("these details belong to a stage the complaint has not reached")]
    NotAtStage,
    #[error("the panel cannot sit before Stage 3 was asked for")]
    PanelBeforeStage,
    /// An id that is not on the council's lists (the form's field named).
    #[error("that is not on the council's list")]
    NotOnList { field: &'static str },
}

impl CaseworkError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotOffered => "not_offered",
            Self::FutureDate => "future_date",
            Self::BeforeReceipt => "before_receipt",
            Self::BeforePreviousStep => "before_previous_step",
            Self::ReasonNeeded => "reason_needed",
            Self::LateEscalation => "late_escalation",
            Self::EscalationBeforeResponse => "escalation_before_response",
            Self::AgreementNeeded => "agreement_needed",
            Self::OutcomeFirst => "outcome_first",
            Self::PausedFirst => "paused_first",
            Self::NotAtStage => "not_at_stage",
            Self::PanelBeforeStage => "panel_before_stage",
            Self::NotOnList { .. } => "not_on_list",
        }
    }

    /// The Fluent id of the staff message.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::NotOffered => "staff-error-not-offered",
            Self::FutureDate => "staff-error-future-date",
            Self::BeforeReceipt => "staff-error-before-receipt",
            Self::BeforePreviousStep => "staff-error-before-previous-step",
            Self::ReasonNeeded => "staff-error-reason-needed",
            Self::LateEscalation => "staff-error-late-escalation",
            Self::EscalationBeforeResponse => "staff-error-escalation-before-response",
            Self::AgreementNeeded => "staff-error-adr-agreement",
            Self::OutcomeFirst => "staff-error-outcome-first",
            Self::PausedFirst => "staff-error-paused-first",
            Self::NotAtStage => "staff-error-not-at-stage",
            Self::PanelBeforeStage => "staff-error-panel-before-stage",
            Self::NotOnList { .. } => "staff-error-not-on-list",
        }
    }

    /// Which form field the message belongs next to.
    pub fn field(&self) -> &'static str {
        match self {
            Self::FutureDate | Self::BeforeReceipt | Self::BeforePreviousStep => "effective_on",
            Self::ReasonNeeded | Self::LateEscalation | Self::EscalationBeforeResponse => "reason",
            Self::AgreementNeeded => "agreed",
            Self::NotOffered | Self::OutcomeFirst | Self::PausedFirst => "action",
            Self::NotAtStage => "facts",
            Self::PanelBeforeStage => "panel_on",
            Self::NotOnList { field } => field,
        }
    }

    pub const ALL: &'static [CaseworkError] = &[
        Self::NotOffered,
        Self::FutureDate,
        Self::BeforeReceipt,
        Self::BeforePreviousStep,
        Self::ReasonNeeded,
        Self::LateEscalation,
        Self::EscalationBeforeResponse,
        Self::AgreementNeeded,
        Self::OutcomeFirst,
        Self::PausedFirst,
        Self::NotAtStage,
        Self::PanelBeforeStage,
        Self::NotOnList { field: "action" },
    ];
}

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

/// The escalation window: working days after a stage's response in which the complainant
/// may ask for the next stage without a reason for lateness.
fn escalation_window() -> u32 {
    Deadline::EscalationWindow.working_days()
}

/// Whether `kind` is open to the case now, before looking at what the form says.
pub fn check_offered(
    case: &Lifecycle,
    kind: ActionKind,
    rules: &Rules,
) -> Result<(), CaseworkError> {
    use ActionKind as K;
    let closed = case.status == CaseStatus::Closed;
    let paused = case.status == CaseStatus::Paused;
    let complaint = case.kind.has_procedure();
    let open_stage = case.stage.filter(|s| s.responded_on.is_none());
    let ok = match kind {
        K::Note => true,
        // The Ombudsman, costs and remedies often come after the council's procedure ends.
        K::Facts | K::Ombudsman => complaint,
        // The report is often tidied after a case closes: what it was about, who dealt with
        // it and how it arrived may be set at any time.
        K::Categories => matches!(case.kind, CaseKind::Complaint | CaseKind::Compliment),
        K::Teams | K::Receipt => true,
        K::ActionsTaken | K::CouncilOutcome => complaint,
        K::Reopen => closed,
        _ if closed => false,
        K::Acknowledge => !case.acknowledged,
        K::Assign | K::Details => true,
        // A reply is read on the tracking page: nobody can read it on a case they cannot track.
        K::Reply => case.trackable,
        K::Close => !paused,
        K::Escalate => {
            !paused
                && case
                    .stage
                    .is_some_and(|s| s.number < stage_count(rules, case.procedure))
        }
        K::Extend => {
            !paused
                && open_stage.is_some_and(|s| {
                    s.extended_due_on.is_none()
                        && stage_limits(rules, case.procedure, s.number)
                            .is_some_and(|(_, ext)| ext.is_some())
                })
        }
        K::Pause => open_stage.is_some() && !paused,
        K::Resume => paused,
        K::RecordOutcome => complaint && !paused,
        K::SwitchProcedure => {
            complaint
                && !paused
                && case
                    .stage
                    .is_none_or(|s| s.number == 1 && s.responded_on.is_none())
        }
    };
    if ok {
        Ok(())
    } else {
        Err(CaseworkError::NotOffered)
    }
}

/// The actions open to the case now, for the case page and the API.
pub fn offered(case: &Lifecycle, rules: &Rules) -> Vec<ActionKind> {
    ActionKind::ALL
        .iter()
        .copied()
        .filter(|k| check_offered(case, *k, rules).is_ok())
        .collect()
}

fn reason(text: &str) -> Result<String, CaseworkError> {
    let text = text.trim();
    if text.is_empty() {
        Err(CaseworkError::ReasonNeeded)
    } else {
        Ok(text.to_owned())
    }
}

/// A new stage's clock, from the day it starts.
fn start_stage(
    rules: &Rules,
    procedure: Procedure,
    number: u8,
    started_on: Date,
    calendar: &Calendar,
) -> Option<StageClock> {
    let (days, _) = stage_limits(rules, procedure, number)?;
    Some(StageClock {
        number,
        started_on,
        due_on: calendar.add_working_days(started_on, days),
        extended_due_on: None,
        responded_on: None,
    })
}

/// The first stage's clock of a complaint received (its start date) on `start`.
pub fn first_stage(
    rules: &Rules,
    procedure: Procedure,
    start: Date,
    calendar: &Calendar,
) -> Option<StageClock> {
    start_stage(rules, procedure, 1, start, calendar)
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

#[cfg(test)]
mod tests;
