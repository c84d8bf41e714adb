//! Invitation letters, one per invitee, in the guest's own language (two when the guest
//! reads two): the Club's letterhead, the guest's address, the session as a list of
//! fields (which no language has to decline), the programme in brief, the reply-by date,
//! the signatory. Two styles: a personal letter, and a formal third-person note for
//! embassies and ministries.
//!
//! The letter's fixed wording is here in the four languages; everything from the
//! database arrives in Typst as data (sys.inputs), never as markup.

use chrono::{Duration, NaiveDate, Offset, TimeZone};
use serde::Serialize;

use super::data::{each, frame, t, Frame};
use super::fonts::Fonts;
use super::letter_words::{closing, opening, reply, salutation};
use super::{layout, to_pdf, validate, DocumentKind, DocumentOptions};
use crate::clock::{long_date, parse_date, parse_time, parse_time_zone};
use crate::error::Result;
use crate::people::Person;
use crate::planning::agenda;
use crate::planning::invitations::{self, Invitee};
use crate::planning::rsvp::InvitationStatus;
use crate::planning::sessions::{self, Session};
use crate::planning::themes;
use crate::store::db::Db;
use crate::store::settings::{self, Settings};
use crate::text::{Lang, Text};
use crate::Clock;

/// How a letter speaks to its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterStyle {
    /// "Dear Mr Wang, the Club has the honour to invite you …", signed.
    Personal,
    /// A note in the third person for embassies and ministries: "The Club … has the honour
    /// to invite …", closing with the customary assurances.
    Formal,
}

impl LetterStyle {
    /// The style a document kind prints its letters in; None for a kind that is no letter.
    pub fn of(kind: DocumentKind) -> Option<LetterStyle> {
        match kind {
            DocumentKind::Letters => Some(LetterStyle::Personal),
            DocumentKind::LettersFormal => Some(LetterStyle::Formal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LetterField {
    pub label: Text,
    pub value: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeRow {
    pub time: String,
    pub title: Text,
}

/// One guest's letter: every text in each of the letter's languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    pub person_id: String,
    /// The guest's languages (at most two), else the document's first language.
    pub langs: Vec<Lang>,
    pub honorific: Text,
    pub name: Text,
    pub position: Text,
    pub organisation: Text,
    /// Empty in the formal style.
    pub salutation: Text,
    pub opening: Text,
    pub fields: Vec<LetterField>,
    pub programme_label: Text,
    pub programme: Vec<ProgrammeRow>,
    pub reply: Text,
    pub closing: Text,
    pub sign_off: Text,
    pub signatory_name: Text,
    pub signatory_position: Text,
    /// Place and date of the letter: "Пекин, 1 декабря 2026 г.".
    pub dated: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LettersDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub formal: bool,
    pub letters: Vec<Letter>,
    /// The signature's picture (PNG or JPEG) above the signatory's name: personal letters
    /// only, when the organizer has chosen one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Vec<u8>>,
}

impl LettersDoc {
    /// The same document with `letter` alone (one guest's file, one message's attachment).
    pub fn only(&self, letter: &Letter) -> LettersDoc {
        LettersDoc {
            frame: self.frame.clone(),
            formal: self.formal,
            letters: vec![letter.clone()],
            signature: self.signature.clone(),
        }
    }
}

/// The letters of a session, in the order of precedence. Declined guests and walk-ins
/// get none. `reply_by` is YYYY-MM-DD; without it, a week before the session.
pub fn letters_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
    style: LetterStyle,
    reply_by: Option<&str>,
) -> Result<LettersDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let list = invitations::list(db, &s.id)?;
    let settings = settings::get(db)?;
    let common = Common::gather(db, clock, &s, &settings, reply_by)?;
    let heading = match style {
        LetterStyle::Personal => t(
            "Письма-приглашения",
            "Шақыру хаттары",
            "邀请函",
            "Invitation letters",
        ),
        LetterStyle::Formal => t(
            "Приглашения (официальные ноты)",
            "Шақырулар (ресми ноталар)",
            "邀请照会",
            "Invitations (formal notes)",
        ),
    };
    let letters = list
        .invitees
        .iter()
        .filter(|i| i.status != InvitationStatus::Declined && !i.walk_in)
        .map(|i| letter(&common, i, style, options.langs[0]))
        .collect();
    Ok(LettersDoc {
        frame: frame(db, &s, options, heading)?,
        formal: style == LetterStyle::Formal,
        letters,
        signature: match style {
            LetterStyle::Personal => super::signature::get(db)?,
            // A note verbale is not signed by hand.
            LetterStyle::Formal => None,
        },
    })
}

/// A file name for one guest's letter: "session-8-letter-03-nurysheva.pdf" (ASCII only).
pub fn letter_file_name(session: &Session, index: usize, letter: &Letter) -> String {
    let number = session
        .number
        .map(|n| n.to_string())
        .unwrap_or_else(|| session.date.clone());
    let latin = letter
        .name
        .get(Lang::En)
        .map(ascii_slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| letter.person_id.chars().take(8).collect());
    format!("session-{number}-letter-{:03}-{latin}.pdf", index + 1)
}

fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// What every letter of the session shares.
struct Common {
    club: Text,
    fields: Vec<LetterField>,
    programme: Vec<ProgrammeRow>,
    reply_by: NaiveDate,
    contact: String,
    signatory_name: Text,
    signatory_position: Text,
    dated: Text,
}

impl Common {
    fn gather(
        db: &Db,
        clock: &dyn Clock,
        s: &Session,
        settings: &Settings,
        reply_by: Option<&str>,
    ) -> Result<Common> {
        let date = parse_date(&s.date, "date")?;
        let reply_by = reply_by_date(s, reply_by)?;
        let zone = utc_offset(s)?;
        let mut fields = vec![
            LetterField {
                label: t("Заседание", "Отырыс", "会议", "Session"),
                value: joined(&s.ordinal, &s.title, |l, ordinal, title| match l {
                    Lang::Zh => format!("{ordinal}“{title}”"),
                    Lang::En => format!("{ordinal}: “{title}”"),
                    Lang::Ru | Lang::Kk => format!("{ordinal} «{title}»"),
                }),
            },
            LetterField {
                label: t("Дата и время", "Күні мен уақыты", "时间", "Date and time"),
                value: each(|l| {
                    let sep = if l == Lang::Zh { " " } else { ", " };
                    format!("{}{sep}{}", long_date(date, l), times(s, l, &zone))
                }),
            },
        ];
        if !s.venue.is_empty() {
            fields.push(LetterField {
                label: t("Место", "Орны", "地点", "Venue"),
                value: s.venue.clone(),
            });
        }
        let mut topics: Vec<Text> = Vec::new();
        if !s.theme.is_empty() {
            topics.push(s.theme.clone());
        }
        for theme in themes::of_session(db, &s.id)? {
            if !topics.contains(&theme.name) {
                topics.push(theme.name);
            }
        }
        if !topics.is_empty() {
            fields.push(LetterField {
                label: t(
                    "Темы для обсуждения",
                    "Талқылау тақырыптары",
                    "讨论议题",
                    "Topics for discussion",
                ),
                value: list_of(&topics),
            });
        }
        let programme = agenda::get(db, &s.id)?
            .items
            .into_iter()
            .map(|i| ProgrammeRow {
                time: i.start,
                title: i.title,
            })
            .collect();
        let today = clock
            .now()
            .with_timezone(&parse_time_zone(&s.time_zone, "timeZone")?);
        Ok(Common {
            club: settings.club_name.clone(),
            fields,
            programme,
            reply_by,
            contact: settings.reply_contact.clone(),
            signatory_name: settings.signatory_name.clone(),
            signatory_position: settings.signatory_position.clone(),
            dated: each(|l| long_date(today.date_naive(), l)),
        })
    }
}

/// "15:00–17:30 (по местному времени, UTC+8)": the times in the session's zone.
fn times(s: &Session, l: Lang, zone: &str) -> String {
    let local = match l {
        Lang::Ru => "по местному времени",
        Lang::Kk => "жергілікті уақыт",
        Lang::Zh => "当地时间",
        Lang::En => "local time",
    };
    match l {
        Lang::Zh => format!("{}–{}（{local}，{zone}）", s.start, s.end),
        _ => format!("{}–{} ({local}, {zone})", s.start, s.end),
    }
}

/// The date to answer by: as given (YYYY-MM-DD), else a week before the session.
pub fn reply_by_date(s: &Session, given: Option<&str>) -> Result<NaiveDate> {
    match given {
        Some(raw) => parse_date(raw, "replyBy"),
        None => Ok(parse_date(&s.date, "date")? - Duration::days(7)),
    }
}

/// The date and the times of the session as a letter or a message in `l` writes them.
pub fn when(s: &Session, l: Lang) -> Result<(String, String)> {
    let date = parse_date(&s.date, "date")?;
    Ok((long_date(date, l), times(s, l, &utc_offset(s)?)))
}

/// "UTC+8", "UTC+5:30": the session zone's offset on the session's day.
fn utc_offset(s: &Session) -> Result<String> {
    let tz = parse_time_zone(&s.time_zone, "timeZone")?;
    let at = parse_date(&s.date, "date")?.and_time(parse_time(&s.start, "start")?);
    let seconds = tz
        .from_local_datetime(&at)
        .earliest()
        .map(|d| d.offset().fix().local_minus_utc())
        .unwrap_or(0);
    let sign = if seconds < 0 { '-' } else { '+' };
    let (h, m) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    Ok(match m {
        0 => format!("UTC{sign}{h}"),
        _ => format!("UTC{sign}{h}:{m:02}"),
    })
}

/// Two values joined per language; a language only one of them has shows that one.
fn joined(a: &Text, b: &Text, join: impl Fn(Lang, &str, &str) -> String) -> Text {
    let mut out = Text::new();
    for l in Lang::ALL {
        match (a.get(l), b.get(l)) {
            (Some(x), Some(y)) => out.set(l, &join(l, x, y)),
            (Some(x), None) | (None, Some(x)) => out.set(l, x),
            (None, None) => {}
        }
    }
    out
}

/// Values as one line per language: "первая; вторая", "第一；第二".
fn list_of(values: &[Text]) -> Text {
    let mut out = Text::new();
    for l in Lang::ALL {
        let parts: Vec<&str> = values.iter().filter_map(|v| v.get(l)).collect();
        let sep = if l == Lang::Zh { "；" } else { "; " };
        if !parts.is_empty() {
            out.set(l, &parts.join(sep));
        }
    }
    out
}

/// The letter's languages: the guest's first two, else the document's language.
fn letter_langs(p: &Person, fallback: Lang) -> Vec<Lang> {
    let mut langs: Vec<Lang> = Vec::new();
    for l in &p.languages {
        if !langs.contains(l) && langs.len() < 2 {
            langs.push(*l);
        }
    }
    if langs.is_empty() {
        langs.push(fallback);
    }
    langs
}

fn letter(c: &Common, i: &Invitee, style: LetterStyle, fallback: Lang) -> Letter {
    let p = &i.person;
    let formal = style == LetterStyle::Formal;
    let reply_by = c.reply_by;
    let contact = c.contact.trim().to_string();
    Letter {
        person_id: p.id.clone(),
        langs: letter_langs(p, fallback),
        honorific: p.honorific.clone(),
        name: p.display_name.clone(),
        position: p.position.clone(),
        organisation: p.organisation.clone(),
        salutation: if formal { Text::new() } else { salutation(p) },
        opening: each(|l| opening(l, style, c.club.best(l))),
        fields: c.fields.clone(),
        programme_label: t("Программа", "Бағдарлама", "议程", "Programme"),
        programme: c.programme.clone(),
        reply: each(|l| reply(l, &long_date(reply_by, l), &contact)),
        closing: each(|l| closing(l, style, c.club.best(l))),
        sign_off: if formal {
            Text::new()
        } else {
            t("С уважением,", "Құрметпен,", "此致敬礼", "Yours sincerely,")
        },
        signatory_name: c.signatory_name.clone(),
        signatory_position: c.signatory_position.clone(),
        dated: c.dated.clone(),
    }
}

/// The letters as one PDF, one letter per sheet, in the order of precedence.
pub fn letters_pdf(doc: &LettersDoc, fonts: &Fonts) -> Result<Vec<u8>> {
    let data = serde_json::to_value(doc)?;
    to_pdf(&layout(DocumentKind::Letters, &data, fonts)?)
}

/// One PDF per guest, each with a file name of its own, in the order of precedence.
pub fn letter_files(
    doc: &LettersDoc,
    session: &Session,
    fonts: &Fonts,
) -> Result<Vec<(String, Vec<u8>)>> {
    doc.letters
        .iter()
        .enumerate()
        .map(|(i, letter)| {
            Ok((
                letter_file_name(session, i, letter),
                letters_pdf(&doc.only(letter), fonts)?,
            ))
        })
        .collect()
}

/// Every letter of `doc` as a PDF of its own in `dir` (made if missing): all laid out
/// first, so that a failure writes nothing; each file written whole. The paths written.
pub fn write_letter_files(
    doc: &LettersDoc,
    session: &Session,
    fonts: &Fonts,
    dir: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>> {
    let files = letter_files(doc, session, fonts)?;
    std::fs::create_dir_all(dir)?;
    files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            crate::paths::write_atomically(&path, &bytes)?;
            Ok(path)
        })
        .collect()
}
