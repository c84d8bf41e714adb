//! `clubctl export`: a session's documents — PDF, DOCX, ICS, CSV/XLSX — in one language
//! or two (club-core's `documents`).

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format, Layout, Paper};

use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Args)]
pub struct ExportArgs {
    /// agenda | minutes | invitees | signin | cards | dossier | ics
    document: String,
    /// Session id or number
    session: String,
    /// pdf | docx | ics | csv | xlsx (default: from the output's extension)
    #[arg(long)]
    format: Option<String>,
    /// One language or two, comma-separated: ru | kk | zh | en, e.g. ru,zh
    #[arg(long, default_value = "ru")]
    lang: String,
    /// side | stacked (for two languages)
    #[arg(long, default_value = "side")]
    layout: String,
    /// a4 | letter
    #[arg(long, default_value = "a4")]
    paper: String,
    /// Output file
    #[arg(short, long)]
    output: PathBuf,
}

pub fn export(ctl: Ctl, a: ExportArgs) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    let kind = DocumentKind::parse(&a.document, "document")?;
    let format = match a.format {
        Some(f) => Format::parse(&f, "format")?,
        None => a
            .output
            .extension()
            .and_then(|e| Format::from_code(&e.to_string_lossy()))
            .filter(|f| kind.formats().contains(f))
            .unwrap_or(kind.formats()[0]),
    };
    let options = DocumentOptions {
        langs: a
            .lang
            .split(',')
            .map(|l| club_core::Lang::parse(l, "lang"))
            .collect::<Result<_, _>>()?,
        layout: match a.layout.as_str() {
            "side" => Layout::Side,
            "stacked" => Layout::Stacked,
            other => anyhow::bail!("--layout {other:?}: side or stacked"),
        },
        paper: match a.paper.as_str() {
            "a4" => Paper::A4,
            "letter" => Paper::Letter,
            other => anyhow::bail!("--paper {other:?}: a4 or letter"),
        },
    };
    let s = resolve(db, clock, &a.session)?;
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let bytes = documents::export(db, clock, &fonts, &s.id, kind, format, &options)?;
    club_core::paths::write_atomically(&a.output, &bytes)
        .with_context(|| format!("cannot write {}", a.output.display()))?;
    out.message(
        serde_json::json!({ "written": a.output, "format": format }),
        &format!("written {}", a.output.display()),
    )
}
