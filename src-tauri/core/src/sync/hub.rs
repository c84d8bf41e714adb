//! The hub: the canonical database and its append-only log. It applies each pushed
//! operation once, in the order pushes arrive (merge.rs weighs every column), and logs the
//! operation's effect — the changeset SQLite recorded on the hub while applying it, the
//! register entries included — which is what every client pulls.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::change;
use super::merge::{self, Outcome, Pusher};
use super::{Entry, Push, Role};
use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::store::capture::recorded;
use crate::store::schema::schema_version;
use crate::Db;

/// What the hub answered a push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accepted {
    /// The operation's place in the log.
    pub seq: i64,
    /// False when the hub had it already (a retried push): nothing was applied again.
    pub new: bool,
    pub outcome: Outcome,
}

/// Applies one pushed operation, once: a push whose operation id the log already holds
/// answers with its sequence and changes nothing. A changeset that does not parse, names a
/// table outside the synced set or another schema, or goes beyond the pusher's `role`, is
/// refused with the hub unchanged.
pub fn push(hub: &Db, clock: &dyn Clock, role: Role, p: &Push) -> Result<Accepted> {
    let mut answers = push_all(hub, clock, &[(role, p)])?;
    answers.remove(0)
}

/// Applies the pushes that arrived together, in order, in one transaction: one commit (one
/// fsync) for all of them instead of one each, which is what keeps a busy hub's answers
/// quick (group commit). Each push is applied under a savepoint of its own, so a refused one
/// leaves no trace and does not stop the others; each answer holds only once the whole
/// batch is committed. The outer error is the commit's: then none of them was applied.
pub fn push_all(
    hub: &Db,
    clock: &dyn Clock,
    pushes: &[(Role, &Push)],
) -> Result<Vec<Result<Accepted>>> {
    hub.write_unrecorded(|tx| {
        let mut answers = Vec::with_capacity(pushes.len());
        for (role, p) in pushes {
            tx.execute_batch("SAVEPOINT push")?;
            let answer = apply_one(hub, tx, clock, *role, p);
            tx.execute_batch(if answer.is_ok() {
                "RELEASE push"
            } else {
                "ROLLBACK TO push; RELEASE push"
            })?;
            answers.push(answer);
        }
        Ok(answers)
    })
}

fn apply_one(
    hub: &Db,
    tx: &Connection,
    clock: &dyn Clock,
    role: Role,
    p: &Push,
) -> Result<Accepted> {
    if p.schema != schema_version() {
        return Err(schema_mismatch(p.schema));
    }
    if let Some(seq) = logged(tx, &p.op_id)? {
        return Ok(Accepted {
            seq,
            new: false,
            outcome: Outcome::default(),
        });
    }
    let synced = hub.synced_tables();
    let changes = change::read(&p.changeset)?;
    merge::check(tx, synced, role, &changes)?;
    let seq = last_seq(tx)? + 1;
    let who = Pusher {
        op_id: &p.op_id,
        author: &p.author,
        made_at: &p.made_at,
        seq,
    };
    let (outcome, effect) = recorded(tx, synced, || merge::apply(tx, &who, &changes))?;
    let now = stamp(clock);
    tx.execute(
        "INSERT INTO hub_log (seq, op_id, origin, author, base_seq, made_at, received_at,
             effect, applied, unchanged, conflicted, held)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            seq,
            p.op_id,
            p.origin,
            p.author,
            p.base_seq,
            p.made_at,
            now,
            effect,
            outcome.applied as i64,
            outcome.unchanged as i64,
            outcome.conflicted as i64,
            outcome.held as i64
        ],
    )?;
    for ch in change::read(&effect)? {
        tx.execute(
            "INSERT INTO hub_row (table_name, row_key, seq, author, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (table_name, row_key) DO UPDATE
             SET seq = excluded.seq, author = excluded.author, changed_at = excluded.changed_at",
            params![ch.table, change::key_json(&ch.key()), seq, p.author, now],
        )?;
    }
    Ok(Accepted {
        seq,
        new: true,
        outcome,
    })
}

/// The log after `since`, at most `limit` entries, in order.
pub fn pull(hub: &Db, schema: i64, since: i64, limit: usize) -> Result<Vec<Entry>> {
    if schema != schema_version() {
        return Err(schema_mismatch(schema));
    }
    hub.read(|c| {
        let mut stmt = c.prepare(
            "SELECT seq, op_id, origin, author, made_at, effect FROM hub_log
             WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![since, limit as i64], |r| {
                Ok(Entry {
                    seq: r.get(0)?,
                    op_id: r.get(1)?,
                    origin: r.get(2)?,
                    author: r.get(3)?,
                    made_at: r.get(4)?,
                    effect: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

/// The newest sequence in the log (0 for a new hub).
pub fn head(hub: &Db) -> Result<i64> {
    hub.read(last_seq)
}

/// Starts a hub at `hub_path` from a laptop's database (its data becomes the team's;
/// demonstration rows are refused, they never leave a machine). The log starts empty:
/// the laptop then joins at sequence 0.
pub fn found(from: &Db, hub_path: &Path) -> Result<Db> {
    if hub_path.exists() {
        return Err(Error::Sync(format!(
            "{} exists already; a hub is started in a new file",
            hub_path.display()
        )));
    }
    from.read(|c| {
        super::refuse_demo(c)?;
        c.execute("VACUUM INTO ?1", [hub_path.to_string_lossy()])?;
        Ok(())
    })?;
    let hub = Db::open(hub_path)?;
    hub.write_unrecorded(|tx| {
        tx.execute_batch(
            "DELETE FROM sync_state; DELETE FROM sync_outbox; DELETE FROM hub_log; DELETE FROM hub_row;",
        )?;
        Ok(())
    })?;
    hub.set_capture(false);
    Ok(hub)
}

/// A copy of the hub's database for a new laptop, written to `to`: every synced table as
/// it stands, and the sequence it stands at. The hub's own tables are emptied in the copy.
pub fn snapshot(hub: &Db, to: &Path) -> Result<i64> {
    hub.read(|c| {
        c.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
        Ok(())
    })?;
    let copy = Connection::open(to)?;
    let seq = last_seq(&copy)?;
    copy.execute_batch("DELETE FROM hub_log; DELETE FROM hub_row; VACUUM;")?;
    Ok(seq)
}

fn logged(c: &Connection, op_id: &str) -> Result<Option<i64>> {
    Ok(
        c.query_row("SELECT seq FROM hub_log WHERE op_id = ?1", [op_id], |r| {
            r.get(0)
        })
        .optional()?,
    )
}

fn last_seq(c: &Connection) -> Result<i64> {
    Ok(
        c.query_row("SELECT coalesce(max(seq), 0) FROM hub_log", [], |r| {
            r.get(0)
        })?,
    )
}

fn schema_mismatch(theirs: i64) -> Error {
    Error::Sync(format!(
        "this machine's Club Planner has schema version {theirs}, the hub's has {}: \
         update Club Planner on the older side before syncing",
        schema_version()
    ))
}
