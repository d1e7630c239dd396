//! What is measured without load: the machine (cores, memory, load, how fast the disk syncs)
//! and the weight of a step page with everything it loads, plain and as served compressed.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use crate::api::{Client, Target};
use crate::report::{Asset, Machine, PageWeight};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

pub fn load_average() -> String {
    read("/proc/loadavg")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The machine, and the latency of the `fdatasync` that SQLite's `synchronous=FULL` pays on
/// every commit, measured in the folder that holds the benchmark's database.
pub fn machine(work: &Path) -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_default();
    let memory_kib: f64 = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    let filesystem = std::process::Command::new("stat")
        .args(["-f", "-c", "%T"])
        .arg(work)
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    let (fsync_p50_ms, fsync_p99_ms) = fsync_latency(work).unwrap_or((0.0, 0.0));
    Machine {
        cores,
        cpu,
        memory_gb: memory_kib * 1024.0 / 1e9,
        kernel: read("/proc/sys/kernel/osrelease").trim().to_owned(),
        load_before: load_average(),
        load_after: String::new(),
        busy_before_percent: std::env::var("BENCH_BUSY_BEFORE")
            .ok()
            .and_then(|b| b.parse().ok()),
        filesystem: format!("{filesystem} at {}", work.display()),
        fsync_p50_ms,
        fsync_p99_ms,
    }
}

fn fsync_latency(work: &Path) -> std::io::Result<(f64, f64)> {
    let path = work.join("fsync-probe");
    let mut file = std::fs::File::create(&path)?;
    let block = [7u8; 4096];
    let mut took = Vec::with_capacity(200);
    for _ in 0..200 {
        file.write_all(&block)?;
        let started = Instant::now();
        file.sync_data()?;
        took.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    drop(file);
    let _ = std::fs::remove_file(&path);
    took.sort_by(f64::total_cmp);
    Ok((took[took.len() / 2], took[took.len() * 99 / 100]))
}

/// Every `/assets/...` the page links to, in order, once each.
fn linked_assets(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for piece in html.split('"').skip(1).step_by(2) {
        let path = piece.split(['?', '#']).next().unwrap_or("");
        if path.starts_with("/assets/") && !found.iter().any(|f| f == path) {
            found.push(path.to_owned());
        }
    }
    found
}

fn kind_of(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "CSS",
        Some("js") => "JS",
        Some("woff" | "woff2" | "ttf" | "otf" | "eot") => "font",
        _ => "other",
    }
}

/// Signs of a web font: `@font-face`, a font file, or a font preload.
fn web_fonts(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    if lower.contains("@font-face") {
        found.push("@font-face".to_owned());
    }
    for ext in [".woff2", ".woff", ".ttf", ".otf", ".eot"] {
        if lower.contains(ext) {
            found.push(format!("a {ext} file"));
        }
    }
    if lower.contains("as=\"font\"") || lower.contains("fonts.googleapis") {
        found.push("a font preload or font service".to_owned());
    }
    found
}

/// The step page with this conversation's cookie, and everything it links to.
pub async fn page(target: &Target, token: &str) -> anyhow::Result<PageWeight> {
    let mut client = Client::new(target, 0);
    let gzip = "accept-encoding: gzip\r\n";
    let plain = client
        .page(token, false)
        .await
        .map_err(anyhow::Error::msg)?;
    let packed = client.page(token, true).await.map_err(anyhow::Error::msg)?;
    let html = String::from_utf8_lossy(&plain.body).into_owned();
    let mut weight = PageWeight {
        html_bytes: plain.body.len(),
        web_fonts: web_fonts(&html),
        ..PageWeight::default()
    };
    weight.assets.push(Asset {
        path: "/chat".into(),
        kind: "HTML".into(),
        bytes: plain.body.len(),
        gzip_bytes: packed.body.len(),
        header_bytes: packed.head_bytes,
        content_encoding: packed.header("content-encoding").map(str::to_owned),
    });
    for path in linked_assets(&html) {
        let plain = client.fetch(&path, "").await.map_err(anyhow::Error::msg)?;
        let packed = client
            .fetch(&path, gzip)
            .await
            .map_err(anyhow::Error::msg)?;
        let kind = kind_of(&path);
        match kind {
            "CSS" => {
                weight.css_bytes += plain.body.len();
                weight
                    .web_fonts
                    .extend(web_fonts(&String::from_utf8_lossy(&plain.body)));
            }
            "JS" => weight.js_bytes += plain.body.len(),
            "font" => weight.web_fonts.push(path.clone()),
            _ => {}
        }
        weight.assets.push(Asset {
            path,
            kind: kind.into(),
            bytes: plain.body.len(),
            gzip_bytes: packed.body.len(),
            header_bytes: packed.head_bytes,
            content_encoding: packed.header("content-encoding").map(str::to_owned),
        });
    }
    weight.web_fonts.dedup();
    weight.total_bytes = weight.assets.iter().map(|a| a.bytes).sum();
    weight.gzip_total_bytes = weight.assets.iter().map(|a| a.gzip_bytes).sum();
    weight.all_compressed = weight
        .assets
        .iter()
        .filter(|a| matches!(a.kind.as_str(), "HTML" | "CSS" | "JS"))
        .all(|a| a.content_encoding.as_deref() == Some("gzip"));
    Ok(weight)
}
