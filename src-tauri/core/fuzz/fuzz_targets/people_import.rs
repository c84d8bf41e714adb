//! The people importer (CSV in any encoding and delimiter, XLSX, vCard 2.1/3/4) from raw
//! bytes to a dry run and, when the dry run finds the file clean (or rows with problems
//! are to be skipped or kept in the notes), a commit — against a directory that already
//! holds the demo people, so duplicates are looked for too.
//! Properties: no panic; every refusal is a clear error (a field or line named); a commit
//! creates exactly the people the dry run promised, in one piece.
#![no_main]

use std::sync::OnceLock;

use club_core::clock::FixedClock;
use club_core::store::db::Db;
use club_core::exchange::import::{self, DuplicatePolicy, ImportRequest, ProblemPolicy};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    _dir: tempfile::TempDir,
    db: Db,
    clock: FixedClock,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("fuzz-import")
            .tempdir_in(club_core_fuzz_tmp())
            .unwrap();
        let db = Db::open(dir.path().join("club.sqlite3")).unwrap();
        let clock = FixedClock("2026-01-15T09:00:00Z".parse().unwrap());
        club_core::sample::demo::load(&db, &clock).unwrap();
        Fixture {
            _dir: dir,
            db,
            clock,
        }
    })
}

/// tmpfs when there is one: the database syncs on every commit.
fn club_core_fuzz_tmp() -> std::path::PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn people(db: &Db) -> i64 {
    db.read(|c| Ok(c.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?))
        .unwrap()
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let f = fixture();
    let file_name =
        ["people.csv", "people.xlsx", "people.vcf", "people.txt"][usize::from(selector % 4)];
    let on_duplicate = [
        DuplicatePolicy::Skip,
        DuplicatePolicy::Merge,
        DuplicatePolicy::Create,
    ][usize::from(selector / 4 % 3)];
    let on_problem = [
        ProblemPolicy::Refuse,
        ProblemPolicy::Skip,
        ProblemPolicy::KeepInNotes,
    ][usize::from(selector / 12 % 3)];
    let req = ImportRequest {
        file_name: file_name.to_string(),
        bytes: bytes.to_vec(),
        mapping: Vec::new(),
        on_duplicate,
        on_problem,
    };
    let report = match import::dry_run(&f.db, &req) {
        Ok(report) => report,
        Err(e) => {
            assert!(!e.to_string().trim().is_empty(), "an error without words");
            return;
        }
    };
    assert!(!report.committed);
    assert_eq!(report.counts.rows as usize, report.rows.len());
    if (report.counts.errors > 0 && on_problem == ProblemPolicy::Refuse) || report.counts.rows > 200
    {
        return;
    }
    let before = people(&f.db);
    match import::commit(&f.db, &f.clock, &req) {
        Ok(done) => {
            assert!(done.committed);
            assert_eq!(
                people(&f.db) - before,
                i64::from(done.counts.created),
                "people created"
            );
            assert_eq!(
                done.counts, report.counts,
                "the commit does what the dry run said"
            );
            if on_duplicate == DuplicatePolicy::Create {
                assert_eq!(
                    done.counts.created + done.counts.skipped,
                    report.counts.rows,
                    "Create imports every row it does not skip"
                );
            }
        }
        Err(e) => {
            // A refusal at commit leaves the directory as it was.
            assert_eq!(people(&f.db), before, "half an import after {e}");
        }
    }
});
