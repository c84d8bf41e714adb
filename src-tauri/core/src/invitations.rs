//! Invitations: who is invited to which session, in what role. Owns `invitation` and
//! `attendance`. (The invitee list, RSVP and check-in screens build on this.)

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::Result;
use crate::ids::new_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InviteeRole {
    Guest,
    Speaker,
    Moderator,
    Organizer,
    Press,
    Observer,
}

impl InviteeRole {
    pub const ALL: [InviteeRole; 6] = [
        Self::Guest,
        Self::Speaker,
        Self::Moderator,
        Self::Organizer,
        Self::Press,
        Self::Observer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Guest => "guest",
            Self::Speaker => "speaker",
            Self::Moderator => "moderator",
            Self::Organizer => "organizer",
            Self::Press => "press",
            Self::Observer => "observer",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == raw)
    }
}

/// A person on a session's list, by id and role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InviteeRef {
    pub person_id: String,
    pub role: InviteeRole,
}

/// The session's invitees in the order they were added.
pub(crate) fn refs(c: &Connection, session_id: &str) -> Result<Vec<InviteeRef>> {
    let mut stmt = c.prepare_cached(
        "SELECT person_id, role FROM invitation WHERE session_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (person_id, role) = row?;
        out.push(InviteeRef {
            person_id,
            role: InviteeRole::parse(&role).unwrap_or(InviteeRole::Guest),
        });
    }
    Ok(out)
}

/// Puts a person on the list ("to invite"), unless they are on it already.
pub(crate) fn add(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    invitee: &InviteeRef,
) -> Result<()> {
    let now = stamp(clock);
    c.execute(
        "INSERT INTO invitation (id, session_id, person_id, role, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?5 WHERE EXISTS (SELECT 1 FROM person WHERE id = ?3)
         ON CONFLICT (session_id, person_id) DO NOTHING",
        params![
            new_id(),
            session_id,
            invitee.person_id,
            invitee.role.code(),
            now
        ],
    )?;
    Ok(())
}

pub(crate) fn count(c: &Connection, session_id: &str) -> Result<u32> {
    Ok(c.query_row(
        "SELECT count(*) FROM invitation WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?)
}
