//! Random years of cases for the suppression property: what one made-up case is, the
//! strategy that makes it, its stage history, and the report a set of them publishes.

use std::collections::BTreeMap;

use proptest::prelude::*;
use time::macros::date;

use crate::casework::Rules;
use crate::lists::Lists;
use crate::report::contents;
use crate::report::procedure::Setting;
use crate::report::stages::{CaseHistory, StageRun};
use crate::report::tables::Report;
use crate::report::values::{FinancialYear, london_ms};
use crate::store::report::ReportCase;

#[derive(Debug, Clone)]
pub(super) struct Made {
    pub(super) year: usize,
    pub(super) kind: usize,
    pub(super) procedure: usize,
    pub(super) last: u8,
    pub(super) outcomes: [usize; 3],
    pub(super) answered: bool,
    pub(super) days: [i64; 3],
    pub(super) team: usize,
    pub(super) method: usize,
    pub(super) who: usize,
    pub(super) mentions: Vec<usize>,
    pub(super) ombudsman: Option<usize>,
    pub(super) month: u8,
}

const KINDS: [&str; 3] = ["complaint", "compliment", "comment"];
const PROCEDURES: [&str; 3] = ["statutory", "corporate", "informal"];
const OUTCOMES: [&str; 6] = [
    "upheld",
    "partly_upheld",
    "not_upheld",
    "withdrawn",
    "outside_jurisdiction",
    "inconclusive",
];
const TEAMS: [&str; 4] = ["assessment", "safeguarding", "fostering", ""];
const METHODS: [&str; 4] = ["online", "email", "letter", "telephone"];
const WHO: [&str; 4] = ["child", "advocate", "parent_family", "carer"];
const MENTIONS: [&str; 4] = ["delay", "communication", "decision", "staff_conduct"];
const DECISIONS: [&str; 3] = ["declined", "premature", "investigated_fault"];

pub(super) fn made() -> impl Strategy<Value = Made> {
    (
        (
            0usize..3,
            0usize..3,
            0usize..3,
            1u8..=3,
            [0usize..6, 0usize..6, 0usize..6],
        ),
        (
            any::<bool>(),
            [1i64..40, 1i64..80, 1i64..40],
            0usize..4,
            0usize..4,
            0usize..4,
        ),
        (
            proptest::collection::vec(0usize..4, 0..3),
            proptest::option::of(0usize..3),
            1u8..=12,
        ),
    )
        .prop_map(
            |(
                (year, kind, procedure, last, outcomes),
                (answered, days, team, method, who),
                (mentions, ombudsman, month),
            )| Made {
                year,
                kind,
                procedure,
                last,
                outcomes,
                answered,
                days,
                team,
                method,
                who,
                mentions,
                ombudsman,
                month,
            },
        )
}

fn history(m: &Made, id: i64) -> (usize, CaseHistory) {
    let complaint = m.kind == 0;
    let procedure = PROCEDURES[m.procedure];
    // A corporate complaint has two stages, an informal one one.
    let last = match (complaint, procedure) {
        (false, _) | (true, "informal") => 1,
        (true, "corporate") => m.last.min(2),
        _ => m.last,
    };
    let start_year = 2022 + i32::try_from(m.year).unwrap_or(0);
    let (year, month) = if m.month <= 9 {
        (start_year, m.month + 3)
    } else {
        (start_year + 1, m.month - 9)
    };
    let received = time::Date::from_calendar_date(
        year,
        time::Month::try_from(month).unwrap_or(time::Month::April),
        10,
    )
    .unwrap_or(date!(2022 - 04 - 11));
    let mut stages = BTreeMap::new();
    let mut escalations = Vec::new();
    let mut from = received;
    for stage in 1..=last {
        let mut run = StageRun::new(Some(from));
        let to = from + time::Duration::days(m.days[usize::from(stage - 1)]);
        if stage < last {
            run.escalated = true;
            run.responded = Some(to);
            run.outcome = Some("not_upheld".into());
            escalations.push((stage, stage + 1));
        } else if m.answered && complaint {
            run.responded = Some(to);
            run.outcome = Some(OUTCOMES[m.outcomes[usize::from(stage - 1)]].into());
        }
        if stage == 1 && m.days[0] % 7 == 0 {
            run.pauses = 1;
        }
        stages.insert(stage, run);
        from = to + time::Duration::days(2);
    }
    let case = ReportCase {
        id,
        kind: KINDS[m.kind].into(),
        procedure: if complaint {
            procedure.into()
        } else {
            String::new()
        },
        stage: i64::from(last),
        status: if m.answered { "closed" } else { "open" }.into(),
        submitted_by: WHO[m.who].into(),
        category: None,
        advocate_wanted: if m.who == 1 { "yes" } else { "no" }.into(),
        age: None,
        locale: "en-GB".into(),
        urgent: 0,
        method_of_receipt: METHODS[m.method].into(),
        outcome: None,
        received_at: london_ms(received, 10, 0),
        stage_started_on: None,
        closed_at: None,
        council_outcome: None,
        acknowledged_at: (m.days[1] % 2 == 0).then(|| london_ms(received, 15, 0)),
        cost_investigation_pence: None,
        cost_independent_person_pence: None,
        cost_panel_pence: None,
        remedy_pence: None,
        ombudsman_received_on: m.ombudsman.map(|_| "2025-01-06".into()),
        ombudsman_decision: m.ombudsman.map(|d| DECISIONS[d].into()),
    };
    let teams = Some(TEAMS[m.team])
        .filter(|t| !t.is_empty())
        .map(|t| t.to_owned())
        .into_iter()
        .collect();
    let mentions = if complaint {
        m.mentions.iter().map(|i| MENTIONS[*i].to_owned()).collect()
    } else {
        Vec::new()
    };
    (
        m.year,
        CaseHistory {
            case,
            stages,
            escalations,
            mentions,
            teams,
        },
    )
}

pub(super) fn report(cases: &[Made], final_stage: bool) -> Report {
    let mut lists = Lists::shipped();
    if final_stage {
        lists.report.outcomes = crate::lists::counting::StageCounting::FinalStage;
        lists.report.timescales = crate::lists::counting::StageCounting::FinalStage;
    } else {
        lists.report.outcomes = crate::lists::counting::StageCounting::EachStage;
    }
    let rules = Rules {
        lists: std::sync::Arc::new(lists),
        ..Rules::default()
    };
    let mut years: Vec<Vec<CaseHistory>> = vec![Vec::new(), Vec::new(), Vec::new()];
    for (i, m) in cases.iter().enumerate() {
        let (year, h) = history(m, i64::try_from(i).unwrap_or(0));
        years[year].push(h);
    }
    let setting = Setting {
        rules: &rules,
        calendar: crate::timescale::calendar(),
        today: date!(2026 - 12 - 07),
    };
    let shown: Vec<(FinancialYear, &[CaseHistory])> = years
        .iter()
        .enumerate()
        .filter_map(|(i, cases)| {
            FinancialYear::new(2022 + i32::try_from(i).unwrap_or(0)).map(|y| (y, cases.as_slice()))
        })
        .collect();
    let enquiries: Vec<(String, Option<String>)> = years
        .iter()
        .flatten()
        .filter_map(|h| {
            let day = h.case.ombudsman_received_on.clone()?;
            Some((day, h.case.ombudsman_decision.clone()))
        })
        .collect();
    let in_years: Vec<FinancialYear> = shown.iter().map(|(y, _)| *y).collect();
    let ombudsman = crate::report::redress::enquiries_by_year(&in_years, &enquiries);
    contents::build(&shown, &ombudsman, &setting)
}
