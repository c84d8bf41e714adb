//! The passage of time, passed in: domain logic never reads the system clock itself,
//! so printed documents and tests stay deterministic.

use chrono::{DateTime, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock, for the app and the CLI.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always says the same instant: tests and reproducible exports.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// Timestamps are stored as RFC 3339 text in UTC with second precision, so they sort as text.
pub fn stamp(clock: &dyn Clock) -> String {
    clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
