//! The passage of time, passed in: domain logic never reads the system clock itself,
//! so printed documents and tests stay deterministic. And how dates, times and time
//! zones are read from what a person typed.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, InvalidReason, Result};

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

/// A date as typed ("2025-11-20"), within the years the Club can meet in.
pub fn parse_date(raw: &str, field: &str) -> Result<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Error::invalid(field, InvalidReason::Required));
    }
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, InvalidReason::BadDate))?;
    let year = chrono::Datelike::year(&date);
    if !(2000..=2100).contains(&year) {
        return Err(Error::invalid(field, InvalidReason::DateOutOfRange));
    }
    Ok(date)
}

pub fn parse_time(raw: &str, field: &str) -> Result<NaiveTime> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Error::invalid(field, InvalidReason::Required));
    }
    NaiveTime::parse_from_str(raw, "%H:%M")
        .map_err(|_| Error::invalid(field, InvalidReason::BadTime))
}

pub fn parse_time_zone(raw: &str, field: &str) -> Result<Tz> {
    raw.trim()
        .parse::<Tz>()
        .map_err(|_| Error::invalid(field, InvalidReason::BadTimeZone))
}
