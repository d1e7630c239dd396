//! Answer lists for walking the chat, shared by every test file: each is defined once here.

/// A child's complaint about late pocket money, no contact wanted, answered step by step.
pub const COMPLAINT: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "Late pocket money",
    "",
    "no",
    "none",
    "",
    "13",
];

/// A complaint with markup in its words and a request for a call back by phone, then "About you" skipped.
pub const COMPLAINT_BY_PHONE: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was paid late <b>again</b>",
    "Pay it on Fridays",
    "yes",
    "phone",
    "07700 900123",
    "Sam",
    "14",
    "skip",
];

/// A compliment about school, no contact wanted; one email, to the rights officer.
pub const COMPLIMENT: &[&str] = &[
    "compliment",
    "young_person",
    "school",
    "My teacher listened",
    "none",
    "",
    "11",
];

/// A parent's comment: the adult branch asks about the adult and the child first; adults on a
/// child's behalf are not asked about themselves.
pub const ADULT_COMMENT: &[&str] = &[
    "comment",
    "parent_carer",
    "parent",
    "Jo Parent",
    "",
    "Jo",
    "9",
    "yes",
    "yes",
    "no",
    "health",
    "Appointments clash with school",
    "",
    "not_sure",
    "email",
    "carer@example.org",
];

/// A comment asking for an advocate: advocates see it (once it is not held).
pub const WANTS_ADVOCATE: &[&str] = &[
    "comment",
    "young_person",
    "health",
    "Dentist is far",
    "yes",
    "none",
    "",
    "12",
];

/// A complaint from a young person who wants replies by email.
pub const COMPLAINT_BY_EMAIL: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late again",
    "",
    "no",
    "email",
    "sam@example.org",
    "Sam",
    "14",
];

/// A complaint that emails only the rights officer; replies by email, "About you" skipped.
pub const COMPLAINT_BY_EMAIL_ABOUT_YOU_SKIPPED: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late",
    "",
    "no",
    "email",
    "sam@example.org",
    "Sam",
    "14",
    "skip",
];

/// A complaint with markup in its words; replies by email.
pub const COMPLAINT_WITH_MARKUP_BY_EMAIL: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance <b>was</b> late",
    "",
    "no",
    "email",
    "sam@example.org",
    "Sam",
    "14",
];

/// A complaint from a young person who wants an advocate and replies by email.
pub const COMPLAINT_WANTING_ADVOCATE_BY_EMAIL: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late again",
    "",
    "yes",
    "email",
    "sam@example.org",
    "Samira",
    "14",
];

/// A leaving-care complaint with a script in its words; call back by phone.
pub const LEAVING_CARE_COMPLAINT_WITH_SCRIPT: &[&str] = &[
    "complaint",
    "young_person",
    "leaving_care",
    "Nobody told me <script>alert('x')</script> about my flat",
    "A proper plan",
    "yes",
    "phone",
    "07700 900123",
    "Robin",
    "17",
];

/// Three emails: rights officer, leaving care team (by category), advocacy referral.
pub const LEAVING_CARE_COMPLAINT: &[&str] = &[
    "complaint",
    "young_person",
    "leaving_care",
    "Nobody told me about my flat",
    "A proper plan",
    "yes",
    "phone",
    "07700 900123",
    "Robin",
    "17",
];

/// One email: the new-compliment email to the rights officer.
pub const COMPLIMENT_ABOUT_A_TRIP: &[&str] = &[
    "compliment",
    "young_person",
    "school",
    "Great trip",
    "none",
    "",
    "10",
];

/// A compliment about school, no contact wanted.
pub const COMPLIMENT_ABOUT_BEING_HEARD: &[&str] = &[
    "compliment",
    "young_person",
    "school",
    "My teacher listened to me",
    "none",
    "",
    "11",
];
