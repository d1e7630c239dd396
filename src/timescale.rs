//! Statutory timescales under the Children Act 1989 Representations Procedure (England)
//! Regulations 2006: which days are working days (weekdays less the bank holidays of England
//! and Wales shipped in `timescale/bank_holidays.txt`, less any local closure days), when the
//! clock starts for a representation received at a given instant, the due date of each stage,
//! and how close a case is to its due date.
//!
//! England's local time is worked out here without a time-zone database; see
//! [`london_offset`].

use std::collections::BTreeSet;
use std::ops::{Bound, RangeInclusive};
use std::sync::{Arc, LazyLock};

use time::macros::{format_description, offset, time};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset, Weekday};

/// Stage 1 of the statutory procedure: a response within 10 working days.
pub const STAGE_ONE_DAYS: u32 = 10;

/// Bank holidays in England and Wales, one `YYYY-MM-DD name` a line.
const BANK_HOLIDAYS: &str = include_str!("timescale/bank_holidays.txt");

/// A representation received at or after this local time starts its clock the next working day.
const CUT_OFF_HOUR: u8 = 17;

/// The shipped calendar, parsed once.
static ENGLAND_AND_WALES: LazyLock<Calendar> = LazyLock::new(|| {
    let holidays: Vec<Date> = shipped_holidays().map(|(date, _)| date).collect();
    let first = holidays.iter().map(|d| d.year()).min().unwrap_or(0);
    let last = holidays.iter().map(|d| d.year()).max().unwrap_or(-1);
    Calendar::build(holidays, first..=last)
});

/// The built-in working-day calendar: weekdays less the bank holidays of England and Wales.
pub fn calendar() -> &'static Calendar {
    &ENGLAND_AND_WALES
}

/// Whether `date` is a working day in the built-in calendar.
pub fn is_working_day(date: Date) -> bool {
    calendar().is_working_day(date)
}

/// The date `days` working days after `from` in the built-in calendar (the day of receipt
/// does not count).
pub fn add_working_days(from: Date, days: u32) -> Date {
    calendar().add_working_days(from, days)
}

/// Today in England, where the statutory clock runs.
pub fn today_in_england(now: OffsetDateTime) -> Date {
    in_england(now).date()
}

/// England's offset from UTC at `now`: British Summer Time (+1) from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October, Greenwich Mean Time otherwise.
///
/// This is the rule in force since 1996 across the EU and UK; hard-coding it avoids shipping a
/// time-zone database for one zone. It is wrong for instants before 1996.
pub fn london_offset(now: OffsetDateTime) -> UtcOffset {
    let utc = now.to_offset(UtcOffset::UTC);
    let year = utc.year();
    match (
        switch_over(year, Month::March),
        switch_over(year, Month::October),
    ) {
        (Some(start), Some(end)) if start <= utc && utc < end => offset!(+1),
        _ => UtcOffset::UTC,
    }
}

/// 01:00 UTC on the last Sunday of `month` (March or October, both 31 days long).
fn switch_over(year: i32, month: Month) -> Option<OffsetDateTime> {
    let last_day = Date::from_calendar_date(year, month, 31).ok()?;
    let back = i64::from(last_day.weekday().number_days_from_sunday());
    let sunday = last_day.checked_sub(time::Duration::days(back))?;
    Some(PrimitiveDateTime::new(sunday, time!(01:00)).assume_utc())
}

/// `now` as a wall-clock time in England.
fn in_england(now: OffsetDateTime) -> OffsetDateTime {
    // Only fails within an hour of the end of time's range; UTC is a harmless answer there.
    now.checked_to_offset(london_offset(now)).unwrap_or(now)
}

/// A working-day calendar: Monday to Friday, less bank holidays and local closure days.
///
/// Cheap to clone (shared, immutable data) and safe to share between threads.
#[derive(Debug, Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// Weekdays that are not working days. Weekend dates are left out so that
    /// [`Calendar::working_days_between`] can subtract these from a count of weekdays.
    closed: BTreeSet<Date>,
    /// Years the shipped bank holidays cover.
    covered: RangeInclusive<i32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::england_and_wales()
    }
}

impl Calendar {
    /// Weekdays less the shipped bank holidays of England and Wales.
    pub fn england_and_wales() -> Calendar {
        calendar().clone()
    }

    /// The shipped bank holidays plus local closure days, such as a council's days off
    /// between Christmas and New Year. Weekend dates among `extra` change nothing.
    pub fn with_closures(extra: impl IntoIterator<Item = Date>) -> Calendar {
        let shipped = calendar();
        let days = shipped.inner.closed.iter().copied().chain(extra);
        Calendar::build(days, shipped.inner.covered.clone())
    }

    fn build(closed: impl IntoIterator<Item = Date>, covered: RangeInclusive<i32>) -> Calendar {
        let closed = closed.into_iter().filter(|&d| is_weekday(d)).collect();
        Calendar {
            inner: Arc::new(Inner { closed, covered }),
        }
    }

    /// Identifies the set of non-working days, so start-up can tell when the list changed and
    /// open cases' due dates must be worked out again.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        for date in &self.inner.closed {
            hash.update(date.to_string().as_bytes());
            hash.update(b",");
        }
        crate::domain::token::hex(&hash.finalize())
    }

    /// Whether the shipped bank holidays cover `year`. Outside it every weekday counts as a
    /// working day, so due dates may be early.
    pub fn covers(&self, year: i32) -> bool {
        self.inner.covered.contains(&year)
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        is_weekday(date) && !self.inner.closed.contains(&date)
    }

    /// The date `days` working days after `from`; `from` itself does not count, and
    /// need not be a working day.
    pub fn add_working_days(&self, from: Date, days: u32) -> Date {
        let mut date = from;
        let mut left = days;
        while left > 0 {
            // Saturating at the end of the calendar beats panicking on a nonsense date.
            let Some(next) = date.next_day() else {
                return date;
            };
            date = next;
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }

    /// The number of working days after `from`, up to and including `to`; negative when `to`
    /// is before `from`. The inverse of [`Calendar::add_working_days`].
    pub fn working_days_between(&self, from: Date, to: Date) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        // Counted rather than walked, so that long ranges (e.g. reports) stay cheap.
        let weekdays = weekdays_through(to) - weekdays_through(from);
        let closed = self
            .inner
            .closed
            .range((Bound::Excluded(from), Bound::Included(to)))
            .count();
        weekdays - i64::try_from(closed).unwrap_or(i64::MAX)
    }

    /// The first day of the statutory clock (day 0) for a representation received at
    /// `received`: that day in England if it is a working day and the local time is before
    /// 17:00, otherwise the next working day.
    pub fn start_date(&self, received: OffsetDateTime) -> Date {
        let local = in_england(received);
        let day = local.date();
        if self.is_working_day(day) && local.hour() < CUT_OFF_HOUR {
            day
        } else {
            self.add_working_days(day, 1)
        }
    }

    /// When `deadline` falls, counting its working days from `from` (day 0): the start date
    /// for an acknowledgement or a stage's response, otherwise the event the deadline runs
    /// from (see [`Deadline`]).
    pub fn due(&self, deadline: Deadline, from: Date) -> Date {
        self.add_working_days(from, deadline.working_days())
    }

    /// How close `today` is to `due`, for staff lists.
    pub fn rag(&self, today: Date, due: Date) -> Rag {
        if today > due {
            Rag::Red
        } else if self.working_days_between(today, due) <= AMBER_WORKING_DAYS {
            Rag::Amber
        } else {
            Rag::Green
        }
    }
}

/// A case turns amber with this many working days left, counting the due date itself.
const AMBER_WORKING_DAYS: i64 = 2;

fn is_weekday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The number of weekdays up to and including `date`, from an arbitrary fixed origin; only
/// differences are meaningful.
fn weekdays_through(date: Date) -> i64 {
    let from_monday = i64::from(date.weekday().number_days_from_monday());
    let monday = i64::from(date.to_julian_day()) - from_monday;
    // All Mondays are congruent modulo 7, so this counts whole weeks from a fixed origin.
    5 * monday.div_euclid(7) + (from_monday + 1).min(5)
}

/// The statutory and guidance timescales, in working days.
///
/// Stage 1 is local resolution, Stage 2 an investigation, Stage 3 a review panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deadline {
    /// Acknowledge a representation within 3 working days of the start date. This is the
    /// statutory guidance ("Getting the Best from Complaints"), not the Regulations; a local
    /// authority may set its own.
    Acknowledge,
    /// Stage 1 response within 10 working days of the start date.
    StageOne,
    /// Stage 1 response, when extended because the matter is complex or an advocate is being
    /// arranged: at most 20 working days from the start date.
    StageOneExtended,
    /// Stage 2 response (the adjudication on the investigator's report) within 25 working
    /// days of the start of Stage 2.
    StageTwo,
    /// Stage 2 response, when extended: at most 65 working days from the start of Stage 2.
    StageTwoExtended,
    /// The Stage 3 review panel meets within 30 working days of the request for it.
    StageThreePanel,
    /// The panel reports within 5 working days of meeting.
    StageThreeReport,
    /// The local authority responds within 15 working days of receiving the panel's report.
    StageThreeResponse,
    /// The complainant may ask to escalate to the next stage within 20 working days of
    /// receiving a Stage 1 or Stage 2 response.
    EscalationWindow,
}

impl Deadline {
    /// The timescale in working days.
    pub fn working_days(self) -> u32 {
        match self {
            Deadline::Acknowledge => 3,
            Deadline::StageOne => STAGE_ONE_DAYS,
            Deadline::StageOneExtended => 20,
            Deadline::StageTwo => 25,
            Deadline::StageTwoExtended => 65,
            Deadline::StageThreePanel => 30,
            Deadline::StageThreeReport => 5,
            Deadline::StageThreeResponse => 15,
            Deadline::EscalationWindow => 20,
        }
    }
}

/// Red, amber or green for a case's due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rag {
    /// More than two working days left.
    Green,
    /// Two or fewer working days left, including when due today.
    Amber,
    /// Past the due date.
    Red,
}

/// One line of the shipped bank-holiday file.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Holiday(Date, &'a str),
    /// Blank or comment only.
    Nothing,
    /// Not a date and a name; skipped, and ruled out by a test.
    Bad,
}

fn parse_line(line: &str) -> Line<'_> {
    let content = line.split('#').next().unwrap_or("").trim();
    if content.is_empty() {
        return Line::Nothing;
    }
    let Some((date, name)) = content.split_once(char::is_whitespace) else {
        return Line::Bad;
    };
    match Date::parse(date, format_description!("[year]-[month]-[day]")) {
        Ok(date) if !name.trim().is_empty() => Line::Holiday(date, name.trim()),
        _ => Line::Bad,
    }
}

/// The shipped bank holidays with their names, in file order.
fn shipped_holidays() -> impl Iterator<Item = (Date, &'static str)> {
    BANK_HOLIDAYS
        .lines()
        .filter_map(|line| match parse_line(line) {
            Line::Holiday(date, name) => Some((date, name)),
            Line::Nothing | Line::Bad => None,
        })
}

#[cfg(test)]
mod tests;
