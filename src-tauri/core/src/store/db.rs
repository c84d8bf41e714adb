//! The database: a `Db` with one writer and one reader connection, opened through the
//! one connection setup and migrated (a verified backup first when an older schema is
//! upgraded). Every write is one `BEGIN IMMEDIATE` transaction; once the database has
//! joined a team, that transaction also puts its changeset in the outbox (capture.rs).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::backup::{self, BackupReason};
use super::capture;
use super::schema::{configure, schema_version, MIGRATIONS};
use crate::error::{Error, Result};
use crate::Clock;

pub struct Db {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    /// The synced tables, parents first (read from the schema once, at open).
    synced: Vec<String>,
    /// A member of a team: every write records its changeset of `synced` in the outbox.
    capture: AtomicBool,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.path).finish()
    }
}

impl Db {
    /// Opens (creating if needed) and migrates the database at `path`.
    /// A database from a newer Club Planner is refused before anything is written to it.
    pub fn open(path: impl AsRef<Path>) -> Result<Db> {
        let path = path.as_ref().to_path_buf();
        if path.exists() {
            let found = refuse_newer(&path)?;
            if found > 0 && found < schema_version() {
                // Before any migration: a verified copy of the database as it was.
                backup::before_migration(&path)?;
            }
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut writer = Connection::open(&path)?;
        configure(&writer).map_err(not_a_database)?;
        quick_check(&writer)?;
        MIGRATIONS.to_latest(&mut writer)?;
        let synced = capture::synced_tables(&writer)?;
        let member = capture::membership(&writer)?.is_some();
        let reader = Connection::open(&path)?;
        configure(&reader)?;
        Ok(Db {
            path,
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            synced,
            capture: AtomicBool::new(member),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the whole database with the one in the file `from` (SQLite's backup API,
    /// under the writer's lock), then migrates it to this version's schema.
    fn restore_from(&self, from: &Path) -> Result<()> {
        let mut conn = lock(&self.writer);
        conn.restore(
            rusqlite::MAIN_DB,
            from,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        MIGRATIONS.to_latest(&mut conn)?;
        // The restored file says whether this database is a team member.
        let member = capture::membership(&conn)?.is_some();
        self.capture.store(member, Ordering::SeqCst);
        Ok(())
    }

    /// Replaces the open database's contents with the backup at `from` (verified first; a
    /// backup of the current state is taken before), then brings it to this version's schema.
    pub fn restore(&self, clock: &dyn Clock, from: &Path) -> Result<()> {
        backup::verify(from)?;
        backup::take(&self.path, clock, BackupReason::BeforeRestore)?;
        self.restore_from(from)
    }

    /// Runs `f` on the reader connection (sees the last committed state).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = lock(&self.reader);
        f(&conn)
    }

    /// Runs `f` in one IMMEDIATE transaction on the writer; commits on Ok, rolls back on Err.
    /// On a team member, what `f` changed in the synced tables goes to the outbox in the
    /// same transaction.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if !self.capture.load(Ordering::SeqCst) {
            return self.write_unrecorded(f);
        }
        let conn = lock(&self.writer);
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
        let (out, changeset) = capture::recorded(&tx, &self.synced, || f(&tx))?;
        if !changeset.is_empty() {
            capture::to_outbox(&tx, &changeset)?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// A write that sync does not record: sync's own (applying the hub's changes, the
    /// hub's log). Everything else goes through [`Db::write`].
    pub(crate) fn write_unrecorded<T>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The synced tables, parents first (store/capture.rs).
    pub fn synced_tables(&self) -> &[String] {
        &self.synced
    }

    /// Starts or stops recording writes for the outbox: after this database joined or
    /// left a team.
    pub(crate) fn set_capture(&self, on: bool) {
        self.capture.store(on, Ordering::SeqCst);
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves no open transaction behind
    // (rusqlite rolls back on drop), so the connection is still sound.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// SQLite's quick check, table by table: every table's and index's b-tree, at every open.
/// The check of the whole file (`PRAGMA quick_check` without a table) also re-reads the
/// full-text index word by word — over a second per 200 MB of archive, at every start —
/// so that one runs where time does not matter: on every backup (`backup::verify`, a full
/// integrity_check), the daily one included.
fn quick_check(conn: &Connection) -> Result<()> {
    let corrupt = |e: rusqlite::Error| match not_a_database(e) {
        Error::Sqlite(e) => Error::Corrupt(e.to_string()),
        other => other,
    };
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'table' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%'",
        )
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(corrupt)?;
    for table in std::iter::once("sqlite_schema".to_string()).chain(tables) {
        let result: String = conn
            .query_row(
                &format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\"")),
                [],
                |r| r.get(0),
            )
            .map_err(corrupt)?;
        if result != "ok" {
            return Err(Error::Corrupt(result));
        }
    }
    Ok(())
}

/// The schema version of the file, refused when newer than this binary's.
fn refuse_newer(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_a_database)?;
    if found > schema_version() {
        return Err(Error::NewerSchema {
            found,
            known: schema_version(),
        });
    }
    Ok(found)
}

fn not_a_database(e: impl Into<Error>) -> Error {
    match e.into() {
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Error::NotADatabase
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_matches_the_migrations() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("v.sqlite3")).unwrap();
        let v: i64 = db
            .read(|c| Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?))
            .unwrap();
        assert_eq!(v, schema_version());
    }
}
