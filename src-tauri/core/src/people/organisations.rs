//! Organisations and the ranked precedence categories. Owns `organisation` and
//! `precedence_category`.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::Result;
use crate::ids::new_id;
use crate::store::db::Db;
use crate::text::fold;
use crate::text::{Lang, Text};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub country: String,
    pub people: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrecedenceCategory {
    pub id: String,
    pub name: Text,
    pub rank: u32,
}

pub fn list(db: &Db) -> Result<Vec<Organisation>> {
    db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT o.id, o.name, coalesce(o.country, ''),
                    (SELECT count(*) FROM person p WHERE p.organisation_id = o.id)
             FROM organisation o ORDER BY o.rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, country, people) = row?;
            out.push(Organisation {
                id,
                name: Text::from_json(&name)?,
                country,
                people,
            });
        }
        Ok(out)
    })
}

pub fn precedence_categories(db: &Db) -> Result<Vec<PrecedenceCategory>> {
    db.read(|c| {
        let mut stmt =
            c.prepare_cached("SELECT id, name, rank FROM precedence_category ORDER BY rank")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, rank) = row?;
            out.push(PrecedenceCategory {
                id,
                name: Text::from_json(&name)?,
                rank,
            });
        }
        Ok(out)
    })
}

/// The organisation with this name in any language (ignoring case), created when new.
pub(crate) fn find_or_create(
    c: &Connection,
    clock: &dyn Clock,
    name: &str,
    lang: Lang,
) -> Result<String> {
    let wanted = fold(name.trim());
    let mut stmt = c.prepare_cached("SELECT id, name FROM organisation")?;
    let all = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in all {
        let (id, raw) = row?;
        if Text::from_json(&raw)?.0.values().any(|v| fold(v) == wanted) {
            return Ok(id);
        }
    }
    let id = new_id();
    c.execute(
        "INSERT INTO organisation (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![id, Text::new().with(lang, name).to_json(), stamp(clock)],
    )?;
    Ok(id)
}

pub(crate) fn exists(c: &Connection, id: &str) -> Result<bool> {
    Ok(
        c.prepare_cached("SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?,
    )
}

pub(crate) fn category_exists(c: &Connection, id: &str) -> Result<bool> {
    Ok(
        c.prepare_cached("SELECT EXISTS (SELECT 1 FROM precedence_category WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?,
    )
}

/// An organisation of the sample data, written as it is (no search for a namesake).
pub(crate) struct NewOrganisation<'a> {
    pub name: &'a Text,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: &'a str,
    /// embassy, government, institute, university, media, company or other.
    pub kind: &'a str,
}

/// Adds an organisation; `demo` marks it part of the demonstration data.
pub(crate) fn insert(
    c: &Connection,
    clock: &dyn Clock,
    org: &NewOrganisation,
    demo: bool,
) -> Result<String> {
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO organisation (id, name, country, kind, is_demo, created_at, updated_at)
         VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        id,
        org.name.to_json(),
        org.country,
        org.kind,
        demo,
        stamp(clock)
    ])?;
    Ok(id)
}

/// Adds a precedence category at `rank` (lower goes first); `demo` as for `insert`.
pub(crate) fn insert_category(
    c: &Connection,
    name: &Text,
    rank: u32,
    demo: bool,
) -> Result<String> {
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO precedence_category (id, name, rank, is_demo) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, name.to_json(), rank, demo])?;
    Ok(id)
}

/// Deletes the demonstration's organisations and precedence categories (their people
/// keep none).
pub(crate) fn delete_demo(c: &Connection) -> Result<()> {
    c.execute("DELETE FROM organisation WHERE is_demo = 1", [])?;
    c.execute("DELETE FROM precedence_category WHERE is_demo = 1", [])?;
    Ok(())
}
