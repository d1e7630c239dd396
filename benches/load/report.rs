//! The results: what `target/bench/results.json` holds, the table printed at the end, and the
//! issue's targets as pass/fail lines (a report, not a test: the run never fails on them).
//! Sizes are decimal: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes.

use serde::Serialize;

use crate::drive::Stats;

#[derive(Debug, Default, Serialize)]
pub struct Results {
    pub when: String,
    pub command: String,
    pub machine: Machine,
    pub settings: Settings,
    pub ceiling: Option<Ceiling>,
    pub page: Option<PageWeight>,
    pub runs: Vec<Run>,
    /// Urgent first: one urgent email with 1,000 routine ones queued, per database.
    pub urgent: Vec<crate::urgent::Urgent>,
    pub targets: Vec<Verdict>,
    pub seconds_taken: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct Machine {
    pub cores: usize,
    pub cpu: String,
    pub memory_gb: f64,
    pub kernel: String,
    /// `/proc/loadavg`'s three figures before and after the run.
    pub load_before: String,
    pub load_after: String,
    /// Share of all CPU in use (by anything) in the second before the run started.
    pub busy_before_percent: Option<f64>,
    /// The file system under the SQLite database, and how long one `fdatasync` of 4 KiB takes.
    pub filesystem: String,
    pub fsync_p50_ms: f64,
    pub fsync_p99_ms: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct Settings {
    pub connections: usize,
    pub warmup_s: f64,
    pub measure_s: f64,
    pub server_cpu: Option<usize>,
    pub client_cpu: Option<usize>,
    pub conversations: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Ceiling {
    pub page_bytes: usize,
    pub startup_ms: f64,
    pub rss_idle_kib: f64,
    pub get: Stats,
}

#[derive(Debug, Default, Serialize)]
pub struct Asset {
    pub path: String,
    pub kind: String,
    pub bytes: usize,
    pub gzip_bytes: usize,
    pub header_bytes: usize,
    pub content_encoding: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct PageWeight {
    pub assets: Vec<Asset>,
    pub html_bytes: usize,
    pub css_bytes: usize,
    pub js_bytes: usize,
    pub gzip_total_bytes: usize,
    pub total_bytes: usize,
    pub web_fonts: Vec<String>,
    pub all_compressed: bool,
}

#[derive(Debug, Default, Serialize)]
pub struct Run {
    pub name: String,
    pub instances: usize,
    pub skipped: Option<String>,
    /// The very first start, which applies the migrations.
    pub first_start_ms: Option<f64>,
    /// Median of five starts with the migrations already applied.
    pub startup_ms: Option<f64>,
    pub startups_ms: Vec<f64>,
    /// Per instance (the largest, with several).
    pub rss_idle_kib: Option<f64>,
    pub rss_open_kib: Option<f64>,
    pub open_conversations: usize,
    pub rss_after_kib: Option<f64>,
    pub rss_peak_kib: Option<f64>,
    pub step_page: Option<Stats>,
    pub step_page_gzip: Option<Stats>,
    pub starts: Option<Stats>,
    pub answers: Option<Stats>,
    pub submits: Option<Stats>,
    /// Whole conversations (start, ten answers, submit): cases, every request, the submits.
    pub cases: Option<Stats>,
    pub case_requests: Option<Stats>,
    pub case_submits: Option<Stats>,
}

#[derive(Debug, Default, Serialize)]
pub struct Verdict {
    pub target: String,
    pub measured: String,
    pub pass: bool,
}

pub fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn ratio(value: f64, base: Option<f64>) -> String {
    match base {
        Some(b) if b > 0.0 => format!("×{:.2}", value / b),
        _ => String::new(),
    }
}

pub fn mb(kb: f64) -> String {
    format!("{:.1} MB", kb * 1.024 / 1000.0)
}

impl Results {
    fn ceiling_rate(&self) -> Option<f64> {
        self.ceiling.as_ref().map(|c| c.get.per_second)
    }

    /// Work out every target line from the figures.
    pub fn judge(&mut self) {
        let mut v: Vec<Verdict> = Vec::new();
        let mut add = |target: String, measured: String, pass: bool| {
            v.push(Verdict {
                target,
                measured,
                pass,
            })
        };
        let ceiling = self.ceiling_rate();
        let ceiling_cpu_us = self.ceiling.as_ref().map(|c| c.get.server_cpu_us);
        for run in self.runs.iter().filter(|r| r.skipped.is_none()) {
            let n = &run.name;
            if let (Some(page), Some(c)) = (&run.step_page, ceiling) {
                add(
                    format!("{n}: step page GET ≥ 50 % of the ceiling"),
                    format!(
                        "{:.0} % ({}/s of {}/s; server CPU per request {:.0} µs, the ceiling's {:.0} µs)",
                        page.per_second / c * 100.0,
                        thousands(page.per_second),
                        thousands(c),
                        page.server_cpu_us,
                        ceiling_cpu_us.unwrap_or(0.0),
                    ),
                    page.per_second >= 0.5 * c,
                );
            }
            if n == "SQLite"
                && let Some(a) = &run.answers
            {
                add(
                    format!("{n}: answer POST ≥ 5,000/s"),
                    format!("{}/s", thousands(a.per_second)),
                    a.per_second >= 5000.0,
                );
            }
            if let Some(c) = &run.cases {
                let durable = if n == "SQLite" {
                    " (WAL, synchronous=FULL)"
                } else {
                    " (synchronous_commit=on)"
                };
                add(
                    format!("{n}: whole conversation to submit ≥ 1,000 cases/s{durable}"),
                    format!("{:.0} cases/s", c.per_second),
                    c.per_second >= 1000.0,
                );
            }
            if let Some(s) = &run.submits {
                add(
                    format!("{n}: submit POST alone ≥ 1,000/s"),
                    format!("{:.0}/s", s.per_second),
                    s.per_second >= 1000.0,
                );
            }
            let phases = [
                ("step page GET", &run.step_page),
                ("answer POST", &run.answers),
                ("submit POST", &run.submits),
                ("whole-conversation requests", &run.case_requests),
            ];
            let worst = phases
                .iter()
                .filter_map(|(name, s)| s.as_ref().map(|s| (*name, s.p99_ms)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((phase, p99)) = worst {
                add(
                    format!("{n}: p99 < 10 ms at the measured throughput"),
                    format!("worst p99 {p99:.1} ms ({phase})"),
                    p99 < 10.0,
                );
            }
            if run.instances == 1 {
                if let Some(kb) = run.rss_idle_kib {
                    add(
                        format!("{n}: RSS idle ≤ 30 MB"),
                        mb(kb),
                        kb * 1.024 <= 30_000.0,
                    );
                }
                if let Some(kb) = run.rss_open_kib {
                    add(
                        format!(
                            "{n}: RSS ≤ 150 MB with {} open conversations",
                            thousands(run.open_conversations as f64)
                        ),
                        mb(kb),
                        kb * 1.024 <= 150_000.0,
                    );
                }
                if let Some(kb) = run.rss_peak_kib {
                    add(
                        format!(
                            "{n}: (extra, not in the issue) peak RSS over the whole run ≤ 150 MB"
                        ),
                        mb(kb),
                        kb * 1.024 <= 150_000.0,
                    );
                }
                if let Some(ms) = run.startup_ms {
                    add(
                        format!("{n}: start-up to ready ≤ 300 ms"),
                        format!("{ms:.0} ms (median of {})", run.startups_ms.len()),
                        ms <= 300.0,
                    );
                }
            }
        }
        if let Some(p) = &self.page {
            let kb = |b: usize| format!("{:.1} KB", b as f64 / 1000.0);
            add(
                "step page HTML ≤ 15 KB".into(),
                kb(p.html_bytes),
                p.html_bytes <= 15_000,
            );
            add("CSS ≤ 15 KB".into(), kb(p.css_bytes), p.css_bytes <= 15_000);
            add("JS ≤ 10 KB".into(), kb(p.js_bytes), p.js_bytes <= 10_000);
            add(
                "no web fonts".into(),
                if p.web_fonts.is_empty() {
                    "none".into()
                } else {
                    p.web_fonts.join(", ")
                },
                p.web_fonts.is_empty(),
            );
            add(
                "compressed responses (HTML, CSS, JS)".into(),
                if p.all_compressed {
                    "gzip on every one".into()
                } else {
                    "not all compressed".into()
                },
                p.all_compressed,
            );
        }
        for u in self.urgent.iter().filter(|u| u.skipped.is_none()) {
            let (target, measured, pass) = u.verdict();
            add(target, measured, pass);
        }
        self.targets = v;
    }
}
