//! The report as a page: tables with last year beside this year, and bar charts drawn on the
//! server as inline SVG (no script; colours are SVG attributes, which the Content Security
//! Policy allows, where inline styles are not). Every label reaches the page through askama's
//! escaping; the geometry is numbers worked out here.

use askama::Template;

use super::output::{self, Audience, Shown};
use super::tables::{Report, RowKind, Table};
use crate::web::view::Words;

/// The chart's coordinate space; the SVG scales to the page width.
const WIDTH: u32 = 640;
/// Labels end here; bars start just after.
const LABEL_END: u32 = 182;
const BAR_START: u32 = 190;
/// Room left after the longest bar for its number.
const BAR_MAX: u32 = WIDTH - BAR_START - 110;
const LEGEND: u32 = 28;
const BAR: u32 = 12;
const ROW: u32 = 2 * BAR + 2 + 12;
const LABEL_CHARS: usize = 28;
pub const PREVIOUS_COLOUR: &str = "#5694ca";
pub const CURRENT_COLOUR: &str = "#003078";

pub struct Bar {
    pub y: u32,
    pub width: u32,
    pub text: String,
    pub text_x: u32,
    pub text_y: u32,
}

pub struct ChartRow {
    pub label: String,
    pub full_label: String,
    pub label_y: u32,
    pub previous: Bar,
    pub current: Bar,
}

pub struct Chart {
    pub dom_id: String,
    pub width: u32,
    pub height: u32,
    pub label_end: u32,
    pub bar_start: u32,
    pub bar_height: u32,
    pub legend_previous: String,
    pub legend_current: String,
    pub rows: Vec<ChartRow>,
}

pub struct RowView {
    pub label: String,
    pub previous_count: String,
    pub previous_percent: String,
    pub current_count: String,
    pub current_percent: String,
    pub total: bool,
}

pub struct TableView {
    pub id: &'static str,
    pub title: String,
    pub about: String,
    pub chart: Option<Chart>,
    pub rows: Vec<RowView>,
}

/// The report page, for managers in the staff area and as a standalone file from the command
/// line.
#[derive(Template)]
#[template(path = "staff_report.html", config = "src/web/askama.toml")]
pub struct ReportPage<'a> {
    pub t: Words<'a>,
    /// Cases whose urgent alert could not be delivered: a red banner on every staff page.
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    /// From the command line: no year picker, downloads or links into the staff area.
    pub standalone: bool,
    /// Small numbers hidden.
    pub public: bool,
    pub year: i32,
    pub year_label: String,
    pub previous_label: String,
    pub period: String,
    pub years: Vec<(i32, String)>,
    pub tables: Vec<TableView>,
    pub previous_colour: &'static str,
    pub current_colour: &'static str,
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(LABEL_CHARS - 1).collect();
        short.push('…');
        short
    }
}

fn chart(t: &Words<'_>, report: &Report, table: &Table, audience: Audience) -> Chart {
    let rows: Vec<_> = table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Count)
        .collect();
    // Hidden numbers draw no bar, so they cannot be measured off the chart.
    let drawn = |n: i64| {
        if audience == Audience::Public && output::is_small(n) {
            0
        } else {
            n
        }
    };
    let max = rows
        .iter()
        .flat_map(|r| [drawn(r.previous.count), drawn(r.current.count)])
        .max()
        .unwrap_or(0)
        .max(1);
    let bar = |y: u32, row: &super::tables::Row, cell: &super::tables::Cell| {
        let n = drawn(cell.count).max(0);
        let width = u32::try_from(n * i64::from(BAR_MAX) / max).unwrap_or(BAR_MAX);
        let width = if n > 0 { width.max(1) } else { 0 };
        Bar {
            y,
            width,
            text: output::text(t, &output::count(row, cell, audience), false),
            text_x: BAR_START + width + 4,
            text_y: y + BAR - 2,
        }
    };
    let rows = rows
        .iter()
        .zip(0u32..)
        .map(|(row, i)| {
            let top = LEGEND + i * ROW;
            let full = output::label(t, &row.label);
            ChartRow {
                label: shorten(&full),
                full_label: full,
                label_y: top + BAR + 5,
                previous: bar(top, row, &row.previous),
                current: bar(top + BAR + 2, row, &row.current),
            }
        })
        .collect::<Vec<_>>();
    Chart {
        dom_id: format!("chart-{}", table.id),
        width: WIDTH,
        height: LEGEND + u32::try_from(rows.len()).unwrap_or(0) * ROW + 4,
        label_end: LABEL_END,
        bar_start: BAR_START,
        bar_height: BAR,
        legend_previous: report.year.previous().label(),
        legend_current: report.year.label(),
        rows,
    }
}

pub fn tables(t: &Words<'_>, report: &Report, audience: Audience) -> Vec<TableView> {
    report
        .tables
        .iter()
        .map(|table| TableView {
            id: table.id,
            title: output::title(t, table),
            about: output::about(t, table),
            chart: table.chart.then(|| chart(t, report, table, audience)),
            rows: table
                .rows
                .iter()
                .map(|row| {
                    let show = |shown: Shown, pct: bool| output::text(t, &shown, pct);
                    RowView {
                        label: output::label(t, &row.label),
                        previous_count: show(output::count(row, &row.previous, audience), false),
                        previous_percent: show(output::percent(row, &row.previous, audience), true),
                        current_count: show(output::count(row, &row.current, audience), false),
                        current_percent: show(output::percent(row, &row.current, audience), true),
                        total: row.kind == RowKind::Total,
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened_for_the_chart_only() {
        assert_eq!(shorten("Stage 1"), "Stage 1");
        let long = "Social worker or personal adviser, and more";
        let short = shorten(long);
        assert_eq!(short.chars().count(), LABEL_CHARS);
        assert!(short.ends_with('…'));
    }
}
