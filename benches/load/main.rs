//! The load benchmark of issue 10. Run it with `benches/run`, which builds the release binaries,
//! pins this program to one core and calls it as `load run ...`; it starts the release service
//! (and the ceiling, this same binary as `load ceiling ADDR BYTES`) pinned to the other core.
//!
//! Called any other way (`cargo bench`, `cargo test --all-targets`, nextest's `--list`) it does
//! nothing and prints nothing on standard output, so test runners find no tests here.

mod api;
mod drive;
mod http;
mod phases;
mod profile;
mod report;
mod servers;
mod table;
mod urgent;
mod weight;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use api::{Conversation, Pool, STEP_PAGE_ANSWERS, Target};
use drive::Probe;
use phases::Load;
use report::{Ceiling, Results, Run};
use servers::{Launch, Proc};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("run") => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(run(&args[1..]))),
        Some("urgent") => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(urgent_alone(&args[1..]))),
        Some("drive") if args.len() >= 3 => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(profile::drive_one(&args[1..]))),
        Some("ceiling") if args.len() == 3 => args[2]
            .parse()
            .map_err(anyhow::Error::from)
            .and_then(|bytes| servers::serve_ceiling(&args[1], bytes)),
        _ => {
            if !args.iter().any(|a| a == "--list") {
                eprintln!("the load benchmark runs from `benches/run`; nothing to do here");
            }
            Ok(())
        }
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("benchmark failed: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `--name value` pairs after `run`.
struct Options {
    server_bin: PathBuf,
    repo: PathBuf,
    out: PathBuf,
    server_cpu: Option<usize>,
    client_cpu: Option<usize>,
    pg_admin: String,
}

fn options(args: &[String]) -> anyhow::Result<Options> {
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let required = |name: &str| value(name).ok_or_else(|| anyhow::anyhow!("{name} is required"));
    // Absolute, because the servers run in the work folder.
    let absolute = |name: &str| -> anyhow::Result<PathBuf> {
        let path = PathBuf::from(required(name)?);
        std::fs::create_dir_all(path.parent().unwrap_or(&path))?;
        Ok(std::path::absolute(path)?)
    };
    Ok(Options {
        server_bin: absolute("--server-bin")?,
        repo: absolute("--repo")?,
        out: absolute("--out")?,
        server_cpu: value("--server-cpu").and_then(|v| v.parse().ok()),
        client_cpu: value("--client-cpu").and_then(|v| v.parse().ok()),
        pg_admin: value("--postgres")
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into()),
    })
}

pub(crate) fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v: &f64| *v > 0.0)
        .unwrap_or(default)
}

/// CPU of the servers under test (and of PostgreSQL, for its runs).
struct ServerProbe {
    pids: Vec<u32>,
    postgres: bool,
    hz: u64,
}

impl Probe for ServerProbe {
    fn sample(&self) -> (u64, Option<u64>) {
        let server = self.pids.iter().map(|p| servers::pid_ticks(*p)).sum();
        (server, self.postgres.then(servers::postgres_ticks))
    }

    fn ticks_per_second(&self) -> u64 {
        self.hz
    }
}

struct Bench {
    launch: Launch,
    connections: usize,
    warmup: Duration,
    measure: Duration,
    conversations: usize,
    hz: u64,
}

impl Bench {
    fn load(&self, procs: &[&Proc], postgres: bool) -> Load {
        Load {
            connections: self.connections,
            warmup: self.warmup,
            measure: self.measure,
            probe: Arc::new(ServerProbe {
                pids: procs.iter().map(|p| p.pid).collect(),
                postgres,
                hz: self.hz,
            }),
        }
    }
}

pub(crate) fn note(text: &str) {
    eprintln!("-- {text}");
}

fn kib(proc: &Proc) -> f64 {
    proc.memory_kib().0 as f64
}

/// The phase's figures with the servers' resident memory at its end.
fn stamped(mut stats: drive::Stats, procs: &[&Proc]) -> drive::Stats {
    stats.rss_after_kib = procs.iter().map(|p| kib(p)).reduce(f64::max);
    stats
}

async fn run(args: &[String]) -> anyhow::Result<()> {
    let began = Instant::now();
    let opts = options(args)?;
    let work = opts.out.join("work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let bench = Bench {
        launch: Launch {
            server_bin: opts.server_bin.clone(),
            repo: opts.repo.clone(),
            work: work.clone(),
            cpu: opts.server_cpu,
        },
        connections: env_number("BENCH_CONNECTIONS", 16.0) as usize,
        warmup: Duration::from_secs_f64(env_number("BENCH_WARMUP", 1.0)),
        measure: Duration::from_secs_f64(env_number("BENCH_SECONDS", 5.0)),
        conversations: env_number("BENCH_CONVERSATIONS", 10_000.0) as usize,
        hz: servers::clock_ticks_per_second(),
    };
    let mut results = Results {
        when: time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        command: "benches/run".into(),
        machine: weight::machine(&work),
        settings: report::Settings {
            connections: bench.connections,
            warmup_s: bench.warmup.as_secs_f64(),
            measure_s: bench.measure.as_secs_f64(),
            server_cpu: opts.server_cpu,
            client_cpu: opts.client_cpu,
            conversations: bench.conversations,
        },
        ..Results::default()
    };
    note(&format!(
        "{} cores, load average {}",
        results.machine.cores, results.machine.load_before
    ));

    let sqlite = format!("sqlite://{}", work.join("bench.db").display());
    let (sqlite_run, _) = single(&bench, "SQLite", &sqlite, false, &mut results).await?;
    results.runs.push(sqlite_run);

    match servers::postgres_database(&opts.pg_admin).await {
        Ok((url, name)) => {
            let outcome = postgres_runs(&bench, &url, &mut results).await;
            servers::drop_postgres_database(&opts.pg_admin, &name).await;
            outcome?;
        }
        Err(why) => {
            note(&format!("PostgreSQL skipped: {why}"));
            for name in ["PostgreSQL", "2× PostgreSQL"] {
                results.runs.push(Run {
                    name: name.into(),
                    skipped: Some(why.clone()),
                    ..Run::default()
                });
            }
        }
    }

    let sqlite = format!("sqlite://{}", work.join("urgent.db").display());
    results
        .urgent
        .push(urgent::run(&bench.launch, "SQLite", &sqlite, opts.client_cpu).await?);
    results
        .urgent
        .push(urgent::on_postgres(&bench.launch, &opts.pg_admin, opts.client_cpu).await?);

    results.machine.load_after = weight::load_average();
    results.seconds_taken = began.elapsed().as_secs_f64();
    results.judge();
    let json = opts.out.join("results.json");
    std::fs::write(&json, serde_json::to_string_pretty(&results)?)?;
    if std::env::var_os("BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }
    println!("{}", results.table());
    println!(
        "results: {} ({:.0} s)",
        json.display(),
        results.seconds_taken
    );
    Ok(())
}

/// `load urgent ...` (from `benches/run urgent`): the urgent-first phase alone.
async fn urgent_alone(args: &[String]) -> anyhow::Result<()> {
    let opts = options(args)?;
    let work = opts.out.join("work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let launch = Launch {
        server_bin: opts.server_bin.clone(),
        repo: opts.repo.clone(),
        work: work.clone(),
        cpu: opts.server_cpu,
    };
    urgent::alone(&launch, &opts.pg_admin, opts.client_cpu).await?;
    if std::env::var_os("BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }
    Ok(())
}

async fn postgres_runs(bench: &Bench, url: &str, results: &mut Results) -> anyhow::Result<()> {
    let (run, leftover) = single(bench, "PostgreSQL", url, true, results).await?;
    results.runs.push(run);
    let run = two_instances(bench, url, leftover).await?;
    results.runs.push(run);
    Ok(())
}

/// One conversation per connection, each 8 exchanges in: the cookies for the step page.
async fn step_tokens(bench: &Bench, target: &Target) -> anyhow::Result<Arc<Vec<String>>> {
    let mut tokens = Vec::new();
    for _ in 0..bench.connections {
        let c = api::walked(target, STEP_PAGE_ANSWERS)
            .await
            .map_err(anyhow::Error::msg)?;
        tokens.push(c.token);
    }
    Ok(Arc::new(tokens))
}

/// One instance: start-up, memory, then every load phase. Returns the conversations started
/// and never touched, for the next run on the same database.
async fn single(
    bench: &Bench,
    name: &str,
    url: &str,
    postgres: bool,
    results: &mut Results,
) -> anyhow::Result<(Run, Vec<Conversation>)> {
    let slug = name.to_lowercase();
    let mut run = Run {
        name: name.into(),
        instances: 1,
        ..Run::default()
    };
    note(&format!("{name}: first start (applies the migrations)"));
    let mut first = servers::spawn_service(&bench.launch, url, &slug)?;
    run.first_start_ms = Some(first.ready().await?.as_secs_f64() * 1000.0);
    first.stop();
    let mut server = None;
    for i in 0..5 {
        let mut p = servers::spawn_service(&bench.launch, url, &slug)?;
        run.startups_ms
            .push(p.ready().await?.as_secs_f64() * 1000.0);
        if i < 4 {
            p.stop();
        } else {
            server = Some(p);
        }
    }
    let server = server.ok_or_else(|| anyhow::anyhow!("no server"))?;
    let mut sorted = run.startups_ms.clone();
    sorted.sort_by(f64::total_cmp);
    run.startup_ms = Some(sorted[sorted.len() / 2]);
    tokio::time::sleep(Duration::from_secs(1)).await;
    run.rss_idle_kib = Some(kib(&server));

    let target = Target::new(vec![server.addr]);
    let here = [&server];
    let load = bench.load(&here, postgres);
    let tokens = step_tokens(bench, &target).await?;
    if results.ceiling.is_none() {
        note("page weight");
        let page = weight::page(&target, &tokens[0]).await?;
        let html = page.html_bytes;
        results.page = Some(page);
        note(&format!("ceiling: bare axum, {html} B"));
        results.ceiling = Some(ceiling(bench, html).await?);
    }
    note(&format!("{name}: step page GET"));
    run.step_page = Some(stamped(
        phases::pages(&load, &target, &tokens, false).await,
        &here,
    ));
    if !postgres {
        note(&format!("{name}: step page GET, gzip"));
        run.step_page_gzip = Some(stamped(
            phases::pages(&load, &target, &tokens, true).await,
            &here,
        ));
    }
    note(&format!(
        "{name}: starting {} conversations",
        bench.conversations
    ));
    let (starts, started) =
        phases::starts(&load, &target, bench.conversations, Duration::from_secs(30)).await;
    run.starts = Some(stamped(starts, &here));
    run.open_conversations = started.len();
    run.rss_open_kib = Some(kib(&server));
    let pool = Pool::new(started);
    note(&format!("{name}: answer POST"));
    let (answers, ready) = phases::answers(&load, &target, &pool).await;
    run.answers = Some(stamped(answers, &here));
    note(&format!(
        "{name}: submit POST ({} conversations at the send step)",
        ready.len()
    ));
    run.submits = Some(stamped(
        phases::submits(&load, &target, &Pool::new(ready)).await,
        &here,
    ));
    note(&format!("{name}: whole conversations"));
    let whole = phases::whole_conversations(&load, &target).await;
    run.cases = Some(stamped(whole.cases, &here));
    run.case_requests = Some(whole.requests);
    run.case_submits = Some(whole.submits);
    let (after, peak) = server.memory_kib();
    run.rss_after_kib = Some(after as f64);
    run.rss_peak_kib = Some(peak as f64);
    server.stop();
    Ok((run, pool.rest()))
}

async fn ceiling(bench: &Bench, bytes: usize) -> anyhow::Result<Ceiling> {
    let mut proc = servers::spawn_ceiling(&bench.launch, bytes)?;
    let startup = proc.ready().await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss = kib(&proc);
    let target = Target::new(vec![proc.addr]);
    let load = bench.load(&[&proc], false);
    let get = phases::ceiling(&load, &target).await;
    proc.stop();
    Ok(Ceiling {
        page_bytes: bytes,
        startup_ms: startup.as_secs_f64() * 1000.0,
        rss_idle_kib: rss,
        get,
    })
}

/// Two instances on one PostgreSQL database, every connection alternating between them request
/// by request (no sticky sessions): each answer may land on the other instance.
async fn two_instances(
    bench: &Bench,
    url: &str,
    leftover: Vec<Conversation>,
) -> anyhow::Result<Run> {
    let name = "2× PostgreSQL";
    let mut run = Run {
        name: name.into(),
        instances: 2,
        ..Run::default()
    };
    note(&format!("{name}: starting both"));
    let mut a = servers::spawn_service(&bench.launch, url, "postgres-a")?;
    let mut b = servers::spawn_service(&bench.launch, url, "postgres-b")?;
    a.ready().await?;
    b.ready().await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    run.rss_idle_kib = Some(kib(&a).max(kib(&b)));
    let target = Target::new(vec![a.addr, b.addr]);
    let here = [&a, &b];
    let load = bench.load(&here, true);
    let tokens = step_tokens(bench, &target).await?;
    note(&format!("{name}: step page GET"));
    run.step_page = Some(stamped(
        phases::pages(&load, &target, &tokens, false).await,
        &here,
    ));
    let pool = if leftover.len() >= 2_000 {
        leftover
    } else {
        phases::starts(&load, &target, 5_000, Duration::from_secs(20))
            .await
            .1
    };
    note(&format!("{name}: answer POST"));
    let (answers, ready) = phases::answers(&load, &target, &Pool::new(pool)).await;
    run.answers = Some(stamped(answers, &here));
    note(&format!("{name}: submit POST"));
    run.submits = Some(stamped(
        phases::submits(&load, &target, &Pool::new(ready)).await,
        &here,
    ));
    note(&format!("{name}: whole conversations"));
    let whole = phases::whole_conversations(&load, &target).await;
    run.cases = Some(stamped(whole.cases, &here));
    run.case_requests = Some(whole.requests);
    run.case_submits = Some(whole.submits);
    let (ma, pa) = a.memory_kib();
    let (mb, pb) = b.memory_kib();
    run.rss_after_kib = Some(ma.max(mb) as f64);
    run.rss_peak_kib = Some(pa.max(pb) as f64);
    a.stop();
    b.stop();
    Ok(run)
}
