//! The press note as it leaves the app: PDF (Typst, the note's text only as data), DOCX,
//! plain text for a message or a wire, and a self-contained HTML fragment for the Club's
//! website (no script, no style sheet, no outside reference; every character of the note
//! escaped).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::data::{frame, t, Frame};
use super::fonts::Fonts;
use super::{docx, layout_with_files, to_pdf, DocumentOptions, Layout, Paper, COMMON};
use crate::attachments::{self, picture};
use crate::clock::{long_date, parse_date};
use crate::codes::code_enum;
use crate::error::Error;
use crate::error::Result;
use crate::minutes::press;
use crate::minutes::text::{self as minutes_text, Block, Span};
use crate::planning::sessions::{self, Session};
use crate::store::db::Db;
use crate::text::Lang;
use crate::Clock;

const PRESS: &str = include_str!("../../templates/press.typ");

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum PressFormat {
        Pdf = "pdf",
        Docx = "docx",
        Txt = "txt",
        Html = "html",
    }
    invalid = BadFormat, ignore_ascii_case;
}

/// What every format of the note is made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PressDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub lang: Lang,
    pub headline: String,
    /// «8-е заседание · 20 ноября 2025 г. · Культурный центр Казахстана, Пекин».
    pub dateline: String,
    pub blocks: Vec<Block>,
    /// The photos chosen for the note, each with its caption in the note's language.
    pub photos: Vec<PressPhoto>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PressPhoto {
    /// The name Typst reads it by ("photo-1.jpg"); also the attachment it is.
    pub file: String,
    #[serde(skip)]
    pub attachment_id: String,
    pub caption: String,
}

pub fn press_data(db: &Db, clock: &dyn Clock, session_id: &str, lang: Lang) -> Result<PressDoc> {
    let note = press::one(db, session_id, lang)?;
    let session = sessions::get(db, clock, session_id)?;
    let options = DocumentOptions {
        langs: vec![lang],
        layout: Layout::Stacked,
        paper: Paper::A4,
    };
    let heading = t(
        "Пресс-релиз",
        "Баспасөз хабарламасы",
        "新闻稿",
        "Press release",
    );
    Ok(PressDoc {
        frame: frame(db, &session, &options, heading)?,
        lang,
        dateline: dateline(&session, lang)?,
        blocks: minutes_text::parse(&note.body),
        headline: note.headline,
        photos: attachments::list(db, session_id)?
            .into_iter()
            .filter(|a| a.in_press && a.kind.is_picture())
            .enumerate()
            .map(|(n, a)| PressPhoto {
                file: format!("photo-{}.{}", n + 1, a.kind.code()),
                caption: a.caption.best(lang).to_string(),
                attachment_id: a.id,
            })
            .collect(),
    })
}

/// The chosen photos as the layout reads them.
fn photo_files(db: &Db, doc: &PressDoc) -> Result<Vec<(String, Vec<u8>)>> {
    doc.photos
        .iter()
        .map(|p| Ok((p.file.clone(), attachments::bytes(db, &p.attachment_id)?.1)))
        .collect()
}

/// A photo for the website: upright, at most 1600 px, JPEG, as a data: URL (the
/// fragment refers to nothing outside itself).
fn web_photo(db: &Db, p: &PressPhoto) -> Result<String> {
    use base64::Engine;
    let (a, bytes) = attachments::bytes(db, &p.attachment_id)?;
    let picture = picture::on_white(&picture::decode(&bytes, &a.name)?.thumbnail(1600, 1600));
    let mut out = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .map_err(|e| Error::Io(std::io::Error::other(format!("{}: {e}", a.name))))?;
    Ok(format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(out.into_inner())
    ))
}

fn dateline(s: &Session, lang: Lang) -> Result<String> {
    let date = long_date(parse_date(&s.date, "date")?, lang);
    Ok([s.ordinal.best(lang), &date, s.venue.best(lang)]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · "))
}

/// The note in `format`.
pub fn export(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    lang: Lang,
    format: PressFormat,
) -> Result<Vec<u8>> {
    let doc = press_data(db, clock, session_id, lang)?;
    Ok(match format {
        PressFormat::Pdf => pdf(&doc, fonts, &photo_files(db, &doc)?)?,
        PressFormat::Docx => docx::press(&doc)?,
        PressFormat::Txt => plain_text(&doc).into_bytes(),
        PressFormat::Html => html_with_photos(db, &doc)?.into_bytes(),
    })
}

/// The note as plain text, or as the website's HTML fragment: what "copy" puts on the
/// clipboard.
pub fn text(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    lang: Lang,
    as_html: bool,
) -> Result<String> {
    let doc = press_data(db, clock, session_id, lang)?;
    Ok(if as_html {
        html_with_photos(db, &doc)?
    } else {
        plain_text(&doc)
    })
}

pub fn pdf(doc: &PressDoc, fonts: &Fonts, photos: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let data = serde_json::to_value(doc)?;
    to_pdf(&layout_with_files(
        &format!("{COMMON}\n{PRESS}\n#press-body(data)\n"),
        &data,
        fonts,
        photos,
    )?)
}

/// The website's fragment with the chosen photos, each a `<figure>` with its caption.
fn html_with_photos(db: &Db, doc: &PressDoc) -> Result<String> {
    let mut out = html(doc);
    let figures: String = doc
        .photos
        .iter()
        .map(|p| {
            Ok(format!(
                "<figure>\n<img src=\"{}\" alt=\"{}\">\n<figcaption>{}</figcaption>\n</figure>\n",
                web_photo(db, p)?,
                escape(&p.caption),
                escape(&p.caption)
            ))
        })
        .collect::<Result<_>>()?;
    out.insert_str(out.len() - "</article>\n".len(), &figures);
    Ok(out)
}

/// "session-8-press-ru.pdf" (plain ASCII, like the other documents' names).
pub fn file_name(session: &Session, lang: Lang, format: PressFormat) -> String {
    let number = session
        .number
        .map(|n| n.to_string())
        .unwrap_or_else(|| session.date.clone());
    format!("session-{number}-press-{}.{}", lang.code(), format.code())
}

fn plain_spans(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// The note as plain text: the marks of bold and italic dropped, lists kept as written.
pub fn plain_text(doc: &PressDoc) -> String {
    let mut parts = vec![doc.headline.clone(), doc.dateline.clone()];
    for b in &doc.blocks {
        parts.push(match b {
            Block::Paragraph { lines } => lines
                .iter()
                .map(|l| plain_spans(l))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Bullets { items } => items
                .iter()
                .map(|i| format!("- {}", plain_spans(i)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Numbered { items } => items
                .iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {}", n + 1, plain_spans(i)))
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    parts.join("\n\n") + "\n"
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let mut t = escape(&s.text);
            if s.italic {
                t = format!("<em>{t}</em>");
            }
            if s.bold {
                t = format!("<strong>{t}</strong>");
            }
            t
        })
        .collect()
}

/// A self-contained fragment for the Club's website: an `<article>` in the note's
/// language, the headline as `<h1>`; nothing it refers to lies outside it.
pub fn html(doc: &PressDoc) -> String {
    let mut out = format!(
        "<article class=\"club-press-note\" lang=\"{}\">\n<h1>{}</h1>\n<p class=\"dateline\">{}</p>\n",
        doc.lang.code(),
        escape(&doc.headline),
        escape(&doc.dateline)
    );
    for b in &doc.blocks {
        let list = |tag: &str, items: &[Vec<Span>]| {
            let items: String = items
                .iter()
                .map(|i| format!("<li>{}</li>\n", html_spans(i)))
                .collect();
            format!("<{tag}>\n{items}</{tag}>\n")
        };
        out.push_str(&match b {
            Block::Paragraph { lines } => format!(
                "<p>{}</p>\n",
                lines
                    .iter()
                    .map(|l| html_spans(l))
                    .collect::<Vec<_>>()
                    .join("<br>\n")
            ),
            Block::Bullets { items } => list("ul", items),
            Block::Numbered { items } => list("ol", items),
        });
    }
    out.push_str("</article>\n");
    out
}
