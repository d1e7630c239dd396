//! Dates in the reader's own words: "Tuesday 9 December", "Tue 9 Dec", "Mon 7 Dec, 14:32".

use fluent::{FluentArgs, FluentValue};

use super::{Locale, Localizer};

impl Localizer {
    /// "Tuesday 9 December", in the locale's own words; "Monday 4 January 2027" when the date
    /// is not in the current year (in England).
    pub fn long_date(&self, locale: &Locale, date: time::Date) -> String {
        let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
        self.long_date_from(locale, date, today)
    }

    /// As [`Localizer::long_date`], with the year shown unless `date` is in `today`'s year.
    pub fn long_date_from(&self, locale: &Locale, date: time::Date, today: time::Date) -> String {
        let weekday = self.text(
            locale,
            &format!("weekday-{}", date.weekday().number_from_monday()),
            None,
        );
        let month = self.text(locale, &format!("month-{}", u8::from(date.month())), None);
        let mut args = FluentArgs::new();
        args.set("weekday", FluentValue::from(weekday));
        args.set("day", FluentValue::from(date.day()));
        args.set("month", FluentValue::from(month));
        args.set("year", FluentValue::from(date.year().to_string()));
        let this_year = if date.year() == today.year() {
            "yes"
        } else {
            "no"
        };
        args.set("this_year", FluentValue::from(this_year));
        self.text(locale, "date-long", Some(&args))
    }

    /// "Tue 9 Dec", for email subjects and tables.
    pub fn short_date(&self, locale: &Locale, date: time::Date) -> String {
        let weekday = self.text(
            locale,
            &format!("weekday-short-{}", date.weekday().number_from_monday()),
            None,
        );
        let month = self.text(
            locale,
            &format!("month-short-{}", u8::from(date.month())),
            None,
        );
        let mut args = FluentArgs::new();
        args.set("weekday", FluentValue::from(weekday));
        args.set("day", FluentValue::from(date.day()));
        args.set("month", FluentValue::from(month));
        self.text(locale, "date-short", Some(&args))
    }

    /// "Mon 7 Dec, 14:32": an instant (unix ms) as a day and time in England.
    pub fn short_date_time(&self, locale: &Locale, ms: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .map(|at| self.short_date_time_at(locale, at))
            .unwrap_or_default()
    }

    /// The same, from an instant.
    pub fn short_date_time_at(&self, locale: &Locale, at: time::OffsetDateTime) -> String {
        let local = at.to_offset(crate::timescale::london_offset(at));
        format!(
            "{}, {:02}:{:02}",
            self.short_date(locale, local.date()),
            local.hour(),
            local.minute()
        )
    }
}

/// Message ids this module's own date formatting uses; the pages and emails list theirs.
pub fn code_message_ids() -> Vec<String> {
    let mut ids: Vec<String> = (1..=7)
        .flat_map(|n| [format!("weekday-{n}"), format!("weekday-short-{n}")])
        .collect();
    ids.extend((1..=12).flat_map(|n| [format!("month-{n}"), format!("month-short-{n}")]));
    ids.extend(["date-long".into(), "date-short".into()]);
    ids
}
