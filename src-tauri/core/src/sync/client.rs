//! A laptop's side of sync: joining a team, the outbox it pushes, and taking in the
//! hub's log. Local changes not yet acknowledged are rebased on what arrives: undone
//! (their inverse applied, newest first), the hub's entries applied in order, then made
//! again on top — so once the outbox is empty, the laptop holds exactly the hub's rows.

use std::path::Path;

use rusqlite::session::{invert_strm, ConflictAction, ConflictType};
use rusqlite::{params, Connection, OptionalExtension};

use super::{refuse_demo, Entry, Push};
use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::store::capture::{membership, recorded, Membership};
use crate::store::schema::schema_version;
use crate::Db;

/// Makes `db` a member of a team whose hub stands at `last_seq` (0 when this laptop
/// founded the hub; the snapshot's sequence when it came from the hub). From now on
/// every write goes to the outbox as well.
pub fn join(
    db: &Db,
    clock: &dyn Clock,
    author: &str,
    hub_url: Option<&str>,
    last_seq: i64,
) -> Result<Membership> {
    let author = author.trim();
    if author.is_empty() {
        return Err(Error::invalid("author", crate::InvalidReason::Required));
    }
    db.write_unrecorded(|tx| {
        if membership(tx)?.is_some() {
            return Err(Error::Sync(
                "this database is a member of a team already".into(),
            ));
        }
        refuse_demo(tx)?;
        tx.execute(
            "INSERT INTO sync_state (id, replica_id, author, hub_url, last_seq, joined_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)",
            params![new_id(), author, hub_url, last_seq, stamp(clock)],
        )?;
        Ok(())
    })?;
    db.set_capture(true);
    db.read(|c| membership(c)?.ok_or(Error::NotFound { what: "membership" }))
}

/// Opens the hub's snapshot written at `path` (hub::snapshot) as this laptop's database,
/// a member standing at `seq`.
pub fn open_snapshot(
    path: &Path,
    clock: &dyn Clock,
    author: &str,
    hub_url: Option<&str>,
    seq: i64,
) -> Result<Db> {
    let db = Db::open(path)?;
    join(&db, clock, author, hub_url, seq)?;
    Ok(db)
}

/// The operations waiting for the hub, oldest first.
pub fn outbox(db: &Db) -> Result<Vec<Push>> {
    db.read(|c| {
        let Some(me) = membership(c)? else {
            return Ok(Vec::new());
        };
        let mut stmt = c.prepare(
            "SELECT op_id, author, base_seq, made_at, changeset FROM sync_outbox ORDER BY rowid",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Push {
                    schema: schema_version(),
                    op_id: r.get(0)?,
                    origin: me.replica_id.clone(),
                    author: r.get(1)?,
                    base_seq: r.get(2)?,
                    made_at: r.get(3)?,
                    changeset: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

/// What a pull did here.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// Hub entries applied.
    pub applied: usize,
    /// This laptop's own operations among them, now off the outbox.
    pub acknowledged: usize,
    /// Local operations still waiting, made again on top.
    pub waiting: usize,
}

/// Takes in the hub's log entries (in order, following on from this laptop's sequence;
/// entries it holds already are skipped), rebasing the outbox on them. One transaction:
/// killed halfway, the laptop is as it was before.
pub fn receive(db: &Db, entries: &[Entry]) -> Result<Received> {
    db.write_unrecorded(|tx| {
        let me =
            membership(tx)?.ok_or_else(|| Error::Sync("this database is not in a team".into()))?;
        let entries: Vec<&Entry> = entries.iter().filter(|e| e.seq > me.last_seq).collect();
        let Some(last) = entries.last() else {
            return Ok(Received::default());
        };
        for (i, e) in entries.iter().enumerate() {
            if e.seq != me.last_seq + 1 + i as i64 {
                return Err(Error::Sync(format!(
                    "the hub's log skips from {} to {}: pull again",
                    me.last_seq + i as i64,
                    e.seq
                )));
            }
        }
        let tables = db.synced_tables();
        let mut pending = waiting(tx)?;
        undo(tx, &pending)?;
        let mut out = Received::default();
        for e in &entries {
            if !e.effect.is_empty() {
                apply(tx, &e.effect)?;
            }
            out.applied += 1;
            if let Some(i) = pending.iter().position(|p| p.op_id == e.op_id) {
                tx.execute("DELETE FROM sync_outbox WHERE op_id = ?1", [&e.op_id])?;
                pending.remove(i);
                out.acknowledged += 1;
            }
        }
        redo(tx, tables, &pending)?;
        out.waiting = pending.len();
        tx.execute(
            "UPDATE sync_state SET last_seq = ?1 WHERE id = 1",
            [last.seq],
        )?;
        Ok(out)
    })
}

/// The hub refused operation `op_id` for good: it leaves the outbox and is undone here,
/// the operations after it made again on top.
pub fn drop_refused(db: &Db, op_id: &str) -> Result<()> {
    db.write_unrecorded(|tx| {
        let tables = db.synced_tables();
        let mut pending = waiting(tx)?;
        undo(tx, &pending)?;
        pending.retain(|p| p.op_id != op_id);
        tx.execute("DELETE FROM sync_outbox WHERE op_id = ?1", [op_id])?;
        redo(tx, tables, &pending)?;
        Ok(())
    })
}

/// Notes how the last exchange with the hub went: when it `went_through` (the time is
/// kept), and what to tell the organizer (`None` clears the last message).
pub fn note_exchange(
    db: &Db,
    clock: &dyn Clock,
    went_through: bool,
    message: Option<&str>,
) -> Result<()> {
    db.write_unrecorded(|tx| {
        if went_through {
            tx.execute(
                "UPDATE sync_state SET synced_at = ?1 WHERE id = 1",
                [stamp(clock)],
            )?;
        }
        tx.execute(
            "UPDATE sync_state SET last_error = ?1 WHERE id = 1",
            [message],
        )?;
        Ok(())
    })
}

/// Undoes the waiting operations here, newest first: the laptop is back at its sequence.
fn undo(tx: &Connection, pending: &[Waiting]) -> Result<()> {
    for p in pending.iter().rev() {
        if !p.applied.is_empty() {
            apply(tx, &invert(&p.applied)?)?;
        }
    }
    Ok(())
}

/// Makes the waiting operations again on what the laptop holds now, each recording what
/// it did for the next undo. What cannot be made (its parent row was deleted meanwhile)
/// stays out here and waits for the hub's verdict.
fn redo(tx: &Connection, tables: &[String], pending: &[Waiting]) -> Result<()> {
    for p in pending {
        tx.execute_batch("SAVEPOINT redo")?;
        let applied = match recorded(tx, tables, || apply(tx, &p.changeset)) {
            Ok(((), applied)) => {
                tx.execute_batch("RELEASE redo")?;
                applied
            }
            Err(_) => {
                tx.execute_batch("ROLLBACK TO redo; RELEASE redo")?;
                Vec::new()
            }
        };
        tx.execute(
            "UPDATE sync_outbox SET applied = ?1 WHERE op_id = ?2",
            params![applied, p.op_id],
        )?;
    }
    Ok(())
}

/// Where this laptop's hub is and how it proves itself: address, pinned certificate
/// fingerprint and the organizer's token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub hub_url: String,
    pub hub_pin: String,
    pub token: String,
}

pub fn credentials(db: &Db) -> Result<Option<Credentials>> {
    db.read(|c| {
        Ok(c.query_row(
            "SELECT hub_url, hub_pin, token FROM sync_state
             WHERE hub_url IS NOT NULL AND hub_pin IS NOT NULL AND token IS NOT NULL",
            [],
            |r| {
                Ok(Credentials {
                    hub_url: r.get(0)?,
                    hub_pin: r.get(1)?,
                    token: r.get(2)?,
                })
            },
        )
        .optional()?)
    })
}

/// Keeps the hub's address, pin and this organizer's token (after joining over the network).
pub fn set_credentials(db: &Db, creds: &Credentials) -> Result<()> {
    db.write_unrecorded(|tx| {
        tx.execute(
            "UPDATE sync_state SET hub_url = ?1, hub_pin = ?2, token = ?3 WHERE id = 1",
            params![creds.hub_url, creds.hub_pin, creds.token],
        )?;
        Ok(())
    })
}

/// The sync indicator's data, for the app.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncStatus {
    /// This database is in a team.
    pub member: bool,
    pub author: Option<String>,
    pub hub_url: Option<String>,
    /// Changes made here that the hub has not acknowledged yet.
    #[ts(type = "number")]
    pub waiting: i64,
    #[ts(type = "number")]
    pub open_conflicts: i64,
    /// The last exchange with the hub that went through (RFC 3339, UTC).
    pub synced_at: Option<String>,
    /// Why the last exchange did not go through, or what the hub refused.
    pub last_error: Option<String>,
}

pub fn summary(db: &Db) -> Result<SyncStatus> {
    let s = status(db)?;
    Ok(SyncStatus {
        member: s.member.is_some(),
        author: s.member.as_ref().map(|m| m.author.clone()),
        hub_url: s.member.as_ref().and_then(|m| m.hub_url.clone()),
        waiting: s.waiting,
        open_conflicts: s.open_conflicts,
        synced_at: s.synced_at,
        last_error: s.last_error,
    })
}

/// This laptop's sync at a glance: the sidebar's indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub member: Option<Membership>,
    pub waiting: i64,
    pub open_conflicts: i64,
    pub synced_at: Option<String>,
    pub last_error: Option<String>,
}

pub fn status(db: &Db) -> Result<Status> {
    db.read(|c| {
        Ok(Status {
            member: membership(c)?,
            waiting: c.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?,
            open_conflicts: c.query_row(
                "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL",
                [],
                |r| r.get(0),
            )?,
            synced_at: c
                .query_row("SELECT synced_at FROM sync_state", [], |r| r.get(0))
                .optional()?
                .flatten(),
            last_error: c
                .query_row("SELECT last_error FROM sync_state", [], |r| r.get(0))
                .optional()?
                .flatten(),
        })
    })
}

struct Waiting {
    op_id: String,
    changeset: Vec<u8>,
    applied: Vec<u8>,
}

fn waiting(c: &Connection) -> Result<Vec<Waiting>> {
    let mut stmt = c.prepare("SELECT op_id, changeset, applied FROM sync_outbox ORDER BY rowid")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Waiting {
                op_id: r.get(0)?,
                changeset: r.get(1)?,
                applied: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn invert(changeset: &[u8]) -> Result<Vec<u8>> {
    let mut input: &[u8] = changeset;
    let mut out = Vec::new();
    invert_strm(&mut input, &mut out)?;
    Ok(out)
}

/// Applies a changeset here. Where a row is not as the changeset expects, its values win
/// (the hub's entries are the truth; our waiting changes are ours until the hub judges
/// them), and a change to a row that is gone is left out. A change that would leave a
/// row pointing at nothing aborts the apply: OMIT would commit it.
fn apply(c: &Connection, changeset: &[u8]) -> Result<()> {
    let mut input: &[u8] = changeset;
    c.apply_strm(
        &mut input,
        None::<fn(&str) -> bool>,
        |kind, _item| match kind {
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            ConflictType::SQLITE_CHANGESET_NOTFOUND | ConflictType::SQLITE_CHANGESET_CONSTRAINT => {
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            _ => ConflictAction::SQLITE_CHANGESET_ABORT,
        },
    )?;
    Ok(())
}
