//! Realistic, clearly fake cases for demonstrations and benchmarks: spread over kinds,
//! categories, teams, stages, outcomes, ways of arriving, ages, languages and dates, each with
//! the timeline a real case would have (acknowledged, extended, paused, responded, escalated,
//! closed), worked out on the same working-day calendar. Nobody real: every first name is
//! `Demo-<n>`, every team `Demo …`, every summary "Demo complaint about …".

use rand::Rng;
use rand::rngs::ThreadRng;
use serde_json::json;
use time::Date;

use super::values::{Aspect, ReceiptMethod, instant, london_ms};
use crate::domain::{CaseKind, Category, Outcome};
use crate::store::cases::format_date;
use crate::store::report::{CaseRow, EventRow};
use crate::timescale::{Calendar, Deadline, today_in_england};

/// Team ids of the shipped lists (`locales/en-GB/lists.toml`).
const TEAMS: &[(&str, u32)] = &[
    ("assessment", 20),
    ("safeguarding", 18),
    ("children_in_care", 22),
    ("leaving_care", 14),
    ("fostering", 12),
    ("disabled_children", 8),
];

const LOCALES: &[(&str, u32)] = &[
    ("en-GB", 86),
    ("pl", 4),
    ("ro", 3),
    ("ar", 3),
    ("ur", 2),
    ("so", 1),
    ("uk", 1),
];

const KINDS: &[(CaseKind, u32)] = &[
    (CaseKind::Complaint, 60),
    (CaseKind::Compliment, 26),
    (CaseKind::Comment, 14),
];

const WHO: &[(&str, u32)] = &[
    ("child", 34),
    ("advocate", 16),
    ("parent_family", 30),
    ("carer", 12),
    ("other", 8),
];

const METHODS: &[(ReceiptMethod, u32)] = &[
    (ReceiptMethod::Online, 45),
    (ReceiptMethod::Email, 20),
    (ReceiptMethod::Telephone, 12),
    (ReceiptMethod::Letter, 8),
    (ReceiptMethod::InPerson, 7),
    (ReceiptMethod::Councillor, 5),
    (ReceiptMethod::Ombudsman, 3),
];

const ADVOCATE: &[(&str, u32)] = &[("no", 68), ("yes", 22), ("not_sure", 10)];

/// Stage 1, 2 and 3 outcomes, roughly as the seed reports find them.
const OUTCOMES: [&[(Outcome, u32)]; 3] = [
    &[
        (Outcome::Upheld, 14),
        (Outcome::PartlyUpheld, 22),
        (Outcome::NotUpheld, 36),
        (Outcome::Withdrawn, 14),
        (Outcome::OutsideJurisdiction, 10),
        (Outcome::Inconclusive, 4),
    ],
    &[
        (Outcome::Upheld, 6),
        (Outcome::PartlyUpheld, 50),
        (Outcome::NotUpheld, 34),
        (Outcome::Withdrawn, 4),
        (Outcome::Inconclusive, 6),
    ],
    &[
        (Outcome::PartlyUpheld, 60),
        (Outcome::NotUpheld, 25),
        (Outcome::Upheld, 10),
        (Outcome::Inconclusive, 5),
    ],
];

fn pick<T: Copy>(rng: &mut ThreadRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (item, weight) in items {
        if roll < *weight {
            return *item;
        }
        roll -= weight;
    }
    items[0].0
}

fn topic(category: Category) -> &'static str {
    match category {
        Category::SocialWorker => "social worker",
        Category::WhereILive => "placement",
        Category::SeeingFamily => "family time",
        Category::Money => "allowance",
        Category::LeavingCare => "leaving care support",
        Category::School => "school",
        Category::Health => "health appointment",
        Category::HowTreated => "how they were treated",
        Category::SomethingElse => "something else",
    }
}

/// One case's timeline as it is built, in order and stopping at today.
struct Timeline<'a> {
    rng: &'a mut ThreadRng,
    calendar: &'a Calendar,
    today: Date,
    events: Vec<EventRow>,
    /// The latest event so far: nothing happens before it.
    last: (Date, i64),
}

impl Timeline<'_> {
    /// A time during the working day on `date` (or after the latest event, if later), or
    /// `None` when that is still to come.
    fn at(&mut self, date: Date) -> Option<(Date, i64)> {
        let date = date.max(self.last.0);
        if date > self.today {
            return None;
        }
        let hour = self.rng.random_range(9..16);
        let minute = self.rng.random_range(0..60);
        let at = london_ms(date, hour, minute).max(self.last.1 + 60_000);
        self.last = (date, at);
        Some((date, at))
    }

    fn push(&mut self, kind: &'static str, detail: Option<serde_json::Value>, at: i64) {
        self.events.push(EventRow {
            kind,
            actor: "staff:0".into(),
            detail,
            created_at: at,
        });
    }

    fn after(&mut self, from: Date, days: std::ops::RangeInclusive<u32>) -> Date {
        let n = self.rng.random_range(days);
        self.calendar.add_working_days(from, n)
    }
}

/// `cases` fake cases received over the last `years` years before `now_ms`.
pub fn generate(cases: u32, years: u32, calendar: &Calendar, now_ms: i64) -> Vec<CaseRow> {
    let mut rng = rand::rng();
    let span = i64::from(years) * 365 * 24 * 60 * 60 * 1000;
    let today = today_in_england(instant(now_ms));
    (1..=cases)
        .map(|n| {
            let received = rng.random_range(now_ms - span..now_ms - 60 * 60 * 1000);
            one(&mut rng, n, received, calendar, today)
        })
        .collect()
}

fn one(rng: &mut ThreadRng, n: u32, received_at: i64, calendar: &Calendar, today: Date) -> CaseRow {
    let kind = pick(rng, KINDS);
    let method = pick(rng, METHODS);
    let category = Category::ALL[rng.random_range(0..Category::ALL.len())];
    let procedure = if kind == CaseKind::Complaint && rng.random_bool(0.15) {
        "corporate"
    } else {
        "statutory"
    };
    let urgent = kind != CaseKind::Compliment && rng.random_bool(0.03);
    let age = (!rng.random_bool(0.1)).then(|| {
        if rng.random_bool(0.85) {
            rng.random_range(8..=17)
        } else {
            rng.random_range(18..=25)
        }
    });
    // Category ids of the shipped lists; a complaint may mention one twice.
    let mentions = if kind == CaseKind::Complaint {
        (0..rng.random_range(1..=3))
            .map(|_| {
                Aspect::ALL[rng.random_range(0..Aspect::ALL.len())]
                    .as_str()
                    .to_owned()
            })
            .collect()
    } else {
        Vec::new()
    };
    let started = calendar.start_date(instant(received_at));
    let mut line = Timeline {
        rng,
        calendar,
        today,
        events: Vec::new(),
        last: (today_in_england(instant(received_at)), received_at),
    };
    let actor = if method == ReceiptMethod::Online {
        "child"
    } else {
        "staff:0"
    };
    line.events.push(EventRow {
        kind: "submitted",
        actor: actor.into(),
        detail: None,
        created_at: received_at,
    });
    let summary = format!("Demo {} about {}", kind.as_str(), topic(category));
    if method != ReceiptMethod::Online {
        // As the record form does: what staff wrote down shows in the timeline.
        line.events.push(EventRow {
            kind: "note",
            actor: actor.into(),
            detail: Some(json!({ "text": summary })),
            created_at: received_at,
        });
    }
    let mut row = CaseRow {
        kind: kind.as_str().into(),
        procedure: procedure.into(),
        stage: 1,
        status: "new".into(),
        submitted_by: pick(line.rng, WHO).into(),
        category: category.as_str().into(),
        summary,
        advocate_wanted: pick(line.rng, ADVOCATE).into(),
        contact_method: "worker".into(),
        contact_value: None,
        first_name: Some(format!("Demo-{n}")),
        age,
        locale: pick(line.rng, LOCALES).into(),
        urgent,
        teams: (!line.rng.random_bool(0.05))
            .then(|| pick(line.rng, TEAMS).to_owned())
            .into_iter()
            .collect(),
        method_of_receipt: method.as_str().into(),
        received_at,
        stage_started_on: format_date(started),
        due_on: format_date(calendar.due(Deadline::StageOne, started)),
        extended_due_on: None,
        acknowledge_by: format_date(calendar.due(Deadline::Acknowledge, started)),
        acknowledged_at: None,
        outcome: None,
        closed_at: None,
        created_at: received_at,
        mentions,
        events: Vec::new(),
    };
    let acknowledged = line.after(started, 0..=3);
    if let Some((acknowledged, at)) = line.at(acknowledged) {
        line.push("acknowledged", None, at);
        row.acknowledged_at = Some(at);
        row.status = "open".into();
        if kind == CaseKind::Complaint {
            complaint(&mut line, &mut row, started);
        } else {
            let closed = line.after(acknowledged, 1..=8);
            close(&mut line, &mut row, closed);
        }
    }
    row.events = line.events;
    row
}

/// Stage by stage: a response (sometimes late, sometimes extended or paused first), then
/// maybe an escalation, else closing.
fn complaint(line: &mut Timeline<'_>, row: &mut CaseRow, started: Date) {
    let statutory = row.procedure == "statutory";
    let mut stage: u8 = 1;
    let mut start = started;
    loop {
        let (standard, extended) = match (stage, statutory) {
            (2, true) => (Deadline::StageTwo, Some(Deadline::StageTwoExtended)),
            (3, true) => (Deadline::StageThreePanel, None),
            (_, true) => (Deadline::StageOne, Some(Deadline::StageOneExtended)),
            // The corporate procedure's stages are never extended (the shipped first stage
            // has ten working days, as the statutory Stage 1).
            (_, false) => (Deadline::StageOne, None),
        };
        let limit = standard.working_days();
        let roll: f64 = line.rng.random();
        let mut days = if roll < 0.6 {
            line.rng.random_range(limit / 3..=limit)
        } else if roll < 0.85 {
            extended.map_or(limit + 3, |d| {
                line.rng.random_range(limit + 1..=d.working_days())
            })
        } else {
            line.rng.random_range(limit + 1..=limit * 3)
        };
        row.stage = i64::from(stage);
        row.stage_started_on = format_date(start);
        row.due_on = format_date(line.calendar.due(standard, start));
        row.extended_due_on = None;
        row.outcome = None;
        if stage == 1 && line.rng.random_bool(0.05) {
            let paused = line.calendar.add_working_days(start, 2);
            let resumed = line.after(paused, 3..=8);
            // Only a pause that is over: a case paused today would need its own bookkeeping.
            if resumed <= line.today
                && let Some((paused, at)) = line.at(paused)
            {
                line.push("paused", None, at);
                if let Some((resumed, at)) = line.at(resumed) {
                    line.push("resumed", None, at);
                    // The clock stood still while paused, so the response comes that much later.
                    let stood = line.calendar.working_days_between(paused, resumed);
                    days += u32::try_from(stood).unwrap_or(0);
                }
            }
        }
        if let Some(long) = extended.filter(|_| days > limit && line.rng.random_bool(0.7)) {
            let on = line
                .calendar
                .add_working_days(start, limit.saturating_sub(2).max(1));
            let Some((_, at)) = line.at(on) else { return };
            line.push("extended", Some(json!({ "text": "Demo extension" })), at);
            row.extended_due_on = Some(format_date(line.calendar.due(long, start)));
        }
        let responded = line.calendar.add_working_days(start, days);
        let Some((responded, at)) = line.at(responded) else {
            return;
        };
        let outcome = pick(line.rng, OUTCOMES[usize::from(stage - 1)]);
        line.push(
            "outcome",
            Some(json!({ "label": format!("outcome-{}", outcome.as_str()) })),
            at,
        );
        row.outcome = Some(outcome.as_str().into());
        let settled = matches!(outcome, Outcome::Withdrawn | Outcome::OutsideJurisdiction);
        let chance = if stage == 1 { 0.14 } else { 0.35 };
        if statutory && stage < 3 && !settled && line.rng.random_bool(chance) {
            let asked = line.after(responded, 3..=18);
            if let Some((asked, at)) = line.at(asked) {
                stage += 1;
                line.push(
                    "stage_changed",
                    Some(json!({ "label": format!("stage-{stage}") })),
                    at,
                );
                start = asked;
                continue;
            }
        }
        let closed = line.after(responded, 0..=3);
        close(line, row, closed);
        return;
    }
}

fn close(line: &mut Timeline<'_>, row: &mut CaseRow, on: Date) {
    if let Some((_, at)) = line.at(on) {
        line.push("closed", None, at);
        row.closed_at = Some(at);
        row.status = "closed".into();
    }
}

#[cfg(test)]
mod tests;
