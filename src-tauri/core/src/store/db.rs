//! The database: a `Db` with one writer and one reader connection, opened through the
//! one connection setup and migrated (a verified backup first when an older schema is
//! upgraded). Every write is one `BEGIN IMMEDIATE` transaction; once the database has
//! joined a team, that transaction also puts its changeset in the outbox (capture.rs).
//!
//! Faults of the storage (health.rs) come back as `Error::Storage` naming the place. A
//! write first checks that the file it opened is still there (a folder moved or a drive
//! pulled: refused; the same file back: resumed; another file there: reopened after its
//! check). After an I/O failure or a read-only disk, writes are refused until the database
//! passes its quick check again, which the next write (or `Db::recheck`) runs itself.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::backup::{self, BackupReason};
use super::capture;
use super::health::{self, FileId};
use super::schema::{configure, schema_version, MIGRATIONS};
use super::search;
use crate::error::{Error, Result, StorageFault};
use crate::Clock;

pub struct Db {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    /// The synced tables, parents first (read from the schema once, at open).
    synced: Vec<String>,
    /// A member of a team: every write records its changeset of `synced` in the outbox.
    capture: AtomicBool,
    health: Mutex<Health>,
}

/// What `Db` knows of its storage.
struct Health {
    /// The file the connections have open.
    opened: Option<FileId>,
    /// A fault that refuses writes until the database passes its check again.
    latched: Option<StorageFault>,
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
        let path = path.as_ref();
        Self::open_at(path).map_err(|e| e.at(path))
    }

    fn open_at(path: &Path) -> Result<Db> {
        let path = path.to_path_buf();
        if path.exists() {
            let found = refuse_newer(&path)?;
            if found > 0 && found < schema_version() {
                // Before any migration: a verified copy of the database as it was.
                backup::before_migration(&path)?;
            }
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let (mut writer, reader) = connect(&path, true)?;
        migrate(&mut writer)?;
        let synced = capture::synced_tables(&writer)?;
        let member = capture::membership(&writer)?.is_some();
        Ok(Db {
            health: Mutex::new(Health {
                opened: health::identity(&path),
                latched: None,
            }),
            path,
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            synced,
            capture: AtomicBool::new(member),
        })
    }

    /// The folder the database lies in.
    fn folder(&self) -> &Path {
        self.path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    }

    /// Before a write: the file opened is still there and no fault is latched. A file that
    /// came back as another (a drive plugged in again) and a latched fault both pass only
    /// once the database is opened afresh and passes its quick check.
    fn ready_to_write(&self) -> Result<()> {
        let mut health = lock(&self.health);
        let now = health::identity(&self.path);
        if now.is_none() {
            return Err(self.noted(&mut health, StorageFault::Gone));
        }
        if now != health.opened || health.latched.is_some() {
            self.reconnect(now != health.opened)
                .map_err(|e| self.fault(&mut health, e))?;
            health.opened = now;
            health.latched = None;
        }
        Ok(())
    }

    /// Both connections opened afresh on the file at the path, after its quick check.
    /// `replaced`: the file at the path is another than the one the old connections have
    /// open. Those are then never closed: closing the last connection to a file deletes
    /// its write-ahead log by name, which would now be the new file's log.
    fn reconnect(&self, replaced: bool) -> Result<()> {
        let (writer, reader) = connect(&self.path, false)?;
        if writer.is_readonly(rusqlite::MAIN_DB)? {
            // SQLite falls back to reading when the file takes no writes.
            return Err(Error::storage(StorageFault::ReadOnly, &self.path));
        }
        let version: i64 = writer.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != schema_version() {
            // Another database altogether: opened (and upgraded) only at the next start.
            return Err(Error::storage(StorageFault::Gone, self.folder()));
        }
        let member = capture::membership(&writer)?.is_some();
        let old_writer = std::mem::replace(&mut *lock(&self.writer), writer);
        let old_reader = std::mem::replace(&mut *lock(&self.reader), reader);
        if replaced {
            std::mem::forget(old_writer);
            std::mem::forget(old_reader);
        }
        self.capture.store(member, Ordering::SeqCst);
        Ok(())
    }

    /// `e` named by its place when the storage caused it (an I/O failure diagnosed by
    /// looking at the folder).
    fn fault(&self, health: &mut Health, e: Error) -> Error {
        match e.storage_fault() {
            None => e,
            Some(StorageFault::Failed) => {
                let found = health::diagnose(self.folder()).unwrap_or(StorageFault::Failed);
                self.noted(health, found)
            }
            Some(fault) => self.noted(health, fault),
        }
    }

    /// `fault` as the error that names its place (the folder when it is gone), latched
    /// unless it is a full disk (a write that finds room again simply succeeds).
    fn noted(&self, health: &mut Health, fault: StorageFault) -> Error {
        if fault != StorageFault::DiskFull {
            health.latched = Some(fault);
        }
        match fault {
            StorageFault::Gone => Error::storage(fault, self.folder()),
            _ => Error::storage(fault, &self.path),
        }
    }

    /// The storage fault that refuses writes now, if any (for the app's banner).
    pub fn latched(&self) -> Option<StorageFault> {
        lock(&self.health).latched
    }

    /// Checks the database again (opened afresh, its quick check) and takes writes again
    /// when it passes; a folder that is still gone, read-only or failing says so.
    pub fn recheck(&self) -> Result<()> {
        let mut health = lock(&self.health);
        let now = health::identity(&self.path);
        if now.is_none() {
            return Err(self.noted(&mut health, StorageFault::Gone));
        }
        self.reconnect(now != health.opened)
            .map_err(|e| self.fault(&mut health, e))?;
        // The folder must take a write too: still full or read-only is said now, not at
        // the next save.
        if let Some(fault) = health::diagnose(self.folder()) {
            return Err(self.noted(&mut health, fault));
        }
        health.opened = now;
        health.latched = None;
        Ok(())
    }

    /// A storage fault of a write or a read, named and latched.
    fn failed(&self, e: Error) -> Error {
        if e.storage_fault().is_none() {
            return e;
        }
        let mut health = lock(&self.health);
        self.fault(&mut health, e)
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
        migrate(&mut conn)?;
        // The restored file says whether this database is a team member.
        let member = capture::membership(&conn)?.is_some();
        self.capture.store(member, Ordering::SeqCst);
        Ok(())
    }

    /// Replaces the open database's contents with the backup at `from` (verified first; a
    /// backup of the current state is taken before), then brings it to this version's schema.
    pub fn restore(&self, clock: &dyn Clock, from: &Path) -> Result<()> {
        backup::verify(from)?;
        backup::take_keeping(&self.path, clock, BackupReason::BeforeRestore, Some(from))?;
        self.restore_from(from)
    }

    /// Runs `f` on the reader connection (sees the last committed state). Reads go on
    /// while writes are refused: what is on screen can still be read.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let out = {
            let conn = lock(&self.reader);
            f(&conn)
        };
        out.map_err(|e| self.failed(e))
    }

    /// Runs `f` in one IMMEDIATE transaction on the writer; commits on Ok, rolls back on Err.
    /// On a team member, what `f` changed in the synced tables goes to the outbox in the
    /// same transaction.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.ready_to_write()?;
        let out = if self.capture.load(Ordering::SeqCst) {
            self.write_recorded(f)
        } else {
            self.write_plain(f)
        };
        out.map_err(|e| self.failed(e))
    }

    fn write_recorded<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let conn = lock(&self.writer);
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
        let (out, changeset) = capture::recorded(&tx, &self.synced, || f(&tx))?;
        search::refresh_short(&tx)?;
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
        self.ready_to_write()?;
        self.write_plain(f).map_err(|e| self.failed(e))
    }

    fn write_plain<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        search::refresh_short(&tx)?;
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

/// Brings the database to this version's schema, and the short-word index up to date with
/// what the migrations (or another program) listed as stale.
fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    // Only when there is something to do: an open never waits for another writer otherwise.
    let stale: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM search_stale)", [], |r| {
        r.get(0)
    })?;
    if stale {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        search::refresh_short(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

/// The writer (checked, migrations still to run) and the reader on the file at `path`;
/// `create`: a new database when there is none (at open; never when reconnecting, where
/// a missing file is a folder gone).
fn connect(path: &Path, create: bool) -> Result<(Connection, Connection)> {
    let mut flags = OpenFlags::default();
    if !create {
        flags.remove(OpenFlags::SQLITE_OPEN_CREATE);
    }
    let writer = Connection::open_with_flags(path, flags)?;
    configure(&writer).map_err(not_a_database)?;
    quick_check(&writer, path)?;
    let reader = Connection::open_with_flags(path, flags)?;
    configure(&reader)?;
    Ok((writer, reader))
}

impl Drop for Db {
    /// Connections to a file that is no longer at the path are never closed: closing the
    /// last one deletes its write-ahead log by name — the log of whatever file is at the
    /// path now (a copy of the folder put back).
    fn drop(&mut self) {
        let opened = self.health.get_mut().map(|h| h.opened).unwrap_or(None);
        if health::identity(&self.path) != opened {
            for conn in [self.writer.get_mut(), self.reader.get_mut()] {
                if let (Ok(conn), Ok(stand_in)) = (conn, Connection::open_in_memory()) {
                    std::mem::forget(std::mem::replace(conn, stand_in));
                }
            }
        }
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
fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    // A read the disk failed is the disk's fault, not damage to the file: the user is not
    // sent to restore an older backup over a file that is sound.
    let corrupt = |e: rusqlite::Error| match not_a_database(e) {
        e if e.storage_fault().is_some() => e.at(path),
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
        if result.contains("error code=") {
            // "unable to get the page. error code=10": an I/O error during the check.
            return Err(Error::storage(StorageFault::Failed, path));
        }
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
