//! Minutes of a session: a summary, and for every agenda item notes, key points, remarks
//! attributed to people and decisions. Text is multilingual; within a language it is the
//! portable "minutes text" of docs/minutes-text.md (paragraphs, **bold**, *italic*, "- "
//! and "1. " lists). Revisions freeze the whole minutes; approval locks them.
//! Owns `minutes`, `minutes_item`, `remark` and `decision`; revisions.rs keeps the history.

pub mod changes;
pub mod followups;
pub mod press;
mod press_draft;
mod press_words;
pub mod revisions;
pub mod text;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::people;
use crate::planning::agenda;
use crate::planning::sessions::{self, SessionStatus};
use crate::store::db::Db;
use crate::text::{Text, TextRule};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Remark {
    pub id: String,
    pub person_id: Option<String>,
    pub person_name: Text,
    pub body: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Decision {
    pub id: String,
    pub body: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MinutesItem {
    pub agenda_item_id: String,
    pub title: Text,
    pub start: String,
    pub end: String,
    pub notes: Text,
    pub key_points: Text,
    pub remarks: Vec<Remark>,
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Minutes {
    pub session_id: String,
    pub summary: Text,
    pub items: Vec<MinutesItem>,
    pub approved_at: Option<String>,
    /// The number of the latest revision (0: none yet).
    pub revision: u32,
    pub updated_at: Option<String>,
}

fn read_text(raw: String) -> Text {
    Text::from_json(&raw).unwrap_or_default()
}

pub(crate) fn load(c: &Connection, session_id: &str) -> Result<Minutes> {
    let agenda = agenda::load_in(c, session_id)?;
    let head: Option<(String, Option<String>, u32, String)> = c
        .query_row(
            "SELECT summary, approved_at, revision, updated_at FROM minutes WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let mut items = Vec::new();
    for a in &agenda.items {
        let (notes, key_points) = c
            .query_row(
                "SELECT notes, key_points FROM minutes_item WHERE agenda_item_id = ?1",
                [&a.id],
                |r| Ok((read_text(r.get(0)?), read_text(r.get(1)?))),
            )
            .optional()?
            .unwrap_or_default();
        let mut stmt = c.prepare_cached(
            "SELECT id, person_id, body FROM remark WHERE agenda_item_id = ?1 ORDER BY position",
        )?;
        let remarks = stmt
            .query_map([&a.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|(id, person_id, body)| {
                let person_name = match &person_id {
                    Some(p) => people::display_names(c, p)?,
                    None => Text::new(),
                };
                Ok(Remark {
                    id,
                    person_id,
                    person_name,
                    body: read_text(body),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = c.prepare_cached(
            "SELECT id, body FROM decision WHERE agenda_item_id = ?1 ORDER BY position",
        )?;
        let decisions = stmt
            .query_map([&a.id], |r| {
                Ok(Decision {
                    id: r.get(0)?,
                    body: read_text(r.get(1)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        items.push(MinutesItem {
            agenda_item_id: a.id.clone(),
            title: a.title.clone(),
            start: a.start.clone(),
            end: a.end.clone(),
            notes,
            key_points,
            remarks,
            decisions,
        });
    }
    let (summary, approved_at, revision, updated_at) = match head {
        Some((s, a, r, u)) => (read_text(s), a, r, Some(u)),
        None => (Text::new(), None, 0, None),
    };
    Ok(Minutes {
        session_id: session_id.to_string(),
        summary,
        items,
        approved_at,
        revision,
        updated_at,
    })
}

pub fn get(db: &Db, session_id: &str) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        sessions::ensure_exists(c, &session_id)?;
        load(c, &session_id)
    })
}

/// Makes sure the minutes row exists and is not approved; every write starts here.
fn open_for_writing(c: &Connection, clock: &dyn Clock, session_id: &str) -> Result<()> {
    sessions::ensure_exists(c, session_id)?;
    c.execute(
        "INSERT INTO minutes (session_id, updated_at) VALUES (?1, ?2) ON CONFLICT (session_id) DO NOTHING",
        params![session_id, stamp(clock)],
    )?;
    let approved: Option<String> = c.query_row(
        "SELECT approved_at FROM minutes WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?;
    if approved.is_some() {
        return Err(Error::Conflict {
            field: "minutes".into(),
            message: "approved minutes are read-only; reopen them first".into(),
        });
    }
    Ok(())
}

/// After a write: the time stamp, and a new revision when the last one is old enough.
fn finish(c: &Connection, clock: &dyn Clock, session_id: &str) -> Result<Minutes> {
    let now = stamp(clock);
    c.execute(
        "UPDATE minutes SET updated_at = ?2 WHERE session_id = ?1",
        params![session_id, now],
    )?;
    if revisions::due(c, clock, session_id)? {
        snapshot(c, clock, session_id, "saved")?;
    }
    load(c, session_id)
}

fn snapshot(c: &Connection, clock: &dyn Clock, session_id: &str, reason: &str) -> Result<u32> {
    let m = load(c, session_id)?;
    let number = revisions::insert(c, clock, session_id, reason, &serde_json::to_string(&m)?)?;
    c.execute(
        "UPDATE minutes SET revision = ?2 WHERE session_id = ?1",
        params![session_id, number],
    )?;
    Ok(number)
}

fn session_of_item(c: &Connection, item_id: &str) -> Result<String> {
    c.query_row(
        "SELECT session_id FROM agenda_item WHERE id = ?1",
        [item_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "agenda item",
    })
}

/// The summary, written (the minutes' row made if there is none yet).
pub(crate) fn write_summary(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    summary: &Text,
) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO minutes (session_id, summary, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (session_id) DO UPDATE SET summary = excluded.summary,
             updated_at = excluded.updated_at",
    )?
    .execute(params![session_id, summary.to_json(), stamp(clock)])?;
    Ok(())
}

/// An agenda item's notes and key points, written.
pub(crate) fn write_item(
    c: &Connection,
    clock: &dyn Clock,
    agenda_item_id: &str,
    notes: &Text,
    key_points: &Text,
) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO minutes_item (agenda_item_id, notes, key_points, updated_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (agenda_item_id) DO UPDATE SET notes = excluded.notes,
             key_points = excluded.key_points, updated_at = excluded.updated_at",
    )?
    .execute(params![
        agenda_item_id,
        notes.to_json(),
        key_points.to_json(),
        stamp(clock)
    ])?;
    Ok(())
}

/// Adds a remark after the item's others; returns its id.
pub(crate) fn add_remark(
    c: &Connection,
    clock: &dyn Clock,
    agenda_item_id: &str,
    person_id: Option<&str>,
    body: &Text,
) -> Result<String> {
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO remark (id, agenda_item_id, person_id, position, body, created_at, updated_at)
         VALUES (?1, ?2, ?3,
                 (SELECT coalesce(max(position), -1) + 1 FROM remark WHERE agenda_item_id = ?2),
                 ?4, ?5, ?5)",
    )?
    .execute(params![
        id,
        agenda_item_id,
        person_id,
        body.to_json(),
        stamp(clock)
    ])?;
    Ok(id)
}

/// Adds a decision after the item's others; returns its id.
pub(crate) fn add_decision(
    c: &Connection,
    clock: &dyn Clock,
    agenda_item_id: &str,
    body: &Text,
) -> Result<String> {
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO decision (id, agenda_item_id, position, body, created_at, updated_at)
         VALUES (?1, ?2,
                 (SELECT coalesce(max(position), -1) + 1 FROM decision WHERE agenda_item_id = ?2),
                 ?3, ?4, ?4)",
    )?
    .execute(params![id, agenda_item_id, body.to_json(), stamp(clock)])?;
    Ok(id)
}

/// Marks the minutes approved now (which locks them).
pub(crate) fn mark_approved(c: &Connection, clock: &dyn Clock, session_id: &str) -> Result<()> {
    c.execute(
        "UPDATE minutes SET approved_at = ?2 WHERE session_id = ?1",
        params![session_id, stamp(clock)],
    )?;
    Ok(())
}

pub fn set_summary(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    summary: &Text,
) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    let summary = summary.validated("summary", TextRule::PARAGRAPHS)?;
    db.write(|tx| {
        open_for_writing(tx, clock, &session_id)?;
        write_summary(tx, clock, &session_id, &summary)?;
        finish(tx, clock, &session_id)
    })
}

/// Notes and key points of one agenda item (what the editor autosaves).
pub fn set_item(
    db: &Db,
    clock: &dyn Clock,
    agenda_item_id: &str,
    notes: &Text,
    key_points: &Text,
) -> Result<Minutes> {
    let item = parse_id(agenda_item_id, "agendaItemId")?;
    let notes = notes.validated("notes", TextRule::PARAGRAPHS)?;
    let key_points = key_points.validated("keyPoints", TextRule::PARAGRAPHS)?;
    db.write(|tx| {
        let session_id = session_of_item(tx, &item)?;
        open_for_writing(tx, clock, &session_id)?;
        write_item(tx, clock, &item, &notes, &key_points)?;
        finish(tx, clock, &session_id)
    })
}

/// Adds a remark (id None) or changes one; `person_id` "" for an unattributed remark.
pub fn save_remark(
    db: &Db,
    clock: &dyn Clock,
    agenda_item_id: &str,
    id: Option<&str>,
    person_id: &str,
    body: &Text,
) -> Result<Minutes> {
    let item = parse_id(agenda_item_id, "agendaItemId")?;
    let body = body.validated(
        "body",
        TextRule {
            required: true,
            ..TextRule::PARAGRAPHS
        },
    )?;
    db.write(|tx| {
        let session_id = session_of_item(tx, &item)?;
        open_for_writing(tx, clock, &session_id)?;
        let person = match person_id.trim() {
            "" => None,
            p => {
                let p = parse_id(p, "personId")?;
                if !people::exists(tx, &p)? {
                    return Err(Error::invalid("personId", InvalidReason::BadId));
                }
                Some(p)
            }
        };
        let now = stamp(clock);
        match id {
            Some(id) => {
                let n = tx.execute(
                    "UPDATE remark SET person_id = ?3, body = ?4, updated_at = ?5 WHERE id = ?1 AND agenda_item_id = ?2",
                    params![id, item, person, body.to_json(), now],
                )?;
                if n == 0 {
                    return Err(Error::NotFound { what: "remark" });
                }
            }
            None => {
                add_remark(tx, clock, &item, person.as_deref(), &body)?;
            }
        }
        finish(tx, clock, &session_id)
    })
}

/// Adds a decision (id None) or changes one.
pub fn save_decision(
    db: &Db,
    clock: &dyn Clock,
    agenda_item_id: &str,
    id: Option<&str>,
    body: &Text,
) -> Result<Minutes> {
    let item = parse_id(agenda_item_id, "agendaItemId")?;
    let body = body.validated(
        "body",
        TextRule {
            required: true,
            ..TextRule::PARAGRAPHS
        },
    )?;
    db.write(|tx| {
        let session_id = session_of_item(tx, &item)?;
        open_for_writing(tx, clock, &session_id)?;
        let now = stamp(clock);
        match id {
            Some(id) => {
                if tx.execute("UPDATE decision SET body = ?3, updated_at = ?4 WHERE id = ?1 AND agenda_item_id = ?2", params![id, item, body.to_json(), now])? == 0 {
                    return Err(Error::NotFound { what: "decision" });
                }
            }
            None => {
                add_decision(tx, clock, &item, &body)?;
            }
        }
        finish(tx, clock, &session_id)
    })
}

/// Removes a remark or a decision.
pub fn remove_entry(db: &Db, clock: &dyn Clock, kind: &str, id: &str) -> Result<Minutes> {
    let id = parse_id(id, "id")?;
    let table = match kind {
        "remark" => "remark",
        "decision" => "decision",
        _ => return Err(Error::invalid("kind", InvalidReason::BadStatus)),
    };
    db.write(|tx| {
        let item: String = tx
            .query_row(
                &format!("SELECT agenda_item_id FROM {table} WHERE id = ?1"),
                [&id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "entry" })?;
        let session_id = session_of_item(tx, &item)?;
        open_for_writing(tx, clock, &session_id)?;
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [&id])?;
        finish(tx, clock, &session_id)
    })
}

/// Approves and locks the minutes (a revision records it); a held session moves on to
/// "minutes approved".
pub fn approve(db: &Db, clock: &dyn Clock, session_id: &str) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        open_for_writing(tx, clock, &session_id)?;
        mark_approved(tx, clock, &session_id)?;
        snapshot(tx, clock, &session_id, "approved")?;
        sessions::follow_status(
            tx,
            &session_id,
            SessionStatus::Held,
            SessionStatus::MinutesApproved,
        )?;
        load(tx, &session_id)
    })
}

/// Unlocks approved minutes for changes; the reopening is a revision of its own.
pub fn reopen(db: &Db, clock: &dyn Clock, session_id: &str) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        sessions::ensure_exists(tx, &session_id)?;
        let n = tx.execute("UPDATE minutes SET approved_at = NULL WHERE session_id = ?1 AND approved_at IS NOT NULL", [&session_id])?;
        if n == 0 {
            return Err(Error::Conflict { field: "minutes".into(), message: "the minutes are not approved".into() });
        }
        snapshot(tx, clock, &session_id, "reopened")?;
        sessions::follow_status(
            tx,
            &session_id,
            SessionStatus::MinutesApproved,
            SessionStatus::Held,
        )?;
        load(tx, &session_id)
    })
}

/// Saves a revision now ("save version").
pub fn save_revision(db: &Db, clock: &dyn Clock, session_id: &str) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        open_for_writing(tx, clock, &session_id)?;
        snapshot(tx, clock, &session_id, "saved")?;
        load(tx, &session_id)
    })
}

pub(crate) fn revision_in(c: &Connection, session_id: &str, number: u32) -> Result<Minutes> {
    Ok(serde_json::from_str(&revisions::frozen(
        c, session_id, number,
    )?)?)
}

pub fn revision(db: &Db, session_id: &str, number: u32) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| revision_in(c, &session_id, number))
}

/// Puts a revision's text back (as a new revision; nothing is lost).
pub fn restore(db: &Db, clock: &dyn Clock, session_id: &str, number: u32) -> Result<Minutes> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        let old = revision_in(tx, &session_id, number)?;
        open_for_writing(tx, clock, &session_id)?;
        write_summary(tx, clock, &session_id, &old.summary)?;
        let now = stamp(clock);
        for item in &old.items {
            // Items deleted from the agenda since then cannot come back; their text stays in the revision.
            if session_of_item(tx, &item.agenda_item_id).is_err() {
                continue;
            }
            write_item(tx, clock, &item.agenda_item_id, &item.notes, &item.key_points)?;
            tx.execute("DELETE FROM remark WHERE agenda_item_id = ?1", [&item.agenda_item_id])?;
            for (pos, r) in item.remarks.iter().enumerate() {
                let person = r.person_id.as_ref().filter(|p| people::exists(tx, p).unwrap_or(false));
                tx.execute(
                    "INSERT INTO remark (id, agenda_item_id, person_id, position, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![new_id(), item.agenda_item_id, person, pos as i64, r.body.to_json(), now],
                )?;
            }
            tx.execute("DELETE FROM decision WHERE agenda_item_id = ?1 AND id NOT IN (SELECT decision_id FROM follow_up WHERE decision_id IS NOT NULL)", [&item.agenda_item_id])?;
            for (pos, d) in item.decisions.iter().enumerate() {
                tx.execute(
                    "INSERT INTO decision (id, agenda_item_id, position, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                     ON CONFLICT (id) DO UPDATE SET body = excluded.body, position = excluded.position",
                    params![d.id, item.agenda_item_id, pos as i64, d.body.to_json(), now],
                )?;
            }
        }
        snapshot(tx, clock, &session_id, "restored")?;
        load(tx, &session_id)
    })
}
