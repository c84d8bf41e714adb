use std::path::Path;

use chrono::{Duration, TimeZone, Utc};
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::store::backup::{self, BackupReason};
use club_core::{Db, ErrorCode, FixedClock};

use crate::common::{clock, test_db};

fn count_sessions(db: &Db) -> i64 {
    db.read(|c| Ok(c.query_row("SELECT count(*) FROM session", [], |r| r.get(0))?))
        .unwrap()
}

/// Overwrites the middle of the file with garbage, as a failing disk might.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page, "a database of several pages");
    for b in &mut bytes[2 * page..5 * page] {
        *b = 0x5A;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_backup_is_a_verified_copy_listed_beside_the_database() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let b = backup::take(db.path(), &clock(), BackupReason::Manual).unwrap();
    assert_eq!(b.reason, BackupReason::Manual);
    assert_eq!(b.taken_at, "2026-11-26T02:00:00Z");
    assert!(Path::new(&b.path).starts_with(backup::dir_for(db.path())));
    backup::verify(Path::new(&b.path)).unwrap();
    let copy = Db::open(&b.path).unwrap();
    assert_eq!(count_sessions(&copy), count_sessions(&db));
    assert_eq!(backup::list(db.path()).unwrap(), vec![b]);
}

#[test]
fn the_daily_backup_is_taken_once_a_day_and_old_automatic_ones_are_rotated() {
    let db = test_db();
    assert!(
        backup::daily(db.path(), &clock()).unwrap().is_none(),
        "nothing to keep yet"
    );
    demo::load(&db, &clock()).unwrap();
    assert!(backup::daily(db.path(), &clock()).unwrap().is_some());
    let later = FixedClock(clock().0 + Duration::hours(23));
    assert!(
        backup::daily(db.path(), &later).unwrap().is_none(),
        "one a day"
    );
    let manual = backup::take(db.path(), &clock(), BackupReason::Manual).unwrap();
    for day in 1..=20 {
        let c = FixedClock(clock().0 + Duration::days(day));
        assert!(backup::daily(db.path(), &c).unwrap().is_some(), "day {day}");
    }
    let all = backup::list(db.path()).unwrap();
    let automatic = all
        .iter()
        .filter(|b| b.reason != BackupReason::Manual)
        .count();
    assert_eq!(automatic, backup::KEEP_AUTOMATIC);
    assert!(all.contains(&manual), "a backup taken by hand is kept");
    assert_eq!(
        all[0].taken_at,
        Utc.with_ymd_and_hms(2026, 12, 16, 2, 0, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
}

#[test]
fn restoring_brings_the_data_back_and_keeps_what_it_replaced() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let before = count_sessions(&db);
    let b = backup::take(db.path(), &clock(), BackupReason::Manual).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    sessions::delete(&db, &eighth.id).unwrap();
    assert_eq!(count_sessions(&db), before - 1);
    db.restore(&clock(), Path::new(&b.path)).unwrap();
    assert_eq!(
        count_sessions(&db),
        before,
        "the reader sees the restored data"
    );
    assert!(sessions::find_by_number(&db, &clock(), 8).is_ok());
    let kept = backup::list(db.path()).unwrap();
    assert!(kept.iter().any(|k| k.reason == BackupReason::BeforeRestore));
    // Writing goes on as before.
    sessions::delete(&db, &eighth.id).unwrap();
    assert_eq!(count_sessions(&db), before - 1);
}

#[test]
fn a_damaged_backup_is_refused_and_the_database_left_as_it_was() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let b = backup::take(db.path(), &clock(), BackupReason::Manual).unwrap();
    damage(Path::new(&b.path));
    let before = count_sessions(&db);
    let err = db.restore(&clock(), Path::new(&b.path)).unwrap_err();
    assert!(
        err.to_string()
            .contains("is not a sound Club Planner backup"),
        "{err}"
    );
    assert_eq!(club_core::ApiError::from(err).code, ErrorCode::Invalid);
    assert_eq!(count_sessions(&db), before);
    let garbage = db.path().with_file_name("notes.txt");
    std::fs::write(&garbage, "not a database at all").unwrap();
    let err = db.restore(&clock(), &garbage).unwrap_err();
    assert!(
        err.to_string().starts_with(&garbage.display().to_string()),
        "{err}"
    );
    assert_eq!(count_sessions(&db), before);
}

#[test]
fn a_damaged_database_is_reported_at_open_and_restored_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.sqlite3");
    let backup_path = {
        let db = Db::open(&path).unwrap();
        demo::load(&db, &clock()).unwrap();
        let b = backup::take(db.path(), &clock(), BackupReason::Manual).unwrap();
        db.write(|tx| Ok(tx.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
            .ok();
        b.path
    };
    damage(&path);
    let err = Db::open(&path).unwrap_err();
    let api = club_core::ApiError::from(err);
    assert_eq!(api.code, ErrorCode::Corrupt, "{}", api.message);
    backup::restore_file(&path, Path::new(&backup_path), &clock()).unwrap();
    let db = Db::open(&path).unwrap();
    assert!(sessions::find_by_number(&db, &clock(), 8).is_ok());
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        kept.iter().any(|n| n.starts_with("club.sqlite3.damaged-")),
        "{kept:?}"
    );
}
