//! Domain types: small values that are valid by construction, so the rest of the code never
//! re-checks them. Each keeps its field private and offers `parse` or `TryFrom`.

/// The locale every other falls back to, message by message; complete by construction.
pub const FALLBACK_LOCALE: &str = "en-GB";

pub mod answer;
pub mod case;
pub mod event;
pub mod facts;
pub mod ids;
pub mod password;
pub mod record;
pub mod reference;
pub mod secret;
pub mod token;
pub mod two_factor;
pub mod urgency;

pub use answer::{Answer, Answers};
pub use case::{
    AdultRole, AdvocateWanted, CaseKind, CaseStatus, Category, ChildConsent, ChildHasAdvocate,
    ContactMethod, EmailKind, Outcome, Procedure, StaffRole, SubmitterRole,
};
pub use event::{Actor, CaseEvent, ListRef, NoteVisibility};
pub use facts::{Ombudsman, OmbudsmanDecision, StageFacts};
pub use record::{Adult, Case, Screened};
pub use reference::Reference;
pub use secret::SecretWords;
pub use token::ConversationToken;
pub use urgency::UrgentReason;
