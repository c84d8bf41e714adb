//! Printed and exported documents of a session: agenda, minutes, invitee list, sign-in
//! sheet, name cards and the dossier as PDF (Typst templates in src-tauri/core/templates);
//! agenda and minutes as DOCX; the session as ICS; the lists as CSV/XLSX.
//!
//! Every document is built in two steps: `data` gathers what it shows into plain typed
//! values (what snapshot tests compare), then a renderer lays it out. Typst receives the
//! data as JSON through sys.inputs — user text is never spliced into markup.

mod check;
mod data;
pub mod docx;
pub mod fonts;
pub mod ics;
mod letter_words;
pub mod letters;
pub mod lists;
mod minutes_doc;
pub mod press_doc;
mod seating_chart;
pub mod signature;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

use crate::codes::code_enum;
use crate::documents::fonts::Fonts;
use crate::error::{Error, InvalidReason, Result};
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::Lang;
use crate::Clock;

pub use check::{warnings, DocumentWarning};
pub use data::{
    agenda_data, cards_data, invitees_data, signin_data, AgendaDoc, CardsDoc, InviteesDoc,
    SigninDoc,
};
pub use letters::{letters_data, LetterStyle, LettersDoc};
pub use minutes_doc::{dossier_data, minutes_data, DossierDoc, MinutesDoc};
pub use seating_chart::{seating_data, SeatingDoc};

const COMMON: &str = include_str!("../../templates/common.typ");
const AGENDA: &str = include_str!("../../templates/agenda.typ");
const MINUTES: &str = include_str!("../../templates/minutes.typ");
const INVITEES: &str = include_str!("../../templates/invitees.typ");
const SIGNIN: &str = include_str!("../../templates/signin.typ");
const CARDS: &str = include_str!("../../templates/cards.typ");
const LETTERS: &str = include_str!("../../templates/letters.typ");
const SEATING: &str = include_str!("../../templates/seating.typ");
const ANNEXES: &str = include_str!("../../templates/annexes.typ");

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum DocumentKind {
        Agenda = "agenda",
        Minutes = "minutes",
        Invitees = "invitees",
        Signin = "signin",
        Cards = "cards",
        /// Agenda, invitee list and minutes in one PDF, pages numbered through.
        Dossier = "dossier",
        /// The session as a calendar event.
        Ics = "ics",
        /// One invitation letter per guest, in the guest's language.
        Letters = "letters",
        /// The same as formal third-person notes, for embassies and ministries.
        LettersFormal = "letters_formal",
        /// The table from above with its numbered seats, and the guests seat by seat.
        Seating = "seating",
    }
    invalid = BadFormat, ignore_ascii_case;
}

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum Format {
        Pdf = "pdf",
        Docx = "docx",
        Ics = "ics",
        Csv = "csv",
        Xlsx = "xlsx",
    }
    invalid = BadFormat, ignore_ascii_case;
}

impl DocumentKind {
    /// The formats the document is made in, the usual one first.
    pub fn formats(self) -> &'static [Format] {
        match self {
            DocumentKind::Agenda | DocumentKind::Minutes => &[Format::Pdf, Format::Docx],
            DocumentKind::Invitees | DocumentKind::Signin => {
                &[Format::Pdf, Format::Csv, Format::Xlsx]
            }
            DocumentKind::Cards
            | DocumentKind::Dossier
            | DocumentKind::Letters
            | DocumentKind::LettersFormal
            | DocumentKind::Seating => &[Format::Pdf],
            DocumentKind::Ics => &[Format::Ics],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Layout {
    #[default]
    Side,
    Stacked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DocumentOptions {
    /// One language, or two for a bilingual document.
    pub langs: Vec<Lang>,
    pub layout: Layout,
    pub paper: Paper,
}

fn validate(options: &DocumentOptions) -> Result<()> {
    let n = options.langs.len();
    if n == 0 || n > 2 || (n == 2 && options.langs[0] == options.langs[1]) {
        return Err(Error::invalid("langs", InvalidReason::BadLanguage));
    }
    Ok(())
}

/// Typst source of a document: the shared frame, every part, and the call of this one.
fn source(kind: DocumentKind) -> String {
    let call = match kind {
        DocumentKind::Agenda => "#agenda-body(data)",
        DocumentKind::Minutes => "#minutes-body(data)",
        DocumentKind::Invitees => "#invitees-body(data)",
        DocumentKind::Signin => "#signin-body(data)",
        DocumentKind::Cards => "#cards-body(data)",
        DocumentKind::Dossier => {
            "#agenda-body(data.agenda)\n#pagebreak()\n#invitees-body(data.invitees)\n#pagebreak()\n#minutes-body(data.minutes)\n#annexes-body(data)"
        }
        DocumentKind::Letters | DocumentKind::LettersFormal => "#letters-body(data)",
        DocumentKind::Seating => "#seating-body(data)",
        DocumentKind::Ics => "",
    };
    format!(
        "{COMMON}\n{AGENDA}\n{MINUTES}\n{INVITEES}\n{SIGNIN}\n{CARDS}\n{LETTERS}\n{SEATING}\n{ANNEXES}\n{call}\n"
    )
}

/// The document's data as its template reads it.
pub fn data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Result<serde_json::Value> {
    Ok(match kind {
        DocumentKind::Agenda => serde_json::to_value(agenda_data(db, clock, session_id, options)?)?,
        DocumentKind::Minutes => {
            serde_json::to_value(minutes_data(db, clock, session_id, options)?)?
        }
        DocumentKind::Invitees => {
            serde_json::to_value(invitees_data(db, clock, session_id, options)?)?
        }
        DocumentKind::Signin => serde_json::to_value(signin_data(db, clock, session_id, options)?)?,
        DocumentKind::Cards => serde_json::to_value(cards_data(db, clock, session_id, options)?)?,
        DocumentKind::Dossier => {
            serde_json::to_value(dossier_data(db, clock, session_id, options)?)?
        }
        DocumentKind::Letters | DocumentKind::LettersFormal => {
            let style = LetterStyle::of(kind).unwrap_or(LetterStyle::Personal);
            serde_json::to_value(letters_data(db, clock, session_id, options, style, None)?)?
        }
        DocumentKind::Seating => {
            serde_json::to_value(seating_data(db, clock, session_id, options)?)?
        }
        DocumentKind::Ics => return Err(Error::invalid("format", InvalidReason::BadFormat)),
    })
}

/// Lays the document out into pages.
pub fn layout(
    kind: DocumentKind,
    data: &serde_json::Value,
    fonts: &Fonts,
) -> Result<PagedDocument> {
    layout_source(&source(kind), data, fonts)
}

/// Lays Typst `source` out with `data`; a failure names Typst's complaint (about the
/// templates, never about user text, which is only data).
pub fn layout_source(
    source: &str,
    data: &serde_json::Value,
    fonts: &Fonts,
) -> Result<PagedDocument> {
    layout_with_files(source, data, fonts, &[])
}

/// Lays `source` out with `data` and `files` it may read by name (the dossier's annexes:
/// their bytes as they were added, never markup).
pub fn layout_with_files(
    source: &str,
    data: &serde_json::Value,
    fonts: &Fonts,
    files: &[(String, Vec<u8>)],
) -> Result<PagedDocument> {
    let engine = TypstEngine::builder()
        .main_file(source.to_string())
        .fonts(fonts.files.iter().map(|f| f.as_slice()))
        .with_static_file_resolver(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        .build();
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.to_string().into_value());
    engine.compile_with_input(inputs).output.map_err(|e| {
        Error::Io(std::io::Error::other(format!(
            "document layout failed: {}",
            describe(&e)
        )))
    })
}

pub fn to_pdf(doc: &PagedDocument) -> Result<Vec<u8>> {
    typst_pdf::pdf(doc, &typst_pdf::PdfOptions::default())
        .map_err(|e| Error::Io(std::io::Error::other(format!("PDF export failed: {e:?}"))))
}

/// Every page as SVG (text as outlines: the preview needs no fonts).
pub fn to_svg_pages(doc: &PagedDocument) -> Vec<String> {
    doc.pages()
        .iter()
        .map(|p| typst_svg::svg(p, &typst_svg::SvgOptions::default()))
        .collect()
}

/// The document for a session as PDF bytes.
pub fn pdf(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Result<Vec<u8>> {
    let data = data(db, clock, session_id, kind, options)?;
    to_pdf(&layout_with_files(
        &source(kind),
        &data,
        fonts,
        &files(db, session_id, kind)?,
    )?)
}

/// The files a document reads besides its data: the dossier's annexes.
fn files(db: &Db, session_id: &str, kind: DocumentKind) -> Result<Vec<(String, Vec<u8>)>> {
    match kind {
        DocumentKind::Dossier => minutes_doc::annex_files(db, session_id),
        _ => Ok(Vec::new()),
    }
}

/// The pages of a document as SVG for the app's preview.
pub fn preview(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Result<Vec<String>> {
    if kind == DocumentKind::Ics {
        return Err(Error::invalid("format", InvalidReason::BadFormat));
    }
    let data = data(db, clock, session_id, kind, options)?;
    let files = files(db, session_id, kind)?;
    Ok(to_svg_pages(&layout_with_files(
        &source(kind),
        &data,
        fonts,
        &files,
    )?))
}

/// The document in `format`: one entry for the app and clubctl.
pub fn export(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    kind: DocumentKind,
    format: Format,
    options: &DocumentOptions,
) -> Result<Vec<u8>> {
    if !kind.formats().contains(&format) {
        return Err(Error::invalid("format", InvalidReason::BadFormat));
    }
    validate(options)?;
    match format {
        Format::Pdf => pdf(db, clock, fonts, session_id, kind, options),
        Format::Docx => match kind {
            DocumentKind::Agenda => docx::agenda(&agenda_data(db, clock, session_id, options)?),
            _ => docx::minutes(&minutes_data(db, clock, session_id, options)?),
        },
        Format::Ics => ics::session_ics(db, clock, session_id, options.langs[0]),
        Format::Csv | Format::Xlsx => {
            let table = lists::invitees(&invitees_data(db, clock, session_id, options)?);
            if format == Format::Csv {
                lists::to_csv(&table)
            } else {
                lists::to_xlsx(&table)
            }
        }
    }
}

/// A file name to suggest: "8-agenda-ru-zh.pdf" (plain ASCII: safe on every system).
pub fn file_name(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    kind: DocumentKind,
    format: Format,
    options: &DocumentOptions,
) -> Result<String> {
    let s = sessions::get(db, clock, session_id)?;
    let number = s.number.map(|n| n.to_string()).unwrap_or(s.date);
    let langs = if format == Format::Ics {
        String::new()
    } else {
        options
            .langs
            .iter()
            .map(|l| format!("-{}", l.code()))
            .collect()
    };
    Ok(format!(
        "session-{number}-{}{langs}.{}",
        kind.code(),
        format.code()
    ))
}

fn describe(e: &typst_as_lib::TypstAsLibError) -> String {
    match e {
        typst_as_lib::TypstAsLibError::TypstSource(diags) => diags
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
        other => format!("{other:?}"),
    }
}
