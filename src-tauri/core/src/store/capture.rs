//! What sync sees of a write: SQLite's session extension records the changes a
//! transaction makes to the synced tables as one changeset (docs/SYNC.md). Once this
//! database has joined a team (a `sync_state` row), every `Db::write` stores its
//! changeset in the outbox, in the same transaction, for the hub.
//!
//! Synced are all base tables but [`is_local`] ones: the search index (rebuilt by triggers on
//! every machine), per-machine settings and sync's own bookkeeping.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::session::Session;
use rusqlite::{params, Connection, OptionalExtension};

use crate::clock::{stamp, SystemClock};
use crate::error::Result;
use crate::ids::new_id;

/// Sync's own bookkeeping of this machine (or hub): never synced, never in an archive.
pub const BOOKKEEPING: [&str; 6] = [
    "sync_state",
    "sync_outbox",
    "hub_log",
    "hub_row",
    "hub_member",
    "hub_invite",
];

/// Per-machine tables besides the bookkeeping: the settings (interface language, window,
/// first-run flags) and the search index's documents (rebuilt by triggers everywhere).
pub const PER_MACHINE: [&str; 3] = ["setting", "search_doc", "search_stale"];

/// Caches each machine makes again from the data (pictures' previews): never synced,
/// never in an archive.
pub const CACHES: [&str; 1] = ["attachment_thumb"];

/// Whether a table never leaves this machine: the bookkeeping, the per-machine tables and
/// the caches.
/// The FTS5 indexes' own tables (`search_index*`, `search_short*`) and SQLite's are left
/// out as well;
/// everything else is synced, so a new table is synced unless it is named above
/// (tests/core/sync.rs lists the synced set).
pub fn is_local(table: &str) -> bool {
    BOOKKEEPING.contains(&table) || PER_MACHINE.contains(&table) || CACHES.contains(&table)
}

/// The synced tables, parents before the tables that refer to them: a changeset lists
/// its tables in the order they were attached, so inserts meet their parents first.
pub fn synced_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'
           AND name NOT LIKE 'search_short%'
           AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%'
         ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let names: Vec<String> = names.into_iter().filter(|n| !is_local(n)).collect();
    let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for name in &names {
        let mut fk = conn.prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")?;
        let set = fk
            .query_map([name], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<BTreeSet<_>>>()?;
        parents.insert(
            name.clone(),
            set.into_iter().filter(|p| p != name).collect(),
        );
    }
    // Kahn's order, alphabetical among equals, so every machine attaches alike.
    let mut out = Vec::with_capacity(names.len());
    let mut placed = BTreeSet::new();
    while out.len() < names.len() {
        let next = names
            .iter()
            .find(|n| !placed.contains(*n) && parents[*n].iter().all(|p| placed.contains(p)))
            .or_else(|| names.iter().find(|n| !placed.contains(*n)))
            .expect("a table left to place")
            .clone();
        placed.insert(next.clone());
        out.push(next);
    }
    Ok(out)
}

/// Runs `f` with a session recording the synced `tables` on `conn`, and returns what it
/// returned and the changeset of what it changed there (empty when nothing changed).
pub fn recorded<T>(
    conn: &Connection,
    tables: &[String],
    f: impl FnOnce() -> Result<T>,
) -> Result<(T, Vec<u8>)> {
    let mut session = Session::new(conn)?;
    for table in tables {
        session.attach(Some(table.as_str()))?;
    }
    let out = f()?;
    let mut changeset = Vec::new();
    if !session.is_empty() {
        session.changeset_strm(&mut changeset)?;
    }
    Ok((out, changeset))
}

/// This database's membership of a team, when it has joined one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub replica_id: String,
    pub author: String,
    pub hub_url: Option<String>,
    pub last_seq: i64,
}

pub fn membership(conn: &Connection) -> Result<Option<Membership>> {
    Ok(conn
        .query_row(
            "SELECT replica_id, author, hub_url, last_seq FROM sync_state WHERE id = 1",
            [],
            |r| {
                Ok(Membership {
                    replica_id: r.get(0)?,
                    author: r.get(1)?,
                    hub_url: r.get(2)?,
                    last_seq: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Puts one transaction's changeset in the outbox (inside that transaction).
pub fn to_outbox(conn: &Connection, changeset: &[u8]) -> Result<()> {
    let Some(me) = membership(conn)? else {
        return Ok(());
    };
    conn.execute(
        "INSERT INTO sync_outbox (op_id, base_seq, author, made_at, changeset, applied)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            new_id(),
            me.last_seq,
            me.author,
            stamp(&SystemClock),
            changeset
        ],
    )?;
    Ok(())
}
