//! The press note of a session, per language: drafted from what the app knows
//! (`press_draft`), then edited by a person in the minutes' editor. Each language keeps
//! its revisions (drafted, saved, restored). Drafting again never replaces a note a
//! person has edited unless asked to. Owns `press_note` and `press_revision`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::press_draft;
use super::revisions;
use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::ids::{new_id, parse_id};
use crate::store::db::Db;
use crate::text::{Lang, TextRule};

/// A session's press note in one language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PressNote {
    pub session_id: String,
    pub lang: Lang,
    pub headline: String,
    /// Minutes text (docs/minutes-text.md).
    pub body: String,
    /// A person changed it since it was last drafted.
    pub edited: bool,
    /// The number of its latest revision.
    pub revision: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PressRevision {
    pub lang: Lang,
    pub number: u32,
    /// drafted | saved | restored
    pub reason: String,
    pub headline: String,
    pub body: String,
    pub created_at: String,
}

/// The headline and the body as one text: what `drafted` keeps to tell an edit.
fn whole(headline: &str, body: &str) -> String {
    format!("{headline}\n\n{body}")
}

fn read(c: &Connection, session_id: &str, lang: Lang) -> Result<Option<PressNote>> {
    Ok(c.query_row(
        "SELECT headline, body, drafted, revision, updated_at FROM press_note
             WHERE session_id = ?1 AND lang = ?2",
        params![session_id, lang.code()],
        |r| {
            let headline: String = r.get(0)?;
            let body: String = r.get(1)?;
            let drafted: String = r.get(2)?;
            Ok(PressNote {
                session_id: session_id.to_string(),
                lang,
                edited: drafted != whole(&headline, &body),
                headline,
                body,
                revision: r.get(3)?,
                updated_at: r.get(4)?,
            })
        },
    )
    .optional()?)
}

/// The session's notes, in the order ru, kk, zh, en (only the languages it has).
pub fn get(db: &Db, session_id: &str) -> Result<Vec<PressNote>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        let mut out = Vec::new();
        for lang in Lang::ALL {
            out.extend(read(c, &session_id, lang)?);
        }
        Ok(out)
    })
}

/// The note in one language.
pub fn one(db: &Db, session_id: &str, lang: Lang) -> Result<PressNote> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| read(c, &session_id, lang))?
        .ok_or(Error::NotFound { what: "press note" })
}

/// Drafts the note in each of `langs` from the session as the app knows it now. A
/// language whose note a person has edited is refused (nothing written, in any language)
/// unless `replace_edited`: the edited text stays in the revisions either way.
pub fn draft(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    langs: &[Lang],
    replace_edited: bool,
) -> Result<Vec<PressNote>> {
    let session_id = parse_id(session_id, "sessionId")?;
    let facts = press_draft::gather(db, clock, &session_id)?;
    let langs: Vec<Lang> = if langs.is_empty() {
        Lang::ALL.to_vec()
    } else {
        langs.to_vec()
    };
    db.write(|tx| {
        let mut out = Vec::new();
        for &lang in &langs {
            let before = read(tx, &session_id, lang)?;
            if let Some(b) = &before {
                if b.edited && !replace_edited {
                    return Err(Error::Conflict {
                        field: format!("press.{}", lang.code()),
                        message: format!(
                            "the {} press note was edited since it was drafted; drafting \
                             again replaces it",
                            lang.code()
                        ),
                    });
                }
            }
            keep(tx, clock, &session_id, lang)?;
            let (headline, body) = press_draft::compose(&facts, lang);
            write(tx, clock, &session_id, lang, &headline, &body, true)?;
            revise(tx, clock, &session_id, lang, "drafted")?;
            out.extend(read(tx, &session_id, lang)?);
        }
        Ok(out)
    })
}

/// Saves a person's text (the editor's autosave). A revision is kept when none was for
/// ten minutes, so the history has the grain of the minutes'.
pub fn save(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    lang: Lang,
    headline: &str,
    body: &str,
) -> Result<PressNote> {
    let session_id = parse_id(session_id, "sessionId")?;
    let headline = TextRule::REQUIRED_LINE.check(headline, "headline")?;
    let body = TextRule::PARAGRAPHS.check(body, "body")?;
    db.write(|tx| {
        session_exists(tx, &session_id)?;
        write(tx, clock, &session_id, lang, &headline, &body, false)?;
        if due(tx, clock, &session_id, lang)? {
            revise(tx, clock, &session_id, lang, "saved")?;
        }
        read(tx, &session_id, lang)?.ok_or(Error::NotFound { what: "press note" })
    })
}

fn session_exists(c: &Connection, session_id: &str) -> Result<()> {
    c.query_row("SELECT 1 FROM session WHERE id = ?1", [session_id], |_| {
        Ok(())
    })
    .optional()?
    .ok_or(Error::NotFound { what: "session" })
}

/// Writes the note; `drafted` says the text is the draft itself (so not edited).
fn write(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    lang: Lang,
    headline: &str,
    body: &str,
    drafted: bool,
) -> Result<()> {
    let text = whole(headline, body);
    let now = stamp(clock);
    if drafted {
        c.execute(
            "INSERT INTO press_note (session_id, lang, headline, body, drafted, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (session_id, lang) DO UPDATE SET headline = ?3, body = ?4,
                 drafted = ?5, updated_at = ?6",
            params![session_id, lang.code(), headline, body, text, now],
        )?;
    } else {
        c.execute(
            "INSERT INTO press_note (session_id, lang, headline, body, drafted, updated_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5)
             ON CONFLICT (session_id, lang) DO UPDATE SET headline = ?3, body = ?4,
                 updated_at = ?5",
            params![session_id, lang.code(), headline, body, now],
        )?;
    }
    Ok(())
}

/// Whether a save now keeps a revision: none yet, or the last is old enough.
fn due(c: &Connection, clock: &dyn Clock, session_id: &str, lang: Lang) -> Result<bool> {
    let last: Option<String> = c
        .query_row(
            "SELECT created_at FROM press_revision WHERE session_id = ?1 AND lang = ?2
             ORDER BY number DESC LIMIT 1",
            params![session_id, lang.code()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(revisions::old_enough(clock, last))
}

/// Before the note is replaced (drafted again, a revision put back): its text becomes a
/// revision unless the latest one already holds it, so no edit is ever lost.
fn keep(c: &Connection, clock: &dyn Clock, session_id: &str, lang: Lang) -> Result<()> {
    let unkept: Option<bool> = c
        .query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM press_revision r
                 WHERE r.session_id = n.session_id AND r.lang = n.lang
                   AND r.headline = n.headline AND r.body = n.body
                   AND r.number = (SELECT max(number) FROM press_revision
                                   WHERE session_id = n.session_id AND lang = n.lang))
             FROM press_note n WHERE n.session_id = ?1 AND n.lang = ?2",
            params![session_id, lang.code()],
            |r| r.get(0),
        )
        .optional()?;
    if unkept == Some(true) {
        revise(c, clock, session_id, lang, "saved")?;
    }
    Ok(())
}

/// Freezes the note as it stands as its next revision.
fn revise(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    lang: Lang,
    reason: &str,
) -> Result<()> {
    let number: u32 = c.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM press_revision
         WHERE session_id = ?1 AND lang = ?2",
        params![session_id, lang.code()],
        |r| r.get(0),
    )?;
    c.execute(
        "INSERT INTO press_revision (id, session_id, lang, number, reason, headline, body,
             created_at)
         SELECT ?1, session_id, lang, ?4, ?5, headline, body, ?6 FROM press_note
         WHERE session_id = ?2 AND lang = ?3",
        params![
            new_id(),
            session_id,
            lang.code(),
            number,
            reason,
            stamp(clock)
        ],
    )?;
    c.execute(
        "UPDATE press_note SET revision = ?3 WHERE session_id = ?1 AND lang = ?2",
        params![session_id, lang.code(), number],
    )?;
    Ok(())
}

/// A language's revisions, the latest first.
pub fn revisions(db: &Db, session_id: &str, lang: Lang) -> Result<Vec<PressRevision>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT number, reason, headline, body, created_at FROM press_revision
             WHERE session_id = ?1 AND lang = ?2 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map(params![session_id, lang.code()], |r| {
            Ok(PressRevision {
                lang,
                number: r.get(0)?,
                reason: r.get(1)?,
                headline: r.get(2)?,
                body: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

/// Puts revision `number` back as the note (itself kept as a new revision).
pub fn restore(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    lang: Lang,
    number: u32,
) -> Result<PressNote> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.write(|tx| {
        let (headline, body): (String, String) = tx
            .query_row(
                "SELECT headline, body FROM press_revision
                 WHERE session_id = ?1 AND lang = ?2 AND number = ?3",
                params![session_id, lang.code(), number],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "revision" })?;
        keep(tx, clock, &session_id, lang)?;
        write(tx, clock, &session_id, lang, &headline, &body, false)?;
        revise(tx, clock, &session_id, lang, "restored")?;
        read(tx, &session_id, lang)?.ok_or(Error::NotFound { what: "press note" })
    })
}
