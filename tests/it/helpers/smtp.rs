//! A real SMTP server on loopback for notification tests: Python's aiosmtpd with its Maildir
//! handler (`.ci/lib.sh` installs it). Each test gets its own server, port and folder.
//!
//! `SmtpSink::start` runs aiosmtpd's own command line and accepts everything. For failure
//! tests, `SmtpSink::start_with(rules)` runs the same Maildir handler from a small script that
//! answers chosen replies (say `451` to the first three `RCPT TO` for one address) and logs
//! every connection and command with its time, so a test can see what the client tried.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
    /// Started with rules: our script runs instead of `python3 -m aiosmtpd`.
    scripted: bool,
}

/// A reply the scripted sink gives instead of accepting: `reply` to a `command` (`RCPT` or
/// `DATA`) for `address`, the first `times` times or, without a limit, every time.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rule {
    command: &'static str,
    address: String,
    reply: String,
    times: Option<u32>,
}

impl Rule {
    /// Answer `RCPT TO:<address>` with `reply`, every time unless limited with `times`.
    pub fn rcpt(address: &str, reply: &str) -> Self {
        Self {
            command: "RCPT",
            address: address.to_owned(),
            reply: reply.to_owned(),
            times: None,
        }
    }

    /// Answer the end of `DATA` with `reply` when `address` is among the recipients.
    pub fn data(address: &str, reply: &str) -> Self {
        Self {
            command: "DATA",
            ..Self::rcpt(address, reply)
        }
    }

    /// Only the first `n` matching commands get the reply; later ones are accepted.
    pub fn times(self, n: u32) -> Self {
        Self {
            times: Some(n),
            ..self
        }
    }
}

/// One thing the scripted sink saw: `listening` (it is up), a `connect`, or an `EHLO`,
/// `MAIL`, `RCPT` or `DATA` (logged when the whole message has arrived) with its reply.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Event {
    /// Unix time in milliseconds, on the same clock as the outbox's times.
    pub at_ms: f64,
    pub event: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub reply: Option<String>,
}

/// The Maildir handler with replies from a rules file and a log of what it saw. Run as
/// `python3 sink.py HOST:PORT MAILDIR RULES.json EVENTS.jsonl`.
const SCRIPTED_SINK: &str = r#"
import asyncio, json, sys, time
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP

listen, maildir, rules_path, log_path = sys.argv[1:5]
host, port = listen.rsplit(":", 1)
with open(rules_path) as f:
    rules = json.load(f)
for rule in rules:
    rule["used"] = 0
log = open(log_path, "a", buffering=1)


def record(event, **fields):
    log.write(json.dumps({"at_ms": time.time() * 1000, "event": event, **fields}) + "\n")


def chosen_reply(command, addresses):
    wanted = [a.lower() for a in addresses]
    for rule in rules:
        if rule["command"] != command or rule["address"].lower() not in wanted:
            continue
        if rule["times"] is not None and rule["used"] >= rule["times"]:
            continue
        rule["used"] += 1
        return rule["reply"]
    return None


class Handler(Mailbox):
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        record("EHLO", reply=" | ".join(responses))
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        record("MAIL", address=address, reply="250 OK")
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = chosen_reply("RCPT", [address]) or "250 OK"
        if reply.startswith("2"):
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
        record("RCPT", address=address, reply=reply)
        return reply

    async def handle_DATA(self, server, session, envelope):
        reply = chosen_reply("DATA", envelope.rcpt_tos)
        if reply is None:
            reply = await super().handle_DATA(server, session, envelope)
        record("DATA", address=", ".join(envelope.rcpt_tos), reply=reply)
        return reply


class Server(SMTP):
    def connection_made(self, transport):
        record("connect")
        super().connection_made(transport)


loop = asyncio.new_event_loop()
handler = Handler(maildir)
server = loop.run_until_complete(
    loop.create_server(lambda: Server(handler, data_size_limit=33554432), host, int(port))
)
record("listening")
loop.run_forever()
"#;

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
            scripted: false,
        };
        sink.up();
        sink
    }

    /// Start a sink that answers by `rules` and logs what it sees (see [`SmtpSink::events`]).
    /// It offers no STARTTLS, like any server started here.
    pub fn start_with(rules: &[Rule]) -> Self {
        let dir = tempfile::tempdir().expect("maildir");
        std::fs::write(dir.path().join("sink.py"), SCRIPTED_SINK).expect("sink script");
        std::fs::write(
            dir.path().join("rules.json"),
            serde_json::to_vec(rules).expect("rules as JSON"),
        )
        .expect("rules file");
        let mut sink = Self {
            port: free_port(),
            dir,
            child: None,
            scripted: true,
        };
        sink.up();
        sink
    }

    fn events_file(&self) -> PathBuf {
        self.dir.path().join("events.jsonl")
    }

    /// Everything the scripted sink saw, oldest first (empty for a plain sink).
    pub fn events(&self) -> Vec<Event> {
        std::fs::read_to_string(self.events_file())
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| serde_json::from_str(line).expect("a sink event"))
            .collect()
    }

    /// The events of one kind (`listening`, `connect`, `EHLO`, `MAIL`, `RCPT`, `DATA`).
    pub fn events_of(&self, kind: &str) -> Vec<Event> {
        self.events()
            .into_iter()
            .filter(|e| e.event == kind)
            .collect()
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("maildir")
    }

    fn up(&mut self) {
        if self.scripted {
            self.up_scripted();
            return;
        }
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
        let port = self.port;
        assert!(
            super::eventually_blocking(|| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()),
            "aiosmtpd did not start on {port}"
        );
    }

    /// The script says when it listens, so no probe connection lands in its log.
    fn up_scripted(&mut self) {
        let errors = self.dir.path().join("sink.stderr");
        let child = Command::new("python3")
            .arg(self.dir.path().join("sink.py"))
            .arg(format!("127.0.0.1:{}", self.port))
            .arg(self.maildir())
            .arg(self.dir.path().join("rules.json"))
            .arg(self.events_file())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&errors).expect("sink error log"))
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd)");
        self.child = Some(child);
        assert!(
            super::eventually_blocking(|| !self.events_of("listening").is_empty()),
            "the scripted aiosmtpd sink did not start on {}: {}",
            self.port,
            std::fs::read_to_string(&errors).unwrap_or_default()
        );
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
