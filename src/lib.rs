//! Have Your Say: children and young people in care (or an adult on their behalf) send a
//! complaint, compliment or comment through a guided chat; each becomes a case in one store.
//!
//! Start at [`app`] (start-up and the router), then [`web`] (pages by audience), [`intake`]
//! (conversation to case), [`flow`] (flows as data and the pure engine) and [`store`] (all SQL).

pub mod app;
pub mod casework;
pub mod cli;
pub mod config;
pub mod content;
pub mod domain;
pub mod equality;
pub mod error;
pub mod flow;
pub mod i18n;
pub mod import;
pub mod inbound;
pub mod intake;
pub mod letters;
pub mod lists;
pub mod notify;
pub mod reminders;
pub mod report;
pub mod retention;
pub mod store;
pub mod timescale;
pub mod tracking;
pub mod web;
