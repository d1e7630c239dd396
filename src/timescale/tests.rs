use super::*;
use time::macros::{date, datetime};

// ---- The shipped bank holidays -------------------------------------------------------------

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

// ---- Working days --------------------------------------------------------------------------

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
fn free_functions_use_the_bank_holidays() {
    assert!(!is_working_day(date!(2025 - 12 - 25)));
    assert!(!is_working_day(date!(2025 - 12 - 27))); // Saturday
    assert!(is_working_day(date!(2025 - 12 - 24)));
    // Wed 24 Dec 2025; skip Thu 25, Fri 26 (bank holidays), Sat 27, Sun 28 → Mon 29.
    assert_eq!(
        add_working_days(date!(2025 - 12 - 24), 1),
        date!(2025 - 12 - 29)
    );
}

#[test]
fn working_days_between_counts_after_from_through_to() {
    let cal = calendar();
    let (thu, tue) = (date!(2025 - 04 - 17), date!(2025 - 04 - 22));
    assert_eq!(cal.working_days_between(thu, thu), 0);
    // Thu 17 Apr 2025 → Tue 22: Fri 18, Mon 21 are bank holidays; only Tue 22 counts.
    assert_eq!(cal.working_days_between(thu, tue), 1);
    assert_eq!(cal.working_days_between(tue, thu), -1);
    // Sat → Sun: no working days.
    assert_eq!(
        cal.working_days_between(date!(2026 - 11 - 28), date!(2026 - 11 - 29)),
        0
    );
    // Fri → Mon: just Monday.
    assert_eq!(
        cal.working_days_between(date!(2026 - 11 - 27), date!(2026 - 11 - 30)),
        1
    );
}

#[test]
fn local_closure_days_are_not_working_days() {
    // A council closed 29–31 Dec 2025; 27–28 Dec is a weekend and changes nothing.
    let cal = Calendar::with_closures([
        date!(2025 - 12 - 27),
        date!(2025 - 12 - 29),
        date!(2025 - 12 - 30),
        date!(2025 - 12 - 31),
    ]);
    assert!(!cal.is_working_day(date!(2025 - 12 - 30)));
    assert!(!cal.is_working_day(date!(2025 - 12 - 25))); // still has the bank holidays
    assert!(calendar().is_working_day(date!(2025 - 12 - 30))); // the built-in one is untouched
    assert!(cal.covers(2025));
    // Received Mon 22 Dec 2025 (day 0). Tue 23 (1), Wed 24 (2); Thu 25, Fri 26 bank
    // holidays; Sat 27, Sun 28; Mon 29–Wed 31 closed; Thu 1 Jan bank holiday; Fri 2 (3),
    // Mon 5 (4), Tue 6 (5), Wed 7 (6), Thu 8 (7), Fri 9 (8), Mon 12 (9), Tue 13 Jan (10).
    let start = cal.start_date(datetime!(2025-12-22 10:00 UTC));
    assert_eq!(start, date!(2025 - 12 - 22));
    assert_eq!(cal.due(Deadline::StageOne, start), date!(2026 - 01 - 13));
    assert_eq!(cal.working_days_between(start, date!(2026 - 01 - 13)), 10);
}

/// The naive definition, to check the counted one against.
fn walk_between(cal: &Calendar, from: Date, to: Date) -> i64 {
    let (lo, hi, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut n = 0;
    let mut d = lo;
    while d < hi {
        d = d.next_day().unwrap();
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    sign * n
}

#[test]
fn add_and_between_agree_across_the_covered_years() {
    let closures = Calendar::with_closures([date!(2025 - 12 - 29), date!(2025 - 12 - 30)]);
    for cal in [calendar(), &closures] {
        let mut from = date!(2015 - 12 - 01);
        while from <= date!(2029 - 01 - 31) {
            for n in 0..=70 {
                let due = cal.add_working_days(from, n);
                if n > 0 {
                    assert!(cal.is_working_day(due), "{from} + {n} = {due}");
                    assert!(due > from);
                    // The day before is at most n - 1 working days on.
                    let before = due.previous_day().unwrap();
                    assert!(cal.working_days_between(from, before) < i64::from(n));
                }
                assert_eq!(
                    cal.working_days_between(from, due),
                    i64::from(n),
                    "{from} + {n}"
                );
                assert_eq!(cal.working_days_between(due, from), -i64::from(n));
            }
            for span in [0, 1, 2, 6, 7, 8, 13, 40, 400] {
                let to = from + time::Duration::days(span);
                assert_eq!(
                    cal.working_days_between(from, to),
                    walk_between(cal, from, to),
                    "{from}..{to}"
                );
            }
            from += time::Duration::days(3);
        }
    }
}

// ---- England's local time -------------------------------------------------------------------

#[test]
fn bst_starts_and_ends_at_one_in_the_morning_utc() {
    let cases = [
        (datetime!(2026-03-29 00:30 UTC), 0), // still GMT
        (datetime!(2026-03-29 00:59:59 UTC), 0),
        (datetime!(2026-03-29 01:00 UTC), 1), // clocks go forward
        (datetime!(2026-03-29 01:30 UTC), 1),
        (datetime!(2026-07-01 12:00 UTC), 1),
        (datetime!(2026-10-25 00:30 UTC), 1), // still BST
        (datetime!(2026-10-25 00:59:59 UTC), 1),
        (datetime!(2026-10-25 01:00 UTC), 0), // clocks go back
        (datetime!(2026-10-25 01:30 UTC), 0),
        (datetime!(2026-12-01 12:00 UTC), 0),
        (datetime!(2025-03-30 01:00 UTC), 1), // 2025: last Sundays are 30 Mar and 26 Oct
        (datetime!(2025-10-26 00:59 UTC), 1),
        (datetime!(2025-10-26 01:00 UTC), 0),
        // The input's own offset does not matter, only the instant.
        (datetime!(2026-03-29 02:30 +02:00), 0),
    ];
    for (now, hours) in cases {
        assert_eq!(london_offset(now).whole_hours(), hours, "{now}");
    }
}

#[test]
fn today_in_england_follows_the_switch_over() {
    let cases = [
        (datetime!(2026-07-01 23:30 UTC), date!(2026 - 07 - 02)), // 00:30 BST
        (datetime!(2026-12-01 23:30 UTC), date!(2026 - 12 - 01)), // 23:30 GMT
        (datetime!(2026-03-28 23:30 UTC), date!(2026 - 03 - 28)), // Sat night, still GMT
        (datetime!(2026-10-24 23:30 UTC), date!(2026 - 10 - 25)), // Sat night, still BST
        (datetime!(2026-10-25 23:30 UTC), date!(2026 - 10 - 25)), // Sun night, GMT again
    ];
    for (now, want) in cases {
        assert_eq!(today_in_england(now), want, "{now}");
    }
}

// ---- Start dates and due dates: the hand-checked table -------------------------------------

#[test]
fn start_and_stage_one_due_dates() {
    let cal = calendar();
    // (received, start = day 0, Stage 1 due = 10 working days after the start)
    let cases = [
        // Thu 17 Apr 2025 10:00 BST. Day 0 Thu 17; skip Fri 18 (Good Friday), Sat, Sun,
        // Mon 21 (Easter Monday); Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 (5),
        // Tue 29 (6), Wed 30 (7), Thu 1 May (8), Fri 2 (9); skip Mon 5 (Early May);
        // Tue 6 May (10).
        (
            datetime!(2025-04-17 09:00 UTC),
            date!(2025 - 04 - 17),
            date!(2025 - 05 - 06),
        ),
        // Mon 22 Dec 2025 10:00 GMT. Day 0 Mon 22; Tue 23 (1), Wed 24 (2); skip Thu 25
        // (Christmas), Fri 26 (Boxing Day), Sat, Sun; Mon 29 (3), Tue 30 (4), Wed 31 (5);
        // skip Thu 1 Jan (New Year); Fri 2 (6), Mon 5 (7), Tue 6 (8), Wed 7 (9), Thu 8 Jan (10).
        (
            datetime!(2025-12-22 10:00 UTC),
            date!(2025 - 12 - 22),
            date!(2026 - 01 - 08),
        ),
        // Wed 1 Jun 2022 10:00 BST. Day 0 Wed 1; skip Thu 2 (Spring, moved), Fri 3 (Platinum
        // Jubilee), Sat, Sun; Mon 6 (1) … Fri 10 (5), Mon 13 (6) … Fri 17 Jun (10).
        (
            datetime!(2022-06-01 09:00 UTC),
            date!(2022 - 06 - 01),
            date!(2022 - 06 - 17),
        ),
        // Thu 15 Sep 2022 10:00 BST. Day 0 Thu 15; Fri 16 (1); skip Sat, Sun, Mon 19 (State
        // Funeral); Tue 20 (2), Wed 21 (3), Thu 22 (4), Fri 23 (5), Mon 26 (6) … Fri 30 Sep (10).
        (
            datetime!(2022-09-15 09:00 UTC),
            date!(2022 - 09 - 15),
            date!(2022 - 09 - 30),
        ),
        // Fri 28 Apr 2023 10:00 BST. Day 0 Fri 28; skip Sat, Sun, Mon 1 May (Early May);
        // Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4); skip Sat, Sun, Mon 8 (coronation);
        // Tue 9 (5), Wed 10 (6), Thu 11 (7), Fri 12 (8), Mon 15 (9), Tue 16 May (10).
        (
            datetime!(2023-04-28 09:00 UTC),
            date!(2023 - 04 - 28),
            date!(2023 - 05 - 16),
        ),
        // Sat 28 Nov 2026 12:00 GMT. Not a working day: day 0 is Mon 30 Nov; Tue 1 Dec (1) …
        // Fri 4 (4), Mon 7 (5) … Fri 11 (9), Mon 14 Dec (10).
        (
            datetime!(2026-11-28 12:00 UTC),
            date!(2026 - 11 - 30),
            date!(2026 - 12 - 14),
        ),
        // Fri 27 Nov 2026 17:30 GMT. After 17:00: day 0 is Mon 30 Nov, due Mon 14 Dec as above.
        (
            datetime!(2026-11-27 17:30 UTC),
            date!(2026 - 11 - 30),
            date!(2026 - 12 - 14),
        ),
        // Fri 27 Nov 2026 16:59:59 GMT. Just in time: day 0 Fri 27; Mon 30 (1), Tue 1 Dec (2)
        // … Fri 4 (5), Mon 7 (6) … Thu 10 (9), Fri 11 Dec (10).
        (
            datetime!(2026-11-27 16:59:59 UTC),
            date!(2026 - 11 - 27),
            date!(2026 - 12 - 11),
        ),
        // Wed 1 Jul 2026 16:30 UTC = 17:30 BST. After 17:00: day 0 Thu 2 Jul; Fri 3 (1),
        // Mon 6 (2) … Fri 10 (6), Mon 13 (7), Tue 14 (8), Wed 15 (9), Thu 16 Jul (10).
        (
            datetime!(2026-07-01 16:30 UTC),
            date!(2026 - 07 - 02),
            date!(2026 - 07 - 16),
        ),
        // Wed 2 Dec 2026 16:30 UTC = 16:30 GMT. Before 17:00: day 0 Wed 2 Dec; Thu 3 (1),
        // Fri 4 (2), Mon 7 (3) … Fri 11 (7), Mon 14 (8), Tue 15 (9), Wed 16 Dec (10).
        (
            datetime!(2026-12-02 16:30 UTC),
            date!(2026 - 12 - 02),
            date!(2026 - 12 - 16),
        ),
        // Tue 30 Jun 2026 23:30 UTC = Wed 1 Jul 00:30 BST. Day 0 Wed 1 Jul; Thu 2 (1),
        // Fri 3 (2), Mon 6 (3) … Fri 10 (7), Mon 13 (8), Tue 14 (9), Wed 15 Jul (10).
        (
            datetime!(2026-06-30 23:30 UTC),
            date!(2026 - 07 - 01),
            date!(2026 - 07 - 15),
        ),
        // Thu 24 Dec 2026 17:15 GMT. After 17:00; Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing
        // Day substitute): day 0 Tue 29 Dec; Wed 30 (1), Thu 31 (2); skip Fri 1 Jan (New
        // Year); Mon 4 (3) … Fri 8 (7), Mon 11 (8), Tue 12 (9), Wed 13 Jan 2027 (10).
        (
            datetime!(2026-12-24 17:15 UTC),
            date!(2026 - 12 - 29),
            date!(2027 - 01 - 13),
        ),
    ];
    for (received, start, due) in cases {
        assert_eq!(cal.start_date(received), start, "start for {received}");
        assert_eq!(
            cal.due(Deadline::StageOne, start),
            due,
            "due for {received}"
        );
    }
}

#[test]
fn bank_holiday_receipt_starts_the_next_working_day() {
    // Good Friday 18 Apr 2025, 09:00 BST → Sat, Sun, Easter Monday skipped → Tue 22 Apr.
    assert_eq!(
        calendar().start_date(datetime!(2025-04-18 08:00 UTC)),
        date!(2025 - 04 - 22)
    );
}

#[test]
fn deadlines_have_their_statutory_lengths() {
    let days = [
        (Deadline::Acknowledge, 3),
        (Deadline::StageOne, 10),
        (Deadline::StageOneExtended, 20),
        (Deadline::StageTwo, 25),
        (Deadline::StageTwoExtended, 65),
        (Deadline::StageThreePanel, 30),
        (Deadline::StageThreeReport, 5),
        (Deadline::StageThreeResponse, 15),
        (Deadline::EscalationWindow, 20),
    ];
    for (deadline, n) in days {
        assert_eq!(deadline.working_days(), n, "{deadline:?}");
    }
    assert_eq!(Deadline::StageOne.working_days(), STAGE_ONE_DAYS);
}

#[test]
fn longer_deadlines_across_bank_holidays() {
    let cal = calendar();
    // Acknowledge, from Thu 17 Apr 2025: skip Fri 18, Mon 21; Tue 22 (1), Wed 23 (2), Thu 24 (3).
    assert_eq!(
        cal.due(Deadline::Acknowledge, date!(2025 - 04 - 17)),
        date!(2025 - 04 - 24)
    );
    // Stage 2, from Mon 22 Dec 2025: Tue 23 (1), Wed 24 (2); skip 25, 26; Mon 29 (3),
    // Tue 30 (4), Wed 31 (5); skip 1 Jan; Fri 2 (6), 5–9 Jan (7–11), 12–16 (12–16),
    // 19–23 (17–21), Mon 26 (22), Tue 27 (23), Wed 28 (24), Thu 29 Jan (25).
    assert_eq!(
        cal.due(Deadline::StageTwo, date!(2025 - 12 - 22)),
        date!(2026 - 01 - 29)
    );
    // Stage 2 extended, from Thu 2 Jul 2026: Fri 3 (1), 6–10 Jul (2–6), 13–17 (7–11),
    // 20–24 (12–16), 27–31 (17–21), 3–7 Aug (22–26), 10–14 (27–31), 17–21 (32–36),
    // 24–28 (37–41); skip Mon 31 Aug (Summer); Tue 1 Sep (42) … Fri 4 (45), 7–11 (46–50),
    // 14–18 (51–55), 21–25 (56–60), Mon 28 (61), Tue 29 (62), Wed 30 (63), Thu 1 Oct (64),
    // Fri 2 Oct (65).
    assert_eq!(
        cal.due(Deadline::StageTwoExtended, date!(2026 - 07 - 02)),
        date!(2026 - 10 - 02)
    );
    // Stage 3 report, from a panel on Wed 20 May 2026: Thu 21 (1), Fri 22 (2); skip Mon 25
    // (Spring); Tue 26 (3), Wed 27 (4), Thu 28 May (5).
    assert_eq!(
        cal.due(Deadline::StageThreeReport, date!(2026 - 05 - 20)),
        date!(2026 - 05 - 28)
    );
}

// ---- RAG ------------------------------------------------------------------------------------

#[test]
fn rag_turns_amber_two_working_days_out_and_red_when_overdue() {
    let cal = calendar();
    // Due Thu 16 Jul 2026.
    let due = date!(2026 - 07 - 16);
    let cases = [
        (date!(2026 - 07 - 13), Rag::Green), // Mon: Tue, Wed, Thu left = 3
        (date!(2026 - 07 - 14), Rag::Amber), // Tue: Wed, Thu = 2
        (date!(2026 - 07 - 15), Rag::Amber), // Wed: Thu = 1
        (date!(2026 - 07 - 16), Rag::Amber), // due today
        (date!(2026 - 07 - 17), Rag::Red),   // Fri: overdue
    ];
    for (today, want) in cases {
        assert_eq!(cal.rag(today, due), want, "{today}");
    }
    // Due Tue 6 May 2025, after the Early May bank holiday on Mon 5.
    let due = date!(2025 - 05 - 06);
    let cases = [
        (date!(2025 - 04 - 30), Rag::Green), // Wed: Thu 1, Fri 2, Tue 6 = 3
        (date!(2025 - 05 - 01), Rag::Amber), // Thu: Fri 2, Tue 6 = 2
        (date!(2025 - 05 - 03), Rag::Amber), // Sat: Tue 6 = 1
        (date!(2025 - 05 - 07), Rag::Red),
    ];
    for (today, want) in cases {
        assert_eq!(cal.rag(today, due), want, "{today}");
    }
}
