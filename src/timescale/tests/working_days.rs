//! Counting and adding working days, with bank holidays and local closure days.

use super::*;

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
