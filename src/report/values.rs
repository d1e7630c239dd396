//! The closed sets the report counts by that are not part of a case's core (how it arrived,
//! what went wrong, how old the child is), and the financial year.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use crate::timescale::london_offset;

/// A financial year, 1 April to 31 March in England, named by the year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear(i32);

impl FinancialYear {
    /// Years the report can be asked for; outside this the dates are nonsense.
    pub const EARLIEST: i32 = 2000;
    pub const LATEST: i32 = 2100;

    pub fn new(start_year: i32) -> Option<Self> {
        (Self::EARLIEST..=Self::LATEST)
            .contains(&start_year)
            .then_some(Self(start_year))
    }

    /// The financial year a London date falls in.
    pub fn of_date(date: Date) -> Self {
        let year = if date.month() >= Month::April {
            date.year()
        } else {
            date.year() - 1
        };
        Self(year.clamp(Self::EARLIEST, Self::LATEST))
    }

    /// The financial year an instant falls in, by its date in London.
    pub fn of_ms(ms: i64) -> Self {
        Self::of_date(crate::timescale::today_in_england(instant(ms)))
    }

    pub fn start_year(self) -> i32 {
        self.0
    }

    pub fn previous(self) -> Self {
        Self(self.0 - 1)
    }

    /// "2025/26".
    pub fn label(self) -> String {
        format!("{}/{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }

    pub fn first_day(self) -> Date {
        Date::from_calendar_date(self.0, Month::April, 1).unwrap_or(Date::MIN)
    }

    pub fn last_day(self) -> Date {
        Date::from_calendar_date(self.0 + 1, Month::March, 31).unwrap_or(Date::MAX)
    }

    /// Midnight in London at the start of 1 April, in unix milliseconds (inclusive).
    pub fn start_ms(self) -> i64 {
        london_midnight_ms(self.first_day())
    }

    /// Midnight in London at the start of the next 1 April (exclusive).
    pub fn end_ms(self) -> i64 {
        Self(self.0 + 1).start_ms()
    }
}

/// Unix milliseconds of the start of `date` in London.
pub fn london_midnight_ms(date: Date) -> i64 {
    let naive = PrimitiveDateTime::new(date, Time::MIDNIGHT);
    // Clocks change at 01:00 UTC, never near local midnight, so the offset at UTC midnight is
    // the offset at local midnight.
    let local = naive.assume_offset(london_offset(naive.assume_utc()));
    ms_of(local)
}

/// Unix milliseconds of a wall-clock time in London.
pub fn london_ms(date: Date, hour: u8, minute: u8) -> i64 {
    let time = Time::from_hms(hour.min(23), minute.min(59), 0).unwrap_or(Time::MIDNIGHT);
    let naive = PrimitiveDateTime::new(date, time);
    let guess = naive.assume_utc();
    // The offset an hour earlier decides the hour the clocks change, which is good enough for
    // times staff type and demonstration data.
    let offset = london_offset(guess - time::Duration::HOUR);
    ms_of(naive.assume_offset(offset))
}

fn ms_of(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// An instant from unix milliseconds (the epoch for nonsense).
pub fn instant(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Declares a closed set of values with one stable string form each.
macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

closed_set! {
    /// The receipt methods that were built in before they were the council's list: the shipped
    /// list keeps these ids, so older cases keep their meaning. Demonstration data and the
    /// import of older files use them; the council's list decides what is valid.
    ReceiptMethod {
        Online = "online",
        Email = "email",
        Letter = "letter",
        Telephone = "telephone",
        InPerson = "in_person",
        Councillor = "councillor",
        Ombudsman = "ombudsman",
    }
}

closed_set! {
    /// The complaint aspects that were built in before categories were the council's list;
    /// the shipped list keeps these ids as categories. Demonstration data uses them.
    Aspect {
        Delay = "delay",
        Communication = "communication",
        ServiceFailure = "service_failure",
        ServiceQuality = "service_quality",
        Decision = "decision",
        StaffConduct = "staff_conduct",
    }
}

closed_set! {
    /// The age bands the report counts children in.
    AgeBand {
        UnderEleven = "under-11",
        ElevenToFifteen = "11-15",
        SixteenSeventeen = "16-17",
        EighteenToTwentyFive = "18-25",
        OverTwentyFive = "over-25",
        NotGiven = "not-given",
    }
}

impl AgeBand {
    pub fn of(age: Option<i64>) -> Self {
        match age {
            None => Self::NotGiven,
            Some(a) if a < 0 => Self::NotGiven,
            Some(a) if a < 11 => Self::UnderEleven,
            Some(a) if a < 16 => Self::ElevenToFifteen,
            Some(a) if a < 18 => Self::SixteenSeventeen,
            Some(a) if a <= 25 => Self::EighteenToTwentyFive,
            Some(_) => Self::OverTwentyFive,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_financial_year_runs_from_london_midnight_on_1_april() {
        let year = FinancialYear::new(2025).unwrap();
        assert_eq!(year.label(), "2025/26");
        // 1 April is always in British Summer Time.
        let start = datetime!(2025-03-31 23:00 UTC).unix_timestamp() * 1000;
        let end = datetime!(2026-03-31 23:00 UTC).unix_timestamp() * 1000;
        assert_eq!(year.start_ms(), start);
        assert_eq!(year.end_ms(), end);
        assert_eq!(FinancialYear::of_ms(start), year);
        assert_eq!(FinancialYear::of_ms(start - 1), year.previous());
        assert_eq!(FinancialYear::of_ms(end - 1), year);
        assert_eq!(FinancialYear::new(1999), None);
        assert_eq!(FinancialYear::new(2099).unwrap().label(), "2099/00");
    }

    #[test]
    fn london_wall_clock_times_become_the_right_instants() {
        let summer = london_ms(date!(2025 - 07 - 01), 16, 30);
        assert_eq!(
            summer,
            datetime!(2025-07-01 15:30 UTC).unix_timestamp() * 1000
        );
        let winter = london_ms(date!(2025 - 12 - 10), 10, 0);
        assert_eq!(
            winter,
            datetime!(2025-12-10 10:00 UTC).unix_timestamp() * 1000
        );
        assert_eq!(
            london_midnight_ms(date!(2026 - 01 - 01)),
            datetime!(2026-01-01 00:00 UTC).unix_timestamp() * 1000
        );
    }

    #[test]
    fn ages_fall_into_the_published_bands() {
        for (age, band) in [
            (None, AgeBand::NotGiven),
            (Some(0), AgeBand::UnderEleven),
            (Some(10), AgeBand::UnderEleven),
            (Some(11), AgeBand::ElevenToFifteen),
            (Some(15), AgeBand::ElevenToFifteen),
            (Some(16), AgeBand::SixteenSeventeen),
            (Some(17), AgeBand::SixteenSeventeen),
            (Some(18), AgeBand::EighteenToTwentyFive),
            (Some(25), AgeBand::EighteenToTwentyFive),
            (Some(26), AgeBand::OverTwentyFive),
        ] {
            assert_eq!(AgeBand::of(age), band, "{age:?}");
        }
    }
}
