//! The load phases, each bounded in time (and, where it uses up conversations, in count).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::api::{Client, Conversation, PATH, Pool, Target};
use crate::drive::{self, Probe, Recorder, Stats, Window};

/// How hard and how long every phase pushes.
#[derive(Clone)]
pub struct Load {
    pub connections: usize,
    pub warmup: Duration,
    pub measure: Duration,
    pub probe: Arc<dyn Probe>,
}

/// A short pause after a failed request, so a dead server cannot turn a phase into a spin.
async fn after(result: &Result<(), String>) {
    if result.is_err() {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// `GET /chat` with the cookie of a conversation 8 exchanges in.
pub async fn pages(
    load: &Load,
    target: &Arc<Target>,
    tokens: &Arc<Vec<String>>,
    gzip: bool,
) -> Stats {
    let window = Window::new(load.warmup, load.measure);
    drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        let tokens = tokens.clone();
        async move {
            let mut client = Client::new(&target, i);
            let token = &tokens[i % tokens.len()];
            let mut rec = Recorder::default();
            while window.open() {
                let started = Instant::now();
                let result = client.page(token, gzip).await.map(|_| ());
                after(&result).await;
                rec.record(&window, started, result);
            }
            rec
        }
    })
    .await
    .simple()
}

/// The ceiling's static page at `/`.
pub async fn ceiling(load: &Load, target: &Arc<Target>) -> Stats {
    let window = Window::new(load.warmup, load.measure);
    drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        async move {
            let mut client = Client::new(&target, i);
            let mut rec = Recorder::default();
            while window.open() {
                let started = Instant::now();
                let result = client.fetch("/", "").await.map(|_| ());
                after(&result).await;
                rec.record(&window, started, result);
            }
            rec
        }
    })
    .await
    .simple()
}

/// Start up to `count` conversations (no warm-up: every one is kept), within `limit`.
pub async fn starts(
    load: &Load,
    target: &Arc<Target>,
    count: usize,
    limit: Duration,
) -> (Stats, Vec<Conversation>) {
    let window = Window::new(Duration::ZERO, limit);
    let issued = Arc::new(AtomicUsize::new(0));
    let mut outcome = drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        let issued = issued.clone();
        async move {
            let mut client = Client::new(&target, i);
            let mut rec = Recorder::default();
            while window.open() {
                if issued.fetch_add(1, Ordering::Relaxed) >= count {
                    rec.ran_out();
                    break;
                }
                let started = Instant::now();
                let result = client.start().await.map(|c| rec.conversations.push(c));
                after(&result).await;
                rec.record(&window, started, result);
            }
            rec
        }
    })
    .await;
    let conversations = outcome.conversations();
    (outcome.simple(), conversations)
}

/// Answer along the complaint path, conversation after conversation from `pool`. Returns the
/// conversations walked all the way to `send`.
pub async fn answers(
    load: &Load,
    target: &Arc<Target>,
    pool: &Arc<Pool>,
) -> (Stats, Vec<Conversation>) {
    let window = Window::new(load.warmup, load.measure);
    let mut outcome = drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        let pool = pool.clone();
        async move {
            let mut client = Client::new(&target, i);
            let mut rec = Recorder::default();
            let mut current: Option<Conversation> = None;
            while window.open() {
                let mut c = match current.take() {
                    Some(c) if c.answered < PATH.len() => c,
                    done => {
                        rec.conversations.extend(done);
                        match pool.take() {
                            Some(c) if c.answered < PATH.len() => c,
                            Some(c) => {
                                rec.conversations.push(c);
                                continue;
                            }
                            None => {
                                rec.ran_out();
                                break;
                            }
                        }
                    }
                };
                let started = Instant::now();
                let result = client.answer(&target, &mut c).await;
                after(&result).await;
                if result.is_ok() {
                    current = Some(c);
                }
                rec.record(&window, started, result);
            }
            rec.conversations
                .extend(current.filter(|c| c.answered == PATH.len()));
            rec
        }
    })
    .await;
    let ready = outcome.conversations();
    (outcome.simple(), ready)
}

/// Send conversations already at the `send` step, one each.
pub async fn submits(load: &Load, target: &Arc<Target>, pool: &Arc<Pool>) -> Stats {
    let window = Window::new(load.warmup / 2, load.measure);
    drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        let pool = pool.clone();
        async move {
            let mut client = Client::new(&target, i);
            let mut rec = Recorder::default();
            while window.open() {
                let Some(c) = pool.take() else {
                    rec.ran_out();
                    break;
                };
                let started = Instant::now();
                let result = client.submit(&c).await;
                after(&result).await;
                rec.record(&window, started, result);
            }
            rec
        }
    })
    .await
    .simple()
}

/// Whole conversations, start to submit: cases per second, every request, and the submits.
pub struct Whole {
    pub cases: Stats,
    pub requests: Stats,
    pub submits: Stats,
}

pub async fn whole_conversations(load: &Load, target: &Arc<Target>) -> Whole {
    let window = Window::new(load.warmup, load.measure);
    let mut outcome = drive::run(load.connections, window, load.probe.clone(), |i| {
        let target = target.clone();
        async move {
            let mut client = Client::new(&target, i);
            let (mut cases, mut requests, mut submits) = (
                Recorder::default(),
                Recorder::default(),
                Recorder::default(),
            );
            'cases: while window.open() {
                let case_started = Instant::now();
                let started = Instant::now();
                let result = client.start().await;
                let mut c = match result {
                    Ok(c) => {
                        requests.record(&window, started, Ok(()));
                        c
                    }
                    Err(e) => {
                        after(&Err(String::new())).await;
                        requests.record(&window, started, Err(e));
                        continue;
                    }
                };
                while c.answered < PATH.len() {
                    let started = Instant::now();
                    let result = client.answer(&target, &mut c).await;
                    let failed = result.is_err();
                    after(&result).await;
                    requests.record(&window, started, result);
                    if failed {
                        continue 'cases;
                    }
                }
                let started = Instant::now();
                let result = client.submit(&c).await;
                after(&result).await;
                requests.record(&window, started, result.clone());
                submits.record(&window, started, result.clone());
                cases.record_end(&window, case_started, result);
            }
            (cases, requests, submits)
        }
    })
    .await;
    Whole {
        cases: outcome.stats(|r| &mut r.0),
        requests: outcome.stats(|r| &mut r.1),
        submits: outcome.stats(|r| &mut r.2),
    }
}
