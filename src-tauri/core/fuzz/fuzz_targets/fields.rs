//! The small parsers every command runs on what is typed: dates, times, time zones, ids,
//! languages, name parts, agenda durations — and the archive search, whose query goes to
//! SQLite's full-text index. Properties: no panic; a refusal names its field; a search
//! never fails on what a person can type.
#![no_main]

use std::sync::OnceLock;

use club_core::clock::FixedClock;
use club_core::store::db::Db;
use libfuzzer_sys::fuzz_target;

fn db() -> &'static (tempfile::TempDir, Db) {
    static D: OnceLock<(tempfile::TempDir, Db)> = OnceLock::new();
    D.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("club.sqlite3")).unwrap();
        let clock = FixedClock("2026-01-15T09:00:00Z".parse().unwrap());
        club_core::sample::demo::load(&db, &clock).unwrap();
        (dir, db)
    })
}

fn named(r: Result<impl Sized, club_core::error::Error>, field: &str) {
    if let Err(e) = r {
        let text = format!("{e}");
        assert!(text.contains(field), "{text:?} does not name {field}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    named(club_core::clock::parse_date(text, "date"), "date");
    named(
        club_core::clock::parse_time(text, "starts_at"),
        "starts_at",
    );
    named(
        club_core::clock::parse_time_zone(text, "time_zone"),
        "time_zone",
    );
    named(club_core::ids::parse_id(text, "session_id"), "session_id");
    named(club_core::text::Lang::parse(text, "lang"), "lang");
    named(club_core::people::names::check_name_part(text, "family"), "family");
    let (_, db) = db();
    club_core::store::search::search(db, text).unwrap();
    club_core::people::search(db, text).unwrap();
});
