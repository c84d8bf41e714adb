//! Sessions of the Club: numbered meetings with a date, a time span in a time zone,
//! a venue and a status. Owns the `session` table.

use chrono::{NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{parse_date, parse_time, parse_time_zone, stamp, Clock};
use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::planning::ordinals;
use crate::store::db::Db;
use crate::store::settings;
use crate::text::{Text, TextRule};

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum SessionStatus {
        Planned = "planned",
        InvitationsSent = "invitations_sent",
        Held = "held",
        MinutesApproved = "minutes_approved",
    }
    invalid = BadStatus;
}

/// A session as the UI and the CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Session {
    pub id: String,
    pub number: Option<u32>,
    /// "8-е заседание", "8-ші отырыс", "第八次会议", "8th session" (empty without a number).
    pub ordinal: Text,
    pub title: Text,
    pub theme: Text,
    pub venue: Text,
    /// Local date in `time_zone`, YYYY-MM-DD.
    pub date: String,
    /// Local wall-clock times in `time_zone`, HH:MM.
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub status: SessionStatus,
    pub notes: String,
    pub is_demo: bool,
    /// True until the session has ended (by the clock passed in).
    pub upcoming: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// What the session form and `clubctl session add|edit` send: text as typed,
/// parsed and validated here so every front end gets the same field errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SessionInput {
    /// The number in the series; empty for none.
    pub number: String,
    pub title: Text,
    pub theme: Text,
    pub venue: Text,
    pub date: String,
    pub start: String,
    pub end: String,
    /// IANA zone name; empty means the Club's default (Asia/Shanghai unless changed).
    pub time_zone: String,
    #[ts(optional)]
    pub status: Option<SessionStatus>,
    pub notes: String,
}

impl From<&Session> for SessionInput {
    fn from(s: &Session) -> Self {
        SessionInput {
            number: s.number.map(|n| n.to_string()).unwrap_or_default(),
            title: s.title.clone(),
            theme: s.theme.clone(),
            venue: s.venue.clone(),
            date: s.date.clone(),
            start: s.start.clone(),
            end: s.end.clone(),
            time_zone: s.time_zone.clone(),
            status: Some(s.status),
            notes: s.notes.clone(),
        }
    }
}

/// A session's fields after validation: only these reach the database.
#[derive(Debug, Clone)]
struct Valid {
    number: Option<u32>,
    title: Text,
    theme: Text,
    venue: Text,
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    time_zone: Tz,
    /// None keeps the status as it is (new sessions start planned).
    status: Option<SessionStatus>,
    notes: String,
}

pub const MAX_NUMBER: u32 = 10_000;

fn validate(input: &SessionInput, default_zone: &str) -> Result<Valid> {
    let number = match input.number.trim() {
        "" => None,
        n => Some(
            n.parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_NUMBER).contains(n))
                .ok_or_else(|| Error::invalid("number", InvalidReason::OutOfRange))?,
        ),
    };
    let title = input.title.validated("title", TextRule::REQUIRED_LINE)?;
    let date = parse_date(&input.date, "date")?;
    let start = parse_time(&input.start, "start")?;
    let end = parse_time(&input.end, "end")?;
    if end <= start {
        return Err(Error::invalid("end", InvalidReason::EndNotAfterStart));
    }
    let zone_name = match input.time_zone.trim() {
        "" => default_zone,
        z => z,
    };
    let time_zone = parse_time_zone(zone_name, "timeZone")?;
    Ok(Valid {
        number,
        title,
        theme: input.theme.validated("theme", TextRule::PARAGRAPHS)?,
        venue: input.venue.validated("venue", TextRule::LINE)?,
        date,
        start,
        end,
        time_zone,
        status: input.status,
        notes: TextRule::PARAGRAPHS.check(&input.notes, "notes")?,
    })
}

const COLUMNS: &str = "id, number, title, theme, venue, date, start_time, end_time, time_zone, \
                       status, notes, is_demo, created_at, updated_at";

fn from_row(row: &Row, clock: &dyn Clock) -> rusqlite::Result<Session> {
    let text = |i: usize| -> rusqlite::Result<Text> {
        let raw: String = row.get(i)?;
        serde_json::from_str(&raw).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    };
    let date: String = row.get(5)?;
    let end: String = row.get(7)?;
    let zone: String = row.get(8)?;
    let status: String = row.get(9)?;
    let number: Option<u32> = row.get(1)?;
    Ok(Session {
        id: row.get(0)?,
        number,
        ordinal: number.map(ordinals::session_ordinals).unwrap_or_default(),
        title: text(2)?,
        theme: text(3)?,
        venue: text(4)?,
        upcoming: is_upcoming(&date, &end, &zone, clock),
        date,
        start: row.get(6)?,
        end,
        time_zone: zone,
        status: SessionStatus::from_code(&status).unwrap_or(SessionStatus::Planned),
        notes: row.get(10)?,
        is_demo: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
    })
}

/// Whether the session's end, in its own time zone, is still ahead of the clock.
fn is_upcoming(date: &str, end: &str, zone: &str, clock: &dyn Clock) -> bool {
    let (Ok(d), Ok(t), Ok(tz)) = (
        NaiveDate::parse_from_str(date, "%Y-%m-%d"),
        NaiveTime::parse_from_str(end, "%H:%M"),
        zone.parse::<Tz>(),
    ) else {
        return false;
    };
    match tz.from_local_datetime(&d.and_time(t)).earliest() {
        Some(ends) => ends.with_timezone(&chrono::Utc) > clock.now(),
        None => false,
    }
}

/// All sessions, newest first.
pub fn list(db: &Db, clock: &dyn Clock) -> Result<Vec<Session>> {
    db.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM session ORDER BY date DESC, start_time DESC, number DESC"
        ))?;
        let rows = stmt.query_map([], |r| from_row(r, clock))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

pub fn get(db: &Db, clock: &dyn Clock, id: &str) -> Result<Session> {
    let id = parse_id(id, "id")?;
    db.read(|c| find(c, clock, &id))
}

pub(crate) fn find(c: &Connection, clock: &dyn Clock, id: &str) -> Result<Session> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM session WHERE id = ?1"),
        [id],
        |r| from_row(r, clock),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "session" })
}

pub(crate) fn ensure_exists(c: &Connection, id: &str) -> Result<()> {
    let found: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound { what: "session" })
    }
}

/// Finds a session by its number in the series (clubctl accepts either).
pub fn find_by_number(db: &Db, clock: &dyn Clock, number: u32) -> Result<Session> {
    db.read(|c| {
        c.query_row(
            &format!("SELECT {COLUMNS} FROM session WHERE number = ?1"),
            [number],
            |r| from_row(r, clock),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "session" })
    })
}

/// The number the next session in the series should get.
pub fn next_number(db: &Db) -> Result<u32> {
    db.read(next_number_in)
}

pub(crate) fn next_number_in(c: &Connection) -> Result<u32> {
    let max: Option<u32> = c.query_row("SELECT max(number) FROM session", [], |r| r.get(0))?;
    Ok(max.map_or(1, |n| n + 1))
}

pub fn create(db: &Db, clock: &dyn Clock, input: &SessionInput) -> Result<Session> {
    db.write(|tx| insert(tx, clock, input))
}

/// Validates and inserts a session inside the caller's transaction.
pub(crate) fn insert(tx: &Connection, clock: &dyn Clock, input: &SessionInput) -> Result<Session> {
    insert_marked(tx, clock, input, false)
}

/// `insert`, marked part of the demonstration data when `demo`.
pub(crate) fn insert_marked(
    tx: &Connection,
    clock: &dyn Clock,
    input: &SessionInput,
    demo: bool,
) -> Result<Session> {
    let id = new_id();
    let v = validate(input, &settings::time_zone(tx)?)?;
    ensure_number_free(tx, v.number, &id)?;
    let now = stamp(clock);
    tx.execute(
        "INSERT INTO session (id, number, title, theme, venue, date, start_time, end_time,
                              time_zone, status, notes, is_demo, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?12, ?12)",
        params![
            id,
            v.number,
            v.title.to_json(),
            v.theme.to_json(),
            v.venue.to_json(),
            v.date.format("%Y-%m-%d").to_string(),
            v.start.format("%H:%M").to_string(),
            v.end.format("%H:%M").to_string(),
            v.time_zone.name(),
            v.status.unwrap_or(SessionStatus::Planned).code(),
            v.notes,
            now,
            demo,
        ],
    )?;
    find(tx, clock, &id)
}

pub fn update(db: &Db, clock: &dyn Clock, id: &str, input: &SessionInput) -> Result<Session> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        let current = find(tx, clock, &id)?;
        let v = validate(input, &settings::time_zone(tx)?)?;
        ensure_number_free(tx, v.number, &id)?;
        tx.execute(
            "UPDATE session SET number = ?2, title = ?3, theme = ?4, venue = ?5, date = ?6,
                    start_time = ?7, end_time = ?8, time_zone = ?9, status = ?10, notes = ?11,
                    updated_at = ?12
             WHERE id = ?1",
            params![
                id,
                v.number,
                v.title.to_json(),
                v.theme.to_json(),
                v.venue.to_json(),
                v.date.format("%Y-%m-%d").to_string(),
                v.start.format("%H:%M").to_string(),
                v.end.format("%H:%M").to_string(),
                v.time_zone.name(),
                v.status.unwrap_or(current.status).code(),
                v.notes,
                stamp(clock),
            ],
        )?;
        find(tx, clock, &id)
    })
}

/// Deletes a session and, through the schema's cascades, its agenda, invitations and minutes.
pub fn delete(db: &Db, id: &str) -> Result<()> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        let n = tx.execute("DELETE FROM session WHERE id = ?1", [&id])?;
        if n == 0 {
            return Err(Error::NotFound { what: "session" });
        }
        Ok(())
    })
}

/// Deletes the demonstration's sessions, and with them (the schema's cascades) their
/// agendas, invitations and minutes.
pub(crate) fn delete_demo(c: &Connection) -> Result<()> {
    c.execute("DELETE FROM session WHERE is_demo = 1", [])?;
    Ok(())
}

/// Whether there is any session (`demo`: any of the demonstration's).
pub(crate) fn any(c: &Connection, demo: bool) -> Result<bool> {
    let sql = if demo {
        "SELECT EXISTS (SELECT 1 FROM session WHERE is_demo = 1)"
    } else {
        "SELECT EXISTS (SELECT 1 FROM session)"
    };
    Ok(c.query_row(sql, [], |r| r.get(0))?)
}

/// Marks the session changed now: its agenda, themes or other parts were edited.
pub(crate) fn touch(c: &Connection, clock: &dyn Clock, id: &str) -> Result<()> {
    c.prepare_cached("UPDATE session SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, stamp(clock)])?;
    Ok(())
}

/// Puts the session at `status` now (a step of the workflow).
pub(crate) fn set_status(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    status: SessionStatus,
) -> Result<()> {
    c.execute(
        "UPDATE session SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status.code(), stamp(clock)],
    )?;
    Ok(())
}

/// Moves the session from `from` to `to` if it is at `from` (its minutes approved or
/// reopened); the time it last changed is left as it is.
pub(crate) fn follow_status(
    c: &Connection,
    id: &str,
    from: SessionStatus,
    to: SessionStatus,
) -> Result<()> {
    c.execute(
        "UPDATE session SET status = ?3 WHERE id = ?1 AND status = ?2",
        params![id, from.code(), to.code()],
    )?;
    Ok(())
}

fn ensure_number_free(c: &Connection, number: Option<u32>, own_id: &str) -> Result<()> {
    let Some(number) = number else { return Ok(()) };
    let taken: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM session WHERE number = ?1 AND id <> ?2)",
        params![number, own_id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict {
            field: "number".into(),
            message: format!("another session already has number {number}"),
        });
    }
    Ok(())
}
