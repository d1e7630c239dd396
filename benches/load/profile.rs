//! `load drive ADDR[,ADDR...] PHASE [SECONDS]`: one phase against servers someone else
//! started, to profile it (`perf record -p PID` meanwhile). Prints the phase's figures as JSON.

use std::sync::Arc;
use std::time::Duration;

use crate::api::{self, Pool, STEP_PAGE_ANSWERS, Target};
use crate::drive::Probe;
use crate::phases::{self, Load};
use crate::{env_number, note};

/// No CPU figures: for `drive`, against servers someone else started.
struct NoProbe;

impl Probe for NoProbe {
    fn sample(&self) -> (u64, Option<u64>) {
        (0, None)
    }

    fn ticks_per_second(&self) -> u64 {
        100
    }
}

pub async fn drive_one(args: &[String]) -> anyhow::Result<()> {
    let addrs = args[0]
        .split(',')
        .map(str::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let seconds = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10.0);
    let load = Load {
        connections: env_number("BENCH_CONNECTIONS", 16.0) as usize,
        warmup: Duration::from_secs(1),
        measure: Duration::from_secs_f64(seconds),
        probe: Arc::new(NoProbe),
    };
    let target = Target::new(addrs);
    let conversations = || async {
        let wanted = env_number("BENCH_CONVERSATIONS", 10_000.0) as usize;
        phases::starts(&load, &target, wanted, Duration::from_secs(60))
            .await
            .1
    };
    let stats = match args[1].as_str() {
        "page" | "page-gzip" => {
            let mut tokens = Vec::new();
            for _ in 0..load.connections {
                let c = api::walked(&target, STEP_PAGE_ANSWERS)
                    .await
                    .map_err(anyhow::Error::msg)?;
                tokens.push(c.token);
            }
            let gzip = args[1] == "page-gzip";
            phases::pages(&load, &target, &Arc::new(tokens), gzip).await
        }
        "ceiling" => phases::ceiling(&load, &target).await,
        "starts" => {
            phases::starts(&load, &target, usize::MAX, load.measure)
                .await
                .0
        }
        "answers" => {
            let pool = Pool::new(conversations().await);
            phases::answers(&load, &target, &pool).await.0
        }
        "submits" => {
            let pool = Pool::new(conversations().await);
            let (_, ready) = phases::answers(
                &Load {
                    measure: Duration::from_secs(600),
                    ..load.clone()
                },
                &target,
                &pool,
            )
            .await;
            note(&format!("{} conversations at the send step", ready.len()));
            phases::submits(&load, &target, &Pool::new(ready)).await
        }
        "whole" => phases::whole_conversations(&load, &target).await.cases,
        other => anyhow::bail!(
            "unknown phase {other}: page, page-gzip, ceiling, starts, answers, submits, whole"
        ),
    };
    println!("{}", serde_json::to_string_pretty(&stats)?);
    Ok(())
}
