//! Documents: the agenda and the minutes as PDF, and the same as DOCX converted by
//! LibreOffice, for the ratio the budget asks for.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::bail;

use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format};
use club_core::{Db, Lang, SystemClock};

use super::{measure, percentiles, row, Row};

/// Pages of a PDF: its page objects (`/Type /Page`, with or without the space; not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    [&b"/Type /Page"[..], &b"/Type/Page"[..]]
        .iter()
        .map(|needle| {
            pdf.windows(needle.len() + 1)
                .filter(|w| &w[..needle.len()] == *needle && w[needle.len()] != b's')
                .count()
        })
        .sum()
}

pub fn rows(
    libreoffice: bool,
    db: &Db,
    clock: &SystemClock,
    session: &str,
    dir: &Path,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let opts = DocumentOptions {
        langs: vec![Lang::Ru, Lang::Zh],
        layout: documents::Layout::Side,
        paper: documents::Paper::A4,
    };
    let samples = 10;
    let mut rendered = Vec::new();
    for (kind, name, budget) in [
        (
            DocumentKind::Agenda,
            "agenda PDF (ru + zh)",
            "< 150 ms, ≥ 10× LibreOffice",
        ),
        (
            DocumentKind::Minutes,
            "minutes PDF (ru + zh)",
            "< 1 s for 20 pages",
        ),
    ] {
        let mut pdf = Vec::new();
        let (p50, _) = measure(samples, |_| {
            pdf = documents::export(db, clock, &fonts, session, kind, Format::Pdf, &opts)?;
            Ok(())
        })?;
        let pages = pdf_pages(&pdf);
        let docx = documents::export(db, clock, &fonts, session, kind, Format::Docx, &opts)?;
        let path = dir.join(format!("{kind:?}.docx"));
        std::fs::write(&path, &docx)?;
        rendered.push((name, p50, pages, path));
        rows.push(row(
            "document",
            name,
            p50,
            None,
            "ms",
            budget,
            format!("{pages} pages, median of {samples}"),
        ));
    }
    if !libreoffice {
        return Ok(());
    }
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| which(c)) else {
        rows.push(row(
            "document",
            "LibreOffice",
            0.0,
            None,
            "ms",
            "",
            "not installed: no ratio".into(),
        ));
        return Ok(());
    };
    let profile = dir.join("lo-profile");
    for (name, ours, pages, docx) in rendered {
        let mut times = Vec::new();
        // The first conversion creates LibreOffice's profile: not counted.
        for i in 0..4 {
            let t = Instant::now();
            let status = Command::new(soffice)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(dir.join("lo"))
                .arg(&docx)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            if !status.success() {
                bail!("{soffice} could not convert {}", docx.display());
            }
            if i > 0 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let (lo, _) = percentiles(&mut times);
        let lo_name = name.replace("PDF", "DOCX → PDF by LibreOffice");
        rows.push(row("document", &lo_name, lo, None, "ms", "", format!("{:.0}× the time of ours ({pages} pages of ours); median of 3 `{soffice} --headless --convert-to pdf`", lo / ours)));
    }
    Ok(())
}

fn which(cmd: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// 300 invitation letters in one PDF: a new session with the first 300 people of the
/// directory invited, each letter in its guest's languages, one per sheet.
pub fn letters_row(db: &Db, clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    use club_core::documents::letters;

    let fonts = Fonts::load(&Fonts::default_dir())?;
    let people: Vec<String> = club_core::people::list(db)?
        .into_iter()
        .take(300)
        .map(|p| p.id)
        .collect();
    let session = super::session_with(db, clock, "Заседание для замера писем", &people)?;
    let opts = DocumentOptions {
        langs: vec![Lang::Ru],
        layout: documents::Layout::Side,
        paper: documents::Paper::A4,
    };
    let mut times = Vec::new();
    let mut pages = 0;
    let mut letters = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let doc = documents::letters_data(
            db,
            clock,
            &session.id,
            &opts,
            documents::LetterStyle::Personal,
            None,
        )?;
        let pdf = letters::letters_pdf(&doc, &fonts)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = pdf_pages(&pdf);
        letters = doc.letters.len();
    }
    let (p50, _) = percentiles(&mut times);
    rows.push(row(
        "document",
        "invitation letters in one PDF",
        p50,
        None,
        "ms",
        "< 10 s for 300",
        format!("{letters} letters, {pages} pages, each in its guest's languages; median of 3"),
    ));
    Ok(())
}
