//! A session's agenda: ordered items with durations and optional pinned start times,
//! clock times computed from the session's start, and the people who speak, chair or
//! moderate each item. Owns `agenda_item` and `agenda_role`.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::parse_time;
use crate::clock::{stamp, Clock};
use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::people;
use crate::planning::agenda_roles::{self, AgendaRole, RoleInput};
use crate::planning::schedule::{clock_text, minutes_of, planned_end, schedule, Slot};
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::{Text, TextRule};

pub const MAX_DURATION_MIN: u32 = 600;
pub const MAX_ITEMS: usize = 200;

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum ItemKind {
        Opening = "opening",
        Report = "report",
        Remarks = "remarks",
        Discussion = "discussion",
        Break = "break",
        Closing = "closing",
        Other = "other",
    }
    invalid = BadStatus;
}

// ---------------------------------------------------------------------------------------
// What the UI and the CLI see.

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    pub id: String,
    pub position: u32,
    pub kind: ItemKind,
    pub title: Text,
    pub description: Text,
    pub duration_min: u32,
    /// HH:MM when the item is pinned to a fixed time.
    pub pinned_start: Option<String>,
    /// Computed clock times, HH:MM, in the session's time zone.
    pub start: String,
    pub end: String,
    /// Minutes by which earlier items run into this pinned item.
    pub collision_min: u32,
    pub roles: Vec<AgendaRole>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agenda {
    pub session_id: String,
    pub session_start: String,
    pub session_end: String,
    pub items: Vec<AgendaItem>,
    pub planned_end: String,
    /// Minutes the agenda runs past the session's end (0: it fits).
    pub overrun_min: u32,
    /// Speakers, chairs and moderators not on the invitee list.
    pub uninvited: Vec<AgendaRole>,
}

/// An item as the editor and `clubctl agenda add|edit` send it: text as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AgendaItemInput {
    #[ts(optional)]
    pub kind: Option<ItemKind>,
    pub title: Text,
    pub description: Text,
    /// Whole minutes, 0–600.
    pub duration_min: String,
    /// HH:MM to pin the item to a fixed time; empty to let it follow the one before.
    pub pinned_start: String,
    pub roles: Vec<RoleInput>,
}

impl From<&AgendaItem> for AgendaItemInput {
    fn from(item: &AgendaItem) -> Self {
        AgendaItemInput {
            kind: Some(item.kind),
            title: item.title.clone(),
            description: item.description.clone(),
            duration_min: item.duration_min.to_string(),
            pinned_start: item.pinned_start.clone().unwrap_or_default(),
            roles: item
                .roles
                .iter()
                .map(|r| RoleInput {
                    person_id: r.person_id.clone(),
                    role: r.role,
                })
                .collect(),
        }
    }
}

/// What a deletion took away, so that Undo can put it back exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemovedItem {
    pub id: String,
    pub session_id: String,
    pub position: u32,
    pub input: AgendaItemInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Removal {
    pub agenda: Agenda,
    pub removed: RemovedItem,
}

struct Valid {
    kind: ItemKind,
    title: Text,
    description: Text,
    duration: u32,
    pinned: Option<String>,
    roles: Vec<RoleInput>,
}

fn validate(c: &Connection, input: &AgendaItemInput) -> Result<Valid> {
    let title = input.title.validated("title", TextRule::REQUIRED_LINE)?;
    let description = input
        .description
        .validated("description", TextRule::PARAGRAPHS)?;
    let duration = match input.duration_min.trim() {
        "" => return Err(Error::invalid("durationMin", InvalidReason::Required)),
        d => d
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= MAX_DURATION_MIN)
            .ok_or_else(|| Error::invalid("durationMin", InvalidReason::OutOfRange))?,
    };
    let pinned = match input.pinned_start.trim() {
        "" => None,
        p => Some(clock_text(minutes_of(parse_time(p, "pinnedStart")?))),
    };
    let mut roles = Vec::new();
    for (i, r) in input.roles.iter().enumerate() {
        let field = format!("roles.{i}");
        let id = parse_id(&r.person_id, &field)?;
        if !people::exists(c, &id)? {
            return Err(Error::invalid(field, InvalidReason::BadId));
        }
        let role = RoleInput {
            person_id: id,
            role: r.role,
        };
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(Valid {
        kind: input.kind.unwrap_or(ItemKind::Other),
        title,
        description,
        duration,
        pinned,
        roles,
    })
}

// ---------------------------------------------------------------------------------------
// Reading.

pub fn get(db: &Db, session_id: &str) -> Result<Agenda> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| load(c, &session_id))
}

fn load(c: &Connection, session_id: &str) -> Result<Agenda> {
    let (start, end): (String, String) = c
        .query_row(
            "SELECT start_time, end_time FROM session WHERE id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "session" })?;
    let start_min = minutes_of(parse_time(&start, "start")?);
    let end_min = minutes_of(parse_time(&end, "end")?);

    let mut stmt = c.prepare_cached(
        "SELECT id, position, kind, title, description, duration_min, pinned_start
         FROM agenda_item WHERE session_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, u32>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut raw = Vec::new();
    for row in rows {
        raw.push(row?);
    }
    let slots: Vec<Slot> = raw
        .iter()
        .map(|(_, _, _, _, _, duration, pinned)| {
            Ok(Slot {
                duration: *duration,
                pinned: match pinned {
                    Some(p) => Some(minutes_of(parse_time(p, "pinnedStart")?)),
                    None => None,
                },
            })
        })
        .collect::<Result<_>>()?;
    let timings = schedule(start_min, &slots);
    let mut roles = agenda_roles::roles_of_session(c, session_id)?;
    let mut items = Vec::with_capacity(raw.len());
    for ((id, position, kind, title, description, duration, pinned), t) in
        raw.into_iter().zip(&timings)
    {
        items.push(AgendaItem {
            roles: roles.remove(&id).unwrap_or_default(),
            id,
            position,
            kind: ItemKind::parse(&kind, "kind")?,
            title: Text::from_json(&title)?,
            description: Text::from_json(&description)?,
            duration_min: duration,
            pinned_start: pinned,
            start: clock_text(t.start),
            end: clock_text(t.end),
            collision_min: t.collision,
        });
    }
    let planned = planned_end(start_min, &timings);
    let mut uninvited: Vec<AgendaRole> = Vec::new();
    for role in items.iter().flat_map(|i| &i.roles) {
        if !role.invited && !uninvited.iter().any(|u| u.person_id == role.person_id) {
            uninvited.push(role.clone());
        }
    }
    Ok(Agenda {
        session_id: session_id.to_string(),
        session_start: start,
        session_end: end,
        items,
        planned_end: clock_text(planned),
        overrun_min: planned.saturating_sub(end_min),
        uninvited,
    })
}

// ---------------------------------------------------------------------------------------
// Writing. Every operation returns the whole agenda as it now stands.

/// The session an item belongs to.
pub fn session_of(db: &Db, item_id: &str) -> Result<String> {
    let item_id = parse_id(item_id, "id")?;
    db.read(|c| Ok(session_of_item(c, &item_id)?.0))
}

fn session_of_item(c: &Connection, item_id: &str) -> Result<(String, u32)> {
    c.query_row(
        "SELECT session_id, position FROM agenda_item WHERE id = ?1",
        [item_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "agenda item",
    })
}

fn ordered_ids(c: &Connection, session_id: &str) -> Result<Vec<String>> {
    let mut stmt =
        c.prepare_cached("SELECT id FROM agenda_item WHERE session_id = ?1 ORDER BY position")?;
    let ids = stmt
        .query_map([session_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Writes positions 0..n in the given order.
fn renumber(tx: &Transaction, ids: &[String]) -> Result<()> {
    let mut stmt = tx.prepare_cached("UPDATE agenda_item SET position = ?2 WHERE id = ?1")?;
    for (i, id) in ids.iter().enumerate() {
        stmt.execute(params![id, i as i64])?;
    }
    Ok(())
}

fn insert(
    tx: &Transaction,
    clock: &dyn Clock,
    id: &str,
    session_id: &str,
    at: Option<u32>,
    v: &Valid,
) -> Result<()> {
    let mut ids = ordered_ids(tx, session_id)?;
    if ids.len() >= MAX_ITEMS {
        return Err(Error::invalid("items", InvalidReason::TooLong));
    }
    let now = stamp(clock);
    tx.prepare_cached(
        "INSERT INTO agenda_item (id, session_id, position, kind, title, description,
                                  duration_min, pinned_start, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        session_id,
        ids.len() as i64,
        v.kind.code(),
        v.title.to_json(),
        v.description.to_json(),
        v.duration,
        v.pinned,
        now
    ])?;
    write_roles(tx, id, &v.roles)?;
    let at = at.map_or(ids.len(), |a| (a as usize).min(ids.len()));
    ids.insert(at, id.to_string());
    renumber(tx, &ids)
}

fn write_roles(tx: &Transaction, item_id: &str, roles: &[RoleInput]) -> Result<()> {
    tx.prepare_cached("DELETE FROM agenda_role WHERE agenda_item_id = ?1")?
        .execute([item_id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO agenda_role (agenda_item_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, r) in roles.iter().enumerate() {
        stmt.execute(params![item_id, r.person_id, r.role.code(), i as i64])?;
    }
    Ok(())
}

/// Adds an item at `at` (0-based; at the end when None or past the end).
pub fn add(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    input: &AgendaItemInput,
    at: Option<u32>,
) -> Result<Agenda> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        load(tx, &session_id)?; // the session exists
        let v = validate(tx, input)?;
        insert(tx, clock, &new_id(), &session_id, at, &v)?;
        sessions::touch(tx, clock, &session_id)?;
        load(tx, &session_id)
    })
}

pub fn update(
    db: &Db,
    clock: &dyn Clock,
    item_id: &str,
    input: &AgendaItemInput,
) -> Result<Agenda> {
    let item_id = parse_id(item_id, "id")?;
    db.write(|tx| {
        let (session_id, _) = session_of_item(tx, &item_id)?;
        let v = validate(tx, input)?;
        tx.execute(
            "UPDATE agenda_item SET kind = ?2, title = ?3, description = ?4, duration_min = ?5,
                    pinned_start = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                item_id,
                v.kind.code(),
                v.title.to_json(),
                v.description.to_json(),
                v.duration,
                v.pinned,
                stamp(clock)
            ],
        )?;
        let before = agenda_roles::people_of_item(tx, &item_id)?;
        write_roles(tx, &item_id, &v.roles)?;
        agenda_roles::release_roles(tx, clock, &session_id, &before)?;
        sessions::touch(tx, clock, &session_id)?;
        load(tx, &session_id)
    })
}

/// Moves an item to position `to` (0-based, clamped to the end); the others close up.
pub fn move_item(db: &Db, clock: &dyn Clock, item_id: &str, to: u32) -> Result<Agenda> {
    let item_id = parse_id(item_id, "id")?;
    db.write(|tx| {
        let (session_id, _) = session_of_item(tx, &item_id)?;
        let mut ids = ordered_ids(tx, &session_id)?;
        ids.retain(|id| *id != item_id);
        let to = (to as usize).min(ids.len());
        ids.insert(to, item_id.clone());
        renumber(tx, &ids)?;
        sessions::touch(tx, clock, &session_id)?;
        load(tx, &session_id)
    })
}

/// An item as the agenda shows it, with its session.
fn item_in(c: &Connection, item_id: &str) -> Result<(String, AgendaItem)> {
    let (session_id, _) = session_of_item(c, item_id)?;
    let item = load(c, &session_id)?
        .items
        .into_iter()
        .find(|i| i.id == item_id)
        .ok_or(Error::NotFound {
            what: "agenda item",
        })?;
    Ok((session_id, item))
}

/// Inserts a copy of the item right after it.
pub fn duplicate(db: &Db, clock: &dyn Clock, item_id: &str) -> Result<Agenda> {
    let item_id = parse_id(item_id, "id")?;
    db.write(|tx| {
        let (session_id, item) = item_in(tx, &item_id)?;
        let v = validate(tx, &AgendaItemInput::from(&item))?;
        insert(
            tx,
            clock,
            &new_id(),
            &session_id,
            Some(item.position + 1),
            &v,
        )?;
        sessions::touch(tx, clock, &session_id)?;
        load(tx, &session_id)
    })
}

/// Deletes an item and returns what Undo needs to put it back.
pub fn remove(db: &Db, clock: &dyn Clock, item_id: &str) -> Result<Removal> {
    let item_id = parse_id(item_id, "id")?;
    db.write(|tx| {
        let (session_id, item) = item_in(tx, &item_id)?;
        let removed = RemovedItem {
            id: item_id.clone(),
            session_id: session_id.clone(),
            position: item.position,
            input: AgendaItemInput::from(&item),
        };
        let before = agenda_roles::people_of_item(tx, &item_id)?;
        tx.execute("DELETE FROM agenda_item WHERE id = ?1", [&item_id])?;
        agenda_roles::release_roles(tx, clock, &session_id, &before)?;
        renumber(tx, &ordered_ids(tx, &session_id)?)?;
        sessions::touch(tx, clock, &session_id)?;
        Ok(Removal {
            agenda: load(tx, &session_id)?,
            removed,
        })
    })
}

/// Undo of `remove`: the item comes back with its id, place, text and people.
pub fn restore(db: &Db, clock: &dyn Clock, removed: &RemovedItem) -> Result<Agenda> {
    let id = parse_id(&removed.id, "id")?;
    let session_id = parse_id(&removed.session_id, "sessionId")?;
    db.write(|tx| {
        load(tx, &session_id)?;
        if session_of_item(tx, &id).is_ok() {
            return Err(Error::Conflict {
                field: "id".into(),
                message: "the item is already on the agenda".into(),
            });
        }
        // People deleted meanwhile are left out rather than failing the undo.
        let mut input = removed.input.clone();
        input
            .roles
            .retain(|r| people::exists(tx, &r.person_id).unwrap_or(false));
        let v = validate(tx, &input)?;
        insert(tx, clock, &id, &session_id, Some(removed.position), &v)?;
        sessions::touch(tx, clock, &session_id)?;
        load(tx, &session_id)
    })
}

/// Appends an item inside the caller's transaction (copies, templates, sample data);
/// returns its id.
pub(crate) fn append(
    tx: &Transaction,
    clock: &dyn Clock,
    session_id: &str,
    input: &AgendaItemInput,
) -> Result<String> {
    let v = validate(tx, input)?;
    let id = new_id();
    insert(tx, clock, &id, session_id, None, &v)?;
    Ok(id)
}

/// The agenda inside the caller's transaction.
pub(crate) fn load_in(c: &Connection, session_id: &str) -> Result<Agenda> {
    load(c, session_id)
}
