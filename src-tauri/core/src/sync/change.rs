//! A changeset read into plain values: one [`Change`] per row, with the table's column
//! names, so the hub can weigh each column against its own row.

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::session::ChangesetIter;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::store::dump;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

/// One row's change. `old`/`new` hold a value per column, `None` where the changeset
/// says nothing (an update's unchanged columns; the other side of an insert or delete).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub table: String,
    pub op: Op,
    pub pk: Vec<bool>,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

impl Change {
    /// The primary key's values, from whichever side holds them.
    pub fn key(&self) -> Vec<Value> {
        let side = match self.op {
            Op::Insert => &self.new,
            _ => &self.old,
        };
        self.pk
            .iter()
            .zip(side)
            .filter(|(is_pk, _)| **is_pk)
            .map(|(_, v)| v.clone().unwrap_or(Value::Null))
            .collect()
    }
}

/// The changes of `changeset`, in its order. A changeset that does not parse (truncated,
/// forged) is refused as a whole.
pub fn read(changeset: &[u8]) -> Result<Vec<Change>> {
    let bad = |e: rusqlite::Error| Error::Refused(format!("a changeset does not parse: {e}"));
    let mut out = Vec::new();
    let mut input: &[u8] = changeset;
    let input: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&input).map_err(bad)?;
    while let Some(item) = iter.next().map_err(bad)? {
        let op = item.op().map_err(bad)?;
        let n = op.number_of_columns() as usize;
        let code = match op.code() {
            rusqlite::hooks::Action::SQLITE_INSERT => Op::Insert,
            rusqlite::hooks::Action::SQLITE_UPDATE => Op::Update,
            rusqlite::hooks::Action::SQLITE_DELETE => Op::Delete,
            _ => {
                return Err(Error::Refused(
                    "a changeset holds an unknown operation".into(),
                ))
            }
        };
        let table = op.table_name().to_string();
        let pk = item.pk().map_err(bad)?.iter().map(|b| *b != 0).collect();
        let mut old = vec![None; n];
        let mut new = vec![None; n];
        for col in 0..n {
            if code != Op::Insert {
                old[col] = present(item.old_value(col)).map_err(bad)?;
            }
            if code != Op::Delete {
                new[col] = present(item.new_value(col)).map_err(bad)?;
            }
        }
        out.push(Change {
            table,
            op: code,
            pk,
            old,
            new,
        });
    }
    Ok(out)
}

/// A changeset says "no value" for an update's unchanged columns; rusqlite reports that
/// as an invalid column index, which is `None` here (a real NULL is `Some(Null)`).
fn present(v: rusqlite::Result<ValueRef<'_>>) -> rusqlite::Result<Option<Value>> {
    match v {
        Ok(v) => Ok(Some(match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        })),
        Err(rusqlite::Error::InvalidColumnIndex(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A table's column names in order, and which belong to its primary key.
#[derive(Debug, Clone)]
pub struct Columns {
    pub names: Vec<String>,
    pub pk: Vec<bool>,
}

pub fn columns(conn: &Connection, table: &str) -> Result<Columns> {
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows: Vec<(String, i64)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Columns {
        names: rows.iter().map(|(n, _)| n.clone()).collect(),
        pk: rows.iter().map(|(_, pk)| *pk > 0).collect(),
    })
}

/// A value as JSON, for the conflict register: as an archive writes it (store/dump.rs).
pub fn to_json(v: &Value) -> serde_json::Value {
    dump::to_json(v.into())
}

/// A register's JSON value back as a column's value (anything unreadable as its text).
pub fn from_json(v: &serde_json::Value) -> Value {
    dump::from_json(v).unwrap_or_else(|| Value::Text(v.to_string()))
}

/// The JSON array of a row's key, as the register and `hub_row` store it.
pub fn key_json(key: &[Value]) -> String {
    serde_json::Value::Array(key.iter().map(to_json).collect()).to_string()
}
