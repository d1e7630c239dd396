//! The processes under test: the release `have-your-say serve` and the ceiling (this same binary
//! serving one static page with bare axum), each started pinned to the server's core. Also what
//! is read about them from `/proc` (resident memory, CPU time) and the machine they run on.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http::{self, Conn};

/// What every server process needs to know where it runs.
pub struct Launch {
    pub server_bin: PathBuf,
    pub repo: PathBuf,
    pub work: PathBuf,
    /// The core servers are pinned to (`taskset -c`), when pinning is possible.
    pub cpu: Option<usize>,
}

pub struct Proc {
    child: Child,
    pub pid: u32,
    pub addr: SocketAddr,
    pub started: Instant,
    log: PathBuf,
    health: &'static str,
}

pub fn free_addr() -> std::io::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.local_addr()
}

fn pinned(launch: &Launch, program: &Path) -> Command {
    match launch.cpu {
        Some(cpu) => {
            let mut command = Command::new("taskset");
            command.arg("-c").arg(cpu.to_string()).arg(program);
            command
        }
        None => Command::new(program),
    }
}

fn start(
    mut command: Command,
    addr: SocketAddr,
    log: PathBuf,
    health: &'static str,
) -> anyhow::Result<Proc> {
    let out = std::fs::File::create(&log)?;
    let err = out.try_clone()?;
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()?;
    Ok(Proc {
        pid: child.id(),
        child,
        addr,
        started,
        log,
        health,
    })
}

/// `have-your-say serve` on a free loopback port over `database_url`.
pub fn spawn_service(launch: &Launch, database_url: &str, name: &str) -> anyhow::Result<Proc> {
    spawn_service_with(launch, database_url, name, &[])
}

/// As [`spawn_service`], with more `HYS_*` settings (a mail server, where email goes).
pub fn spawn_service_with(
    launch: &Launch,
    database_url: &str,
    name: &str,
    settings: &[(&str, String)],
) -> anyhow::Result<Proc> {
    let addr = free_addr()?;
    let mail = launch.work.join(format!("mail-{name}"));
    std::fs::create_dir_all(&mail)?;
    let mut command = pinned(launch, &launch.server_bin);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("HYS_") {
            command.env_remove(key);
        }
    }
    command
        .arg("serve")
        .current_dir(&launch.work)
        .env("HYS_BIND", addr.to_string())
        .env("HYS_DATABASE_URL", database_url)
        .env("HYS_MAIL_DROP_DIR", &mail)
        .env("HYS_FLOWS_DIR", launch.repo.join("flows"))
        .env("HYS_LOCALES_DIR", launch.repo.join("locales"))
        .env("HYS_LOG", "warn")
        // Every request comes from one address, far over the per-address API limit.
        .env("HYS_API_RATE_PER_MINUTE", "0")
        // Load-test conversations finish in milliseconds; they must not be held as bots.
        .env("HYS_MIN_COMPLETION_SECONDS", "0")
        .envs(settings.iter().map(|(k, v)| (k, v)));
    start(
        command,
        addr,
        launch.work.join(format!("{name}.log")),
        "/health",
    )
}

/// This binary's `ceiling` mode: one static page of `bytes` bytes.
pub fn spawn_ceiling(launch: &Launch, bytes: usize) -> anyhow::Result<Proc> {
    let addr = free_addr()?;
    let me = std::env::current_exe()?;
    let mut command = pinned(launch, &me);
    command
        .arg("ceiling")
        .arg(addr.to_string())
        .arg(bytes.to_string());
    start(command, addr, launch.work.join("ceiling.log"), "/")
}

impl Proc {
    /// Time from spawning the process to its first 200 on the health route.
    pub async fn ready(&mut self) -> anyhow::Result<Duration> {
        let request = http::get(self.addr, self.health, "");
        let limit = self.started + Duration::from_secs(60);
        loop {
            let mut conn = Conn::new(self.addr);
            if let Ok(response) = conn.send(&request).await
                && response.status == 200
            {
                return Ok(self.started.elapsed());
            }
            if let Some(status) = self.child.try_wait()? {
                anyhow::bail!("server exited with {status}:\n{}", self.log_tail());
            }
            if Instant::now() > limit {
                anyhow::bail!("server not ready after 60 s:\n{}", self.log_tail());
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// SIGTERM (a graceful stop), then SIGKILL if it has not gone within ten seconds.
    pub fn stop(mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.pid.to_string())
            .status();
        let limit = Instant::now() + Duration::from_secs(10);
        while Instant::now() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        // Dropping `self` kills it.
    }

    /// Resident memory now and at its peak, in KiB.
    pub fn memory_kib(&self) -> (u64, u64) {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid)).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }
}

/// CPU time a process has used (user + system), in clock ticks; 0 once it is gone.
pub fn pid_ticks(pid: u32) -> u64 {
    process_ticks(&format!("/proc/{pid}/stat")).unwrap_or(0)
}

/// A server left running by a phase that failed is killed, never left behind.
impl Drop for Proc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn process_ticks(stat_path: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of the file (utime, stime) are 12th and 13th after the command name.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// CPU ticks this program has used.
pub fn own_ticks() -> u64 {
    process_ticks("/proc/self/stat").unwrap_or(0)
}

/// Busy CPU ticks of the whole machine, all cores: user, nice, system and steal. Interrupt time
/// is left out: loopback traffic's softirq work is the benchmark's own, charged to no process.
pub fn machine_busy_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = stat.lines().find(|l| l.starts_with("cpu ")) else {
        return 0;
    };
    let fields: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|f| f.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    [0, 1, 2, 7].iter().filter_map(|i| fields.get(*i)).sum()
}

/// CPU ticks of every `postgres` process on the machine: the database's share of a phase.
pub fn postgres_ticks() -> u64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter(|e| {
            std::fs::read_to_string(e.path().join("comm")).is_ok_and(|c| c.trim() == "postgres")
        })
        .filter_map(|e| process_ticks(&e.path().join("stat").to_string_lossy()))
        .sum()
}

pub fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// The ceiling: a bare axum handler returning a static HTML page of exactly `bytes` bytes, on
/// the same runtime the service uses (`#[tokio::main]`'s multi-threaded default).
pub fn serve_ceiling(addr: &str, bytes: usize) -> anyhow::Result<()> {
    let mut page = String::from("<!doctype html><html lang=\"en\"><title>ceiling</title><p>");
    while page.len() < bytes {
        page.push_str("Have your say. ");
    }
    page.truncate(bytes.max(1));
    let page: &'static str = Box::leak(page.into_boxed_str());
    let addr: SocketAddr = addr.parse()?;
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            let app = axum::Router::new().route(
                "/",
                axum::routing::get(move || async move { axum::response::Html(page) }),
            );
            let listener = tokio::net::TcpListener::bind(addr).await?;
            axum::serve(listener, app).await?;
            Ok(())
        })
}

/// A new, empty database on the local PostgreSQL, or why there is none.
pub async fn postgres_database(admin_url: &str) -> Result<(String, String), String> {
    use sqlx::Connection;
    let reachable = tokio::time::timeout(
        Duration::from_secs(2),
        tokio::net::TcpStream::connect("127.0.0.1:5432"),
    )
    .await;
    if !matches!(reachable, Ok(Ok(_))) {
        return Err("nothing answers on 127.0.0.1:5432".into());
    }
    let mut conn = tokio::time::timeout(
        Duration::from_secs(10),
        sqlx::PgConnection::connect(admin_url),
    )
    .await
    .map_err(|_| "PostgreSQL did not answer within 10 s".to_owned())?
    .map_err(|e| format!("cannot connect as postgres: {e}"))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let name = format!("hys_bench_{}_{stamp}", std::process::id());
    sqlx::query(&format!("create database {name}"))
        .execute(&mut conn)
        .await
        .map_err(|e| format!("cannot create a database: {e}"))?;
    let _ = conn.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(admin_url);
    Ok((format!("{base}/{name}"), name))
}

pub async fn drop_postgres_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
        let _ = sqlx::query(&format!("drop database if exists {name} with (force)"))
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
    }
}
