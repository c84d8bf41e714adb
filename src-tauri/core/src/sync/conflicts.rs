//! The conflict register: every change the hub could not apply as pushed, with both
//! sides, who and when. Resolving one is an ordinary edit (it syncs like any other):
//! keeping the hub's side only marks it resolved; taking the pushed side writes it.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::change::{columns, from_json};
use super::merge::{key_clause, quote};
use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::store::capture::membership;
use crate::Db;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conflict {
    pub id: String,
    /// data · not_found · unique · foreign_key · constraint
    pub kind: String,
    pub table: String,
    /// The row's primary key, as a JSON array.
    pub row_key: String,
    pub column: Option<String>,
    /// JSON: the value or row that stands.
    pub kept: String,
    /// JSON: the value or row pushed and not applied.
    pub proposed: String,
    pub kept_author: Option<String>,
    pub kept_at: Option<String>,
    pub proposed_author: String,
    pub proposed_at: String,
    /// The pushed operation the entry comes from.
    pub op_id: String,
    /// What the row is, as it reads today: its title or name (a multilingual value as
    /// JSON), when the row is still there.
    pub label: Option<String>,
    pub detail: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    pub resolution: Option<String>,
}

/// The register, open entries first, then the newest.
pub fn list(db: &Db, include_resolved: bool) -> Result<Vec<Conflict>> {
    db.read(|c| {
        let mut stmt = c.prepare(
            "SELECT id, kind, table_name, row_key, column_name, coalesce(kept, 'null'),
                    coalesce(proposed, 'null'), kept_author, kept_at, proposed_author,
                    proposed_at, op_id, detail, resolved_at, resolved_by, resolution
             FROM sync_conflict WHERE ?1 OR resolved_at IS NULL
             ORDER BY resolved_at IS NOT NULL, seq DESC, id",
        )?;
        let rows = stmt
            .query_map([include_resolved], |r| {
                Ok(Conflict {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    table: r.get(2)?,
                    row_key: r.get(3)?,
                    column: r.get(4)?,
                    kept: r.get(5)?,
                    proposed: r.get(6)?,
                    kept_author: r.get(7)?,
                    kept_at: r.get(8)?,
                    proposed_author: r.get(9)?,
                    proposed_at: r.get(10)?,
                    op_id: r.get(11)?,
                    label: None,
                    detail: r.get(12)?,
                    resolved_at: r.get(13)?,
                    resolved_by: r.get(14)?,
                    resolution: r.get(15)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|mut conflict| {
                conflict.label = label(c, &conflict.table, &conflict.row_key)?;
                Ok(conflict)
            })
            .collect()
    })
}

/// The row's title, name or text, if it is still there: the first of these columns it has.
fn label(c: &rusqlite::Connection, table: &str, row_key: &str) -> Result<Option<String>> {
    const NAMED: [&str; 5] = ["title", "family", "name", "body", "summary"];
    let shape = columns(c, table)?;
    let Some(column) = NAMED.iter().find(|n| shape.names.iter().any(|c| c == *n)) else {
        return Ok(None);
    };
    let Ok(key) = serde_json::from_str::<Vec<serde_json::Value>>(row_key) else {
        return Ok(None);
    };
    let key: Vec<Value> = key.iter().map(from_json).collect();
    let sql = format!(
        "SELECT CAST({} AS TEXT) FROM {} WHERE {}",
        quote(column),
        quote(table),
        key_clause(&shape)
    );
    use rusqlite::OptionalExtension;
    Ok(c.query_row(&sql, params_from_iter(key), |r| {
        r.get::<_, Option<String>>(0)
    })
    .optional()?
    .flatten())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Resolution {
    /// The hub's side stands: the entry is only marked resolved.
    Kept,
    /// The pushed side is written now: the column's value, or the whole row.
    Proposed,
}

/// Resolves entry `id`, in one write that syncs: the chosen side and the mark.
pub fn resolve(db: &Db, clock: &dyn Clock, id: &str, choice: Resolution) -> Result<()> {
    let entry = list(db, true)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound { what: "conflict" })?;
    if entry.resolved_at.is_some() {
        return Err(Error::Sync("this conflict is resolved already".into()));
    }
    db.write(|tx| {
        let by = membership(tx)?.map(|m| m.author).unwrap_or_default();
        if choice == Resolution::Proposed {
            let shape = columns(tx, &entry.table)?;
            let key: Vec<Value> = serde_json::from_str::<Vec<serde_json::Value>>(&entry.row_key)?
                .iter()
                .map(from_json)
                .collect();
            let proposed: serde_json::Value = serde_json::from_str(&entry.proposed)?;
            let key_clause = key_clause(&shape);
            match (&entry.column, &proposed) {
                (Some(column), value) => {
                    let sql = format!(
                        "UPDATE {} SET {} = ? WHERE {key_clause}",
                        quote(&entry.table),
                        quote(column)
                    );
                    let n = tx.execute(
                        &sql,
                        params_from_iter(std::iter::once(from_json(value)).chain(key)),
                    )?;
                    if n == 0 {
                        return Err(Error::Sync("the row is gone: nothing to change".into()));
                    }
                }
                (None, serde_json::Value::Object(row)) => {
                    // The whole row as pushed: put back, or its pushed columns written.
                    let names: Vec<&String> = shape
                        .names
                        .iter()
                        .filter(|n| row.contains_key(*n))
                        .collect();
                    let sql = format!(
                        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO UPDATE SET {}",
                        quote(&entry.table),
                        names
                            .iter()
                            .map(|n| quote(n))
                            .collect::<Vec<_>>()
                            .join(", "),
                        vec!["?"; names.len()].join(", "),
                        names
                            .iter()
                            .map(|n| format!("{0} = excluded.{0}", quote(n)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    tx.execute(
                        &sql,
                        params_from_iter(names.iter().map(|n| from_json(&row[*n]))),
                    )
                    .map_err(|e| {
                        Error::Sync(format!(
                            "the pushed version cannot be put back ({e}): what it refers to \
                                 is gone; add that first"
                        ))
                    })?;
                }
                (None, _) => {
                    // A deletion that was refused: delete now.
                    let sql = format!("DELETE FROM {} WHERE {key_clause}", quote(&entry.table));
                    tx.execute(&sql, params_from_iter(key))?;
                }
            }
        }
        tx.execute(
            "UPDATE sync_conflict SET resolved_at = ?1, resolved_by = ?2, resolution = ?3
             WHERE id = ?4",
            rusqlite::params![
                stamp(clock),
                by,
                match choice {
                    Resolution::Kept => "kept",
                    Resolution::Proposed => "proposed",
                },
                id
            ],
        )?;
        Ok(())
    })
}
