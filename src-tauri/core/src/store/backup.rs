//! Backups of the database: copies taken with SQLite's online backup API (consistent even
//! while the app writes), each verified after writing, kept beside the database in
//! `<database file>-backups/`. Automatic ones are taken at start when the newest is older
//! than a day and always before a migration; the newest `KEEP_AUTOMATIC` of them are kept.
//! Ones taken by hand are never deleted automatically.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::schema::{configure_reader, schema_version};
use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};
use crate::Clock;

pub const KEEP_AUTOMATIC: usize = 14;
const STAMP: &str = "%Y%m%d-%H%M%S";
const PREFIX: &str = "club-planner-";
const EXTENSION: &str = ".sqlite3";

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum BackupReason {
        Daily = "daily",
        Manual = "manual",
        BeforeMigration = "before-migration",
        BeforeRestore = "before-restore",
    }
    invalid = BadStatus;
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backup {
    pub file_name: String,
    pub path: String,
    /// When it was taken, RFC 3339 UTC.
    pub taken_at: String,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size: u64,
}

/// Where the backups of the database at `db_path` live.
pub fn dir_for(db_path: &Path) -> PathBuf {
    let name = db_path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "club-planner.sqlite3".into());
    db_path.with_file_name(format!("{name}-backups"))
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
    let (stamp, reason) = (rest.get(..15)?, rest.get(16..)?);
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((at, BackupReason::from_code(reason)?))
}

/// Every backup of the database at `db_path`, the newest first.
pub fn list(db_path: &Path) -> Result<Vec<Backup>> {
    let dir = dir_for(db_path);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some((at, reason)) = parse_name(&name) {
            out.push(Backup {
                path: entry.path().display().to_string(),
                file_name: name,
                taken_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                reason,
                size: entry.metadata()?.len(),
            });
        }
    }
    out.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(out)
}

/// Copies the database behind `conn` to `dest` with the online backup API: into a
/// temporary file first, verified, then renamed into place.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let tmp = dest.with_extension("part");
    let _ = std::fs::remove_file(&tmp);
    conn.backup(rusqlite::MAIN_DB, &tmp, None)?;
    {
        // The copy is a plain rollback-journal file: one file, nothing beside it.
        let c = Connection::open(&tmp)?;
        c.pragma_update(None, "journal_mode", "DELETE")?;
    }
    if let Err(e) = verify(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// Checks that `path` is a sound Club Planner database this version can open: SQLite's
/// integrity check passes and its schema is not newer. Opens it read-only.
pub fn verify(path: &Path) -> Result<()> {
    check(path).map_err(|_| Error::invalid(path.display().to_string(), InvalidReason::BadBackup))
}

fn check(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let has_sessions: bool = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'session'",
        [],
        |r| r.get(0),
    )?;
    if result != "ok" || version > schema_version() || !has_sessions {
        return Err(Error::NotADatabase);
    }
    Ok(())
}

/// Takes a backup of the database at `db_path` (open or not) now.
pub fn take(db_path: &Path, clock: &dyn Clock, reason: BackupReason) -> Result<Backup> {
    // Its own connection: the copy and its check (seconds for a large archive) never hold
    // the connection the app's screens read through.
    let path = take_of(db_path, reason, clock.now(), |dest| {
        let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        configure_reader(&conn)?;
        copy_to(&conn, dest)
    })?;
    rotate(db_path)?;
    list(db_path)?
        .into_iter()
        .find(|b| Path::new(&b.path) == path)
        .ok_or(Error::NotFound { what: "backup" })
}

/// A backup of the database at `db_path` (not necessarily open) made by `copy`.
fn take_of(
    db_path: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    copy: impl FnOnce(&Path) -> Result<()>,
) -> Result<PathBuf> {
    let dir = dir_for(db_path);
    std::fs::create_dir_all(&dir)?;
    let mut at = now;
    // Two backups in one second get distinct names.
    let dest = loop {
        let name = format!("{PREFIX}{}-{}{EXTENSION}", at.format(STAMP), reason.code());
        let dest = dir.join(name);
        if !dest.exists() {
            break dest;
        }
        at += chrono::Duration::seconds(1);
    };
    copy(&dest)?;
    Ok(dest)
}

/// Takes a backup of the file at `db_path` before it is migrated (called by `Db::open`).
pub(crate) fn before_migration(db_path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    take_of(db_path, BackupReason::BeforeMigration, Utc::now(), |dest| {
        copy_to(&conn, dest)
    })?;
    Ok(())
}

/// Deletes the oldest automatic backups beyond `KEEP_AUTOMATIC`.
pub fn rotate(db_path: &Path) -> Result<()> {
    let automatic: Vec<Backup> = list(db_path)?
        .into_iter()
        .filter(|b| b.reason != BackupReason::Manual)
        .collect();
    for old in automatic.iter().skip(KEEP_AUTOMATIC) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(())
}

/// The daily backup: taken when the newest backup is older than a day (or there is none
/// and the database holds anything). Returns it when one was taken.
pub fn daily(db_path: &Path, clock: &dyn Clock) -> Result<Option<Backup>> {
    let newest = list(db_path)?.into_iter().next();
    let due = match newest {
        Some(b) => DateTime::parse_from_rfc3339(&b.taken_at)
            .map(|t| clock.now() - t.with_timezone(&Utc) >= chrono::Duration::days(1))
            .unwrap_or(true),
        None => {
            let c = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            configure_reader(&c)?;
            c.query_row("SELECT EXISTS (SELECT 1 FROM session)", [], |r| r.get(0))?
        }
    };
    if due {
        take(db_path, clock, BackupReason::Daily).map(Some)
    } else {
        Ok(None)
    }
}

/// Restores a database file that cannot be opened (damaged): the damaged file is kept
/// beside it as `<name>.damaged-<time>`, the backup copied in its place.
pub fn restore_file(db_path: &Path, from: &Path, clock: &dyn Clock) -> Result<()> {
    verify(from)?;
    if db_path.exists() {
        let mut aside = db_path.as_os_str().to_owned();
        aside.push(format!(".damaged-{}", clock.now().format(STAMP)));
        std::fs::rename(db_path, &aside)?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = db_path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(&side);
    }
    let tmp = db_path.with_extension("restoring");
    std::fs::copy(from, &tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, db_path)?;
    Ok(())
}
