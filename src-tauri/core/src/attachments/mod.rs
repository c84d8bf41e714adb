//! Files kept with a session or one of its agenda items: the speaker's slides, photos,
//! the signed sign-in sheet, scans. The bytes live in the database (migration 0007 says
//! why and how), are checked before anything is written (`sniff`, `picture`, a PDF that
//! parses), and come back byte for byte (the SHA-256 is checked on every read). Owns
//! `attachment`, `attachment_chunk` and `attachment_thumb`.

pub mod picture;
pub mod sniff;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::store::db::Db;
use crate::text::{Text, TextRule};
pub use sniff::Kind;

/// The largest file kept (a 90-minute talk's slides with photos fit; a film does not).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// What one session's files may take together.
pub const MAX_SESSION_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The bytes of one chunk (one transaction, one sync push at most this big).
pub const CHUNK_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attachment {
    pub id: String,
    pub session_id: String,
    pub agenda_item_id: Option<String>,
    pub name: String,
    pub kind: Kind,
    pub mime: String,
    #[ts(type = "number")]
    pub size: u64,
    pub sha256: String,
    /// A picture's size as shown (upright).
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub pages: Option<u32>,
    pub caption: Text,
    pub in_dossier: bool,
    /// A photo chosen for the press note.
    pub in_press: bool,
    pub added_by: String,
    pub added_at: String,
}

/// A change to an attachment's caption, its place in the dossier or its agenda item.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AttachmentPatch {
    #[ts(optional)]
    pub caption: Option<Text>,
    #[ts(optional)]
    pub in_dossier: Option<bool>,
    #[ts(optional)]
    pub in_press: Option<bool>,
    /// "" puts it on the session itself.
    #[ts(optional)]
    pub agenda_item_id: Option<String>,
}

/// Where a new file goes and who brings it.
pub struct NewFile<'a> {
    pub session_id: &'a str,
    pub agenda_item_id: Option<&'a str>,
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub added_by: &'a str,
}

const COLUMNS: &str = "id, session_id, agenda_item_id, name, kind, size, sha256, width, height,
     pages, caption, in_dossier, added_by, added_at, in_press";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    let kind_code: String = r.get(4)?;
    let kind = Kind::from_code(&kind_code).unwrap_or(Kind::Pdf);
    let caption: String = r.get(10)?;
    Ok(Attachment {
        id: r.get(0)?,
        session_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        name: r.get(3)?,
        kind,
        mime: kind.mime().to_string(),
        size: r.get::<_, i64>(5)? as u64,
        sha256: r.get(6)?,
        width: r.get(7)?,
        height: r.get(8)?,
        pages: r.get(9)?,
        caption: Text::from_json(&caption).unwrap_or_default(),
        in_dossier: r.get(11)?,
        added_by: r.get(12)?,
        added_at: r.get(13)?,
        in_press: r.get(14)?,
    })
}

/// A session's files in the order they were added (or arranged).
pub fn list(db: &Db, session_id: &str) -> Result<Vec<Attachment>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        let mut stmt = c.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachment WHERE session_id = ?1 ORDER BY position, added_at"
        ))?;
        let rows = stmt.query_map([&session_id], row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

pub fn get(db: &Db, id: &str) -> Result<Attachment> {
    let id = parse_id(id, "id")?;
    db.read(|c| one(c, &id))
}

fn one(c: &Connection, id: &str) -> Result<Attachment> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM attachment WHERE id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "attachment" })
}

/// What is known of the file once its bytes are checked.
struct Checked {
    name: String,
    kind: Kind,
    width: Option<u32>,
    height: Option<u32>,
    orientation: u8,
    pages: Option<u32>,
    /// A picture's preview, made from the decoding that checked it.
    thumb: Option<Vec<u8>>,
}

/// Everything that can be said about the file before anything is written: its name, its
/// size, what its bytes are, that it opens as that.
fn check(f: &NewFile<'_>) -> Result<Checked> {
    let name = sniff::checked_name(f.name)?;
    if f.bytes.is_empty() {
        return Err(Error::invalid(&name, InvalidReason::EmptyFile));
    }
    if f.bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::invalid(&name, InvalidReason::FileTooLarge));
    }
    let kind = sniff::sniff(f.bytes, &name)?;
    let mut out = Checked {
        name,
        kind,
        width: None,
        height: None,
        orientation: 1,
        pages: None,
        thumb: None,
    };
    if kind.is_picture() {
        let p = picture::inspect(f.bytes, &out.name)?;
        // A header that reads but a body that does not is refused as well.
        let decoded = picture::decode(f.bytes, &out.name)?;
        out.thumb = Some(picture::preview(&decoded, &out.name)?);
        (out.width, out.height, out.orientation) = (Some(p.width), Some(p.height), p.orientation);
    } else if kind == Kind::Pdf {
        out.pages = Some(pdf_pages(f.bytes, &out.name)?);
    }
    Ok(out)
}

/// The pages of a PDF that parses (hayro's reader: the one Typst uses for the dossier).
#[cfg(feature = "documents")]
pub fn pdf_pages(bytes: &[u8], name: &str) -> Result<u32> {
    let doc = hayro_syntax::Pdf::new(bytes.to_vec())
        .map_err(|_| Error::invalid(name, InvalidReason::BrokenFile))?;
    match doc.pages().len() {
        0 => Err(Error::invalid(name, InvalidReason::BrokenFile)),
        n => Ok(n as u32),
    }
}

/// Without the documents feature (the fuzz builds): a PDF with its end marker.
#[cfg(not(feature = "documents"))]
pub fn pdf_pages(bytes: &[u8], name: &str) -> Result<u32> {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if tail.windows(5).any(|w| w == b"%%EOF") {
        Ok(1)
    } else {
        Err(Error::invalid(name, InvalidReason::BrokenFile))
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Keeps a file. Every check runs first; then the chunks go in, each in a transaction of
/// its own (a chunk already kept is not written again); then the attachment itself, in
/// one transaction that finds every chunk in place. Killed at any point, the file is
/// there whole or not at all (chunks left without an attachment are `collect`ed later).
pub fn add(db: &Db, clock: &dyn Clock, f: &NewFile<'_>) -> Result<Attachment> {
    let session_id = parse_id(f.session_id, "sessionId")?;
    let item_id = match f.agenda_item_id {
        Some(i) if !i.is_empty() => Some(parse_id(i, "agendaItemId")?),
        _ => None,
    };
    let checked = check(f)?;
    let added_by = TextRule::LINE.check(f.added_by, "addedBy")?;
    db.read(|c| {
        room_for(
            c,
            &session_id,
            item_id.as_deref(),
            f.bytes.len() as u64,
            &checked.name,
        )
    })?;
    let sha = sha256_hex(f.bytes);
    let chunks: Vec<&[u8]> = f.bytes.chunks(CHUNK_BYTES).collect();
    let now = stamp(clock);
    let id = new_id();
    for (n, chunk) in chunks.iter().enumerate() {
        db.write(|tx| {
            tx.execute(
                "INSERT INTO attachment_chunk (attachment_id, n, bytes, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, n as i64, chunk, now],
            )?;
            Ok(())
        })?;
    }
    db.write(|tx| {
        room_for(
            tx,
            &session_id,
            item_id.as_deref(),
            f.bytes.len() as u64,
            &checked.name,
        )?;
        let kept: i64 = tx.query_row(
            "SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?1",
            [&id],
            |r| r.get(0),
        )?;
        if kept != chunks.len() as i64 {
            return Err(Error::Io(std::io::Error::other(format!(
                "{}: {kept} of {} parts were kept; add it again",
                checked.name,
                chunks.len()
            ))));
        }
        tx.execute(
            "INSERT INTO attachment (id, session_id, agenda_item_id, name, kind, size, sha256,
                 chunks, width, height, orientation, pages, position, added_by, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                 (SELECT coalesce(max(position), 0) + 1 FROM attachment WHERE session_id = ?2),
                 ?13, ?14)",
            params![
                id,
                session_id,
                item_id,
                checked.name,
                checked.kind.code(),
                f.bytes.len() as i64,
                sha,
                chunks.len() as i64,
                checked.width,
                checked.height,
                checked.orientation,
                checked.pages,
                added_by,
                now
            ],
        )?;
        if let Some(jpeg) = &checked.thumb {
            tx.execute(
                "INSERT OR REPLACE INTO attachment_thumb (sha256, jpeg) VALUES (?1, ?2)",
                params![sha, jpeg],
            )?;
        }
        one(tx, &id)
    })
}

/// The session exists, the item is one of its own, and the file fits its allowance.
fn room_for(
    c: &Connection,
    session_id: &str,
    item_id: Option<&str>,
    size: u64,
    name: &str,
) -> Result<()> {
    c.query_row("SELECT 1 FROM session WHERE id = ?1", [session_id], |_| {
        Ok(())
    })
    .optional()?
    .ok_or(Error::NotFound { what: "session" })?;
    if let Some(item) = item_id {
        c.query_row(
            "SELECT 1 FROM agenda_item WHERE id = ?1 AND session_id = ?2",
            [item, session_id],
            |_| Ok(()),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "agenda item",
        })?;
    }
    let used: i64 = c.query_row(
        "SELECT coalesce(sum(size), 0) FROM attachment WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?;
    if used as u64 + size > MAX_SESSION_BYTES {
        return Err(Error::invalid(name, InvalidReason::SessionFull));
    }
    Ok(())
}

/// Keeps the file at `path` under its own name; one over the size limit is refused before
/// it is read.
pub fn add_file(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    agenda_item_id: Option<&str>,
    path: &std::path::Path,
    added_by: &str,
) -> Result<Attachment> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = sniff::checked_name(&name)?;
    let named = |e: std::io::Error| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    };
    if std::fs::metadata(path).map_err(named)?.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(&name, InvalidReason::FileTooLarge));
    }
    let bytes = std::fs::read(path).map_err(named)?;
    add(
        db,
        clock,
        &NewFile {
            session_id,
            agenda_item_id,
            name: &name,
            bytes: &bytes,
            added_by,
        },
    )
}

/// The file's bytes, whole and checked against its SHA-256.
pub fn bytes(db: &Db, id: &str) -> Result<(Attachment, Vec<u8>)> {
    let id = parse_id(id, "id")?;
    db.read(|c| {
        let a = one(c, &id)?;
        let mut stmt = c.prepare_cached(
            "SELECT bytes FROM attachment_chunk WHERE attachment_id = ?1 ORDER BY n",
        )?;
        let mut out = Vec::with_capacity(a.size as usize);
        for chunk in stmt.query_map([&a.id], |r| r.get::<_, Vec<u8>>(0))? {
            out.extend_from_slice(&chunk?);
        }
        if out.len() as u64 != a.size || sha256_hex(&out) != a.sha256 {
            // Parts missing or changed (still arriving from the hub, or damaged): said of
            // this file alone, not of the whole database.
            return Err(Error::Io(std::io::Error::other(format!(
                "the file {} does not read back whole ({} of {} bytes, or another SHA-256)",
                a.name,
                out.len(),
                a.size
            ))));
        }
        Ok((a, out))
    })
}

pub fn update(db: &Db, id: &str, patch: &AttachmentPatch) -> Result<Attachment> {
    let id = parse_id(id, "id")?;
    let caption = match &patch.caption {
        Some(c) => Some(c.validated("caption", TextRule::LINE)?),
        None => None,
    };
    db.write(|tx| {
        let a = one(tx, &id)?;
        if let Some(c) = &caption {
            tx.execute(
                "UPDATE attachment SET caption = ?2 WHERE id = ?1",
                params![id, c.to_json()],
            )?;
        }
        if let Some(d) = patch.in_dossier {
            tx.execute(
                "UPDATE attachment SET in_dossier = ?2 WHERE id = ?1",
                params![id, d],
            )?;
        }
        if let Some(p) = patch.in_press {
            tx.execute(
                "UPDATE attachment SET in_press = ?2 WHERE id = ?1",
                params![id, p],
            )?;
        }
        if let Some(item) = &patch.agenda_item_id {
            let item = match item.as_str() {
                "" => None,
                i => Some(parse_id(i, "agendaItemId")?),
            };
            room_for(tx, &a.session_id, item.as_deref(), 0, &a.name)?;
            tx.execute(
                "UPDATE attachment SET agenda_item_id = ?2 WHERE id = ?1",
                params![id, item],
            )?;
        }
        one(tx, &id)
    })
}

/// Takes the file off its session, its bytes with it (they are its own); the preview goes
/// when no other attachment shows the same picture.
pub fn remove(db: &Db, id: &str) -> Result<()> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        let a = one(tx, &id)?;
        tx.execute("DELETE FROM attachment WHERE id = ?1", [&id])?;
        tx.execute(
            "DELETE FROM attachment_chunk WHERE attachment_id = ?1",
            [&id],
        )?;
        tx.execute(
            "DELETE FROM attachment_thumb WHERE sha256 = ?1
               AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?1)",
            [&a.sha256],
        )?;
        Ok(())
    })
}

/// Chunks of an add that was cut off (no attachment holds them) once they are a day old.
/// Only on a database that is not in a team: there, another laptop's chunks may be here
/// before its attachment is, and deleting them would travel to everyone. Returns how many
/// cut-off adds' chunks went.
pub fn collect(db: &Db, clock: &dyn Clock) -> Result<usize> {
    let before = (clock.now() - chrono::Duration::days(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    db.write(|tx| {
        let in_team: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM sync_state)", [], |r| r.get(0))?;
        if in_team {
            return Ok(0);
        }
        let orphans: Vec<String> = tx
            .prepare(
                "SELECT DISTINCT attachment_id FROM attachment_chunk c
                 WHERE added_at < ?1
                   AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.id = c.attachment_id)",
            )?
            .query_map([&before], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &orphans {
            tx.execute(
                "DELETE FROM attachment_chunk WHERE attachment_id = ?1",
                [id],
            )?;
        }
        Ok(orphans.len())
    })
}

/// A picture's preview (JPEG), made once on this machine and kept.
pub fn thumbnail(db: &Db, id: &str) -> Result<Vec<u8>> {
    let a = get(db, id)?;
    if !a.kind.is_picture() {
        return Err(Error::invalid("id", InvalidReason::BadImage));
    }
    let cached: Option<Vec<u8>> = db.read(|c| {
        Ok(c.query_row(
            "SELECT jpeg FROM attachment_thumb WHERE sha256 = ?1",
            [&a.sha256],
            |r| r.get(0),
        )
        .optional()?)
    })?;
    match cached {
        Some(jpeg) => Ok(jpeg),
        None => make_preview(db, &a),
    }
}

/// Makes a picture's preview from its bytes and keeps it on this machine.
fn make_preview(db: &Db, a: &Attachment) -> Result<Vec<u8>> {
    let (a, bytes) = bytes(db, &a.id)?;
    let jpeg = picture::thumbnail(&bytes, &a.name)?;
    db.write(|tx| {
        tx.execute(
            "INSERT OR REPLACE INTO attachment_thumb (sha256, jpeg) VALUES (?1, ?2)",
            params![a.sha256, jpeg],
        )?;
        Ok(())
    })?;
    Ok(jpeg)
}

/// A photo of the session's gallery: the attachment and its preview as a data: URL.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Photo {
    #[serde(flatten)]
    pub attachment: Attachment,
    /// "" when the preview cannot be made.
    pub thumb: String,
}

/// The session's pictures with their previews (made here for any that came from another
/// machine without one).
pub fn gallery(db: &Db, session_id: &str) -> Result<Vec<Photo>> {
    use base64::Engine;
    let pictures: Vec<Attachment> = list(db, session_id)?
        .into_iter()
        .filter(|a| a.kind.is_picture())
        .collect();
    // Every preview kept here, in one read (not two per photo).
    let kept: std::collections::HashMap<String, Vec<u8>> = db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT DISTINCT t.sha256, t.jpeg FROM attachment_thumb t
             JOIN attachment a ON a.sha256 = t.sha256 WHERE a.session_id = ?1",
        )?;
        let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })?;
    let mut out = Vec::with_capacity(pictures.len());
    for a in pictures {
        // A picture whose preview cannot be made (its bytes still on their way from the
        // hub) is listed by its name, so it can still be opened or removed.
        let jpeg = match kept.get(&a.sha256) {
            Some(jpeg) => Some(jpeg.clone()),
            None => make_preview(db, &a).ok(),
        };
        let thumb = jpeg
            .map(|j| {
                format!(
                    "data:image/jpeg;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(j)
                )
            })
            .unwrap_or_default();
        out.push(Photo {
            thumb,
            attachment: a,
        });
    }
    Ok(out)
}
