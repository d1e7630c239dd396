//! Start dates and due dates against the hand-checked table, and each deadline's length.

use super::*;

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
