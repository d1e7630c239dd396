//! An event with its words taken out, for anonymising a case: what the report counts stays.

use super::CaseEvent;
use crate::domain::{Ombudsman, StageFacts};

impl CaseEvent {
    /// The same entry with every free text emptied, for anonymising a case: the values the
    /// report counts (stages, outcomes, dates, procedures) stay.
    pub fn without_words(&self) -> Self {
        let gone = String::new;
        match self.clone() {
            Self::Assigned { staff_id, .. } => Self::Assigned {
                staff_id,
                name: gone(),
            },
            Self::DetailsSet { category, .. } => Self::DetailsSet {
                team: None,
                category,
            },
            Self::MessageToChild { .. } => Self::MessageToChild { text: gone() },
            Self::MessageFromChild { .. } => Self::MessageFromChild { text: gone() },
            Self::Note { visibility, .. } => Self::Note {
                text: gone(),
                visibility,
            },
            Self::StageChanged { from, to, .. } => Self::StageChanged {
                from,
                to,
                late_reason: None,
            },
            Self::Extended { until, .. } => Self::Extended {
                reason: gone(),
                until,
            },
            Self::OutcomeRecorded { outcome, .. } => Self::OutcomeRecorded {
                outcome,
                resolution: None,
            },
            Self::Reopened { .. } => Self::Reopened { reason: gone() },
            Self::ProcedureChanged { from, to, .. } => Self::ProcedureChanged {
                from,
                to,
                reason: gone(),
            },
            Self::Legacy { kind, .. } => Self::Legacy { kind, text: None },
            // Names of investigators and what a remedy was for are words; sums and dates stay.
            Self::FactsRecorded { facts } => Self::FactsRecorded {
                facts: StageFacts {
                    investigating_officer: None,
                    independent_person: None,
                    remedy_for: None,
                    ..facts
                },
            },
            Self::OmbudsmanRecorded { ombudsman } => Self::OmbudsmanRecorded {
                ombudsman: Ombudsman {
                    remedy: None,
                    ..ombudsman
                },
            },
            other => other,
        }
    }
}
