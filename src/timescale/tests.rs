//! Unit tests of the working-day calendar and England's local time, by topic.

use super::*;
use time::macros::{date, datetime};

mod due_dates;
mod holidays;
mod local_time;
mod rag;
mod working_days;
