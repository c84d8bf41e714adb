//! Discussion themes: multilingual tags reused across sessions ("transport and logistics
//! connectivity", "industrial cooperation"). Owns `theme` and `session_theme`.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::fold;
use crate::text::{Text, TextRule};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    /// How many sessions discuss it.
    pub sessions: u32,
}

/// A theme for a session: an existing one by id, or a new one by its name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ThemeRef {
    #[ts(optional)]
    pub id: Option<String>,
    pub name: Text,
}

const SELECT: &str = "SELECT t.id, t.name, (SELECT count(*) FROM session_theme x WHERE x.theme_id = t.id) FROM theme t";

fn row(r: &rusqlite::Row) -> rusqlite::Result<(String, String, u32)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
}

fn build(rows: Vec<(String, String, u32)>) -> Result<Vec<Theme>> {
    rows.into_iter()
        .map(|(id, name, sessions)| {
            Ok(Theme {
                id,
                name: Text::from_json(&name)?,
                sessions,
            })
        })
        .collect()
}

/// Every theme, the most used first.
pub fn list(db: &Db) -> Result<Vec<Theme>> {
    db.read(|c| {
        let mut stmt = c.prepare_cached(&format!("{SELECT} ORDER BY 3 DESC, t.rowid"))?;
        let rows = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        build(rows)
    })
}

pub fn of_session(db: &Db, session_id: &str) -> Result<Vec<Theme>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| load_for(c, &session_id))
}

fn load_for(c: &Connection, session_id: &str) -> Result<Vec<Theme>> {
    let mut stmt = c.prepare_cached(&format!(
        "{SELECT} JOIN session_theme st ON st.theme_id = t.id WHERE st.session_id = ?1 ORDER BY st.position"
    ))?;
    let rows = stmt
        .query_map([session_id], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    build(rows)
}

/// Sets a session's themes in the given order; new names become themes, and a name that
/// matches an existing theme in any language (ignoring case) reuses it.
pub fn set_for_session(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    themes: &[ThemeRef],
) -> Result<Vec<Theme>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        sessions::ensure_exists(tx, &session_id)?;
        let mut ids: Vec<String> = Vec::new();
        for (i, t) in themes.iter().enumerate() {
            let id = resolve(tx, t, &format!("themes.{i}"))?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        write(tx, &session_id, &ids)?;
        sessions::touch(tx, clock, &session_id)?;
        load_for(tx, &session_id)
    })
}

pub(crate) fn write(tx: &Connection, session_id: &str, ids: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM session_theme WHERE session_id = ?1",
        [session_id],
    )?;
    for (pos, id) in ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO session_theme (session_id, theme_id, position) VALUES (?1, ?2, ?3)",
            params![session_id, id, pos as i64],
        )?;
    }
    Ok(())
}

fn resolve(tx: &Transaction, t: &ThemeRef, field: &str) -> Result<String> {
    if let Some(id) = &t.id {
        let id = parse_id(id, field)?;
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM theme WHERE id = ?1)",
            [&id],
            |r| r.get(0),
        )?;
        return if known {
            Ok(id)
        } else {
            Err(Error::invalid(field, InvalidReason::BadId))
        };
    }
    let name = t
        .name
        .validated(&format!("{field}.name"), TextRule::REQUIRED_LINE)?;
    let wanted: Vec<String> = name.0.values().map(|v| fold(v)).collect();
    let mut stmt = tx.prepare_cached("SELECT id, name FROM theme")?;
    let all = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for existing in all {
        let (id, raw) = existing?;
        if Text::from_json(&raw)?
            .0
            .values()
            .any(|v| wanted.contains(&fold(v)))
        {
            return Ok(id);
        }
    }
    insert(tx, &name, false)
}

/// Adds a theme as it is (no search for a namesake); `demo` marks it part of the
/// demonstration data.
pub(crate) fn insert(c: &Connection, name: &Text, demo: bool) -> Result<String> {
    let id = new_id();
    c.prepare_cached("INSERT INTO theme (id, name, is_demo) VALUES (?1, ?2, ?3)")?
        .execute(params![id, name.to_json(), demo])?;
    Ok(id)
}

/// Deletes the demonstration's themes.
pub(crate) fn delete_demo(c: &Connection) -> Result<()> {
    c.execute("DELETE FROM theme WHERE is_demo = 1", [])?;
    Ok(())
}
