use club_core::store::schema::{schema_version, MIGRATIONS};
use club_core::{Db, Error};
use rusqlite::Connection;

use crate::common::test_db;

#[test]
fn migrations_validate() {
    MIGRATIONS.validate().unwrap();
}

#[test]
fn connection_setup_is_wal_full_sync_with_foreign_keys() {
    let db = test_db();
    let (mode, sync, fk): (String, i64, i64) = db
        .read(|c| {
            Ok((
                c.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
                c.pragma_query_value(None, "synchronous", |r| r.get(0))?,
                c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(fk, 1);
}

#[test]
fn every_foreign_key_column_is_indexed() {
    let db = test_db();
    let missing: Vec<String> = db
        .read(|c| {
            let mut out = Vec::new();
            let tables: Vec<String> = c
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for table in tables {
                let fks: Vec<String> = c
                    .prepare(&format!("SELECT \"from\" FROM pragma_foreign_key_list('{table}')"))?
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for column in fks {
                    // Indexed when some index (or the primary key) starts with the column.
                    let indexed: bool = c.query_row(
                        &format!(
                            "SELECT EXISTS (SELECT 1 FROM pragma_index_list('{table}') il
                               JOIN pragma_index_info(il.name) ii
                               WHERE ii.seqno = 0 AND ii.name = ?1)"
                        ),
                        [&column],
                        |r| r.get(0),
                    )?;
                    if !indexed {
                        out.push(format!("{table}.{column}"));
                    }
                }
            }
            Ok(out)
        })
        .unwrap();
    assert!(missing.is_empty(), "unindexed foreign keys: {missing:?}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (42);")
            .unwrap();
        conn.pragma_update(None, "user_version", schema_version() + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(
        matches!(err, Error::NewerSchema { found, known } if found == schema_version() + 1 && known == schema_version())
    );
    assert!(err.to_string().contains("newer version of Club Planner"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let side_files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        side_files.len(),
        1,
        "no WAL or journal left: {side_files:?}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    let text = "Повестка дня 第八次会议\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotADatabase), "{err:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn reopening_keeps_data_and_schema_version() {
    let db = test_db();
    let path = db.path().to_path_buf();
    db.write(|tx| {
        tx.execute("INSERT INTO setting (key, value) VALUES ('k', 'v')", [])?;
        Ok(())
    })
    .unwrap();
    drop(db.db);
    let again = Db::open(&path).unwrap();
    let v: String = again
        .read(|c| {
            Ok(
                c.query_row("SELECT value FROM setting WHERE key = 'k'", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(v, "v");
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let db = test_db();
    let err = db
        .write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES ('half', 'written')",
                [],
            )?;
            Err::<(), _>(Error::NotFound { what: "anything" })
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }));
    let n: i64 = db
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM setting WHERE key = 'half'", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(n, 0);
}
