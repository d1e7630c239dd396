//! Conversation flows as data. `model` is the TOML shape of `flows/*.toml`, `load` reads and
//! lints them at start-up, `engine` moves a conversation from step to step as a pure function,
//! and `draft` turns a finished conversation into the fields of a case.

pub mod draft;
pub mod engine;
pub mod load;
pub mod model;
pub mod safety;

pub use draft::CaseDraft;
pub use engine::{AnswerError, State};
pub use load::{Flows, LintError};
pub use model::{Answer, Answers, Flow, InputKind, Step};
