//! Every released schema, frozen as SQL with a few rows (tests/fixtures/schema/v<N>.sql,
//! text so it diffs and reviews), built into a database file that then opens in this version: upgraded, its data
//! kept, and its schema then equal to a fresh database's. Add the next release's file
//! when a migration is added; never edit an old one.

use std::collections::BTreeSet;

use club_core::Db;

use club_core::store::dump;
use club_core::store::search;

fn schema(db: &Db) -> BTreeSet<(String, String)> {
    db.read(|c| {
        let mut stmt = c.prepare(
            "SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_%' ORDER BY 1",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<BTreeSet<_>>>()?;
        Ok(rows)
    })
    .unwrap()
}

#[test]
fn every_released_schema_upgrades_with_its_data_kept() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema");
    let mut fixtures: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    assert_eq!(
        fixtures.len() as i64,
        club_core::store::schema::schema_version(),
        "one frozen file per released schema"
    );
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Db::open(fresh_dir.path().join("fresh.sqlite3")).unwrap();
    for fixture in fixtures {
        let work = tempfile::tempdir().unwrap();
        let path = work.path().join("old.sqlite3");
        let before = {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(&std::fs::read_to_string(&fixture).unwrap())
                .unwrap();
            let sessions: i64 = c
                .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
                .unwrap();
            let people: i64 = c
                .query_row("SELECT count(*) FROM person", [], |r| r.get(0))
                .unwrap();
            (sessions, people)
        };
        let db = Db::open(&path).unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
        let tables = dump::tables(&db).unwrap();
        assert_eq!(
            tables["session"].len() as i64,
            before.0,
            "{}",
            fixture.display()
        );
        assert_eq!(
            tables["person"].len() as i64,
            before.1,
            "{}",
            fixture.display()
        );
        // The search index came along (0002 renumbered it by key) and still finds the rows.
        assert!(
            !search::search(&db, "Нұрышев").unwrap().hits.is_empty(),
            "{}: search after the upgrade",
            fixture.display()
        );
        // Every entry is in the short-word index too, however old the file: 努雷, two
        // characters of a person's Chinese name.
        assert!(
            search::search(&db, "努雷")
                .unwrap()
                .hits
                .iter()
                .any(|h| h.kind == search::HitKind::Person),
            "{}: a two-character Chinese word after the upgrade",
            fixture.display()
        );
        assert_eq!(
            schema(&db),
            schema(&fresh),
            "{}: schema as a fresh one",
            fixture.display()
        );
    }
}
