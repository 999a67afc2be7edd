//! Requests per client, remembered in bounded memory.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use super::limits::MAX_TRACKED_CLIENTS;

/// Requests per client, with `governor`'s GCRA: a client may send `rate`
/// requests at once, then one every `60 / rate` seconds.
pub struct Limiter {
    clients: governor::DefaultKeyedRateLimiter<IpAddr>,
    /// When forgotten clients were last cleared out.
    cleared: std::sync::Mutex<Instant>,
}

impl Limiter {
    pub fn new(per_minute: std::num::NonZeroU32) -> Limiter {
        Limiter {
            clients: governor::RateLimiter::keyed(governor::Quota::per_minute(per_minute)),
            cleared: std::sync::Mutex::new(Instant::now()),
        }
    }

    /// `Ok`, or how long the client must wait.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        use governor::clock::{Clock, DefaultClock};
        let result = self
            .clients
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()));
        // Memory stays bounded however many addresses a flood comes from:
        // clients whose allowance is full again are forgotten (at most once a second).
        if self.clients.len() > MAX_TRACKED_CLIENTS
            && let Ok(mut cleared) = self.cleared.try_lock()
            && cleared.elapsed() >= Duration::from_secs(1)
        {
            *cleared = Instant::now();
            self.clients.retain_recent();
            self.clients.shrink_to_fit();
        }
        result
    }
}
