//! `clubctl export`: a session's documents — PDF, DOCX, ICS, CSV/XLSX — in one language
//! or two (club-core's `documents`); `clubctl letters`: the invitation letters, one PDF
//! or one file per guest.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use club_core::documents::fonts::Fonts;
use club_core::documents::{
    self, letters, DocumentKind, DocumentOptions, Format, Layout, LetterStyle, Paper,
};

use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Args)]
pub struct ExportArgs {
    /// agenda | minutes | invitees | signin | cards | dossier | ics | letters | letters_formal
    document: String,
    /// Session id or number
    session: String,
    /// pdf | docx | ics | csv | xlsx (default: from the output's extension)
    #[arg(long)]
    format: Option<String>,
    #[command(flatten)]
    look: Look,
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
    let options = a.look.options()?;
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

/// How a document looks: its languages, the layout of two, the paper.
#[derive(Args)]
pub struct Look {
    /// One language or two, comma-separated: ru | kk | zh | en, e.g. ru,zh (letters: the
    /// language of guests whose languages are not known)
    #[arg(long, default_value = "ru")]
    lang: String,
    /// side | stacked (for two languages)
    #[arg(long, default_value = "side")]
    layout: String,
    /// a4 | letter
    #[arg(long, default_value = "a4")]
    paper: String,
}

impl Look {
    fn options(&self) -> anyhow::Result<DocumentOptions> {
        Ok(DocumentOptions {
            langs: self
                .lang
                .split(',')
                .map(|l| club_core::Lang::parse(l, "lang"))
                .collect::<Result<_, _>>()?,
            layout: match self.layout.as_str() {
                "side" => Layout::Side,
                "stacked" => Layout::Stacked,
                other => anyhow::bail!("--layout {other:?}: side or stacked"),
            },
            paper: match self.paper.as_str() {
                "a4" => Paper::A4,
                "letter" => Paper::Letter,
                other => anyhow::bail!("--paper {other:?}: a4 or letter"),
            },
        })
    }
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("to").required(true).multiple(true).args(["output", "dir"])))]
pub struct LettersArgs {
    /// Session id or number
    session: String,
    /// Formal notes in the third person, for embassies and ministries
    #[arg(long)]
    formal: bool,
    /// The date to answer by, YYYY-MM-DD (default: a week before the session)
    #[arg(long)]
    reply_by: Option<String>,
    #[command(flatten)]
    look: Look,
    /// Every letter in one PDF, one per sheet, in the order of precedence
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// One PDF per guest in this folder
    #[arg(long)]
    dir: Option<PathBuf>,
}

pub fn letters(ctl: Ctl, a: LettersArgs) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    let options = a.look.options()?;
    let style = if a.formal {
        LetterStyle::Formal
    } else {
        LetterStyle::Personal
    };
    let s = resolve(db, clock, &a.session)?;
    let doc = documents::letters_data(db, clock, &s.id, &options, style, a.reply_by.as_deref())?;
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let mut written = Vec::new();
    if let Some(path) = &a.output {
        let bytes = letters::letters_pdf(&doc, &fonts)?;
        club_core::paths::write_atomically(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path.clone());
    }
    if let Some(dir) = &a.dir {
        written.extend(
            letters::write_letter_files(&doc, &s, &fonts, dir)
                .with_context(|| format!("cannot write the letters in {}", dir.display()))?,
        );
    }
    let text = format!(
        "{} letters: {}",
        doc.letters.len(),
        written
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.message(
        serde_json::json!({ "letters": doc.letters.len(), "written": written }),
        &text,
    )
}
