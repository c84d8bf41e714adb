//! The passage of time, passed in: domain logic never reads the system clock itself,
//! so printed documents and tests stay deterministic. And how dates, times and time
//! zones are read from what a person typed.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, InvalidReason, Result};
use crate::text::Lang;

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

/// Whether the clock is behind a time something was already saved at (`latest`, as
/// `stamp` writes it) by more than a day: set back after a battery change, say. What
/// would refuse an action because "now" looks too early then does not trust it.
pub fn behind(clock: &dyn Clock, latest: Option<&str>) -> bool {
    latest
        .and_then(|l| DateTime::parse_from_rfc3339(l).ok())
        .is_some_and(|l| l.to_utc() - clock.now() > chrono::Duration::days(1))
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

/// A date as each language writes it: «20 ноября 2025 г.», «2025 жылғы 20 қараша», 2025年11月20日.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const KK: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = d.month0() as usize;
    match lang {
        Lang::Ru => format!("{} {} {} г.", d.day(), RU[m], d.year()),
        Lang::Kk => format!("{} жылғы {} {}", d.year(), d.day(), KK[m]),
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!("{} {} {}", d.day(), EN[m], d.year()),
    }
}
