//! The real binary as a child process, for tests that must crash it or reach its database from
//! outside: `serve` on a fixed port, configured only by `HYS_*` variables as an operator would,
//! killed with SIGKILL (no shutdown code runs) and started again on the same port and database.
//!
//! `HYS_TEST_BINARY` points the tests at another build, e.g. `target/release/have-your-say`;
//! by default they use the debug binary cargo built for this test run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test.
pub fn binary() -> PathBuf {
    std::env::var_os("HYS_TEST_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_have-your-say")))
}

pub struct Server {
    pub port: u16,
    /// Where the mail drop folder, the log and (on SQLite) the database live.
    pub dir: PathBuf,
    pub database_url: String,
    env: Vec<(String, OsString)>,
    child: Option<Child>,
    starts: u32,
}

impl Server {
    /// A server on a free loopback port over `database_url`, with the repository's flows and
    /// words and mail to `<dir>/mail`. Two checks meant for people are off: the API's
    /// per-address limit (every test client is 127.0.0.1) and the minimum time to finish a
    /// conversation (test clients answer at machine speed).
    pub fn new(dir: &Path, database_url: &str) -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let port = super::smtp::free_port();
        let mut server = Self {
            port,
            dir: dir.to_owned(),
            database_url: database_url.to_owned(),
            env: Vec::new(),
            child: None,
            starts: 0,
        };
        server
            .set("HYS_BIND", format!("127.0.0.1:{port}"))
            .set("HYS_DATABASE_URL", database_url)
            .set("HYS_FLOWS_DIR", root.join("flows"))
            .set("HYS_LOCALES_DIR", root.join("locales"))
            .set("HYS_MAIL_DROP_DIR", dir.join("mail"))
            .set("HYS_API_RATE_PER_MINUTE", "0")
            .set("HYS_MIN_COMPLETION_SECONDS", "0")
            .set("HYS_LOG", "warn");
        server
    }

    /// Set (or replace) one environment variable for every later start.
    pub fn set(&mut self, key: &str, value: impl Into<OsString>) -> &mut Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_owned(), value.into()));
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.dir.join("mail")
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    /// How many times the binary has been started.
    pub fn starts(&self) -> u32 {
        self.starts
    }

    /// Start the binary and wait until it accepts connections (it binds the port only after
    /// its migrations have run, so accepting means ready).
    pub async fn start(&mut self) {
        assert!(self.child.is_none(), "the server is already running");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("server log file");
        let mut command = Command::new(binary());
        // Settings the person running the tests has in their shell must not leak in.
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("HYS_") {
                command.env_remove(key);
            }
        }
        command
            .arg("serve")
            .current_dir(&self.dir)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary().display()));
        self.starts += 1;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                break;
            }
            if let Some(status) = child.try_wait().expect("child status") {
                panic!(
                    "the server exited at start {} ({status}); log:\n{}",
                    self.starts,
                    self.log_tail()
                );
            }
            assert!(
                Instant::now() < deadline,
                "the server did not listen within 30 s; log:\n{}",
                self.log_tail()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.child = Some(child);
    }

    /// SIGKILL: the process gets no chance to finish anything, as in a crash or an OOM kill.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // An error here only means it already died, which is what we want.
            let _ = child.kill();
            child.wait().expect("reap the killed server");
        }
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// The last lines the server logged, for failure messages.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.log_path()).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}
