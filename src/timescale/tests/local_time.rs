//! England's local time: the switch to and from British Summer Time.

use super::*;

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
