//! A session's status moves planned → invitations sent → held → minutes approved;
//! this module says what is still missing for the next step and takes the step.

use chrono::TimeZone;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::ids::parse_id;
use crate::planning::agenda;
use crate::planning::invitations;
use crate::planning::sessions::{self, Session, SessionStatus};
use crate::store::db::Db;

/// Something the next step needs that is not there yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Missing {
    Venue,
    Agenda,
    AgendaOverrun,
    PinnedCollision,
    Invitees,
    SpeakersNotInvited,
    NotYetStarted,
    MinutesNotApproved,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Readiness {
    pub status: SessionStatus,
    pub next: Option<SessionStatus>,
    pub previous: Option<SessionStatus>,
    /// Empty when the next step can be taken.
    pub missing: Vec<Missing>,
}

fn next_of(s: SessionStatus) -> Option<SessionStatus> {
    use SessionStatus::*;
    match s {
        Planned => Some(InvitationsSent),
        InvitationsSent => Some(Held),
        Held => Some(MinutesApproved),
        MinutesApproved => None,
    }
}

fn previous_of(s: SessionStatus) -> Option<SessionStatus> {
    SessionStatus::ALL
        .into_iter()
        .find(|p| next_of(*p) == Some(s))
}

fn check(c: &Connection, clock: &dyn Clock, s: &Session) -> Result<Readiness> {
    let mut missing = Vec::new();
    match s.status {
        SessionStatus::Planned => {
            if s.venue.is_empty() {
                missing.push(Missing::Venue);
            }
            let a = agenda::load_in(c, &s.id)?;
            if a.items.is_empty() {
                missing.push(Missing::Agenda);
            }
            if a.overrun_min > 0 {
                missing.push(Missing::AgendaOverrun);
            }
            if a.items.iter().any(|i| i.collision_min > 0) {
                missing.push(Missing::PinnedCollision);
            }
            if invitations::count(c, &s.id)? == 0 {
                missing.push(Missing::Invitees);
            }
            if !a.uninvited.is_empty() {
                missing.push(Missing::SpeakersNotInvited);
            }
        }
        SessionStatus::InvitationsSent => {
            let tz: chrono_tz::Tz = s.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai);
            let starts = crate::clock::parse_date(&s.date, "date")
                .and_then(|d| Ok(d.and_time(crate::clock::parse_time(&s.start, "start")?)))
                .ok()
                .and_then(|dt| tz.from_local_datetime(&dt).earliest());
            // A clock set back (behind what was saved already) is not trusted to say the
            // session has not begun.
            let latest: Option<String> =
                c.query_row("SELECT max(updated_at) FROM session", [], |r| r.get(0))?;
            let future = starts.is_none_or(|t| t.with_timezone(&chrono::Utc) > clock.now());
            if future && !crate::clock::behind(clock, latest.as_deref()) {
                missing.push(Missing::NotYetStarted);
            }
        }
        SessionStatus::Held => {
            let approved: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM minutes WHERE session_id = ?1 AND approved_at IS NOT NULL)",
                [&s.id],
                |r| r.get(0),
            )?;
            if !approved {
                missing.push(Missing::MinutesNotApproved);
            }
        }
        SessionStatus::MinutesApproved => {}
    }
    Ok(Readiness {
        status: s.status,
        next: next_of(s.status),
        previous: previous_of(s.status),
        missing,
    })
}

pub fn readiness(db: &Db, clock: &dyn Clock, id: &str) -> Result<Readiness> {
    let id = parse_id(id, "id")?;
    db.read(|c| check(c, clock, &sessions::find(c, clock, &id)?))
}

fn set_status(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    status: SessionStatus,
) -> Result<Session> {
    sessions::set_status(c, clock, id, status)?;
    sessions::find(c, clock, id)
}

/// Takes the next step when nothing is missing; otherwise a conflict naming what is.
pub fn advance(db: &Db, clock: &dyn Clock, id: &str) -> Result<Session> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        let s = sessions::find(tx, clock, &id)?;
        let r = check(tx, clock, &s)?;
        let next = r.next.ok_or_else(|| Error::Conflict {
            field: "status".into(),
            message: "the session is already at its last step".into(),
        })?;
        if !r.missing.is_empty() {
            let names: Vec<String> = r
                .missing
                .iter()
                .map(|m| {
                    serde_json::to_value(m).map(|v| v.as_str().unwrap_or_default().to_string())
                })
                .collect::<std::result::Result<_, _>>()?;
            return Err(Error::Conflict {
                field: "status".into(),
                message: format!(
                    "not ready for {}: missing {}",
                    next.code(),
                    names.join(", ")
                ),
            });
        }
        set_status(tx, clock, &id, next)
    })
}

/// Goes back one step (a status set by mistake).
pub fn step_back(db: &Db, clock: &dyn Clock, id: &str) -> Result<Session> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        let s = sessions::find(tx, clock, &id)?;
        let previous = previous_of(s.status).ok_or_else(|| Error::Conflict {
            field: "status".into(),
            message: "the session is already at its first step".into(),
        })?;
        set_status(tx, clock, &id, previous)
    })
}
