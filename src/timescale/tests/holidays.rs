//! The shipped bank holidays: the file parses, is sorted, and matches the Easter algorithm and
//! the one-off changes.

use super::*;

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = Month::try_from(u8::try_from(month).unwrap()).unwrap();
    Date::from_calendar_date(year, month, u8::try_from(day).unwrap()).unwrap()
}

fn holidays_in(year: i32) -> Vec<(Date, &'static str)> {
    shipped_holidays()
        .filter(|(d, _)| d.year() == year)
        .collect()
}

#[test]
fn every_line_of_the_shipped_file_parses() {
    for (n, line) in BANK_HOLIDAYS.lines().enumerate() {
        assert_ne!(parse_line(line), Line::Bad, "line {}: {line:?}", n + 1);
    }
}

#[test]
fn parse_line_reads_dates_names_and_comments() {
    assert_eq!(
        parse_line("2025-12-25 Christmas Day  # fixed"),
        Line::Holiday(date!(2025 - 12 - 25), "Christmas Day")
    );
    assert_eq!(parse_line("   # just a comment"), Line::Nothing);
    assert_eq!(parse_line(""), Line::Nothing);
    assert_eq!(parse_line("2025-12-25"), Line::Bad);
    assert_eq!(parse_line("2025-02-30 Nonsense"), Line::Bad);
    assert_eq!(parse_line("25/12/2025 Christmas Day"), Line::Bad);
}

#[test]
fn shipped_holidays_are_sorted_weekdays_without_duplicates() {
    let dates: Vec<Date> = shipped_holidays().map(|(d, _)| d).collect();
    for pair in dates.windows(2) {
        assert!(pair[0] < pair[1], "{} then {}", pair[0], pair[1]);
    }
    for date in dates {
        assert!(is_weekday(date), "{date} is a {}", date.weekday());
    }
}

#[test]
fn good_friday_and_easter_monday_match_the_algorithm() {
    let given = [
        (2010, date!(2010 - 04 - 04)),
        (2011, date!(2011 - 04 - 24)),
        (2012, date!(2012 - 04 - 08)),
        (2013, date!(2013 - 03 - 31)),
        (2014, date!(2014 - 04 - 20)),
        (2015, date!(2015 - 04 - 05)),
        (2016, date!(2016 - 03 - 27)),
        (2017, date!(2017 - 04 - 16)),
        (2018, date!(2018 - 04 - 01)),
        (2019, date!(2019 - 04 - 21)),
        (2020, date!(2020 - 04 - 12)),
        (2021, date!(2021 - 04 - 04)),
        (2022, date!(2022 - 04 - 17)),
        (2023, date!(2023 - 04 - 09)),
        (2024, date!(2024 - 03 - 31)),
        (2025, date!(2025 - 04 - 20)),
        (2026, date!(2026 - 04 - 05)),
        (2027, date!(2027 - 03 - 28)),
        (2028, date!(2028 - 04 - 16)),
    ];
    for (year, sunday) in given {
        assert_eq!(easter_sunday(year), sunday, "Easter {year}");
        let holidays = holidays_in(year);
        let named = |name: &str| holidays.iter().find(|(_, n)| *n == name).map(|(d, _)| *d);
        assert_eq!(named("Good Friday"), Some(sunday - time::Duration::days(2)));
        assert_eq!(
            named("Easter Monday"),
            Some(sunday + time::Duration::days(1))
        );
    }
}

#[test]
fn each_year_has_the_expected_number_of_bank_holidays() {
    for year in 2010..=2028 {
        let want = match year {
            // + royal wedding
            2011 => 9,
            // + Diamond Jubilee (Spring moved, not added)
            2012 => 9,
            // + Platinum Jubilee (Spring moved, not added) + State Funeral
            2022 => 10,
            // + coronation
            2023 => 9,
            _ => 8,
        };
        assert_eq!(holidays_in(year).len(), want, "{year}");
    }
}

#[test]
fn the_one_off_changes_are_in_place() {
    let cal = calendar();
    // 2020: Early May moved to VE Day.
    assert!(cal.is_working_day(date!(2020 - 05 - 04)));
    assert!(!cal.is_working_day(date!(2020 - 05 - 08)));
    // 2022: Spring bank holiday moved to the Jubilee weekend.
    assert!(cal.is_working_day(date!(2022 - 05 - 30)));
    assert!(!cal.is_working_day(date!(2022 - 06 - 02)));
    assert!(!cal.is_working_day(date!(2022 - 06 - 03)));
    assert!(!cal.is_working_day(date!(2022 - 09 - 19)));
    // 2023: coronation, a week after Early May.
    assert!(!cal.is_working_day(date!(2023 - 05 - 01)));
    assert!(!cal.is_working_day(date!(2023 - 05 - 08)));
    // 2011: royal wedding; 2012: Spring moved to the Diamond Jubilee weekend.
    assert!(!cal.is_working_day(date!(2011 - 04 - 29)));
    assert!(cal.is_working_day(date!(2012 - 05 - 28)));
    assert!(!cal.is_working_day(date!(2012 - 06 - 04)));
    assert!(!cal.is_working_day(date!(2012 - 06 - 05)));
    // Substitute days.
    for date in [
        date!(2010 - 12 - 27),
        date!(2010 - 12 - 28),
        date!(2011 - 01 - 03),
        date!(2015 - 12 - 28),
        date!(2020 - 12 - 28),
        date!(2021 - 12 - 27),
        date!(2021 - 12 - 28),
        date!(2022 - 12 - 26),
        date!(2022 - 12 - 27),
        date!(2027 - 12 - 27),
        date!(2027 - 12 - 28),
    ] {
        assert!(!cal.is_working_day(date), "{date}");
    }
}

#[test]
fn coverage_is_2010_to_2028() {
    let cal = calendar();
    assert!(!cal.covers(2009));
    assert!((2010..=2028).all(|y| cal.covers(y)));
    assert!(!cal.covers(2029));
}

#[test]
fn calendar_is_cheap_to_share() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Calendar>();
    let a = Calendar::england_and_wales();
    let b = a.clone();
    assert!(Arc::ptr_eq(&a.inner, &b.inner));
    assert!(Arc::ptr_eq(&a.inner, &calendar().inner));
}
