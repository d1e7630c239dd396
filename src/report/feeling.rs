//! "How are you feeling?": how many children chose each face at the start of their
//! conversation, in each year. A case without a face (skipped, an adult on a child's behalf,
//! the "I'm not safe" button, recorded by staff or imported) has its own row, so the rows add
//! up to every case received. Like every table, anything published hides counts from 1 to 4
//! (see [`super::output`]).

use std::collections::HashMap;

use super::stages::CaseHistory;
use super::tables::{Key, Rows, Table, counted, fixed};

/// The table's id (its title and note are `report-table-feeling` and `report-about-feeling`).
pub const TABLE_ID: &str = "feeling";

const NONE: &str = "none";

/// Message ids of the table and its rows.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = (1..=5).map(|f| format!("report-feeling-{f}")).collect();
    ids.push(format!("report-feeling-{NONE}"));
    ids.push(format!("report-table-{TABLE_ID}"));
    ids.push(format!("report-about-{TABLE_ID}"));
    ids
}

/// The table for `years` (oldest first, the chosen year last), with each case's face by id.
pub fn table(years: &[&[CaseHistory]], feelings: &HashMap<i64, u8>) -> Table {
    let sets: Vec<Vec<&CaseHistory>> = years.iter().map(|y| y.iter().collect()).collect();
    let mut labels: Vec<(&'static str, String)> = ["1", "2", "3", "4", "5"]
        .into_iter()
        .map(|f| (f, format!("report-feeling-{f}")))
        .collect();
    labels.push((NONE, format!("report-feeling-{NONE}")));
    counted(
        TABLE_ID,
        true,
        &sets,
        |c| -> Vec<Key> {
            let key = feelings
                .get(&c.case.id)
                .map_or_else(|| NONE.to_owned(), u8::to_string);
            vec![Some(key)]
        },
        Rows {
            others: false,
            total: true,
            ..fixed(labels)
        },
    )
    .of("all")
}
