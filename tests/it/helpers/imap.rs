//! A real IMAP server on loopback for the reply-mailbox tests: Dovecot from Debian
//! (`dovecot-imapd`, installed by `.ci/lib.sh`), started per test with a throwaway config and
//! Maildir in a temp folder, on a free port, as a non-root user (`nobody` when the tests run as
//! root). Any password signs in as any user; so does any XOAUTH2 token, which lets a test
//! check the XOAUTH2 exchange without an identity provider.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use have_your_say::config::inbound::{AfterFiling, ImapAuth, ImapSettings, Security};

use super::smtp::free_port;

pub const USER: &str = "replies";
pub const PASSWORD: &str = "throwaway-password-42";

pub struct Dovecot {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

fn id(flag: &str) -> String {
    let out = Command::new("id").arg(flag).output().expect("id");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl Dovecot {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("dovecot folder");
        let port = free_port();
        let root = id("-u") == "0";
        let (user, group) = if root {
            ("nobody".to_owned(), "nogroup".to_owned())
        } else {
            (id("-un"), id("-gn"))
        };
        let d = dir.path().display();
        for sub in ["run", "state", "home"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("dovecot folders");
        }
        let config = format!(
            r#"base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
listen = 127.0.0.1
protocols = imap
auth_mechanisms = plain login xoauth2
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
mail_location = maildir:{d}/home/%u/Maildir
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={d}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    user = {user}
  }}
  unix_listener stats-writer {{
    user = {user}
  }}
}}
"#
        );
        let conf = dir.path().join("dovecot.conf");
        std::fs::write(&conf, config).expect("dovecot.conf");
        if root {
            let status = Command::new("chown")
                .args(["-R", &format!("{user}:{group}")])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown the dovecot folder");
        }
        let mut command = if root {
            let mut c = Command::new("setpriv");
            c.args([
                "--reuid",
                &user,
                "--regid",
                &group,
                "--clear-groups",
                "/usr/sbin/dovecot",
            ]);
            c
        } else {
            Command::new("/usr/sbin/dovecot")
        };
        let child = command
            .arg("-F")
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dovecot (apt-get install dovecot-imapd, or .ci/lib.sh ensure_dovecot)");
        let server = Self {
            port,
            dir,
            child: Some(child),
        };
        assert!(
            super::eventually_blocking(|| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()),
            "dovecot did not start on {port}: {}",
            server.log()
        );
        server
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    /// Settings for the service's poller against this server.
    pub fn settings(&self) -> ImapSettings {
        ImapSettings {
            host: "127.0.0.1".into(),
            port: self.port,
            security: Security::PlainLoopback,
            user: USER.into(),
            auth: ImapAuth::Password(PASSWORD.into()),
            mailbox: "INBOX".into(),
            after_filing: AfterFiling::Move("Filed".into()),
            // Tests drive the poller's step themselves; the background one never comes round.
            poll: Duration::from_secs(3600),
            max_attempts: 3,
        }
    }

    async fn session(&self) -> have_your_say::inbound::imap::Session {
        have_your_say::inbound::imap::connect(&self.settings())
            .await
            .expect("sign in to dovecot")
    }

    /// Deliver a message to the mailbox with IMAP APPEND.
    pub async fn append(&self, raw: &[u8]) {
        let mut session = self.session().await;
        session
            .append("INBOX", None, None, raw)
            .await
            .expect("APPEND");
        let _ = session.logout().await;
    }

    /// How many messages each folder holds.
    pub async fn count(&self, folder: &str) -> u32 {
        let mut session = self.session().await;
        let n = match session.select(folder).await {
            Ok(mailbox) => mailbox.exists,
            Err(_) => 0,
        };
        let _ = session.logout().await;
        n
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SIGTERM lets the master stop its own children; then make sure.
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
