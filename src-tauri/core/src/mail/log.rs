//! What went to whom: one row per message sent or saved (owns `mail_log`). A row is
//! written as 'sending' before the server is asked and becomes 'sent' or 'failed' after,
//! so a batch cut off by a crash never sends a message twice by itself: the guest whose
//! message was on its way is asked about ("already sent on …?").

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::MailKind;
use crate::codes::code_enum;
use crate::error::Result;
use crate::ids::new_id;

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export, rename = "MailOutcome")]
    pub enum Outcome {
        /// Handed to the server; no answer recorded (the batch was cut off).
        Sending = "sending",
        Sent = "sent",
        /// The server refused it for this guest; `detail` says why.
        Failed = "failed",
        /// Written as an .eml file for the organizer's own mail program.
        Saved = "saved",
    }
    invalid = BadStatus, ignore_ascii_case;
}

/// The latest message of a kind to one guest.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LastMail {
    pub invitation_id: String,
    pub kind: MailKind,
    pub outcome: Outcome,
    pub address: String,
    pub detail: String,
    pub at: String,
}

/// Notes a message as on its way; its row id.
pub(super) fn sending(
    c: &Connection,
    invitation_id: &str,
    kind: MailKind,
    address: &str,
    message_id: &str,
    at: &str,
) -> Result<String> {
    insert(
        c,
        invitation_id,
        kind,
        ("smtp", Outcome::Sending),
        address,
        message_id,
        at,
    )
}

/// Notes a message saved as an .eml file.
pub(super) fn saved(
    c: &Connection,
    invitation_id: &str,
    kind: MailKind,
    address: &str,
    message_id: &str,
    at: &str,
) -> Result<()> {
    insert(
        c,
        invitation_id,
        kind,
        ("eml", Outcome::Saved),
        address,
        message_id,
        at,
    )
    .map(drop)
}

fn insert(
    c: &Connection,
    invitation_id: &str,
    kind: MailKind,
    (way, outcome): (&str, Outcome),
    address: &str,
    message_id: &str,
    at: &str,
) -> Result<String> {
    let id = new_id();
    c.execute(
        "INSERT INTO mail_log (id, invitation_id, kind, way, address, outcome, message_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            invitation_id,
            kind.code(),
            way,
            address,
            outcome.code(),
            message_id,
            at
        ],
    )?;
    Ok(id)
}

/// The server's answer to a message on its way.
pub(super) fn finish(
    c: &Connection,
    row: &str,
    outcome: Outcome,
    detail: &str,
    at: &str,
) -> Result<()> {
    c.execute(
        "UPDATE mail_log SET outcome = ?2, detail = ?3, at = ?4 WHERE id = ?1",
        params![row, outcome.code(), detail, at],
    )?;
    Ok(())
}

/// The latest message of `kind` to each guest of the session who has one.
pub fn last(c: &Connection, session_id: &str, kind: MailKind) -> Result<Vec<LastMail>> {
    let mut stmt = c.prepare_cached(
        "SELECT l.invitation_id, l.outcome, l.address, l.detail, l.at
         FROM mail_log l JOIN invitation i ON i.id = l.invitation_id
         WHERE i.session_id = ?1 AND l.kind = ?2
           AND l.rowid = (SELECT m.rowid FROM mail_log m
                          WHERE m.invitation_id = l.invitation_id AND m.kind = l.kind
                          ORDER BY m.at DESC, m.rowid DESC LIMIT 1)",
    )?;
    let rows = stmt
        .query_map(params![session_id, kind.code()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(invitation_id, outcome, address, detail, at)| {
            Ok(LastMail {
                invitation_id,
                kind,
                outcome: Outcome::parse(&outcome, "outcome")?,
                address,
                detail,
                at,
            })
        })
        .collect()
}
