//! Attachments: a 50 MB PDF and 200 camera photos kept in the database (as the app keeps
//! them), beside the same bytes written as files next to it (the design not taken), the
//! gallery of 200 photos as the window opens it, and the dossier with annexes.

use std::io::Write;
use std::time::Instant;

use club_core::attachments::{self, AttachmentPatch, NewFile};
use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Layout, Paper};
use club_core::{Db, Lang, SystemClock, Text};

use super::{ipc, measure, row, Row};

const PHOTOS: usize = 200;
const PDF_MB: usize = 50;

/// A PDF of `pages` pages, grown to `size` bytes by a comment after its end (as scanned
/// slides are large for their pages).
fn big_pdf(fonts: &Fonts, pages: usize, size: usize) -> anyhow::Result<Vec<u8>> {
    let source = format!(
        "#set text(font: \"Noto Sans\")\n#for i in range(1, {}) [Слайд #i #pagebreak(weak: true)]\n",
        pages + 1
    );
    let doc = documents::layout_source(&source, &serde_json::json!({}), fonts)?;
    let mut pdf = documents::to_pdf(&doc)?;
    pdf.push(b'\n');
    pdf.resize(size.max(pdf.len()), b'%');
    Ok(pdf)
}

/// A camera-sized JPEG (3000 × 2000), different for each `n`.
fn photo(n: usize) -> anyhow::Result<Vec<u8>> {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([
            ((x + n as u32 * 7) % 256) as u8,
            ((y * 3 + n as u32) % 256) as u8,
            ((x ^ y) % 256) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img)?;
    Ok(out.into_inner())
}

/// The other design: the bytes as a file beside the database, made durable as the
/// database makes its own writes (written, fsynced, renamed into place).
fn beside(dir: &std::path::Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = dir.join(format!("{name}.part"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

fn size_mb(db: &Db) -> f64 {
    let path = db.path();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let len = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    (len(path) + len(std::path::Path::new(&wal))) as f64 / 1048576.0
}

pub fn rows(db: &Db, clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let session = super::session_with(db, clock, "Заседание для замера вложений", &[])?;
    let add = |name: &str, bytes: &[u8]| {
        attachments::add(
            db,
            clock,
            &NewFile {
                session_id: &session.id,
                agenda_item_id: None,
                name,
                bytes,
                added_by: "bench",
            },
        )
    };
    let scratch = tempfile::tempdir()?;
    let before = size_mb(db);

    let pdf = big_pdf(&fonts, 40, PDF_MB << 20)?;
    let t = Instant::now();
    let slides = add("slides.pdf", &pdf)?;
    let in_db = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    beside(scratch.path(), "slides.pdf", &pdf)?;
    let outside = t.elapsed().as_secs_f64() * 1000.0;
    rows.push(row(
        "attachments",
        "add a 50 MB PDF (in the database)",
        in_db,
        None,
        "ms",
        "< 5 s",
        format!(
            "{} chunks of 1 MiB, each its own transaction; checked, hashed",
            pdf.len().div_ceil(attachments::CHUNK_BYTES)
        ),
    ));
    rows.push(row(
        "attachments",
        "the same 50 MB as a file beside it",
        outside,
        None,
        "ms",
        "",
        "written, fsynced, renamed (the design not taken)".into(),
    ));
    let (p50, p99) = measure(5, |_| ipc(attachments::bytes(db, &slides.id)?.1.len()))?;
    rows.push(row(
        "attachments",
        "read the 50 MB PDF back (hash checked)",
        p50,
        Some(p99),
        "ms",
        "",
        String::new(),
    ));

    let photos: Vec<Vec<u8>> = (0..PHOTOS).map(photo).collect::<anyhow::Result<_>>()?;
    let total: usize = photos.iter().map(Vec::len).sum();
    let t = Instant::now();
    let mut added = Vec::new();
    for (n, p) in photos.iter().enumerate() {
        added.push(add(&format!("photo-{n:03}.jpg"), p)?);
    }
    let in_db = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    for (n, p) in photos.iter().enumerate() {
        beside(scratch.path(), &format!("photo-{n:03}.jpg"), p)?;
    }
    let outside = t.elapsed().as_secs_f64() * 1000.0;
    rows.push(row(
        "attachments",
        "add 200 photos, 3000 × 2000 (in the database)",
        in_db,
        None,
        "ms",
        "< 60 s",
        format!(
            "{:.0} MB; each decoded once to check it and make its preview",
            total as f64 / 1048576.0
        ),
    ));
    rows.push(row(
        "attachments",
        "the same 200 as files beside it",
        outside,
        None,
        "ms",
        "",
        "written and fsynced only: no check, no preview".into(),
    ));
    let (p50, p99) = measure(20, |_| ipc(attachments::gallery(db, &session.id)?))?;
    rows.push(row(
        "attachments",
        "open the gallery of 200 photos",
        p50,
        Some(p99),
        "ms",
        "< 300 ms",
        "the list and every preview as data: URLs, serialised as for the IPC".into(),
    ));
    rows.push(row(
        "attachments",
        "the database grew by",
        size_mb(db) - before,
        None,
        "MB",
        "",
        "the PDF, the photos and their previews".into(),
    ));

    for (a, caption) in [(&slides, "Слайды")]
        .into_iter()
        .chain(added.iter().take(10).map(|a| (a, "Фото")))
    {
        attachments::update(
            db,
            &a.id,
            &AttachmentPatch {
                caption: Some(Text::new().with(Lang::Ru, caption)),
                in_dossier: Some(true),
                agenda_item_id: None,
                in_press: None,
            },
        )?;
    }
    let options = DocumentOptions {
        langs: vec![Lang::Ru],
        layout: Layout::Stacked,
        paper: Paper::A4,
    };
    let (p50, p99) = measure(3, |_| {
        ipc(documents::pdf(
            db,
            clock,
            &fonts,
            &session.id,
            DocumentKind::Dossier,
            &options,
        )?
        .len())
    })?;
    rows.push(row(
        "attachments",
        "the dossier with annexes",
        p50,
        Some(p99),
        "ms",
        "",
        "a 40-page, 50 MB PDF and 10 photos appended".into(),
    ));
    Ok(())
}
