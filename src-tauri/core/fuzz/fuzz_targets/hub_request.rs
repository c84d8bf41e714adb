//! What the hub reads from the network: a push body (JSON with a base64 changeset, decoded
//! by sync/wire.rs, then the changeset itself, read and applied by sync/merge.rs), a join
//! body, a pull answer. Properties: no panic; a bad body is refused with a reason; a
//! refused push leaves the hub's database as it was, and the hub stays sound whatever it
//! accepted.
#![no_main]

use std::sync::OnceLock;

use club_core::clock::FixedClock;
use club_core::store::db::Db;
use club_core::sync::{hub, wire, Role};
use club_core::Error;
use libfuzzer_sys::fuzz_target;

fn hub_db() -> &'static (tempfile::TempDir, Db) {
    static D: OnceLock<(tempfile::TempDir, Db)> = OnceLock::new();
    D.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("hub.sqlite3")).unwrap();
        (dir, db)
    })
}

fn head(db: &Db) -> i64 {
    hub::head(db).unwrap()
}

fuzz_target!(|data: &[u8]| {
    let _ = wire::decode_join(data);
    let _ = wire::decode_pull(data);
    let Ok(push) = wire::decode_push(data) else {
        return;
    };
    let (_, db) = hub_db();
    let clock = FixedClock("2026-12-01T08:00:00Z".parse().unwrap());
    for role in [Role::Door, Role::Organizer] {
        let before = head(db);
        match hub::push(db, &clock, role, &push) {
            // A new operation is the log's next entry; one logged before (a retry) changes
            // nothing and answers its old place.
            Ok(accepted) if accepted.new => assert_eq!((accepted.seq, head(db)), (before + 1, before + 1)),
            Ok(accepted) => assert!(accepted.seq <= before && head(db) == before),
            Err(Error::Refused(_) | Error::Sync(_)) => assert_eq!(head(db), before),
            // A changeset SQLite itself rejects while applying (a constraint of its own).
            Err(Error::Sqlite(_)) => assert_eq!(head(db), before),
            Err(e) => panic!("unexpected refusal: {e}"),
        }
    }
    let ok: String = db
        .read(|c| Ok(c.query_row("PRAGMA quick_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(ok, "ok");
});
