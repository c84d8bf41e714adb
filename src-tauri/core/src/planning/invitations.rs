//! Invitations and attendance: who is invited to a session, in what role, how they
//! answered and through which channel, who came and when. Owns `invitation` and
//! `attendance`.

use chrono::TimeZone;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::people::{self, Person, PersonInput};
use crate::planning::rsvp::{AttendanceStatus, Channel, Counts, InvitationStatus, InviteeRole};
use crate::planning::sessions;
use crate::store::db::Db;

/// A person on a session's list, by id and role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InviteeRef {
    pub person_id: String,
    pub role: InviteeRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Invitee {
    pub id: String,
    pub person: Person,
    pub role: InviteeRole,
    pub status: InvitationStatus,
    pub channel: Option<Channel>,
    pub invited_at: Option<String>,
    pub responded_at: Option<String>,
    pub deputy: Option<Person>,
    pub precedence_override: Option<u32>,
    pub walk_in: bool,
    pub notes: String,
    pub attendance: Option<AttendanceStatus>,
    pub checked_in_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InviteeList {
    pub session_id: String,
    /// In order of precedence (the session's manual order where one was set).
    pub invitees: Vec<Invitee>,
    pub counts: Counts,
}

/// A change to one invitation; fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct InvitationPatch {
    #[ts(optional)]
    pub role: Option<InviteeRole>,
    #[ts(optional)]
    pub status: Option<InvitationStatus>,
    /// "" clears the channel.
    #[ts(optional)]
    pub channel: Option<String>,
    /// "" clears the deputy.
    #[ts(optional)]
    pub deputy_person_id: Option<String>,
    #[ts(optional)]
    pub notes: Option<String>,
}

// ---------------------------------------------------------------------------------------

pub fn list(db: &Db, session_id: &str) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| load(c, &session_id))
}

/// The list as `list` gives it, read on `c` (inside a caller's transaction).
pub(crate) fn load(c: &Connection, session_id: &str) -> Result<InviteeList> {
    sessions::ensure_exists(c, session_id)?;
    let mut stmt = c.prepare_cached(
        "SELECT i.id, i.person_id, i.role, i.status, i.channel, i.invited_at, i.responded_at,
                i.deputy_person_id, i.precedence_override, i.walk_in, i.notes, a.status, a.checked_in_at
         FROM invitation i LEFT JOIN attendance a ON a.invitation_id = i.id
         WHERE i.session_id = ?1",
    )?;
    let rows = stmt
        .query_map([session_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<u32>>(8)?,
                r.get::<_, bool>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, Option<String>>(12)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // The directory's order is the order of precedence; the session may override it.
    // Only the people on this list (and their deputies) are read, in that same order.
    let ids: Vec<String> = rows
        .iter()
        .flat_map(|r| std::iter::once(r.1.clone()).chain(r.7.clone()))
        .collect();
    let directory = people::some_in(c, &ids)?;
    let rank = |id: &str| {
        directory
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut invitees = Vec::with_capacity(rows.len());
    let mut counts = Counts::default();
    for (
        id,
        person_id,
        role,
        status,
        channel,
        invited_at,
        responded_at,
        deputy,
        over,
        walk_in,
        notes,
        att,
        at,
    ) in rows
    {
        let person = directory
            .iter()
            .find(|p| p.id == person_id)
            .cloned()
            .ok_or(Error::NotFound { what: "person" })?;
        let status = InvitationStatus::from_code(&status).unwrap_or(InvitationStatus::ToInvite);
        let attendance = att.as_deref().and_then(AttendanceStatus::from_code);
        counts.add(status, attendance);
        invitees.push(Invitee {
            id,
            person,
            role: InviteeRole::from_code(&role).unwrap_or(InviteeRole::Guest),
            status,
            channel: channel.as_deref().and_then(Channel::from_code),
            invited_at,
            responded_at,
            deputy: deputy.and_then(|d| directory.iter().find(|p| p.id == d).cloned()),
            precedence_override: over,
            walk_in,
            notes,
            attendance,
            checked_in_at: at,
        });
    }
    invitees.sort_by_key(|i| {
        (
            i.precedence_override.unwrap_or(u32::MAX),
            rank(&i.person.id),
        )
    });
    Ok(InviteeList {
        session_id: session_id.to_string(),
        invitees,
        counts,
    })
}

/// The session's invitees by id and role, in the order they were added.
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
            role: InviteeRole::from_code(&role).unwrap_or(InviteeRole::Guest),
        });
    }
    Ok(out)
}

/// Puts a person on the list ("to invite") unless they are on it already; returns whether added.
pub(crate) fn add(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    invitee: &InviteeRef,
) -> Result<bool> {
    let n = c.execute(
        "INSERT INTO invitation (id, session_id, person_id, role, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?5 WHERE EXISTS (SELECT 1 FROM person WHERE id = ?3)
         ON CONFLICT (session_id, person_id) DO NOTHING",
        params![
            new_id(),
            session_id,
            invitee.person_id,
            invitee.role.code(),
            stamp(clock)
        ],
    )?;
    Ok(n > 0)
}

/// An invitation already sent and answered, as the sample data writes its past sessions.
pub(crate) struct Answered<'a> {
    pub person_id: &'a str,
    pub role: InviteeRole,
    pub status: InvitationStatus,
    pub channel: Option<Channel>,
    /// RFC 3339 UTC, as `stamp` writes them.
    pub invited_at: Option<&'a str>,
    pub responded_at: Option<&'a str>,
}

/// Puts a person on the list with the answer already given; returns the invitation's id.
pub(crate) fn record(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    a: &Answered,
) -> Result<String> {
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO invitation (id, session_id, person_id, role, status, channel,
                                 invited_at, responded_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        session_id,
        a.person_id,
        a.role.code(),
        a.status.code(),
        a.channel.map(Channel::code),
        a.invited_at,
        a.responded_at,
        stamp(clock)
    ])?;
    Ok(id)
}

pub(crate) fn count(c: &Connection, session_id: &str) -> Result<u32> {
    Ok(c.query_row(
        "SELECT count(*) FROM invitation WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?)
}

/// Invites people one by one (ids), skipping those already on the list.
pub fn invite(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    person_ids: &[String],
    role: InviteeRole,
) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        sessions::ensure_exists(tx, &session_id)?;
        for (i, p) in person_ids.iter().enumerate() {
            let person_id = parse_id(p, &format!("personIds.{i}"))?;
            if !people::exists(tx, &person_id)? {
                return Err(Error::invalid(
                    format!("personIds.{i}"),
                    InvalidReason::BadId,
                ));
            }
            add(tx, clock, &session_id, &InviteeRef { person_id, role })?;
        }
        load(tx, &session_id)
    })
}

/// Invites everyone with a tag.
pub fn invite_tag(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    tag: &str,
    role: InviteeRole,
) -> Result<InviteeList> {
    let ids: Vec<String> = db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = ?1 COLLATE NOCASE",
        )?;
        let ids = stmt.query_map([tag.trim()], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    })?;
    if ids.is_empty() {
        return Err(Error::NotFound { what: "tag" });
    }
    invite(db, clock, session_id, &ids, role)
}

/// Invites everyone who was on another session's list, in the same roles.
pub fn invite_from_session(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    from: &str,
) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    let from = parse_id(from, "from")?;
    db.write(|tx| {
        sessions::ensure_exists(tx, &session_id)?;
        sessions::ensure_exists(tx, &from)?;
        for r in refs(tx, &from)? {
            add(tx, clock, &session_id, &r)?;
        }
        load(tx, &session_id)
    })
}

fn session_of(c: &Connection, invitation_id: &str) -> Result<String> {
    c.query_row(
        "SELECT session_id FROM invitation WHERE id = ?1",
        [invitation_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "invitation" })
}

/// The agenda no longer names `person` in the session: an invitation that says speaker or
/// moderator goes back to guest. Other roles (press, organizer…) were set by hand and stay.
pub(crate) fn agenda_role_released(
    tx: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    person_id: &str,
) -> Result<()> {
    tx.execute(
        "UPDATE invitation SET role = 'guest', updated_at = ?3
          WHERE session_id = ?1 AND person_id = ?2 AND role IN ('speaker', 'moderator')",
        params![session_id, person_id, stamp(clock)],
    )?;
    Ok(())
}

pub fn update(
    db: &Db,
    clock: &dyn Clock,
    invitation_id: &str,
    patch: &InvitationPatch,
) -> Result<InviteeList> {
    let id = parse_id(invitation_id, "id")?;
    db.write(|tx| {
        let session_id = apply(tx, clock, &id, patch)?;
        load(tx, &session_id)
    })
}

/// Applies `patch` to the invitation `id` inside the caller's transaction (the e-mail
/// batch records a sent invitation with its log entry); the invitation's session.
pub(crate) fn apply(
    tx: &Connection,
    clock: &dyn Clock,
    id: &str,
    patch: &InvitationPatch,
) -> Result<String> {
    let session_id = session_of(tx, id)?;
    let now = stamp(clock);
    if let Some(role) = patch.role {
        tx.execute(
            "UPDATE invitation SET role = ?2 WHERE id = ?1",
            params![id, role.code()],
        )?;
    }
    if let Some(status) = patch.status {
        tx.execute(
            "UPDATE invitation SET status = ?2 WHERE id = ?1",
            params![id, status.code()],
        )?;
        // The first time it goes out, and the time of the answer, are kept.
        if status != InvitationStatus::ToInvite {
            tx.execute(
                "UPDATE invitation SET invited_at = coalesce(invited_at, ?2) WHERE id = ?1",
                params![id, now],
            )?;
        }
        if matches!(
            status,
            InvitationStatus::Confirmed
                | InvitationStatus::Tentative
                | InvitationStatus::Declined
                | InvitationStatus::Deputy
        ) {
            tx.execute(
                "UPDATE invitation SET responded_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
        }
    }
    if let Some(channel) = &patch.channel {
        let channel = match channel.trim() {
            "" => None,
            c => Some(Channel::parse(c, "channel")?.code()),
        };
        tx.execute(
            "UPDATE invitation SET channel = ?2 WHERE id = ?1",
            params![id, channel],
        )?;
    }
    if let Some(deputy) = &patch.deputy_person_id {
        let deputy = match deputy.trim() {
            "" => None,
            d => {
                let d = parse_id(d, "deputyPersonId")?;
                if !people::exists(tx, &d)? {
                    return Err(Error::invalid("deputyPersonId", InvalidReason::BadId));
                }
                Some(d)
            }
        };
        tx.execute(
            "UPDATE invitation SET deputy_person_id = ?2 WHERE id = ?1",
            params![id, deputy],
        )?;
    }
    if let Some(notes) = &patch.notes {
        let notes = crate::text::TextRule::PARAGRAPHS.check(notes, "notes")?;
        tx.execute(
            "UPDATE invitation SET notes = ?2 WHERE id = ?1",
            params![id, notes],
        )?;
    }
    tx.execute(
        "UPDATE invitation SET updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(session_id)
}

pub fn remove(db: &Db, invitation_id: &str) -> Result<InviteeList> {
    let id = parse_id(invitation_id, "id")?;
    db.write(|tx| {
        let session_id = session_of(tx, &id)?;
        tx.execute("DELETE FROM invitation WHERE id = ?1", [&id])?;
        load(tx, &session_id)
    })
}

/// Sets the session's own order of precedence: `invitation_ids` first to last.
pub fn reorder(db: &Db, session_id: &str, invitation_ids: &[String]) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        for (pos, id) in invitation_ids.iter().enumerate() {
            let n = tx.execute(
                "UPDATE invitation SET precedence_override = ?3 WHERE id = ?1 AND session_id = ?2",
                params![id, session_id, pos as u32],
            )?;
            if n == 0 {
                return Err(Error::invalid(
                    format!("invitationIds.{pos}"),
                    InvalidReason::BadId,
                ));
            }
        }
        load(tx, &session_id)
    })
}

/// Drops the session's own order; the directory's precedence applies again.
pub fn reset_order(db: &Db, session_id: &str) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        tx.execute(
            "UPDATE invitation SET precedence_override = NULL WHERE session_id = ?1",
            [&session_id],
        )?;
        load(tx, &session_id)
    })
}

/// Records attendance (None clears it).
pub fn set_attendance(
    db: &Db,
    clock: &dyn Clock,
    invitation_id: &str,
    status: Option<AttendanceStatus>,
) -> Result<InviteeList> {
    let id = parse_id(invitation_id, "id")?;
    db.write(|tx| {
        let session_id = session_of(tx, &id)?;
        write_attendance(tx, clock, &id, status, false)?;
        load(tx, &session_id)
    })
}

/// Records attendance (None clears it); `arrived` stamps the check-in time, now.
pub(crate) fn write_attendance(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    status: Option<AttendanceStatus>,
    arrived: bool,
) -> Result<()> {
    match status {
        None => {
            c.execute("DELETE FROM attendance WHERE invitation_id = ?1", [id])?;
        }
        Some(s) => {
            let at = arrived.then(|| stamp(clock));
            c.prepare_cached(
                "INSERT INTO attendance (invitation_id, status, checked_in_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (invitation_id) DO UPDATE SET status = excluded.status,
                     checked_in_at = coalesce(excluded.checked_in_at, attendance.checked_in_at)",
            )?
            .execute(params![id, s.code(), at])?;
        }
    }
    Ok(())
}

/// Minutes after the start from which an arrival counts as late.
pub const LATE_AFTER_MIN: i64 = 10;

/// Marks the person arrived now: present, or late when the session began more than
/// ten minutes ago.
pub fn check_in(db: &Db, clock: &dyn Clock, invitation_id: &str) -> Result<InviteeList> {
    let id = parse_id(invitation_id, "id")?;
    db.write(|tx| {
        let session_id = session_of(tx, &id)?;
        let s = sessions::find(tx, clock, &session_id)?;
        let tz: chrono_tz::Tz = s.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai);
        let start = crate::clock::parse_date(&s.date, "date")?
            .and_time(crate::clock::parse_time(&s.start, "start")?);
        let late = tz.from_local_datetime(&start).earliest().is_some_and(|t| {
            clock.now() > t.with_timezone(&chrono::Utc) + chrono::Duration::minutes(LATE_AFTER_MIN)
        });
        let status = if late {
            AttendanceStatus::Late
        } else {
            AttendanceStatus::Present
        };
        write_attendance(tx, clock, &id, Some(status), true)?;
        load(tx, &session_id)
    })
}

/// Undo of a check-in.
pub fn undo_check_in(db: &Db, clock: &dyn Clock, invitation_id: &str) -> Result<InviteeList> {
    set_attendance(db, clock, invitation_id, None)
}

/// Someone who came without an invitation: into the directory, onto the list, checked in.
pub fn walk_in(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    person: &PersonInput,
) -> Result<InviteeList> {
    let session_id = parse_id(session_id, "sessionId")?;
    let person_id = new_id();
    db.write(|tx| {
        sessions::ensure_exists(tx, &session_id)?;
        let v = people::validate(tx, person)?;
        let lang = crate::store::settings::get_language(tx)?;
        people::write(tx, clock, &person_id, &v, lang)?;
        let id = new_id();
        let now = stamp(clock);
        tx.execute(
            "INSERT INTO invitation (id, session_id, person_id, role, status, channel, walk_in, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'guest', 'confirmed', 'in_person', 1, ?4, ?4)",
            params![id, session_id, person_id, now],
        )?;
        write_attendance(tx, clock, &id, Some(AttendanceStatus::Present), true)?;
        load(tx, &session_id)
    })
}
