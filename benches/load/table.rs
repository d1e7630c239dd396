//! The table printed at the end of a run: the machine, the ceiling, one row per figure and
//! run (with its ratio to the ceiling), the page weight and the target lines.

use crate::drive::Stats;
use crate::report::{Results, mb, ratio, thousands};

/// Cores used by other work on the machine during a phase above which its figures are suspect.
const DISTURBED: f64 = 0.15;

impl Results {
    pub fn table(&self) -> String {
        let mut out = String::new();
        let m = &self.machine;
        let s = &self.settings;
        let line = |out: &mut String, text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(
            &mut out,
            format!("== Have Your Say load benchmark ({}) ==", self.command),
        );
        line(&mut out, format!("when      {}", self.when));
        line(
            &mut out,
            format!(
                "machine   {} cores ({}), {:.1} GB memory, Linux {}",
                m.cores, m.cpu, m.memory_gb, m.kernel
            ),
        );
        line(
            &mut out,
            format!(
                "load avg  {} before, {} after; CPU {} busy just before",
                m.load_before,
                m.load_after,
                m.busy_before_percent
                    .map(|b| format!("{b:.0} %"))
                    .unwrap_or_else(|| "?".into())
            ),
        );
        line(
            &mut out,
            format!(
                "disk      {}; fdatasync of 4 KiB p50 {:.2} ms, p99 {:.2} ms",
                m.filesystem, m.fsync_p50_ms, m.fsync_p99_ms
            ),
        );
        let pin = match (s.server_cpu, s.client_cpu) {
            (Some(a), Some(b)) => format!(
                "servers on cpu {a}, load generator on cpu {b} (taskset); PostgreSQL not pinned"
            ),
            _ => "not pinned (taskset or a second core missing)".into(),
        };
        line(&mut out, format!("pinning   {pin}"));
        line(
            &mut out,
            format!(
                "load      {} keep-alive connections, closed loop; {} s warm-up + {} s measured per phase",
                s.connections, s.warmup_s, s.measure_s
            ),
        );
        if let Some(c) = &self.ceiling {
            line(
                &mut out,
                format!(
                    "ceiling   bare axum, static {} B page: {}/s, p50 {:.2} ms, p99 {:.2} ms, server {:.2} cores ({:.0} µs/op{}); RSS {}; ready in {:.0} ms",
                    thousands(c.page_bytes as f64),
                    thousands(c.get.per_second),
                    c.get.p50_ms,
                    c.get.p99_ms,
                    c.get.server_cores,
                    c.get.server_cpu_us,
                    if c.get.other_cores >= DISTURBED {
                        format!(", others {:.2}!", c.get.other_cores)
                    } else {
                        String::new()
                    },
                    mb(c.rss_idle_kib),
                    c.startup_ms
                ),
            );
            if c.get.server_cores > 0.0 && c.get.server_cores < 0.9 {
                line(
                    &mut out,
                    format!(
                        "          (the ceiling server was not saturated: the load generator's core ran out \
                         first, so the true ceiling is higher, about {}/s per core of server CPU)",
                        thousands(c.get.per_second / c.get.server_cores)
                    ),
                );
            }
        }
        let disturbed = self
            .runs
            .iter()
            .flat_map(|r| {
                [
                    &r.step_page,
                    &r.step_page_gzip,
                    &r.starts,
                    &r.answers,
                    &r.submits,
                    &r.cases,
                ]
            })
            .flatten()
            .chain(self.ceiling.as_ref().map(|c| &c.get))
            .any(|st| st.other_cores >= DISTURBED);
        if disturbed {
            line(
                &mut out,
                "!         other work on the machine took CPU during the phases marked \"others ...!\": \
                 their figures are low; run again when the machine is quiet"
                    .into(),
            );
        }
        out.push('\n');
        let mut rows: Vec<[String; 8]> = vec![[
            "figure".into(),
            "run".into(),
            "value".into(),
            "×ceiling".into(),
            "p50".into(),
            "p99".into(),
            "server CPU".into(),
            "RSS at end".into(),
        ]];
        let c = self.ceiling.as_ref();
        let (c_rate, c_p50, c_p99) = (
            c.map(|c| c.get.per_second),
            c.map(|c| c.get.p50_ms),
            c.map(|c| c.get.p99_ms),
        );
        for run in &self.runs {
            if let Some(why) = &run.skipped {
                rows.push([
                    "(all)".into(),
                    run.name.clone(),
                    format!("skipped: {why}"),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
                continue;
            }
            let phase = |figure: &str, unit: &str, stats: &Option<Stats>| {
                stats.as_ref().map(|st| {
                    let cpu = if st.server_cores > 0.0 {
                        let db = st
                            .db_cores
                            .map(|d| format!(" + db {d:.2}"))
                            .unwrap_or_default();
                        let others = if st.other_cores >= DISTURBED {
                            format!(" (others {:.2}!)", st.other_cores)
                        } else {
                            String::new()
                        };
                        format!(
                            "{:.2}{db} cores, {:.0} µs/op{others}",
                            st.server_cores, st.server_cpu_us
                        )
                    } else {
                        String::new()
                    };
                    let errors = if st.errors > 0 {
                        format!(" ({} errors)", st.errors)
                    } else {
                        String::new()
                    };
                    [
                        figure.to_owned(),
                        run.name.clone(),
                        format!("{} {unit}{errors}", thousands(st.per_second)),
                        ratio(st.per_second, c_rate),
                        format!("{:.2} ms {}", st.p50_ms, ratio(st.p50_ms, c_p50)),
                        format!("{:.2} ms {}", st.p99_ms, ratio(st.p99_ms, c_p99)),
                        cpu,
                        st.rss_after_kib.map(mb).unwrap_or_default(),
                    ]
                })
            };
            // A case's latency columns are those of its requests.
            let whole =
                phase("whole conversation (12 requests)", "cases/s", &run.cases).map(|mut row| {
                    let req = run.case_requests.clone().unwrap_or_default();
                    row[4] = format!("{:.2} ms {}", req.p50_ms, ratio(req.p50_ms, c_p50));
                    row[5] = format!("{:.2} ms {}", req.p99_ms, ratio(req.p99_ms, c_p99));
                    row
                });
            rows.extend(
                [
                    phase("step page GET (8 exchanges)", "req/s", &run.step_page),
                    phase("step page GET, gzip", "req/s", &run.step_page_gzip),
                    phase("start conversation POST", "req/s", &run.starts),
                    phase("answer POST", "answers/s", &run.answers),
                    phase("submit POST (at send step)", "cases/s", &run.submits),
                    whole,
                ]
                .into_iter()
                .flatten(),
            );
            let ceiling_rss = c.map(|c| c.rss_idle_kib);
            let memory = |figure: String, kb: Option<f64>| {
                kb.map(|kb| {
                    [
                        figure,
                        run.name.clone(),
                        mb(kb),
                        ratio(kb, ceiling_rss),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]
                })
            };
            if let Some(ms) = run.startup_ms {
                rows.push([
                    "start-up to ready (migrated)".into(),
                    run.name.clone(),
                    format!("{ms:.0} ms"),
                    ratio(ms, c.map(|c| c.startup_ms)),
                    String::new(),
                    String::new(),
                    run.first_start_ms
                        .map(|f| format!("first start, migrating: {f:.0} ms"))
                        .unwrap_or_default(),
                    String::new(),
                ]);
            }
            let per = if run.instances > 1 { " (each)" } else { "" };
            rows.extend(
                [
                    memory(format!("RSS idle{per}"), run.rss_idle_kib),
                    memory(
                        format!(
                            "RSS, {} open conversations",
                            thousands(run.open_conversations as f64)
                        ),
                        run.rss_open_kib,
                    ),
                    memory(format!("RSS after the run{per}"), run.rss_after_kib),
                    memory(format!("RSS peak{per}"), run.rss_peak_kib),
                ]
                .into_iter()
                .flatten(),
            );
        }
        let widths: Vec<usize> = (0..8)
            .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
            .collect();
        for row in &rows {
            let mut text = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i] - cell.chars().count();
                if i == 2 || i == 3 {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                }
                text.push_str("  ");
            }
            line(&mut out, text.trim_end().to_owned());
        }
        if let Some(p) = &self.page {
            out.push('\n');
            line(
                &mut out,
                "bytes over the wire for a step page (body; gzip as served to a browser)".into(),
            );
            for a in &p.assets {
                line(
                    &mut out,
                    format!(
                        "  {:<4} {:<18} {:>7} B  gzip {:>6} B  headers {:>4} B  {}",
                        a.kind,
                        a.path,
                        thousands(a.bytes as f64),
                        thousands(a.gzip_bytes as f64),
                        a.header_bytes,
                        a.content_encoding
                            .as_deref()
                            .map(|e| format!("content-encoding: {e}"))
                            .unwrap_or_else(|| "NOT COMPRESSED".into())
                    ),
                );
            }
            line(
                &mut out,
                format!(
                    "  all  {:<18} {:>7} B  gzip {:>6} B  web fonts: {}",
                    "",
                    thousands(p.total_bytes as f64),
                    thousands(p.gzip_total_bytes as f64),
                    if p.web_fonts.is_empty() {
                        "none".into()
                    } else {
                        p.web_fonts.join(", ")
                    }
                ),
            );
        }
        if !self.urgent.is_empty() {
            out.push('\n');
            line(
                &mut out,
                format!(
                    "urgent first: one urgent email with {} routine emails queued",
                    thousands(crate::urgent::ROUTINE as f64)
                ),
            );
            for u in &self.urgent {
                line(&mut out, u.line());
            }
        }
        out.push('\n');
        line(&mut out, "targets (a report, not a test)".into());
        for t in &self.targets {
            line(
                &mut out,
                format!(
                    "  {}  {}: {}",
                    if t.pass { "PASS" } else { "FAIL" },
                    t.target,
                    t.measured
                ),
            );
        }
        out
    }
}
