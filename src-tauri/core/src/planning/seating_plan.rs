//! A session's seating plan as stored: the table's shape, the rule, and who sits where.
//! Owns `seating_plan` and `seat`.
//!
//! The guests are the invitees who are expected (all but those who declined), in the
//! order of precedence: the first hosts, the second co-hosts when the rule has a co-host.
//! Until a plan is saved, everyone is seated by the rule. Once saved, seats stay as they
//! were left: a guest added since takes the next free seat by rank (shown as new), a guest
//! taken off the list (or who declined since) leaves an empty seat the plan shows.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::invitations::{self, Invitee};
use super::rsvp::InvitationStatus;
use super::seating::{self, Seat, SeatingRule, TableShape};
use super::sessions;
use crate::clock::{stamp, Clock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::parse_id;
use crate::store::db::Db;
use crate::text::Text;

/// The most seats a plan may have (the schema's limit too).
pub const MAX_SEATS: usize = 400;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlacedSeat {
    #[serde(flatten)]
    pub seat: Seat,
    /// The guest's invitation, or none for an empty seat.
    pub invitation_id: Option<String>,
    pub person_id: Option<String>,
    pub name: Text,
    pub honorific: Text,
    pub position: Text,
    /// 1 for the host, then the co-host and the guests in the order of precedence.
    pub rank: Option<u32>,
    /// Seated by rank since the plan was saved (a guest added to the list later).
    pub new_guest: bool,
    /// A seat given to a guest who is no longer expected: left empty on purpose.
    pub gap: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SeatingPlan {
    pub session_id: String,
    pub shape: TableShape,
    pub rule: SeatingRule,
    /// Whether the plan was saved; until then it is the rule's suggestion.
    pub saved: bool,
    pub seats: Vec<PlacedSeat>,
}

/// The plan as stored: shape, rule, seat count, and seat → invitation (None: a gap).
struct Stored {
    shape: TableShape,
    rule: SeatingRule,
    count: usize,
    seats: BTreeMap<usize, Option<String>>,
}

pub fn get(db: &Db, session_id: &str) -> Result<SeatingPlan> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| view(c, &session_id))
}

/// Seats everyone afresh by the rule on a table of `shape`, and saves the plan.
pub fn arrange(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    shape: TableShape,
    rule: SeatingRule,
) -> Result<SeatingPlan> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        let guests = expected(tx, &session_id)?;
        let stored = by_rank(shape, rule, &guests);
        save(tx, clock, &session_id, &stored)?;
        view(tx, &session_id)
    })
}

/// Moves a guest to `seat_index`; whoever sat there takes the guest's former seat (or
/// becomes unseated, then takes the next free seat by rank). Everyone else keeps theirs.
pub fn move_guest(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    invitation_id: &str,
    seat_index: u32,
) -> Result<SeatingPlan> {
    let session_id = parse_id(session_id, "sessionId")?;
    let invitation_id = parse_id(invitation_id, "invitationId")?;
    db.write(|tx| {
        let current = view(tx, &session_id)?;
        let to = seat_index as usize;
        if to >= current.seats.len() {
            return Err(Error::invalid("seatIndex", InvalidReason::OutOfRange));
        }
        let from = current
            .seats
            .iter()
            .position(|s| s.invitation_id.as_deref() == Some(invitation_id.as_str()))
            .ok_or(Error::NotFound {
                what: "guest on the seating plan",
            })?;
        // What the window shows is what is kept: the suggestion or the new guests' seats
        // become the plan, then the two seats change hands.
        let mut seats: BTreeMap<usize, Option<String>> = current
            .seats
            .iter()
            .enumerate()
            .filter(|(_, s)| s.invitation_id.is_some() || s.gap)
            .map(|(i, s)| (i, s.invitation_id.clone()))
            .collect();
        let there = seats.remove(&to).flatten();
        seats.insert(to, Some(invitation_id.clone()));
        match there {
            Some(other) => seats.insert(from, Some(other)),
            None => seats.remove(&from),
        };
        let stored = Stored {
            shape: current.shape,
            rule: current.rule,
            count: current.seats.len(),
            seats,
        };
        save(tx, clock, &session_id, &stored)?;
        view(tx, &session_id)
    })
}

/// Everyone in the seat of their rank (seat numbers are the order of honour).
fn by_rank(shape: TableShape, rule: SeatingRule, guests: &[Invitee]) -> Stored {
    Stored {
        shape,
        rule,
        count: seating::seats_needed(shape, guests.len(), rule),
        seats: guests
            .iter()
            .enumerate()
            .map(|(rank, g)| (rank, Some(g.id.clone())))
            .collect(),
    }
}

/// The guests to seat, host first, in the order of precedence.
fn expected(c: &Connection, session_id: &str) -> Result<Vec<Invitee>> {
    Ok(invitations::load(c, session_id)?
        .invitees
        .into_iter()
        .filter(|i| i.status != InvitationStatus::Declined)
        .collect())
}

fn load(c: &Connection, session_id: &str) -> Result<Option<Stored>> {
    let plan: Option<(String, bool, bool, i64)> = c
        .query_row(
            "SELECT shape, cohost, first_on_right, seat_count FROM seating_plan WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((shape, cohost, first_on_right, count)) = plan else {
        return Ok(None);
    };
    let mut stmt =
        c.prepare_cached("SELECT seat_index, invitation_id FROM seat WHERE session_id = ?1")?;
    let seats = stmt
        .query_map([session_id], |r| {
            Ok((r.get::<_, i64>(0)? as usize, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(Some(Stored {
        shape: TableShape::parse(&shape, "shape")?,
        rule: SeatingRule {
            cohost,
            first_on_right,
        },
        count: count as usize,
        seats,
    }))
}

fn save(c: &Connection, clock: &dyn Clock, session_id: &str, p: &Stored) -> Result<()> {
    if p.count > MAX_SEATS {
        return Err(Error::invalid("seatCount", InvalidReason::OutOfRange));
    }
    c.execute(
        "INSERT INTO seating_plan (session_id, shape, cohost, first_on_right, seat_count, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (session_id) DO UPDATE SET shape = excluded.shape, cohost = excluded.cohost,
             first_on_right = excluded.first_on_right, seat_count = excluded.seat_count,
             updated_at = excluded.updated_at",
        params![
            session_id,
            p.shape.code(),
            p.rule.cohost,
            p.rule.first_on_right,
            p.count as i64,
            stamp(clock)
        ],
    )?;
    // Rows change only where the seat changed hands: a synced edit stays small, and two
    // organizers moving different guests do not clash.
    let before = load(c, session_id)?.map(|s| s.seats).unwrap_or_default();
    for (index, old) in &before {
        if p.seats.get(index) != Some(old) {
            c.execute(
                "DELETE FROM seat WHERE session_id = ?1 AND seat_index = ?2",
                params![session_id, *index as i64],
            )?;
        }
    }
    for (index, who) in &p.seats {
        if before.get(index) != Some(who) {
            c.execute(
                "INSERT INTO seat (session_id, seat_index, invitation_id) VALUES (?1, ?2, ?3)",
                params![session_id, *index as i64, who],
            )?;
        }
    }
    Ok(())
}

/// The plan as the window and the chart show it.
fn view(c: &Connection, session_id: &str) -> Result<SeatingPlan> {
    sessions::ensure_exists(c, session_id)?;
    let guests = expected(c, session_id)?;
    let stored = load(c, session_id)?;
    let saved = stored.is_some();
    let stored =
        stored.unwrap_or_else(|| by_rank(TableShape::Round, SeatingRule::default(), &guests));
    let rank: BTreeMap<&str, usize> = guests
        .iter()
        .enumerate()
        .map(|(r, g)| (g.id.as_str(), r))
        .collect();
    // Stored seats of guests no longer expected become gaps.
    let mut seats: BTreeMap<usize, (Option<String>, bool)> = stored
        .seats
        .iter()
        .map(|(i, who)| match who {
            Some(id) if rank.contains_key(id.as_str()) => (*i, (Some(id.clone()), false)),
            _ => (*i, (None, true)),
        })
        .collect();
    let seated: BTreeSet<&str> = seats.values().filter_map(|(id, _)| id.as_deref()).collect();
    let newcomers: Vec<&Invitee> = guests
        .iter()
        .filter(|g| !seated.contains(g.id.as_str()))
        .collect();
    // Newcomers take the free seats in order of honour (seat numbers are that order), the
    // table growing by its least honoured seats when it is full.
    let mut count = stored.count.max(1);
    let given = seats.len();
    if count < given + newcomers.len() {
        count = (given + newcomers.len()).min(MAX_SEATS);
    }
    let mut new_ids = BTreeSet::new();
    let mut free = (0..count)
        .filter(|s| !seats.contains_key(s))
        .collect::<Vec<_>>()
        .into_iter();
    for g in newcomers {
        let Some(s) = free.next() else {
            break;
        };
        seats.insert(s, (Some(g.id.clone()), false));
        new_ids.insert(g.id.clone());
    }
    let by_id: BTreeMap<&str, &Invitee> = guests.iter().map(|g| (g.id.as_str(), g)).collect();
    let placed = seating::seats(stored.shape, count, stored.rule)
        .into_iter()
        .map(|seat| {
            let (who, gap) = seats
                .get(&(seat.index as usize))
                .cloned()
                .unwrap_or((None, false));
            let guest = who.as_deref().and_then(|id| by_id.get(id).copied());
            PlacedSeat {
                seat,
                person_id: guest.map(|g| g.person.id.clone()),
                name: guest
                    .map(|g| g.person.display_name.clone())
                    .unwrap_or_default(),
                honorific: guest
                    .map(|g| g.person.honorific.clone())
                    .unwrap_or_default(),
                position: guest.map(|g| g.person.position.clone()).unwrap_or_default(),
                rank: who
                    .as_deref()
                    .and_then(|id| rank.get(id))
                    .map(|r| *r as u32 + 1),
                new_guest: saved && who.as_ref().is_some_and(|id| new_ids.contains(id)),
                gap,
                invitation_id: who,
            }
        })
        .collect();
    Ok(SeatingPlan {
        session_id: session_id.to_string(),
        shape: stored.shape,
        rule: stored.rule,
        saved,
        seats: placed,
    })
}
