//! What staff can ask of a case, and each action's stable name in URLs, forms and the API.

use crate::domain::{Category, NoteVisibility, Ombudsman, Outcome, Procedure, StageFacts};

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
