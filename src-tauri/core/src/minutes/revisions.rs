//! The history of a session's minutes: a frozen copy at each save point (saved, approved,
//! reopened, restored), listed, and read back to compare or restore. Owns
//! `minutes_revision`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::ids::{new_id, parse_id};
use crate::store::db::Db;

/// Editing after this long without a revision starts a new one (the history's grain).
pub const REVISION_EVERY_SECONDS: i64 = 600;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Revision {
    pub number: u32,
    /// saved | approved | reopened | restored
    pub reason: String,
    pub created_at: String,
}

/// The session's revisions, the latest first.
pub fn list(db: &Db, session_id: &str) -> Result<Vec<Revision>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT number, reason, created_at FROM minutes_revision
             WHERE session_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([&session_id], |r| {
            Ok(Revision {
                number: r.get(0)?,
                reason: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

/// Whether an edit now starts a new revision: none yet, or the last is old enough.
pub(crate) fn due(c: &Connection, clock: &dyn Clock, session_id: &str) -> Result<bool> {
    let last: Option<String> = c
        .query_row(
            "SELECT created_at FROM minutes_revision WHERE session_id = ?1
             ORDER BY number DESC LIMIT 1",
            [session_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(old_enough(clock, last))
}

/// Whether a history whose latest revision (by number, not by time) was taken at `last`
/// (RFC 3339) takes another now: none yet, the last is old enough, or it looks taken in
/// the future — the clock was set back since, and the history goes on from now. The
/// minutes' and the press note's grain.
pub(crate) fn old_enough(clock: &dyn Clock, last: Option<String>) -> bool {
    match last.and_then(|l| chrono::DateTime::parse_from_rfc3339(&l).ok()) {
        Some(t) => {
            let gap = (clock.now() - t.to_utc()).num_seconds();
            !(0..REVISION_EVERY_SECONDS).contains(&gap)
        }
        None => true,
    }
}

/// Keeps `snapshot` (the minutes as JSON) as the session's next revision; returns its number.
pub(crate) fn insert(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    reason: &str,
    snapshot: &str,
) -> Result<u32> {
    let number: u32 = c.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM minutes_revision WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?;
    c.execute(
        "INSERT INTO minutes_revision (id, session_id, number, reason, snapshot, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![new_id(), session_id, number, reason, snapshot, stamp(clock)],
    )?;
    Ok(number)
}

/// The minutes as JSON, as revision `number` froze them.
pub(crate) fn frozen(c: &Connection, session_id: &str, number: u32) -> Result<String> {
    c.query_row(
        "SELECT snapshot FROM minutes_revision WHERE session_id = ?1 AND number = ?2",
        params![session_id, number],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "revision" })
}
