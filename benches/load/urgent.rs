//! Urgent first (the outbox issue): with 1,000 routine emails queued, how long a child's urgent
//! email takes from pressing send to being taken by a real SMTP server on loopback (aiosmtpd).
//! Target: under 1 s. Also how fast the routine backlog drains, so a change that puts urgent
//! email first can be seen not to slow routine email down.
//!
//! The backlog is made of real cases: 1,000 complaints (one email each, to the rights officer)
//! are sent through the API to a first start of the service with no mail server (its worker
//! writes them to the drop folder), then, with the service stopped, all 1,000 are put back in
//! the queue as due now, as after a mail-server outage. The service starts again with the mail
//! server set; as soon as it is ready, an urgent case (a complaint in words that sound like the
//! child is not safe) is sent while its worker drains the backlog, and the clock runs from the
//! submit request to the mail server logging the duty team's message.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sqlx::Connection;
use tokio::task::JoinSet;

use crate::api::{Client, PATH, Target};
use crate::http;
use crate::servers::{self, Launch};

pub const ROUTINE: usize = 1_000;
/// The target of the issue, in milliseconds.
pub const TARGET_MS: f64 = 1_000.0;
const RIGHTS_OFFICER: &str = "cro@bench.invalid";
const DUTY: &str = "duty@bench.invalid";
const CONNECTIONS: usize = 16;

/// One run's figures.
#[derive(Debug, Default, Serialize)]
pub struct Urgent {
    pub name: String,
    pub skipped: Option<String>,
    pub routine_queued: usize,
    /// Routine emails not yet at the mail server when the urgent one was sent.
    pub routine_waiting_at_send: usize,
    /// From the submit request to the mail server logging the duty team's message.
    pub urgent_ms: Option<f64>,
    /// Routine emails the server took between the send and the urgent one.
    pub routine_overtaking: usize,
    /// The whole backlog (routine and urgent) from the restart to the last message.
    pub drain_s: Option<f64>,
    pub emails_per_second: Option<f64>,
}

/// aiosmtpd accepting everything and logging each message's arrival time and recipients.
/// Run as `python3 sink.py HOST:PORT EVENTS.jsonl`.
const SINK: &str = r#"
import asyncio, json, sys, time
from aiosmtpd.smtp import SMTP

listen, log_path = sys.argv[1:3]
host, port = listen.rsplit(":", 1)
log = open(log_path, "a", buffering=1)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        log.write(json.dumps({"at_ms": time.time() * 1000,
                              "to": [a.lower() for a in envelope.rcpt_tos]}) + "\n")
        return "250 OK"


loop = asyncio.new_event_loop()
loop.run_until_complete(loop.create_server(lambda: SMTP(Handler()), host, int(port)))
log.write(json.dumps({"at_ms": time.time() * 1000, "to": [], "listening": True}) + "\n")
loop.run_forever()
"#;

#[derive(serde::Deserialize)]
struct Arrival {
    at_ms: f64,
    to: Vec<String>,
    #[serde(default)]
    listening: bool,
}

struct Sink {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Sink {
    async fn start(work: &Path, cpu: Option<usize>) -> anyhow::Result<Self> {
        let script = work.join("urgent-sink.py");
        std::fs::write(&script, SINK)?;
        let log = work.join("urgent-sink.jsonl");
        let _ = std::fs::remove_file(&log);
        let port = servers::free_addr()?.port();
        let mut command = match cpu {
            Some(cpu) => {
                let mut c = Command::new("taskset");
                c.arg("-c").arg(cpu.to_string()).arg("python3");
                c
            }
            None => Command::new("python3"),
        };
        let child = command
            .arg(&script)
            .arg(format!("127.0.0.1:{port}"))
            .arg(&log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(work.join("urgent-sink.stderr"))?)
            .spawn()
            .map_err(|e| anyhow::anyhow!("python3 with aiosmtpd: {e}"))?;
        let sink = Self { child, port, log };
        let limit = Instant::now() + Duration::from_secs(15);
        while !sink.arrivals().iter().any(|a| a.listening) {
            if Instant::now() > limit {
                anyhow::bail!(
                    "the SMTP sink did not start (is aiosmtpd installed?): {}",
                    std::fs::read_to_string(work.join("urgent-sink.stderr")).unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(sink)
    }

    fn arrivals(&self) -> Vec<Arrival> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    fn messages(&self) -> Vec<Arrival> {
        self.arrivals()
            .into_iter()
            .filter(|a| !a.listening)
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

fn routing() -> Vec<(&'static str, String)> {
    vec![
        ("HYS_RIGHTS_OFFICER_EMAIL", RIGHTS_OFFICER.into()),
        ("HYS_ADVOCACY_EMAIL", "advocacy@bench.invalid".into()),
        ("HYS_URGENT_EMAIL", DUTY.into()),
        ("HYS_MAIL_FROM", "Have Your Say <hys@bench.invalid>".into()),
    ]
}

/// `count` complaints sent whole through the API, over a few connections.
async fn send_complaints(target: &Arc<Target>, count: usize) -> anyhow::Result<()> {
    let mut tasks = JoinSet::new();
    for i in 0..CONNECTIONS {
        let target = target.clone();
        let share = count / CONNECTIONS + usize::from(i < count % CONNECTIONS);
        tasks.spawn(async move {
            let mut client = Client::new(&target, i);
            for _ in 0..share {
                let mut c = client.start().await?;
                while c.answered < PATH.len() {
                    client.answer(&target, &mut c).await?;
                }
                client.submit(&c).await?;
            }
            Ok::<(), String>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done?.map_err(anyhow::Error::msg)?;
    }
    Ok(())
}

/// The complaint path with words that sound like the child is not safe (so the case is urgent:
/// emails to the duty team and the rights officer), up to its send step; returns the id and
/// token.
async fn walk_urgent(addr: std::net::SocketAddr) -> anyhow::Result<(String, String)> {
    let mut conn = http::Conn::new(addr);
    let start = http::post_json(
        addr,
        "/api/v1/conversations",
        None,
        r#"{"flow":"feedback","locale":"en-GB"}"#,
    );
    let response = conn.send(&start).await?;
    #[derive(serde::Deserialize)]
    struct Started {
        id: String,
        token: String,
    }
    let started: Started = serde_json::from_slice(&response.body)?;
    for (step, value) in PATH {
        let value = match step {
            "what-happened" => Some("My carer hits me when I come home late"),
            _ => value,
        };
        let body = match value {
            Some(v) => serde_json::json!({ "step": step, "value": v }),
            None => serde_json::json!({ "step": step }),
        }
        .to_string();
        let request = http::post_json(
            addr,
            &format!("/api/v1/conversations/{}/answers", started.id),
            Some(&started.token),
            &body,
        );
        let response = conn.send(&request).await?;
        if response.status != 200 {
            anyhow::bail!("urgent conversation, {step}: HTTP {}", response.status);
        }
    }
    Ok((started.id, started.token))
}

/// Every outbox row due now and unsent, as after an outage; returns how many.
async fn requeue(database_url: &str) -> anyhow::Result<u64> {
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(database_url).await?;
    let done = sqlx::query(
        "update outbox set status = 'pending', attempts = 0, next_attempt_at = $1, \
         claimed_by = null, lease_until = null, sent_at = null, last_error = null",
    )
    .bind(now_ms() as i64)
    .execute(&mut db)
    .await?;
    db.close().await?;
    Ok(done.rows_affected())
}

/// The phase on one database (fresh and empty).
pub async fn run(
    launch: &Launch,
    name: &str,
    database_url: &str,
    sink_cpu: Option<usize>,
) -> anyhow::Result<Urgent> {
    let slug = format!("urgent-{}", name.to_lowercase());
    crate::note(&format!(
        "{name}: urgent email with {ROUTINE} routine queued: making the backlog"
    ));
    let mut first = servers::spawn_service_with(launch, database_url, &slug, &routing())?;
    first.ready().await?;
    send_complaints(&Target::new(vec![first.addr]), ROUTINE).await?;
    first.stop();
    let queued = requeue(database_url).await? as usize;

    let sink = Sink::start(&launch.work, sink_cpu).await?;
    let mut env = routing();
    env.push(("HYS_SMTP_URL", format!("smtp://127.0.0.1:{}", sink.port)));
    crate::note(&format!(
        "{name}: {queued} routine emails queued; restarting with the mail server, then sending one urgent"
    ));
    let started_ms = now_ms();
    let mut server = servers::spawn_service_with(launch, database_url, &slug, &env)?;
    server.ready().await?;
    let (id, token) = walk_urgent(server.addr).await?;
    let submit = http::post_json(
        server.addr,
        &format!("/api/v1/conversations/{id}/submit"),
        Some(&token),
        "",
    );
    let mut conn = http::Conn::new(server.addr);
    let sent_ms = now_ms();
    let response = conn.send(&submit).await?;
    if response.status != 201 {
        anyhow::bail!("urgent submit: HTTP {}", response.status);
    }

    let total = queued + 2; // the urgent case emails the duty team and the rights officer
    let limit = Instant::now() + Duration::from_secs(120);
    let mut urgent_at = None;
    loop {
        let messages = sink.messages();
        if urgent_at.is_none() {
            urgent_at = messages
                .iter()
                .find(|m| m.to.iter().any(|t| t == DUTY))
                .map(|m| m.at_ms);
        }
        if messages.len() >= total || Instant::now() > limit {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.stop();
    let messages = sink.messages();
    let before_send = messages.iter().filter(|m| m.at_ms < sent_ms).count();
    let overtaking = urgent_at.map_or(0, |at| {
        messages
            .iter()
            .filter(|m| m.at_ms >= sent_ms && m.at_ms < at && m.to.iter().all(|t| t != DUTY))
            .count()
    });
    let last = messages.iter().map(|m| m.at_ms).fold(f64::NAN, f64::max);
    let drained = messages.len() >= total;
    Ok(Urgent {
        name: name.into(),
        skipped: None,
        routine_queued: queued,
        routine_waiting_at_send: queued.saturating_sub(before_send),
        urgent_ms: urgent_at.map(|at| at - sent_ms),
        routine_overtaking: overtaking,
        drain_s: drained.then(|| (last - started_ms) / 1000.0),
        emails_per_second: drained.then(|| messages.len() as f64 / ((last - started_ms) / 1000.0)),
    })
}

impl Urgent {
    pub fn skipped(name: &str, why: &str) -> Self {
        Self {
            name: name.into(),
            skipped: Some(why.into()),
            ..Self::default()
        }
    }

    pub fn line(&self) -> String {
        if let Some(why) = &self.skipped {
            return format!("  {:<12} skipped: {why}", self.name);
        }
        format!(
            "  {:<12} urgent at the mail server {} after send ({} routine still queued then, {} \
             went before it); backlog of {} drained in {} ({} emails/s from the restart)",
            self.name,
            self.urgent_ms
                .map(|ms| format!("{ms:.0} ms"))
                .unwrap_or_else(|| "NEVER (2 min)".into()),
            self.routine_waiting_at_send,
            self.routine_overtaking,
            self.routine_queued + 2,
            self.drain_s
                .map(|s| format!("{s:.1} s"))
                .unwrap_or_else(|| "not within 2 min".into()),
            self.emails_per_second
                .map(|r| format!("{r:.0}"))
                .unwrap_or_else(|| "?".into()),
        )
    }
}

/// `benches/run urgent`: this phase alone, on SQLite and (when it answers) PostgreSQL.
pub async fn alone(launch: &Launch, pg_admin: &str, sink_cpu: Option<usize>) -> anyhow::Result<()> {
    let mut runs = Vec::new();
    let sqlite = format!("sqlite://{}", launch.work.join("urgent.db").display());
    runs.push(run(launch, "SQLite", &sqlite, sink_cpu).await?);
    runs.push(on_postgres(launch, pg_admin, sink_cpu).await?);
    println!("urgent first: one urgent email with {ROUTINE} routine emails queued");
    for r in &runs {
        println!("{}", r.line());
    }
    for r in runs.iter().filter(|r| r.skipped.is_none()) {
        let (target, measured, pass) = r.verdict();
        println!(
            "  {}  {target}: {measured}",
            if pass { "PASS" } else { "FAIL" }
        );
    }
    Ok(())
}

/// The phase on a fresh PostgreSQL database, or why not.
pub async fn on_postgres(
    launch: &Launch,
    pg_admin: &str,
    sink_cpu: Option<usize>,
) -> anyhow::Result<Urgent> {
    match servers::postgres_database(pg_admin).await {
        Ok((url, db)) => {
            let outcome = run(launch, "PostgreSQL", &url, sink_cpu).await;
            servers::drop_postgres_database(pg_admin, &db).await;
            outcome
        }
        Err(why) => Ok(Urgent::skipped("PostgreSQL", &why)),
    }
}

impl Urgent {
    /// The issue's target line: (target, measured, pass).
    pub fn verdict(&self) -> (String, String, bool) {
        let target = format!(
            "{}: urgent email at a real SMTP server < 1 s with {} routine queued",
            self.name,
            crate::report::thousands(self.routine_queued as f64)
        );
        match self.urgent_ms {
            Some(ms) => (target, format!("{ms:.0} ms"), ms < TARGET_MS),
            None => (target, "never arrived (2 min)".into(), false),
        }
    }
}
