//! A real SMTP server on loopback for notification tests: Python's aiosmtpd with its Maildir
//! handler (`.ci/lib.sh` installs it). Each test gets its own server, port and folder.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

/// One received email, parsed.
#[derive(Debug, Clone)]
pub struct Received {
    pub message_id: String,
    pub rcpt_to: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl SmtpSink {
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    /// Start on a chosen port (to bring a "down" server up).
    pub fn start_on(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("maildir");
        let mut sink = Self {
            port,
            dir,
            child: None,
        };
        sink.up();
        sink
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("maildir")
    }

    fn up(&mut self) {
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(self.maildir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (pip install aiosmtpd)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not start on {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn received(&self) -> Vec<Received> {
        let new = self.maildir().join("new");
        let Ok(entries) = std::fs::read_dir(new) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read(e.path()).ok())
            .map(|bytes| parse(&bytes))
            .collect()
    }

    /// Wait until at least `n` emails arrived (or time runs out), then return them all.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let deadline = Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn parse(bytes: &[u8]) -> Received {
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .expect("a parsable email");
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    Received {
        message_id: format!("<{}>", message.message_id().unwrap_or_default()),
        rcpt_to: header("X-RcptTo"),
        to: header("To"),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        html: message
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        raw: String::from_utf8_lossy(bytes).into_owned(),
    }
}
