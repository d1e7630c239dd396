//! What complaints cost and what came of them outside the procedure: the Local Government and
//! Social Care Ombudsman's enquiries and decisions, the cost of investigating (the Stage 2
//! Investigating Officer and Independent Person, the Stage 3 review panel), and remedies or
//! compensation paid, by the stage that decided them. Sums are in whole pence.

use super::stages::CaseHistory;
use super::tables::{Label, Row, RowKind, Rows, Table, Years, counted_items, fixed, plain};
use crate::domain::facts::OmbudsmanDecision;

/// The Ombudsman's enquiries about complaints, counted in the year of the enquiry (the day
/// recorded on the Ombudsman's action, as councils publish them), whenever the complaint was
/// received; by what the Ombudsman decided. `years` holds each year's decisions.
pub(super) fn ombudsman(years: &[Vec<Option<String>>]) -> Table {
    let rows = Rows {
        total: true,
        ..fixed(
            OmbudsmanDecision::ALL
                .iter()
                .map(|d| (d.as_str(), format!("report-ombudsman-{}", d.as_str()))),
        )
    };
    counted_items("ombudsman", false, years, |d| vec![d.clone()], rows).of("ombudsman")
}

/// The Ombudsman's enquiries `(day, decision)` put in the year of their day, one list per
/// year shown (oldest first); enquiries on other days are left out.
pub fn enquiries_by_year(
    years: &[super::FinancialYear],
    enquiries: &[(String, Option<String>)],
) -> Vec<Vec<Option<String>>> {
    let mut out: Vec<Vec<Option<String>>> = years.iter().map(|_| Vec::new()).collect();
    for (day, decision) in enquiries {
        let Ok(day) = crate::store::cases::parse_date(day) else {
            continue;
        };
        let year = super::FinancialYear::of_date(day);
        if let Some(slot) = years.iter().position(|y| *y == year) {
            out[slot].push(decision.clone());
        }
    }
    out
}

/// Message ids [`ombudsman`] and [`costs`] use for their rows.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = OmbudsmanDecision::ALL
        .iter()
        .map(|d| format!("report-ombudsman-{}", d.as_str()))
        .collect();
    ids.extend(COST_ROWS.iter().map(|r| format!("report-row-cost-{r}")));
    ids
}

const COST_ROWS: &[&str] = &[
    "investigating-officer",
    "independent-person",
    "panel",
    "investigation-total",
    "remedy-stage-1",
    "remedy-stage-2",
    "remedy-stage-3",
    "remedy-ombudsman",
    "remedy-total",
    "all-total",
];

/// Where a remedy is counted: the Ombudsman's, when the Ombudsman found fault; otherwise the
/// last stage the complaint reached.
fn remedy_at(case: &CaseHistory) -> usize {
    if case.case.ombudsman_decision.as_deref() == Some(OmbudsmanDecision::Fault.as_str()) {
        3
    } else {
        usize::from(case.final_stage().clamp(1, 3) - 1)
    }
}

/// Investigation costs and remedies, in pence, for each year.
pub(super) fn costs(years: &Years<'_>) -> Table {
    let sums: Vec<[i64; 10]> = years
        .iter()
        .map(|cases| {
            let mut s = [0i64; 10];
            for c in cases {
                let case = &c.case;
                s[0] += case.cost_investigation_pence.unwrap_or(0);
                s[1] += case.cost_independent_person_pence.unwrap_or(0);
                s[2] += case.cost_panel_pence.unwrap_or(0);
                s[4 + remedy_at(c)] += case.remedy_pence.unwrap_or(0);
            }
            s[3] = s[0] + s[1] + s[2];
            s[8] = s[4] + s[5] + s[6] + s[7];
            s[9] = s[3] + s[8];
            s
        })
        .collect();
    let rows = COST_ROWS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            Row::new(
                *id,
                Label::Message(format!("report-row-cost-{id}")),
                RowKind::Money,
                sums.iter().map(|s| plain(s[i])).collect(),
            )
        })
        .collect();
    Table {
        id: "costs",
        part: None,
        chart: false,
        relations: Vec::new(),
        base: None,
        rows,
    }
}
