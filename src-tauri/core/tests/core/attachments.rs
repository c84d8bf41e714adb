//! Files kept with a session: every kind the Club brings, byte for byte through a backup
//! and restore and through the portable archive into an empty database; an add cut off
//! before its last transaction leaves nothing half-kept; every bad input refused by name
//! with nothing written.

use std::io::Cursor;

use club_core::attachments::{self, AttachmentPatch, Kind, NewFile};
use club_core::documents::fonts::Fonts;
use club_core::documents::layout_source;
use club_core::error::{Error, InvalidReason};
use club_core::exchange::archive;
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::store::backup;
use club_core::{Db, FixedClock, Lang, Text};
use image::{ImageEncoder, RgbImage};

use crate::common::{clock, test_db, TestDb};

fn eighth() -> (TestDb, String) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let id = sessions::find_by_number(&db, &clock(), 8).unwrap().id;
    (db, id)
}

/// A PDF of `pages` pages, each saying which it is (laid out by Typst).
pub fn pdf_of(pages: usize) -> Vec<u8> {
    let fonts = Fonts::load(&Fonts::default_dir()).unwrap();
    let source = format!(
        "#set text(font: \"Noto Sans\")\n#for i in range(1, {}) [Приложение, страница #i #pagebreak(weak: true)]\n",
        pages + 1
    );
    let doc = layout_source(&source, &serde_json::json!({}), &fonts).unwrap();
    club_core::documents::to_pdf(&doc).unwrap()
}

/// A JPEG photo `w`×`h` (a gradient), with an EXIF orientation when given.
pub fn jpeg(w: u32, h: u32, orientation: Option<u16>) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    if let Some(o) = orientation {
        // A little-endian TIFF header with one IFD entry: Orientation (0x0112), SHORT.
        let mut exif = b"II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00".to_vec();
        exif.extend_from_slice(&o.to_le_bytes());
        exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        enc.set_exif_metadata(exif).unwrap();
    }
    enc.write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_pixel(w, h, image::Rgb([10, 120, 200]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PNG whose header claims `w`×`h` of `depth`-bit RGBA, with a token of data: the
/// size of a decompression bomb without its bytes.
fn png_claiming(w: u32, h: u32, depth: u8) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc_in = kind.to_vec();
        crc_in.extend_from_slice(data);
        out.extend_from_slice(&crc_in);
        out.extend_from_slice(&crc32(&crc_in).to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[depth, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn add(
    db: &Db,
    session: &str,
    name: &str,
    bytes: &[u8],
) -> club_core::Result<attachments::Attachment> {
    attachments::add(
        db,
        &clock(),
        &NewFile {
            session_id: session,
            agenda_item_id: None,
            name,
            bytes,
            added_by: "Айгерим",
        },
    )
}

#[test]
fn slides_photos_and_documents_are_kept_and_read_back_byte_for_byte() {
    let (db, id) = eighth();
    let slides = pdf_of(10);
    let photo = jpeg(1200, 800, Some(6));
    let a = add(&db, &id, "Доклад посла.pdf", &slides).unwrap();
    assert_eq!(
        (a.kind, a.pages, a.size),
        (Kind::Pdf, Some(10), slides.len() as u64)
    );
    assert_eq!(a.added_by, "Айгерим");
    let p = add(&db, &id, "第八次会议.JPG", &photo).unwrap();
    // Taken sideways (EXIF 6): shown upright, 800 wide and 1200 tall.
    assert_eq!(
        (p.kind, p.width, p.height),
        (Kind::Jpeg, Some(800), Some(1200))
    );
    let list = attachments::list(&db, &id).unwrap();
    assert_eq!(
        list.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Доклад посла.pdf", "第八次会议.JPG"]
    );
    assert_eq!(attachments::bytes(&db, &a.id).unwrap().1, slides);
    assert_eq!(attachments::bytes(&db, &p.id).unwrap().1, photo);
    // The preview is upright too, and small.
    let thumb = image::load_from_memory(&attachments::thumbnail(&db, &p.id).unwrap()).unwrap();
    assert!(
        thumb.height() > thumb.width() && thumb.height() <= 320,
        "{}x{}",
        thumb.width(),
        thumb.height()
    );
    // The gallery shows every photo with its preview, and makes one that this machine
    // lacks (a photo that came from another laptop).
    db.write(|tx| Ok(tx.execute("DELETE FROM attachment_thumb", [])?))
        .unwrap();
    let gallery = attachments::gallery(&db, &id).unwrap();
    assert_eq!(gallery.len(), 1);
    assert!(gallery[0].thumb.starts_with("data:image/jpeg;base64,"));
    assert_eq!(attachments::gallery(&db, &id).unwrap(), gallery);
    // The same file twice: removing one leaves the other whole (each has its own bytes).
    let again = add(&db, &id, "copy.pdf", &slides).unwrap();
    attachments::remove(&db, &a.id).unwrap();
    assert_eq!(attachments::bytes(&db, &again.id).unwrap().1, slides);
    let caption = Text::new()
        .with(Lang::Ru, "Участники заседания")
        .with(Lang::Zh, "与会者合影");
    let p = attachments::update(
        &db,
        &p.id,
        &AttachmentPatch {
            caption: Some(caption.clone()),
            in_dossier: Some(true),
            in_press: Some(true),
            agenda_item_id: None,
        },
    )
    .unwrap();
    assert_eq!((p.caption, p.in_dossier, p.in_press), (caption, true, true));
}

#[test]
fn attachments_survive_a_backup_and_restore_and_the_archive_into_an_empty_database() {
    let (db, id) = eighth();
    let slides = pdf_of(3);
    let photo = png(640, 480);
    let a = add(&db, &id, "slides.pdf", &slides).unwrap();
    let p = add(&db, &id, "group.png", &photo).unwrap();

    // Backup, then the files are removed, then the backup is restored.
    let backup = backup::take(db.path(), &clock(), backup::BackupReason::Manual).unwrap();
    attachments::remove(&db, &a.id).unwrap();
    assert!(attachments::bytes(&db, &a.id).is_err());
    db.restore(&clock(), std::path::Path::new(&backup.path))
        .unwrap();
    let restored = &db.db;
    assert_eq!(attachments::bytes(restored, &a.id).unwrap().1, slides);
    assert_eq!(attachments::bytes(restored, &p.id).unwrap().1, photo);

    // The archive, imported into an empty database: the same hashes, the same bytes.
    let zip = archive::export(restored, &clock()).unwrap();
    let empty = test_db();
    archive::import(&empty, &zip).unwrap();
    let list = attachments::list(&empty, &id).unwrap();
    assert_eq!(list.len(), 2);
    for (original, bytes) in [(&a, &slides), (&p, &photo)] {
        let (got, read) = attachments::bytes(&empty, &original.id).unwrap();
        assert_eq!(got.sha256, attachments::sha256_hex(bytes));
        assert_eq!(&read, bytes);
    }
}

#[test]
fn an_add_cut_off_before_its_last_transaction_leaves_no_file_and_its_parts_are_collected() {
    let (db, id) = eighth();
    // What a kill between the chunks and the attachment row leaves: chunks only.
    let bytes = pdf_of(2);
    db.write(|tx| {
        tx.execute(
            "INSERT INTO attachment_chunk (attachment_id, n, bytes, added_at) VALUES (?1, 0, ?2, ?3)",
            rusqlite::params!["01a21715-3199-7426-a048-50d47058ffff", &bytes[..100], "2026-11-26T02:00:00Z"],
        )?;
        Ok(())
    })
    .unwrap();
    assert!(attachments::list(&db, &id).unwrap().is_empty());
    let count = |db: &Db| -> i64 {
        db.read(|c| Ok(c.query_row("SELECT count(*) FROM attachment_chunk", [], |r| r.get(0))?))
            .unwrap()
    };
    // The same file added again is whole: its parts are its own.
    let a = add(&db, &id, "a.pdf", &bytes).unwrap();
    assert_eq!(attachments::bytes(&db, &a.id).unwrap().1, bytes);
    assert_eq!(count(&db), 2);
    // Not a day old: kept (the add may still be finishing).
    assert_eq!(attachments::collect(&db, &clock()).unwrap(), 0);
    let tomorrow = FixedClock(clock().0 + chrono::Duration::hours(25));
    assert_eq!(attachments::collect(&db, &tomorrow).unwrap(), 1);
    assert_eq!(
        count(&db),
        1,
        "the cut-off part went, the file's own stayed"
    );
    assert_eq!(attachments::bytes(&db, &a.id).unwrap().1, bytes);
}

#[test]
fn bad_files_are_refused_by_name_and_nothing_is_written() {
    let (db, id) = eighth();
    let reason = |r: club_core::Result<attachments::Attachment>| match r {
        Err(Error::Invalid { field, reason }) => (field, reason),
        other => panic!("{other:?}"),
    };
    let cases: Vec<(&str, Vec<u8>, InvalidReason)> = vec![
        ("photo.jpg", pdf_of(1), InvalidReason::NotWhatItsNameSays),
        (
            "slides.pdf",
            b"%PDF-1.7\n1 0 obj garbage".to_vec(),
            InvalidReason::BrokenFile,
        ),
        (
            "setup.exe",
            b"MZ\x90\x00\x03 this program".to_vec(),
            InvalidReason::BadAttachment,
        ),
        (
            "huge.png",
            png_claiming(50_000, 50_000, 8),
            InvalidReason::PictureTooLarge,
        ),
        (
            "bomb.png",
            png_claiming(12_000, 12_000, 16),
            InvalidReason::PictureTooLarge,
        ),
        (
            "cut.jpg",
            jpeg(300, 200, None)[..400].to_vec(),
            InvalidReason::BrokenFile,
        ),
        ("empty.pdf", Vec::new(), InvalidReason::EmptyFile),
        ("../../etc/passwd", pdf_of(1), InvalidReason::BadFileName),
        ("a\u{7}b.pdf", pdf_of(1), InvalidReason::BadFileName),
    ];
    for (name, bytes, want) in cases {
        let (field, got) = reason(add(&db, &id, name, &bytes));
        assert_eq!(got, want, "{name}");
        assert_eq!(
            field,
            name.trim().replace('\u{7}', "?"),
            "the error names the file"
        );
    }
    // A 3 GB file is refused before it is read (a sparse file: no disk is used).
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("recording.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let (field, got) = reason(attachments::add_file(&db, &clock(), &id, None, &big, ""));
    assert_eq!(
        (field.as_str(), got),
        ("recording.pdf", InvalidReason::FileTooLarge)
    );
    // Nothing half-kept.
    let rows: i64 = db
        .read(|c| Ok(c.query_row("SELECT (SELECT count(*) FROM attachment) + (SELECT count(*) FROM attachment_chunk)", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(rows, 0);
}

/// One page of a PDF as pdftotext reads it.
fn page_text(pdf: &[u8], page: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_dossier_appends_a_pdf_and_two_photos_with_page_numbers_run_through() {
    use club_core::documents::{self, DocumentKind, DocumentOptions, Layout, Paper};
    let (db, id) = eighth();
    let slides = pdf_of(10);
    let a = add(&db, &id, "Доклад посла.pdf", &slides).unwrap();
    let p1 = add(&db, &id, "group.jpg", &jpeg(1600, 1000, None)).unwrap();
    let p2 = add(&db, &id, "podium.png", &png(800, 1200)).unwrap();
    // A file not marked stays out.
    add(&db, &id, "draft.pdf", &pdf_of(1)).unwrap();
    for (x, caption) in [
        (&a, "Слайды доклада посла"),
        (&p1, "Участники 8-го заседания"),
        (&p2, "Выступление посла"),
    ] {
        attachments::update(
            &db,
            &x.id,
            &AttachmentPatch {
                caption: Some(Text::new().with(Lang::Ru, caption)),
                in_dossier: Some(true),
                agenda_item_id: None,
                in_press: None,
            },
        )
        .unwrap();
    }
    let fonts = Fonts::load(&Fonts::default_dir()).unwrap();
    let options = DocumentOptions {
        langs: vec![Lang::Ru],
        layout: Layout::Stacked,
        paper: Paper::A4,
    };
    let plain = documents::pdf(&db, &clock(), &fonts, &id, DocumentKind::Agenda, &options).unwrap();
    assert!(!plain.is_empty());
    let pdf = documents::pdf(&db, &clock(), &fonts, &id, DocumentKind::Dossier, &options).unwrap();
    let text = crate::common::pdftotext(&pdf);
    let pages = text.matches('\u{c}').count();
    // The list of annexes names each with the page it starts on.
    // (pdftotext reads the list's columns one under the other: "1. title", then "с. 6".)
    let list = &text[text.find("Приложения").expect("the list of annexes")..];
    let mut listed: Vec<(String, usize)> = Vec::new();
    for l in list.lines().map(str::trim) {
        if let Some(page) = l.strip_prefix("с. ") {
            if let Some(last) = listed.last_mut() {
                last.1 = page.parse().unwrap();
            }
        } else if let Some((n, title)) = l.split_once(". ") {
            if n.parse::<usize>() == Ok(listed.len() + 1) {
                listed.push((title.to_string(), 0));
            }
        }
        if listed.len() == 3 && listed[2].1 > 0 {
            break;
        }
    }
    assert_eq!(
        listed.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        [
            "Слайды доклада посла",
            "Участники 8-го заседания",
            "Выступление посла"
        ],
        "{text}"
    );
    let start = listed[0].1;
    // The annex pages are the original's pages, in order, numbered on.
    for i in 1..=10 {
        let got = page_text(&pdf, start + i - 1);
        assert!(
            got.contains(&format!("Приложение, страница {i}")),
            "page {}: {got}",
            start + i - 1
        );
        assert!(
            got.contains(&format!("{} / {pages}", start + i - 1)),
            "page {}: {got}",
            start + i - 1
        );
    }
    assert_eq!(listed[1].1, start + 10);
    assert_eq!(listed[2].1, start + 11);
    assert_eq!(pages, start + 11, "the last photo is the last page");
    let last = page_text(&pdf, pages);
    assert!(
        last.contains("Выступление посла") && last.contains(&format!("{pages} / {pages}")),
        "{last}"
    );
    // Each photo is drawn on its page.
    assert_eq!(
        crate::common::pdf_image_pages(&pdf)
            .iter()
            .filter(|p| **p as usize > start + 9)
            .count(),
        2
    );
}
