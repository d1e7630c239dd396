//! Closed-loop load: a fixed number of keep-alive connections, each sending its next request as
//! soon as the last one is answered, for a warm-up and then a measured window. A phase stops at
//! the end of its window or when its supply of conversations runs out, whichever comes first.
//! Each connection keeps its own samples; they are merged into one phase's figures at the end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::task::JoinSet;

use crate::api::Conversation;

/// When a phase warms up and how long it measures.
#[derive(Clone, Copy)]
pub struct Window {
    pub start: Instant,
    pub warm_until: Instant,
    pub until: Instant,
}

impl Window {
    pub fn new(warmup: Duration, measure: Duration) -> Self {
        let start = Instant::now();
        Self {
            start,
            warm_until: start + warmup,
            until: start + warmup + measure,
        }
    }

    pub fn open(&self) -> bool {
        Instant::now() < self.until
    }
}

/// What one connection saw: latency and completion time of each request, in microseconds.
#[derive(Default)]
pub struct Recorder {
    samples: Vec<(u32, u32)>,
    errors: u64,
    first_error: Option<String>,
    /// When this connection found its supply of conversations empty.
    ran_out: Option<Instant>,
    /// Conversations handed back to the caller (started ones, or ones ready to send).
    pub conversations: Vec<Conversation>,
}

impl Recorder {
    /// Count a request that began after the warm-up and ended inside the window.
    pub fn record(&mut self, window: &Window, started: Instant, result: Result<(), String>) {
        if started >= window.warm_until {
            self.record_end(window, started, result);
        }
    }

    /// As `record`, for something that may have begun in the warm-up (a whole conversation):
    /// it counts when it ends inside the window.
    pub fn record_end(&mut self, window: &Window, started: Instant, result: Result<(), String>) {
        let now = Instant::now();
        if now < window.warm_until || now > window.until {
            return;
        }
        match result {
            Ok(()) => {
                let done = now.duration_since(window.start).as_micros() as u32;
                let took = now.duration_since(started).as_micros() as u32;
                self.samples.push((done, took));
            }
            Err(e) => {
                self.errors += 1;
                self.first_error.get_or_insert(e);
            }
        }
    }

    pub fn ran_out(&mut self) {
        self.ran_out.get_or_insert_with(Instant::now);
    }
}

/// One phase's figures.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    /// Completed operations in the measured window, and per second.
    pub count: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub errors: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_error: Option<String>,
    pub seconds: f64,
    /// The server processes' CPU over the window, in cores (1.0 = one core busy throughout).
    pub server_cores: f64,
    /// Server CPU per operation, microseconds.
    pub server_cpu_us: f64,
    /// All `postgres` processes' CPU over the window, in cores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub db_cores: Option<f64>,
    /// CPU used by anything else on the machine meanwhile, in cores (other people's builds).
    pub other_cores: f64,
    /// The server's resident memory when the phase ended (the largest, with several), KiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rss_after_kib: Option<f64>,
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

/// Merge what the connections saw. The window ends early when a connection ran out of work.
fn summarise(window: &Window, recorders: Vec<Recorder>) -> Stats {
    let ran_out = recorders.iter().filter_map(|r| r.ran_out).min();
    let end = ran_out.map_or(window.until, |t| t.min(window.until));
    let end_us = end.duration_since(window.start).as_micros() as u32;
    let seconds = end
        .saturating_duration_since(window.warm_until)
        .as_secs_f64();
    let mut latencies: Vec<u32> = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    for r in recorders {
        latencies.extend(
            r.samples
                .iter()
                .filter(|(done, _)| *done <= end_us)
                .map(|(_, took)| *took),
        );
        errors += r.errors;
        if first_error.is_none() {
            first_error = r.first_error;
        }
    }
    latencies.sort_unstable();
    let count = latencies.len() as u64;
    Stats {
        count,
        per_second: if seconds > 0.0 {
            count as f64 / seconds
        } else {
            0.0
        },
        p50_ms: percentile(&latencies, 50.0),
        p99_ms: percentile(&latencies, 99.0),
        max_ms: latencies.last().map_or(0.0, |m| f64::from(*m) / 1000.0),
        errors,
        first_error,
        seconds,
        ..Stats::default()
    }
}

/// Something that measures the servers' CPU at the edges of the measured window.
pub trait Probe: Send + Sync + 'static {
    /// (server ticks, database ticks if any)
    fn sample(&self) -> (u64, Option<u64>);
    fn ticks_per_second(&self) -> u64;
}

/// When, the probe's (server, database) ticks, and the whole machine's and this program's.
type Sample = (Instant, (u64, Option<u64>), u64, u64);

fn sample(probe: &dyn Probe) -> Sample {
    (
        Instant::now(),
        probe.sample(),
        crate::servers::machine_busy_ticks(),
        crate::servers::own_ticks(),
    )
}

/// CPU over a window, in cores: the servers, the database, and everything else on the machine
/// (other people's work: a phase where that is high was disturbed).
#[derive(Clone, Copy)]
struct Cpu {
    server: f64,
    db: Option<f64>,
    others: f64,
}

/// What the connections of one phase saw, and the servers' CPU meanwhile.
pub struct Outcome<R> {
    pub results: Vec<R>,
    window: Window,
    cpu: Option<Cpu>,
}

impl<R> Outcome<R> {
    /// The figures of the recorder `pick` takes out of each connection's result.
    pub fn stats(&mut self, pick: impl Fn(&mut R) -> &mut Recorder) -> Stats {
        let recorders = self
            .results
            .iter_mut()
            .map(|r| std::mem::take(pick(r)))
            .collect();
        let mut stats = summarise(&self.window, recorders);
        if let Some(cpu) = self.cpu {
            stats.server_cores = cpu.server;
            stats.db_cores = cpu.db;
            stats.other_cores = cpu.others;
            if stats.per_second > 0.0 {
                stats.server_cpu_us = cpu.server / stats.per_second * 1e6;
            }
        }
        stats
    }
}

impl Outcome<Recorder> {
    /// Conversations the connections handed back (started, or walked to `send`).
    pub fn conversations(&mut self) -> Vec<Conversation> {
        self.results
            .iter_mut()
            .flat_map(|r| std::mem::take(&mut r.conversations))
            .collect()
    }

    pub fn simple(mut self) -> Stats {
        self.stats(|r| r)
    }
}

/// Run `connections` workers built by `make` over `window`, sampling the CPU at its edges.
pub async fn run<F, Fut, R>(
    connections: usize,
    window: Window,
    probe: Arc<dyn Probe>,
    make: F,
) -> Outcome<R>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = R> + Send + 'static,
    R: Send + 'static,
{
    let finished = Arc::new(tokio::sync::Notify::new());
    let sampler = {
        let probe = probe.clone();
        let finished = finished.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = tokio::time::sleep_until(window.warm_until.into()) => {}
                () = finished.notified() => return None,
            }
            let before = sample(&*probe);
            tokio::select! {
                () = tokio::time::sleep_until(window.until.into()) => {}
                () = finished.notified() => {}
            }
            Some((before, sample(&*probe)))
        })
    };
    let mut set = JoinSet::new();
    for i in 0..connections {
        set.spawn(make(i));
    }
    let mut recorders = Vec::with_capacity(connections);
    while let Some(done) = set.join_next().await {
        if let Ok(r) = done {
            recorders.push(r);
        }
    }
    finished.notify_one();
    let cpu = sampler
        .await
        .ok()
        .flatten()
        .map(|(a, b)| cpu_share(&*probe, a, b));
    Outcome {
        results: recorders,
        window,
        cpu,
    }
}

fn cpu_share(
    probe: &dyn Probe,
    (t0, (s0, d0), m0, g0): Sample,
    (t1, (s1, d1), m1, g1): Sample,
) -> Cpu {
    let secs = t1.duration_since(t0).as_secs_f64().max(1e-9);
    let hz = probe.ticks_per_second() as f64;
    let cores = |ticks: u64| ticks as f64 / hz / secs;
    let server = cores(s1.saturating_sub(s0));
    let db = d0.zip(d1).map(|(a, b)| cores(b.saturating_sub(a)));
    let everything = cores(m1.saturating_sub(m0));
    let generator = cores(g1.saturating_sub(g0));
    Cpu {
        server,
        db,
        others: (everything - server - db.unwrap_or(0.0) - generator).max(0.0),
    }
}
