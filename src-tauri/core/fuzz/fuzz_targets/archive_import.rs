//! The portable archive importer (docs/ARCHIVE-FORMAT.md): a ZIP of JSON tables read into
//! an empty database. Properties: no panic; a refusal leaves the database empty; what is
//! imported can be opened by the app (every session with its agenda, invitees and minutes,
//! the directory, the follow-ups) and survives an export and a second import unchanged.
//!
//! The first byte picks the input's form: even — the file's bytes as they are (the ZIP
//! reader, the manifest); odd — a JSON object of entry name → content, zipped here with
//! correct checksums, so mutations reach the tables and rows (a mutated ZIP mostly fails
//! its CRC).
#![no_main]

use club_core::exchange::archive;
use club_core::store::dump;
use club_core::clock::FixedClock;
use club_core::store::db::Db;
use libfuzzer_sys::fuzz_target;

fn tmp() -> std::path::PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn fresh() -> (tempfile::TempDir, Db) {
    let dir = tempfile::Builder::new()
        .prefix("fuzz-archive")
        .tempdir_in(tmp())
        .unwrap();
    let db = Db::open(dir.path().join("club.sqlite3")).unwrap();
    (dir, db)
}

/// The entries of a JSON object, zipped; None when the input is not such an object.
fn zipped(json: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let entries: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(json).ok()?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .ok()?;
        zip.write_all(&serde_json::to_vec(&content).ok()?).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|input: &[u8]| {
    let Some((&form, rest)) = input.split_first() else {
        return;
    };
    let owned;
    let data = if form % 2 == 0 {
        rest
    } else {
        let Some(bytes) = zipped(rest) else { return };
        owned = bytes;
        &owned[..]
    };
    // Cheap refusals first: most inputs are not an archive at all.
    if archive::manifest(data).is_err() {
        return;
    }
    let clock = FixedClock("2026-01-15T09:00:00Z".parse().unwrap());
    let (_dir, db) = fresh();
    let empty = dump::tables(&db).unwrap();
    if archive::import(&db, data).is_err() {
        assert_eq!(
            dump::tables(&db).unwrap(),
            empty,
            "a refused archive left rows behind"
        );
        return;
    }
    for s in club_core::planning::sessions::list(&db, &clock).unwrap() {
        club_core::planning::sessions::get(&db, &clock, &s.id).unwrap();
        club_core::planning::agenda::get(&db, &s.id).unwrap();
        club_core::planning::invitations::list(&db, &s.id).unwrap();
        club_core::minutes::get(&db, &s.id).unwrap();
    }
    club_core::people::list(&db).unwrap();
    club_core::minutes::followups::list(&db).unwrap();
    let imported = dump::tables(&db).unwrap();
    let again = archive::export(&db, &clock).unwrap();
    let (_dir2, db2) = fresh();
    archive::import(&db2, &again).unwrap();
    assert_eq!(
        dump::tables(&db2).unwrap(),
        imported,
        "round trip changed the archive"
    );
});
