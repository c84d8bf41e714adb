//! The Club's settings: interface language, default time zone and the Club's name.
//! Owns the `setting` table.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::parse_time_zone;
use crate::error::Result;
use crate::store::db::Db;
use crate::text::{Lang, Text, TextRule};

pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub language: Lang,
    pub time_zone: String,
    pub club_name: Text,
    /// Whether demonstration data is in the database (Settings offers to remove it).
    pub has_demo: bool,
    /// The first start: the welcome (demo or a clean start, the language) is still to be
    /// answered.
    pub first_run: bool,
    /// Who signs the invitation letters, and their position (empty: the Club signs).
    pub signatory_name: Text,
    pub signatory_position: Text,
    /// How guests answer an invitation: an address or a number the letters give.
    pub reply_contact: String,
}

/// A change to the settings; fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SettingsPatch {
    #[ts(optional)]
    pub language: Option<Lang>,
    #[ts(optional)]
    pub time_zone: Option<String>,
    #[ts(optional)]
    pub club_name: Option<Text>,
    /// The welcome was answered.
    #[ts(optional)]
    pub welcomed: Option<bool>,
    #[ts(optional)]
    pub signatory_name: Option<Text>,
    #[ts(optional)]
    pub signatory_position: Option<Text>,
    #[ts(optional)]
    pub reply_contact: Option<String>,
}

pub fn default_club_name() -> Text {
    Text::new()
        .with(Lang::Ru, "Клуб друзей Казахстана в Китае")
        .with(Lang::Kk, "Қытайдағы Қазақстан достары клубы")
        .with(Lang::Zh, "中国哈萨克斯坦之友俱乐部")
        .with(Lang::En, "Club of Friends of Kazakhstan in China")
}

fn value(c: &Connection, key: &str) -> Result<Option<String>> {
    Ok(
        c.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?,
    )
}

fn put(c: &Connection, key: &str, value: &str) -> Result<()> {
    c.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The Club's default time zone for new sessions.
pub fn time_zone(c: &Connection) -> Result<String> {
    Ok(value(c, "time_zone")?.unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string()))
}

/// A multilingual setting, or `unset` when it was never set.
fn text_value(c: &Connection, key: &str, unset: fn() -> Text) -> Result<Text> {
    match value(c, key)? {
        Some(raw) => Text::from_json(&raw),
        None => Ok(unset()),
    }
}

fn load(c: &Connection) -> Result<Settings> {
    let language = value(c, "language")?
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(Lang::Ru);
    let has_demo: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM session WHERE is_demo = 1)
             OR EXISTS (SELECT 1 FROM person WHERE is_demo = 1)",
        [],
        |r| r.get(0),
    )?;
    Ok(Settings {
        language,
        time_zone: time_zone(c)?,
        club_name: text_value(c, "club_name", default_club_name)?,
        first_run: has_demo && value(c, "welcomed")?.is_none(),
        has_demo,
        signatory_name: text_value(c, "signatory_name", Text::new)?,
        signatory_position: text_value(c, "signatory_position", Text::new)?,
        reply_contact: value(c, "reply_contact")?.unwrap_or_default(),
    })
}

pub fn get(db: &Db) -> Result<Settings> {
    db.read(load)
}

pub fn update(db: &Db, patch: &SettingsPatch) -> Result<Settings> {
    db.write(|tx| {
        if let Some(lang) = patch.language {
            put(tx, "language", lang.code())?;
        }
        if let Some(zone) = &patch.time_zone {
            put(tx, "time_zone", parse_time_zone(zone, "timeZone")?.name())?;
        }
        if patch.welcomed == Some(true) {
            put(tx, "welcomed", "1")?;
        }
        if let Some(name) = &patch.club_name {
            put(
                tx,
                "club_name",
                &name
                    .validated("clubName", TextRule::REQUIRED_LINE)?
                    .to_json(),
            )?;
        }
        for (key, field, text) in [
            ("signatory_name", "signatoryName", &patch.signatory_name),
            (
                "signatory_position",
                "signatoryPosition",
                &patch.signatory_position,
            ),
        ] {
            if let Some(text) = text {
                put(tx, key, &text.validated(field, TextRule::LINE)?.to_json())?;
            }
        }
        if let Some(contact) = &patch.reply_contact {
            put(
                tx,
                "reply_contact",
                &TextRule::LINE.check(contact, "replyContact")?,
            )?;
        }
        load(tx)
    })
}

/// A setting kept as text by a module above the store (the mail account): None when unset.
pub fn stored(db: &Db, key: &str) -> Result<Option<String>> {
    db.read(|c| value(c, key))
}

/// Keeps `text` under `key` on this machine (settings are never synced).
pub fn store(db: &Db, key: &str, text: &str) -> Result<()> {
    db.write(|tx| put(tx, key, text))
}

/// Whether the app has started on this database before (demo data is loaded only once).
pub fn was_initialised(c: &Connection) -> Result<bool> {
    Ok(value(c, "initialised")?.is_some())
}

pub fn mark_initialised(c: &Connection) -> Result<()> {
    put(c, "initialised", "1")
}

/// The interface language, for text typed without saying which language it is in.
pub fn get_language(c: &Connection) -> Result<Lang> {
    Ok(value(c, "language")?
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(Lang::Ru))
}
