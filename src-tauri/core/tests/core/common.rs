use chrono::{TimeZone, Utc};
use club_core::{Db, FixedClock};

pub struct TestDb {
    pub db: Db,
    // Kept alive so the directory outlives the database.
    pub _dir: tempfile::TempDir,
}

impl std::ops::Deref for TestDb {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

/// A new database in its own temporary directory, through `Db::open`.
pub fn test_db() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path().join("club.sqlite3")).unwrap();
    TestDb { db, _dir: dir }
}

/// 2026-11-26 10:00 Beijing time.
pub fn clock() -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 26, 2, 0, 0).unwrap())
}

/// The text of a PDF as pdftotext reads it (poppler-utils; scripts/setup installs it).
pub fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed: run scripts/setup --test");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The pages on which a picture is drawn, one entry per picture drawn (pdfimages -list).
pub fn pdf_image_pages(pdf: &[u8]) -> Vec<u32> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfimages")
        .args(["-list", path.to_str().unwrap()])
        .output()
        .expect("pdfimages (poppler-utils) is needed: run scripts/setup --test");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2) // the header and its rule
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // A picture with transparency is listed twice: itself and its mask.
            (cols.get(2) == Some(&"image")).then(|| cols[0].parse().ok())?
        })
        .collect()
}

/// Text without any white space: table cells break lines and add spaces where the source
/// had none.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
