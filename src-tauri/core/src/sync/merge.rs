//! How the hub applies one pushed operation to its database, change by change, column by
//! column (docs/SYNC.md, "Conflict rules"). SQLite's own apply decides per row: it would
//! drop a whole row's changes when two people changed different columns of it. Here a
//! column is taken when the hub still holds the value the pusher started from; when both
//! changed it, the hub's value stands and the pushed one goes to the register. Nothing is
//! dropped without a register entry. `updated_at` columns are bookkeeping: the later
//! moment stands, without an entry.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, ErrorCode, OptionalExtension};
use serde_json::{json, Map};

use super::change::{columns, key_json, to_json, Change, Columns, Op};
use super::Role;
use crate::error::{Error, Result};
use crate::ids::new_id;

/// Who pushed the operation, and where it lands in the log.
pub struct Pusher<'a> {
    pub op_id: &'a str,
    pub author: &'a str,
    pub made_at: &'a str,
    pub seq: i64,
}

/// What became of an operation's changes on the hub: each change counts once in
/// `applied`, `unchanged`, `conflicted` or `held`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Changes applied (wholly, or the columns that did not conflict).
    pub applied: usize,
    /// Changes the hub already held (the same value pushed twice, a row already gone).
    pub unchanged: usize,
    /// Changes of which nothing was applied, each with its register entries.
    pub conflicted: usize,
    /// Entries written to the conflict register (an update may write several).
    pub registered: usize,
    /// Deletions held back with a parent row whose deletion went to the register.
    pub held: usize,
}

type RowId = (String, String);

/// Checks the operation against the schema and the pusher's role before anything is
/// written: every table is a synced table the role may write, every row has that table's
/// shape. A forged changeset stops here.
pub fn check(conn: &Connection, synced: &[String], role: Role, changes: &[Change]) -> Result<()> {
    let mut shapes: BTreeMap<&str, Columns> = BTreeMap::new();
    for ch in changes {
        if !synced.contains(&ch.table) {
            return Err(Error::Refused(format!(
                "a change to the table `{}`, which is not synced, was refused",
                ch.table
            )));
        }
        if !shapes.contains_key(ch.table.as_str()) {
            shapes.insert(&ch.table, columns(conn, &ch.table)?);
        }
        let shape = &shapes[ch.table.as_str()];
        if shape.pk != ch.pk || ch.old.len() != shape.names.len() {
            return Err(Error::Refused(format!(
                "a change to `{}` does not match this version's schema",
                ch.table
            )));
        }
        let whole = |side: &[Option<Value>]| side.iter().all(Option::is_some);
        let keyed = |side: &[Option<Value>]| {
            side.iter()
                .zip(&ch.pk)
                .all(|(v, pk)| !pk || v.as_ref().is_some_and(|v| *v != Value::Null))
        };
        let sound = match ch.op {
            Op::Insert => whole(&ch.new),
            Op::Delete => whole(&ch.old),
            Op::Update => keyed(&ch.old),
        };
        if !sound {
            return Err(Error::Refused(format!(
                "a change to `{}` is incomplete",
                ch.table
            )));
        }
        if !permitted(role, ch, shape) {
            return Err(Error::Refused(format!(
                "a member at the door may check people in and add walk-ins only; \
                 a change to `{}` was refused",
                ch.table
            )));
        }
    }
    Ok(())
}

/// What each role may change. The door: attendance, invitations and new people (walk-ins),
/// and the `updated_at` stamps those edits touch elsewhere.
fn permitted(role: Role, ch: &Change, shape: &Columns) -> bool {
    match role {
        Role::Organizer | Role::Admin => true,
        Role::Door => match (ch.table.as_str(), ch.op) {
            ("attendance", _) => true,
            ("invitation", Op::Insert | Op::Update) => true,
            ("person" | "person_name", Op::Insert) => true,
            (_, Op::Update) => ch
                .new
                .iter()
                .zip(&shape.names)
                .all(|(v, name)| v.is_none() || name == "updated_at"),
            _ => false,
        },
    }
}

/// Applies `changes` (checked) on the hub inside the caller's transaction.
pub fn apply(conn: &Connection, who: &Pusher<'_>, changes: &[Change]) -> Result<Outcome> {
    let mut shapes: BTreeMap<String, Columns> = BTreeMap::new();
    for ch in changes {
        if !shapes.contains_key(&ch.table) {
            shapes.insert(ch.table.clone(), columns(conn, &ch.table)?);
        }
    }
    let mut run = Run {
        conn,
        who,
        deleted: changes
            .iter()
            .filter(|c| c.op == Op::Delete)
            .map(|c| (c.table.clone(), key_json(&c.key())))
            .collect(),
        kept_back: BTreeSet::new(),
        out: Outcome::default(),
    };
    for ch in changes {
        let shape = &shapes[&ch.table];
        let key = ch.key();
        let current = row(conn, &ch.table, shape, &key)?;
        let one = One {
            ch,
            shape,
            row_key: key_json(&key),
            key,
        };
        match ch.op {
            Op::Insert => run.insert(&one, current)?,
            Op::Update => run.update(&one, current)?,
            Op::Delete => run.delete(&one, current)?,
        }
    }
    Ok(run.out)
}

/// One change being applied, with its table's shape and the row's key.
struct One<'c> {
    ch: &'c Change,
    shape: &'c Columns,
    key: Vec<Value>,
    row_key: String,
}

/// Applying one operation: what it deletes, what was held back, what became of each change.
struct Run<'a, 'p> {
    conn: &'a Connection,
    who: &'a Pusher<'p>,
    /// Rows the operation itself deletes: a cascade onto them is no conflict.
    deleted: BTreeSet<RowId>,
    /// Rows whose deletion waits with a parent whose deletion went to the register.
    kept_back: BTreeSet<RowId>,
    out: Outcome,
}

impl Run<'_, '_> {
    /// Writes one entry to the conflict register.
    fn register(
        &mut self,
        one: &One<'_>,
        kind: &str,
        column: Option<&str>,
        kept: serde_json::Value,
        proposed: serde_json::Value,
        detail: &str,
    ) -> Result<()> {
        let table = &one.ch.table;
        conflict(
            self.conn,
            self.who,
            kind,
            table,
            &one.row_key,
            column,
            kept,
            proposed,
            detail,
        )?;
        self.out.registered += 1;
        Ok(())
    }

    /// A change of which nothing is applied: it goes to the register whole.
    fn refuse(
        &mut self,
        one: &One<'_>,
        kind: &str,
        kept: serde_json::Value,
        proposed: serde_json::Value,
        detail: &str,
    ) -> Result<()> {
        self.register(one, kind, None, kept, proposed, detail)?;
        self.out.conflicted += 1;
        Ok(())
    }

    /// Runs the change's statement; a constraint it breaks sends the change to the register.
    fn execute(
        &mut self,
        one: &One<'_>,
        sql: &str,
        values: impl IntoIterator<Item = Value>,
        kept: serde_json::Value,
        proposed: serde_json::Value,
    ) -> Result<()> {
        match refused(self.conn.execute(sql, params_from_iter(values)))? {
            None => self.out.applied += 1,
            Some((kind, message)) => self.refuse(one, kind, kept, proposed, &message)?,
        }
        Ok(())
    }

    fn insert(&mut self, one: &One<'_>, current: Option<Vec<Value>>) -> Result<()> {
        let shape = one.shape;
        let new: Vec<Value> = one.ch.new.iter().map(|v| v.clone().unwrap()).collect();
        if let Some(cur) = current {
            if cur == new {
                self.out.unchanged += 1;
                return Ok(());
            }
            let (kept, proposed) = (object(shape, &cur), object(shape, &new));
            let detail = "added on two machines with the same key";
            return self.refuse(one, "unique", kept, proposed, detail);
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(&one.ch.table),
            shape
                .names
                .iter()
                .map(|n| quote(n))
                .collect::<Vec<_>>()
                .join(", "),
            vec!["?"; new.len()].join(", ")
        );
        let proposed = object(shape, &new);
        self.execute(one, &sql, new, json!(null), proposed)
    }

    /// Takes each column whose hub value is still the one the pusher started from; a column
    /// both changed goes to the register, the hub's value standing.
    fn update(&mut self, one: &One<'_>, current: Option<Vec<Value>>) -> Result<()> {
        let (ch, shape) = (one.ch, one.shape);
        let Some(cur) = current else {
            let proposed = changed(shape, &ch.new);
            let detail = "changed here, deleted on another machine";
            return self.refuse(one, "not_found", json!(null), proposed, detail);
        };
        let mut sets: Vec<(usize, Value)> = Vec::new();
        let mut clashed = 0;
        for (c, new) in ch.new.iter().enumerate() {
            let Some(new) = new else { continue };
            if shape.pk[c] || cur[c] == *new {
                continue;
            }
            let old = ch.old[c].clone().unwrap_or(Value::Null);
            if cur[c] == old {
                sets.push((c, new.clone()));
            } else if shape.names[c] == "updated_at" {
                // Bookkeeping, not content: the later moment stands, no entry.
                if stamp_after(new, &cur[c]) {
                    sets.push((c, new.clone()));
                }
            } else {
                let (kept, proposed) = (to_json(&cur[c]), to_json(new));
                let detail = "changed on two machines";
                self.register(one, "data", Some(&shape.names[c]), kept, proposed, detail)?;
                clashed += 1;
            }
        }
        if sets.is_empty() {
            match clashed {
                0 => self.out.unchanged += 1,
                _ => self.out.conflicted += 1,
            }
            return Ok(());
        }
        let sql = format!(
            "UPDATE {} SET {} WHERE {}",
            quote(&ch.table),
            sets.iter()
                .map(|(c, _)| format!("{} = ?", quote(&shape.names[*c])))
                .collect::<Vec<_>>()
                .join(", "),
            key_clause(shape)
        );
        let values = sets.into_iter().map(|(_, v)| v).chain(one.key.clone());
        let (kept, proposed) = (object(shape, &cur), changed(shape, &ch.new));
        self.execute(one, &sql, values, kept, proposed)
    }

    /// Deletes the row unless it was changed since the pusher saw it, or rows added
    /// elsewhere still refer to it: then the row and what hangs on it stay.
    fn delete(&mut self, one: &One<'_>, current: Option<Vec<Value>>) -> Result<()> {
        let (ch, shape) = (one.ch, one.shape);
        let Some(cur) = current else {
            self.out.unchanged += 1;
            return Ok(());
        };
        if self
            .kept_back
            .contains(&(ch.table.clone(), one.row_key.clone()))
        {
            // A row whose parent's deletion was refused stays with its parent.
            self.out.held += 1;
            return Ok(());
        }
        let old: Vec<Value> = ch.old.iter().map(|v| v.clone().unwrap()).collect();
        let dependants = cascade(self.conn, &ch.table, &one.key)?;
        let unseen: Vec<&RowId> = dependants
            .iter()
            .filter(|d| !self.deleted.contains(*d))
            .collect();
        if cur != old {
            let detail = "deleted here, changed on another machine";
            self.refuse(one, "data", object(shape, &cur), json!(null), detail)?;
            self.kept_back.extend(dependants);
            return Ok(());
        }
        if !unseen.is_empty() {
            let kept = json!(unseen
                .iter()
                .map(|(t, k)| json!({ "table": t, "key": serde_json::from_str::<serde_json::Value>(k).unwrap_or_default() }))
                .collect::<Vec<_>>());
            let detail = "deleted here, still referred to by rows added on another machine";
            self.refuse(one, "foreign_key", kept, json!(null), detail)?;
            self.kept_back.extend(dependants);
            return Ok(());
        }
        let sql = format!(
            "DELETE FROM {} WHERE {}",
            quote(&ch.table),
            key_clause(shape)
        );
        let kept = object(shape, &cur);
        self.execute(one, &sql, one.key.clone(), kept, json!(null))
    }
}

/// Timestamps are RFC 3339 text in UTC, which sorts as time.
fn stamp_after(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Text(a), Value::Text(b)) => a > b,
        (Value::Text(_), Value::Null) => true,
        _ => false,
    }
}

/// The hub's row with this key, every column, or `None`.
fn row(
    conn: &Connection,
    table: &str,
    shape: &Columns,
    key: &[Value],
) -> Result<Option<Vec<Value>>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE {}",
        shape
            .names
            .iter()
            .map(|n| quote(n))
            .collect::<Vec<_>>()
            .join(", "),
        quote(table),
        key_clause(shape)
    );
    let n = shape.names.len();
    Ok(conn
        .query_row(&sql, params_from_iter(key), |r| {
            (0..n)
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .optional()?)
}

/// Every row that deleting (table, key) would delete through ON DELETE CASCADE, at any depth.
fn cascade(conn: &Connection, table: &str, key: &[Value]) -> Result<BTreeSet<RowId>> {
    let mut out = BTreeSet::new();
    let mut todo = vec![(table.to_string(), key.to_vec())];
    while let Some((parent, pkey)) = todo.pop() {
        let parent_shape = columns(conn, &parent)?;
        let mut stmt = conn.prepare(
            "SELECT m.name, f.\"from\", f.\"to\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = ?1 AND f.on_delete = 'CASCADE'",
        )?;
        let links: Vec<(String, String, Option<String>)> = stmt
            .query_map([&parent], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (child, from, to) in links {
            // The referenced column: named, or the parent's single-column key.
            let to_index = match &to {
                Some(to) => parent_shape.names.iter().position(|n| n == to),
                None => parent_shape.pk.iter().position(|p| *p),
            };
            let Some(to_index) = to_index else { continue };
            let pk_pos: Vec<usize> = parent_shape
                .pk
                .iter()
                .enumerate()
                .filter(|(_, p)| **p)
                .map(|(i, _)| i)
                .collect();
            let Some(value) = pk_pos
                .iter()
                .position(|i| *i == to_index)
                .map(|k| pkey[k].clone())
            else {
                continue;
            };
            let child_shape = columns(conn, &child)?;
            let sql = format!(
                "SELECT {} FROM {} WHERE {} = ?1",
                child_shape
                    .names
                    .iter()
                    .zip(&child_shape.pk)
                    .filter(|(_, pk)| **pk)
                    .map(|(n, _)| quote(n))
                    .collect::<Vec<_>>()
                    .join(", "),
                quote(&child),
                quote(&from)
            );
            let width = child_shape.pk.iter().filter(|p| **p).count();
            let mut stmt = conn.prepare(&sql)?;
            let keys: Vec<Vec<Value>> = stmt
                .query_map([value], |r| {
                    (0..width).map(|i| r.get::<_, Value>(i)).collect()
                })?
                .collect::<rusqlite::Result<_>>()?;
            for k in keys {
                if out.insert((child.clone(), key_json(&k))) {
                    todo.push((child.clone(), k));
                }
            }
        }
    }
    Ok(out)
}

/// A constraint the statement broke, as a register kind and SQLite's message; other errors
/// are errors.
fn refused(r: rusqlite::Result<usize>) -> Result<Option<(&'static str, String)>> {
    match r {
        Ok(_) => Ok(None),
        Err(rusqlite::Error::SqliteFailure(e, message))
            if e.code == ErrorCode::ConstraintViolation =>
        {
            let kind = match e.extended_code {
                rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => "foreign_key",
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => "unique",
                _ => "constraint",
            };
            Ok(Some((kind, message.unwrap_or_default())))
        }
        Err(e) => Err(e.into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn conflict(
    conn: &Connection,
    who: &Pusher<'_>,
    kind: &str,
    table: &str,
    row_key: &str,
    column: Option<&str>,
    kept: serde_json::Value,
    proposed: serde_json::Value,
    detail: &str,
) -> Result<()> {
    let last: Option<(String, String)> = conn
        .query_row(
            "SELECT author, changed_at FROM hub_row WHERE table_name = ?1 AND row_key = ?2",
            [table, row_key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    conn.execute(
        "INSERT INTO sync_conflict (id, kind, table_name, row_key, column_name, kept, proposed,
             kept_author, kept_at, proposed_author, proposed_at, op_id, seq, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        rusqlite::params![
            new_id(),
            kind,
            table,
            row_key,
            column,
            kept.to_string(),
            proposed.to_string(),
            last.as_ref().map(|l| &l.0),
            last.as_ref().map(|l| &l.1),
            who.author,
            who.made_at,
            who.op_id,
            who.seq,
            detail
        ],
    )?;
    Ok(())
}

fn object(shape: &Columns, row: &[Value]) -> serde_json::Value {
    let mut m = Map::new();
    for (name, v) in shape.names.iter().zip(row) {
        m.insert(name.clone(), to_json(v));
    }
    serde_json::Value::Object(m)
}

/// The columns an update sets, as an object.
fn changed(shape: &Columns, new: &[Option<Value>]) -> serde_json::Value {
    let mut m = Map::new();
    for (name, v) in shape.names.iter().zip(new) {
        if let Some(v) = v {
            m.insert(name.clone(), to_json(v));
        }
    }
    serde_json::Value::Object(m)
}

pub(crate) fn key_clause(shape: &Columns) -> String {
    shape
        .names
        .iter()
        .zip(&shape.pk)
        .filter(|(_, pk)| **pk)
        .map(|(n, _)| format!("{} = ?", quote(n)))
        .collect::<Vec<_>>()
        .join(" AND ")
}

pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
