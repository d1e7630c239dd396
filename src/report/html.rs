//! The report as a page: tables with last year beside this year, and bar charts drawn on the
//! server as inline SVG (no script; colours are SVG attributes, which the Content Security
//! Policy allows, where inline styles are not). Every label reaches the page through askama's
//! escaping; the geometry is numbers worked out here.

use askama::Template;

use super::output::{self, Audience, Published, Shown};
use super::tables::{Report, RowKind};
use crate::i18n::Words;

/// The chart's coordinate space; the SVG scales to the page width.
const WIDTH: u32 = 640;
/// Labels end here; bars start just after.
const LABEL_END: u32 = 182;
const BAR_START: u32 = 190;
/// Room left after the longest bar for its number.
const BAR_MAX: u32 = WIDTH - BAR_START - 110;
const LEGEND: u32 = 28;
const BAR: u32 = 12;
const LABEL_CHARS: usize = 28;
pub const PREVIOUS_COLOUR: &str = "#5694ca";
pub const CURRENT_COLOUR: &str = "#003078";

/// Bar colours, newest year first (the chosen year darkest).
const COLOURS: [&str; 6] = [
    CURRENT_COLOUR,
    PREVIOUS_COLOUR,
    "#a3c4e5",
    "#b1b4b6",
    "#d3d3d3",
    "#e8e8e8",
];

pub struct Bar {
    pub y: u32,
    pub width: u32,
    pub text: String,
    pub text_x: u32,
    pub text_y: u32,
    pub colour: &'static str,
}

pub struct ChartRow {
    pub label: String,
    pub full_label: String,
    pub label_y: u32,
    pub bars: Vec<Bar>,
}

pub struct LegendItem {
    pub x: u32,
    pub label: String,
    pub colour: &'static str,
}

pub struct Chart {
    pub dom_id: String,
    pub width: u32,
    pub height: u32,
    pub label_end: u32,
    pub bar_start: u32,
    pub bar_height: u32,
    pub legend: Vec<LegendItem>,
    pub rows: Vec<ChartRow>,
}

pub struct CellView {
    pub count: String,
    pub percent: String,
}

pub struct RowView {
    pub label: String,
    pub cells: Vec<CellView>,
    pub total: bool,
}

pub struct TableView {
    pub id: String,
    pub title: String,
    pub about: String,
    pub chart: Option<Chart>,
    /// Money tables have no percentage column.
    pub money: bool,
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
    /// Every year shown, oldest first.
    pub year_labels: Vec<String>,
    pub period: String,
    pub years: Vec<(i32, String)>,
    pub tables: Vec<TableView>,
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

fn chart(t: &Words<'_>, view: &Published<'_>, ti: usize) -> Option<Chart> {
    let report = view.report;
    let table = report.tables.get(ti)?;
    let rows: Vec<(usize, &super::tables::Row)> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RowKind::Count)
        .collect();
    let years = report.years.len();
    // Hidden numbers draw no bar, so they cannot be measured off the chart.
    let drawn = |ri: usize, c: usize| match view.count(ti, ri, c) {
        Shown::Number(n) => n.max(0),
        _ => 0,
    };
    let max = rows
        .iter()
        .flat_map(|(ri, _)| (0..years).map(move |c| (*ri, c)))
        .map(|(ri, c)| drawn(ri, c))
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_rows = u32::try_from(years).unwrap_or(2);
    let row_height = bar_rows * (BAR + 2) + 12;
    let colour = |c: usize| COLOURS[(years - 1 - c).min(COLOURS.len() - 1)];
    let chart_rows = rows
        .iter()
        .zip(0u32..)
        .map(|((ri, row), i)| {
            let top = LEGEND + i * row_height;
            let full = output::label(t, &row.label);
            let bars = (0..years)
                .zip(0u32..)
                .map(|(c, k)| {
                    let n = drawn(*ri, c);
                    let width = u32::try_from(n * i64::from(BAR_MAX) / max).unwrap_or(BAR_MAX);
                    let width = if n > 0 { width.max(1) } else { 0 };
                    let y = top + k * (BAR + 2);
                    Bar {
                        y,
                        width,
                        text: output::text(t, &view.count(ti, *ri, c)),
                        text_x: BAR_START + width + 4,
                        text_y: y + BAR - 2,
                        colour: colour(c),
                    }
                })
                .collect();
            ChartRow {
                label: shorten(&full),
                full_label: full,
                label_y: top + (bar_rows * (BAR + 2)) / 2 + 4,
                bars,
            }
        })
        .collect::<Vec<_>>();
    let legend = report
        .years
        .iter()
        .enumerate()
        .zip(0u32..)
        .map(|((c, y), k)| LegendItem {
            x: 8 + k * 100,
            label: y.label(),
            colour: colour(c),
        })
        .collect();
    Some(Chart {
        dom_id: format!("chart-{}", table.key()),
        width: WIDTH,
        height: LEGEND + u32::try_from(chart_rows.len()).unwrap_or(0) * row_height + 4,
        label_end: LABEL_END,
        bar_start: BAR_START,
        bar_height: BAR,
        legend,
        rows: chart_rows,
    })
}

pub fn tables(t: &Words<'_>, report: &Report, audience: Audience) -> Vec<TableView> {
    let view = Published::new(report, audience);
    report
        .tables
        .iter()
        .enumerate()
        .map(|(ti, table)| TableView {
            id: table.key(),
            title: output::title(t, table),
            about: output::about(t, table),
            chart: if table.chart {
                chart(t, &view, ti)
            } else {
                None
            },
            money: table.rows.iter().all(|r| r.kind == RowKind::Money),
            rows: table
                .rows
                .iter()
                .enumerate()
                .map(|(ri, row)| RowView {
                    label: output::label(t, &row.label),
                    cells: (0..report.years.len())
                        .map(|c| CellView {
                            count: output::text(t, &view.count(ti, ri, c)),
                            percent: output::text(t, &view.percent(ti, ri, c)),
                        })
                        .collect(),
                    total: row.kind == RowKind::Total,
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
