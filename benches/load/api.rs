//! The service's JSON API and step page as the load generator uses them: start a conversation,
//! answer along the complaint path, submit, fetch the page with the conversation's cookie. With
//! several instances each client takes them in turn, request by request, as a proxy without
//! sticky sessions would.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::http::{self, Conn, Response};

/// The complaint path of `flows/feedback.toml`: every answer up to the `send` step.
pub const PATH: [(&str, Option<&str>); 11] = [
    ("kind", Some("complaint")),
    ("role", Some("young_person")),
    ("about", Some("money")),
    (
        "what-happened",
        Some(
            "My pocket money has not been paid for three weeks and nobody answers when I ask \
             about it. My carer says it is the office and the office says it is my carer.",
        ),
    ),
    (
        "what-would-help",
        Some("I would like it paid, and someone to tell me why it was late."),
    ),
    ("advocate", Some("no")),
    ("contact", Some("none")),
    ("first-name", Some("")),
    ("age", Some("14")),
    ("about-you", Some("skip")),
    ("check", None),
];

/// Answers behind a step page "with a transcript of 8 exchanges".
pub const STEP_PAGE_ANSWERS: usize = 8;

pub fn answer_bodies() -> Vec<String> {
    PATH.iter()
        .map(|(step, value)| match value {
            Some(v) => serde_json::json!({ "step": step, "value": v }).to_string(),
            None => serde_json::json!({ "step": step }).to_string(),
        })
        .collect()
}

/// A conversation started through the API, and how far along the path it is.
#[derive(Clone)]
pub struct Conversation {
    pub id: String,
    pub token: String,
    pub answered: usize,
}

/// The instances under test, taken in turn.
pub struct Target {
    pub addrs: Vec<SocketAddr>,
    answers: Vec<String>,
}

impl Target {
    pub fn new(addrs: Vec<SocketAddr>) -> Arc<Self> {
        Arc::new(Self {
            addrs,
            answers: answer_bodies(),
        })
    }
}

/// One connection to each instance; `next()` gives them in turn.
pub struct Client {
    conns: Vec<Conn>,
    turn: usize,
}

impl Client {
    pub fn new(target: &Target, offset: usize) -> Self {
        Self {
            conns: target.addrs.iter().map(|a| Conn::new(*a)).collect(),
            turn: offset,
        }
    }

    fn next(&mut self) -> &mut Conn {
        self.turn = (self.turn + 1) % self.conns.len();
        &mut self.conns[self.turn]
    }

    pub async fn start(&mut self) -> Result<Conversation, String> {
        let conn = self.next();
        let request = http::post_json(
            conn.addr(),
            "/api/v1/conversations",
            None,
            r#"{"flow":"feedback","locale":"en-GB"}"#,
        );
        let response = conn.send(&request).await.map_err(|e| e.to_string())?;
        expect(&response, 201)?;
        #[derive(serde::Deserialize)]
        struct Started {
            id: String,
            token: String,
        }
        let started: Started =
            serde_json::from_slice(&response.body).map_err(|e| format!("start reply: {e}"))?;
        Ok(Conversation {
            id: started.id,
            token: started.token,
            answered: 0,
        })
    }

    /// Post the conversation's next answer on the complaint path.
    pub async fn answer(&mut self, target: &Target, c: &mut Conversation) -> Result<(), String> {
        let conn = self.next();
        let request = http::post_json(
            conn.addr(),
            &format!("/api/v1/conversations/{}/answers", c.id),
            Some(&c.token),
            &target.answers[c.answered],
        );
        let response = conn.send(&request).await.map_err(|e| e.to_string())?;
        expect(&response, 200)?;
        c.answered += 1;
        Ok(())
    }

    pub async fn submit(&mut self, c: &Conversation) -> Result<(), String> {
        let conn = self.next();
        let request = http::post_json(
            conn.addr(),
            &format!("/api/v1/conversations/{}/submit", c.id),
            Some(&c.token),
            "",
        );
        let response = conn.send(&request).await.map_err(|e| e.to_string())?;
        expect(&response, 201)
    }

    /// `GET /chat/<step>` as the browser holding the cookie of a conversation walked
    /// [`STEP_PAGE_ANSWERS`] answers along [`PATH`] (`/chat` itself only redirects there).
    pub async fn page(&mut self, token: &str, gzip: bool) -> Result<Response, String> {
        let path = format!("/chat/{}", PATH[STEP_PAGE_ANSWERS].0);
        let conn = self.next();
        let extra = format!(
            "cookie: hys={token}\r\n{}",
            if gzip {
                "accept-encoding: gzip\r\n"
            } else {
                ""
            }
        );
        let request = http::get(conn.addr(), &path, &extra);
        let response = conn.send(&request).await.map_err(|e| e.to_string())?;
        expect(&response, 200)?;
        Ok(response)
    }

    pub async fn fetch(&mut self, path: &str, extra: &str) -> Result<Response, String> {
        let conn = self.next();
        let request = http::get(conn.addr(), path, extra);
        let response = conn.send(&request).await.map_err(|e| e.to_string())?;
        expect(&response, 200)?;
        Ok(response)
    }
}

fn expect(response: &Response, status: u16) -> Result<(), String> {
    if response.status == status {
        Ok(())
    } else {
        let body = String::from_utf8_lossy(&response.body);
        Err(format!(
            "HTTP {} (wanted {status}): {}",
            response.status,
            body.chars().take(200).collect::<String>()
        ))
    }
}

/// A conversation walked `answers` steps along the path, for step pages.
pub async fn walked(target: &Target, answers: usize) -> Result<Conversation, String> {
    let mut client = Client::new(target, 0);
    let mut c = client.start().await?;
    while c.answered < answers {
        client.answer(target, &mut c).await?;
    }
    Ok(c)
}

/// A shared supply of conversations, taken one at a time.
pub struct Pool {
    items: Vec<std::sync::Mutex<Option<Conversation>>>,
    next: AtomicUsize,
}

impl Pool {
    pub fn new(items: Vec<Conversation>) -> Arc<Self> {
        Arc::new(Self {
            items: items
                .into_iter()
                .map(|c| std::sync::Mutex::new(Some(c)))
                .collect(),
            next: AtomicUsize::new(0),
        })
    }

    pub fn take(&self) -> Option<Conversation> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.items
            .get(i)
            .and_then(|slot| slot.lock().ok().and_then(|mut s| s.take()))
    }

    /// Those never taken.
    pub fn rest(&self) -> Vec<Conversation> {
        self.items
            .iter()
            .filter_map(|slot| slot.lock().ok().and_then(|mut s| s.take()))
            .collect()
    }
}
