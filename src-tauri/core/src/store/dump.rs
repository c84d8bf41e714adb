//! The database read out whole and written back whole: every data table's rows as JSON
//! values, in creation order (referenced tables first; the search index, derived, left
//! out). The portable archive is made of these, and tests compare them ("nothing
//! changed"). Loading writes every table below its owners, so it lives with the storage.

use std::collections::BTreeMap;

use base64::Engine;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Connection;
use serde_json::{Map, Value};

use crate::error::{Error, InvalidReason, Result};
use crate::store::db::Db;

/// Every table's rows, by table name: what an archive holds, and a fingerprint of a
/// database for tests ("nothing changed").
pub type Tables = BTreeMap<String, Vec<Map<String, Value>>>;

/// The data tables in creation order (referenced tables first); derived ones and sync's
/// bookkeeping (an archive never makes its reader a team member) left out.
pub fn table_names(c: &Connection) -> Result<Vec<String>> {
    let mut stmt = c.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table'
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_%' ESCAPE '\\'
         ORDER BY rowid",
    )?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names
        .into_iter()
        .filter(|n| {
            !super::capture::BOOKKEEPING.contains(&n.as_str())
                && !super::capture::CACHES.contains(&n.as_str())
        })
        .collect())
}

fn columns(c: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = c.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt
        .query_map([table], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names)
}

/// A column's value as JSON (a BLOB as {"$base64": …}); `from_json` reads it back.
pub fn to_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            serde_json::json!({ "$base64": base64::engine::general_purpose::STANDARD.encode(b) })
        }
    }
}

pub fn from_json(v: &Value) -> Option<SqlValue> {
    Some(match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64()?),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) => SqlValue::Blob(
            base64::engine::general_purpose::STANDARD
                .decode(o.get("$base64")?.as_str()?)
                .ok()?,
        ),
        Value::Array(_) => return None,
    })
}

/// Every data table's rows, ordered by all columns (the same data reads the same).
pub fn tables(db: &Db) -> Result<Tables> {
    db.read(|c| {
        let mut out = Tables::new();
        for t in table_names(c)? {
            let cols = columns(c, &t)?;
            let order: Vec<String> = (1..=cols.len()).map(|i| i.to_string()).collect();
            let mut stmt = c.prepare(&format!(
                "SELECT * FROM \"{t}\" ORDER BY {}",
                order.join(", ")
            ))?;
            let rows = stmt
                .query_map([], |r| {
                    let mut row = Map::new();
                    for (i, name) in cols.iter().enumerate() {
                        row.insert(name.clone(), to_json(r.get_ref(i)?));
                    }
                    Ok(row)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.insert(t, rows);
        }
        Ok(out)
    })
}

/// A place in an archive whose rows cannot be loaded, named as the archive names its files.
fn bad(place: &str) -> Error {
    Error::invalid(place, InvalidReason::BadArchive)
}

/// Refuses a database that holds anything but settings (rows are loaded only into an
/// empty one).
pub fn ensure_empty(c: &Connection) -> Result<()> {
    for t in &table_names(c)? {
        let n: i64 = c.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
        if n > 0 && t != "setting" {
            return Err(Error::invalid("database", InvalidReason::NotEmpty));
        }
    }
    Ok(())
}

/// All rows in one transaction: every table and row checked against the schema, and
/// every reference resolved at the end.
pub fn load(db: &Db, data: &[(String, Vec<Map<String, Value>>)]) -> Result<()> {
    db.write(|tx| {
        let known = table_names(tx)?;
        ensure_empty(tx)?;
        // References are checked at commit: rows may come in any order.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON; DELETE FROM setting;")?;
        for (t, rows) in data {
            if !known.contains(t) {
                return Err(bad(&format!("tables/{t}.json")));
            }
            let cols = columns(tx, t)?;
            for (i, row) in rows.iter().enumerate() {
                let place = format!("tables/{t}.json row {}", i + 1);
                let mut names = Vec::new();
                let mut values = Vec::new();
                for (k, v) in row {
                    if !cols.contains(k) {
                        return Err(bad(&format!("{place} column {k}")));
                    }
                    names.push(format!("\"{k}\""));
                    values.push(from_json(v).ok_or_else(|| bad(&format!("{place} column {k}")))?);
                }
                let marks = vec!["?"; names.len()].join(", ");
                tx.execute(
                    &format!(
                        "INSERT INTO \"{t}\" ({}) VALUES ({marks})",
                        names.join(", ")
                    ),
                    rusqlite::params_from_iter(values),
                )
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(_, _) => bad(&place),
                    other => other.into(),
                })?;
            }
        }
        let broken: Option<String> = tx
            .query_row(
                "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
                [],
                |r| r.get(0),
            )
            .ok();
        if let Some(t) = broken {
            return Err(bad(&format!(
                "tables/{t}.json (a reference to a missing row)"
            )));
        }
        // People's search entries are the app's to write (the other kinds came through
        // the schema's triggers row by row).
        super::search::index_people(tx, None)
    })
}
