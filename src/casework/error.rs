//! The reasons the procedure refuses an action, with the code, message and form field each
//! is shown by.

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
