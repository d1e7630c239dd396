//! The red, amber and green of a due date.

use super::*;

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
