//! Working days and statutory due dates. For now a working day is Monday to Friday; bank
//! holidays and the receipt cut-off time arrive with the staff area.

use time::{Date, Duration, Weekday};

/// Stage 1 of the statutory procedure: a response within 10 working days.
pub const STAGE_ONE_DAYS: u32 = 10;

pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The date `days` working days after `from` (the day of receipt does not count).
pub fn add_working_days(from: Date, days: u32) -> Date {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// Today in England, where the statutory clock runs.
pub fn today_in_england(now: time::OffsetDateTime) -> Date {
    // Without a time-zone database, approximate British Summer Time: last Sunday of March to
    // last Sunday of October. Only the date matters here.
    let utc = now.date();
    let year = utc.year();
    let last_sunday = |month: time::Month| {
        let mut d = Date::from_calendar_date(year, month, 31).unwrap_or(utc);
        while d.weekday() != Weekday::Sunday {
            d -= Duration::days(1);
        }
        d
    };
    let in_bst = utc >= last_sunday(time::Month::March) && utc < last_sunday(time::Month::October);
    let offset = if in_bst {
        Duration::hours(1)
    } else {
        Duration::ZERO
    };
    (now + offset).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn ten_working_days_skip_weekends() {
        let cases = [
            (date!(2026 - 11 - 25), date!(2026 - 12 - 09)), // Wednesday → Wednesday
            (date!(2026 - 11 - 28), date!(2026 - 12 - 11)), // Saturday → Friday
            (date!(2026 - 11 - 27), date!(2026 - 12 - 11)), // Friday → Friday
        ];
        for (from, want) in cases {
            assert_eq!(add_working_days(from, STAGE_ONE_DAYS), want, "from {from}");
        }
    }

    #[test]
    fn late_evening_in_summer_is_already_tomorrow_in_england() {
        assert_eq!(
            today_in_england(datetime!(2026-07-01 23:30 UTC)),
            date!(2026 - 07 - 02)
        );
        assert_eq!(
            today_in_england(datetime!(2026-12-01 23:30 UTC)),
            date!(2026 - 12 - 01)
        );
    }
}
