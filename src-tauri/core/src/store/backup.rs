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
/// temporary file first, verified, then renamed into place. A copy that fails (the disk
/// full, say) leaves nothing behind, and its error names `dest`.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let tmp = dest.with_extension("part");
    let clear = || {
        for side in ["part", "part-journal", "part-wal", "part-shm"] {
            let _ = std::fs::remove_file(tmp.with_extension(side));
        }
    };
    clear();
    let result = (|| {
        conn.backup(rusqlite::MAIN_DB, &tmp, None)?;
        {
            // The copy is a plain rollback-journal file: one file, nothing beside it.
            let c = Connection::open(&tmp)?;
            c.pragma_update(None, "journal_mode", "DELETE")?;
        }
        verify(&tmp)?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, dest)?;
        Ok(())
    })();
    if result.is_err() {
        clear();
    }
    result.map_err(|e: Error| e.at(dest))
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
    take_keeping(db_path, clock, reason, None)
}

/// Takes a backup now; the rotation after it never deletes `keep` either (the backup a
/// restore is about to read).
pub fn take_keeping(
    db_path: &Path,
    clock: &dyn Clock,
    reason: BackupReason,
    keep: Option<&Path>,
) -> Result<Backup> {
    // Its own connection: the copy and its check (seconds for a large archive) never hold
    // the connection the app's screens read through.
    let path = take_of(db_path, reason, clock.now(), |dest| {
        let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        configure_reader(&conn)?;
        copy_to(&conn, dest)
    })?;
    // A backup went through: the daily one will too, its failure is over.
    let _ = std::fs::remove_file(dir_for(db_path).join(DAILY_FAILED));
    rotate(db_path, &[Some(path.as_path()), keep], clock.now())?;
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
    if !db_path.exists() {
        // The data folder went away (a drive removed): no backup folder is made anew.
        let folder = db_path.parent().unwrap_or(Path::new("."));
        return Err(Error::storage(crate::error::StorageFault::Gone, folder));
    }
    let dir = dir_for(db_path);
    std::fs::create_dir_all(&dir).map_err(|e| Error::Io(e).at(&dir))?;
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

/// Deletes the oldest automatic backups beyond `KEEP_AUTOMATIC`, never one of `keep`
/// (the one just taken, the one being restored). Backups stamped more than a day after
/// `now` were named by a clock that ran ahead (or `now` is behind): they count as the
/// oldest, so that the ones taken since are kept.
pub fn rotate(db_path: &Path, keep: &[Option<&Path>], now: DateTime<Utc>) -> Result<()> {
    let ahead = |b: &Backup| taken_at(b).is_some_and(|t| t - now > chrono::Duration::days(1));
    let (later, sound): (Vec<Backup>, Vec<Backup>) = list(db_path)?
        .into_iter()
        .filter(|b| b.reason != BackupReason::Manual)
        .partition(ahead);
    for old in sound.iter().chain(&later).skip(KEEP_AUTOMATIC) {
        if !keep.contains(&Some(Path::new(&old.path))) {
            std::fs::remove_file(&old.path)?;
        }
    }
    Ok(())
}

fn taken_at(b: &Backup) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&b.taken_at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Beside the backups while the daily backup fails: its failure is said once, at the
/// first start it fails, not at every start after (an empty file: it can be made on a
/// full disk). Any backup that goes through removes it.
const DAILY_FAILED: &str = ".daily-backup-failed";

/// The daily backup: taken unless a backup was taken within a day of now (either way: a
/// clock set back years still gets its daily backup), and only when the database holds
/// anything. Returns it when one was taken. When it fails, the error comes back the first
/// time only; while it goes on failing, `Ok(None)` (see `daily_failing_since`).
pub fn daily(db_path: &Path, clock: &dyn Clock) -> Result<Option<Backup>> {
    let now = clock.now();
    let backups = list(db_path)?;
    let due = if backups.is_empty() {
        let c = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        configure_reader(&c)?;
        c.query_row("SELECT EXISTS (SELECT 1 FROM session)", [], |r| r.get(0))?
    } else {
        !backups
            .iter()
            .filter_map(taken_at)
            .any(|t| (now - t).abs() < chrono::Duration::days(1))
    };
    if !due {
        return Ok(None);
    }
    let marker = dir_for(db_path).join(DAILY_FAILED);
    match take(db_path, clock, BackupReason::Daily) {
        Ok(b) => Ok(Some(b)),
        Err(_) if marker.exists() => Ok(None),
        Err(e) => {
            let _ = std::fs::create_dir_all(dir_for(db_path));
            let _ = std::fs::File::create(&marker);
            Err(e)
        }
    }
}

/// Since when the daily backup has failed (RFC 3339), while it does.
pub fn daily_failing_since(db_path: &Path) -> Option<String> {
    let modified = std::fs::metadata(dir_for(db_path).join(DAILY_FAILED))
        .and_then(|m| m.modified())
        .ok()?;
    Some(DateTime::<Utc>::from(modified).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
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
