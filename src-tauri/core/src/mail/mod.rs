//! Invitations out by e-mail: a message per guest in the guest's language from editable
//! templates, the letter (PDF) and the session (ICS) attached; sent through the
//! organizer's own SMTP account or saved as .eml files. Owns `mail_template` and
//! `mail_log`. Uses `planning` (the invitee list, the invitation's channel and date) and
//! `documents` (the letter, the calendar event).
//!
//! A template is text with fields in braces: `{name}`, `{date}`… (FIELDS). A field that
//! does not exist is refused when the template is saved, naming it.

pub mod log;
pub mod message;
pub mod send;
pub mod smtp;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};
use crate::store::db::Db;
use crate::text::{Lang, TextRule};

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum MailKind {
        Invitation = "invitation",
        /// To those who have not answered by the reply-by date.
        Reminder = "reminder",
    }
    invalid = BadStatus, ignore_ascii_case;
}

/// The fields a template may use.
pub const FIELDS: [&str; 10] = [
    "honorific",
    "name",
    "salutation",
    "ordinal",
    "title",
    "date",
    "time",
    "venue",
    "reply_by",
    "club",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailTemplate {
    pub kind: MailKind,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
    /// Whether this is the built-in wording (never saved over).
    pub built_in: bool,
}

/// The built-in wording of each kind in each language.
pub fn default_template(kind: MailKind, lang: Lang) -> MailTemplate {
    let (subject, body) = match (kind, lang) {
        (MailKind::Invitation, Lang::Ru) => (
            "Приглашение: {ordinal} — {date}",
            "{salutation}\n\n{club} имеет честь пригласить Вас на {ordinal}: «{title}».\n\nДата и время: {date}, {time}\nМесто: {venue}\n\nПисьмо-приглашение и приглашение в календарь приложены. Просим сообщить о Вашем участии до {reply_by}.\n\nС уважением,\n{club}",
        ),
        (MailKind::Invitation, Lang::Kk) => (
            "Шақыру: {ordinal} — {date}",
            "{salutation}\n\n{club} Сізді «{title}» тақырыбындағы отырысқа шақырады ({ordinal}).\n\nКүні мен уақыты: {date}, {time}\nОрны: {venue}\n\nШақыру хаты мен күнтізбеге шақыру қоса беріліп отыр. Қатысуыңыз туралы {reply_by} дейін хабарлауыңызды сұраймыз.\n\nҚұрметпен,\n{club}",
        ),
        (MailKind::Invitation, Lang::Zh) => (
            "邀请函：{ordinal}（{date}）",
            "{salutation}\n\n{club}诚挚邀请您出席{ordinal}：“{title}”。\n\n时间：{date}，{time}\n地点：{venue}\n\n随函附上邀请函及日历邀请。请于{reply_by}前告知是否出席。\n\n此致敬礼\n{club}",
        ),
        (MailKind::Invitation, Lang::En) => (
            "Invitation: {ordinal}, {date}",
            "{salutation}\n\nThe {club} has the honour to invite you to its {ordinal}: “{title}”.\n\nDate and time: {date}, {time}\nVenue: {venue}\n\nThe letter of invitation and a calendar invitation are attached. Kindly reply by {reply_by}.\n\nYours sincerely,\n{club}",
        ),
        (MailKind::Reminder, Lang::Ru) => (
            "Напоминание: {ordinal} — {date}",
            "{salutation}\n\nНапоминаем о приглашении на {ordinal}: «{title}», {date}, {time}, {venue}. Будем признательны за ответ, сможете ли Вы принять участие.\n\nС уважением,\n{club}",
        ),
        (MailKind::Reminder, Lang::Kk) => (
            "Еске салу: {ordinal} — {date}",
            "{salutation}\n\n«{title}» отырысына шақыруды еске саламыз ({ordinal}): {date}, {time}, {venue}. Қатыса алатыныңыз туралы жауап берсеңіз екен.\n\nҚұрметпен,\n{club}",
        ),
        (MailKind::Reminder, Lang::Zh) => (
            "提醒：{ordinal}（{date}）",
            "{salutation}\n\n谨提醒您{ordinal}“{title}”将于{date}{time}在{venue}举行。烦请告知能否出席。\n\n此致敬礼\n{club}",
        ),
        (MailKind::Reminder, Lang::En) => (
            "Reminder: {ordinal}, {date}",
            "{salutation}\n\nThis is a reminder of our invitation to the {ordinal}: “{title}”, {date}, {time}, {venue}. We would be grateful to know whether you can attend.\n\nYours sincerely,\n{club}",
        ),
    };
    MailTemplate {
        kind,
        lang,
        subject: subject.into(),
        body: body.into(),
        built_in: true,
    }
}

/// The fields `text` names, in order; an unknown one is an error naming `field`.
pub fn fields_of(text: &str, field: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| Error::invalid(field, InvalidReason::UnknownField))?;
        let name = &after[..close];
        if !FIELDS.contains(&name) {
            return Err(Error::Invalid {
                field: format!("{field}.{name}"),
                reason: InvalidReason::UnknownField,
            });
        }
        out.push(name.to_string());
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// `text` with each `{field}` replaced by its value (values are plain text: a value that
/// itself holds braces is not read again).
pub fn fill(text: &str, value: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if FIELDS.contains(&&after[..close]) => {
                out.push_str(&value(&after[..close]));
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The template in use for `kind` in `lang`: the saved one, else the built-in wording.
pub fn template(c: &Connection, kind: MailKind, lang: Lang) -> Result<MailTemplate> {
    let saved: Option<(String, String)> = c
        .query_row(
            "SELECT subject, body FROM mail_template WHERE kind = ?1 AND lang = ?2",
            params![kind.code(), lang.code()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match saved {
        Some((subject, body)) => MailTemplate {
            kind,
            lang,
            subject,
            body,
            built_in: false,
        },
        None => default_template(kind, lang),
    })
}

pub fn templates(db: &Db) -> Result<Vec<MailTemplate>> {
    db.read(|c| {
        let mut out = Vec::new();
        for kind in MailKind::ALL {
            for lang in Lang::ALL {
                out.push(template(c, kind, lang)?);
            }
        }
        Ok(out)
    })
}

/// Saves a template after checking it: a one-line subject, every field known.
pub fn save_template(db: &Db, clock: &dyn Clock, t: &MailTemplate) -> Result<MailTemplate> {
    let subject = TextRule::REQUIRED_LINE.check(&t.subject, "subject")?;
    let body = TextRule {
        required: true,
        ..TextRule::PARAGRAPHS
    }
    .check(&t.body, "body")?;
    fields_of(&subject, "subject")?;
    fields_of(&body, "body")?;
    db.write(|tx| {
        tx.execute(
            "INSERT INTO mail_template (kind, lang, subject, body, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (kind, lang) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                 updated_at = excluded.updated_at",
            params![t.kind.code(), t.lang.code(), subject, body, stamp(clock)],
        )?;
        template(tx, t.kind, t.lang)
    })
}

/// Goes back to the built-in wording.
pub fn reset_template(db: &Db, kind: MailKind, lang: Lang) -> Result<MailTemplate> {
    db.write(|tx| {
        tx.execute(
            "DELETE FROM mail_template WHERE kind = ?1 AND lang = ?2",
            params![kind.code(), lang.code()],
        )?;
        Ok(default_template(kind, lang))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_uses_known_fields_only() {
        for kind in MailKind::ALL {
            for lang in Lang::ALL {
                let t = default_template(kind, lang);
                fields_of(&t.subject, "subject").unwrap();
                assert!(fields_of(&t.body, "body")
                    .unwrap()
                    .contains(&"title".to_string()));
            }
        }
    }

    #[test]
    fn an_unknown_field_is_named() {
        let e = fields_of("Dear {nmae},", "body").unwrap_err();
        assert!(e.to_string().contains("body.nmae"), "{e}");
    }

    #[test]
    fn values_are_put_in_once_and_never_read_again() {
        let out = fill("{name}: {date} {x}", |f| match f {
            "name" => "{date}".into(),
            "date" => "10.12".into(),
            _ => String::new(),
        });
        assert_eq!(out, "{date}: 10.12 {x}");
    }
}
