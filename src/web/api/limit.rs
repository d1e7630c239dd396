//! A per-IP token bucket for the API, held in this process. Each instance counts on its own, so
//! behind a load balancer the real limit is this one times the number of instances; the
//! counters that must be shared (tracking and staff login attempts) live in the database.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Above this many tracked addresses, idle buckets are pruned on every request, not once a minute.
const PRUNE_ABOVE: usize = 50_000;

const MINUTE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

#[derive(Debug)]
struct Buckets {
    by_source: HashMap<IpAddr, Bucket>,
    pruned: Instant,
}

#[derive(Debug)]
pub struct RateLimiter {
    /// Also the burst: a new caller may spend a whole minute's allowance at once.
    per_minute: u32,
    buckets: Mutex<Buckets>,
}

/// One IPv6 host usually owns a whole /64, so count the /64, not the address.
fn source(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(prefix.into())
        }
        v4 => v4,
    }
}

impl RateLimiter {
    /// `per_minute == 0` turns the limit off.
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::new(Buckets {
                by_source: HashMap::new(),
                pruned: Instant::now(),
            }),
        }
    }

    /// Spend one request for `ip`, or say how long until it may try again.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        // A poisoned lock only means another request panicked mid-update; the counts are
        // still usable, and refusing every request after that would be worse.
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if now.saturating_duration_since(buckets.pruned) >= MINUTE
            || buckets.by_source.len() > PRUNE_ABOVE
        {
            // A bucket untouched for a minute has refilled completely, so forgetting it
            // changes nothing for that caller.
            buckets
                .by_source
                .retain(|_, b| now.saturating_duration_since(b.updated) < MINUTE);
            buckets.pruned = now;
        }
        let bucket = buckets.by_source.entry(source(ip)).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / per_second;
            Err(Duration::from_secs_f64(wait.ceil().max(1.0)))
        }
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_source
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_caller_gets_its_allowance_then_waits_for_the_bucket_to_refill() {
        let limiter = RateLimiter::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            assert!(limiter.check_at(ip("192.0.2.1"), start).is_ok());
        }
        let wait = limiter.check_at(ip("192.0.2.1"), start).unwrap_err();
        assert_eq!(wait, Duration::from_secs(1));
        assert!(
            limiter.check_at(ip("192.0.2.2"), start).is_ok(),
            "others unaffected"
        );
        assert!(
            limiter
                .check_at(ip("192.0.2.1"), start + Duration::from_secs(1))
                .is_ok()
        );
    }

    #[test]
    fn addresses_in_one_ipv6_network_share_a_bucket() {
        let limiter = RateLimiter::new(2);
        let now = Instant::now();
        assert!(limiter.check_at(ip("2001:db8::1"), now).is_ok());
        assert!(limiter.check_at(ip("2001:db8::ffff:2"), now).is_ok());
        assert!(limiter.check_at(ip("2001:db8::3"), now).is_err());
        assert!(limiter.check_at(ip("2001:db8:0:1::1"), now).is_ok());
        assert_eq!(source(ip("::ffff:192.0.2.9")), ip("192.0.2.9"));
    }

    #[test]
    fn idle_callers_are_forgotten_after_a_minute() {
        let limiter = RateLimiter::new(10);
        let now = Instant::now();
        for n in 0..20 {
            limiter
                .check_at(ip(&format!("198.51.100.{n}")), now)
                .unwrap();
        }
        assert_eq!(limiter.tracked(), 20);
        limiter
            .check_at(ip("203.0.113.1"), now + Duration::from_secs(61))
            .unwrap();
        assert_eq!(limiter.tracked(), 1);
    }

    #[test]
    fn zero_turns_the_limit_off() {
        let limiter = RateLimiter::new(0);
        let now = Instant::now();
        assert!((0..1000).all(|_| limiter.check_at(ip("192.0.2.1"), now).is_ok()));
    }
}
