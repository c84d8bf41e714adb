//! The session series: localized ordinals ("8-е заседание", "8-ші отырыс", "第八次会议",
//! "8th session"), the suggested date of the next session, and new sessions started
//! from a previous one or from a saved template. Owns `session_template`.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agenda::{self, AgendaItemInput};
use crate::clock::{stamp, Clock};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ids::{new_id, parse_id};
use crate::invitations::{self, InviteeRef};
use crate::people;
use crate::sessions::{self, Session, SessionInput};
use crate::text::{Lang, Text, TextRule};
use crate::themes;

/// "8-е заседание" / "8-ші отырыс" / "第八次会议" / "8th session".
pub fn session_ordinal(n: u32, lang: Lang) -> String {
    match lang {
        // The neuter ordinal abbreviates to "-е" for every number: первое → 1-е, третье → 3-е.
        Lang::Ru => format!("{n}-е заседание"),
        Lang::Kk => format!("{n}-{} отырыс", kazakh_ordinal_suffix(n)),
        Lang::Zh => format!("第{}次会议", chinese_numeral(n)),
        Lang::En => format!("{n}{} session", english_ordinal_suffix(n)),
    }
}

/// The ordinal in all four languages.
pub fn session_ordinals(n: u32) -> Text {
    let mut t = Text::new();
    for lang in Lang::ALL {
        t.set(lang, &session_ordinal(n, lang));
    }
    t
}

/// Kazakh ordinals follow vowel harmony of the numeral's last word:
/// бірінші → 1-ші, алтыншы → 6-шы, оныншы → 10-шы, жиырмасыншы → 20-шы, жүзінші → 100-ші.
fn kazakh_ordinal_suffix(n: u32) -> &'static str {
    // Whether the last spoken word of the numeral has back vowels (→ "шы").
    const UNITS_BACK: [bool; 10] = [
        false, false, false, false, false, false, true, false, false, true,
    ];
    //                        0      10    20    30    40    50     60    70     80     90
    const TENS_BACK: [bool; 10] = [
        false, true, true, true, true, false, true, false, false, true,
    ];
    let back = if !n.is_multiple_of(10) {
        UNITS_BACK[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS_BACK[((n / 10) % 10) as usize]
    } else {
        false // жүз (hundred) and мың (thousand) are front-vowel words
    };
    if back {
        "шы"
    } else {
        "ші"
    }
}

fn english_ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Chinese numerals for ordinals (第…): 八, 十一, 二十, 一百零一, 一千零五; digits past 9999.
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return DIGITS[0].into();
    }
    if n > 9999 {
        return n.to_string();
    }
    let digits: Vec<usize> = n.to_string().bytes().map(|b| (b - b'0') as usize).collect();
    let len = digits.len();
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &d) in digits.iter().enumerate() {
        let unit = len - 1 - i;
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        // 十一, not 一十一, when ten leads the number.
        if !(d == 1 && unit == 1 && out.is_empty()) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(UNITS[unit]);
    }
    out
}

/// The next session's date: the same rhythm as between the last two (a yearly rhythm
/// stays yearly, a quarterly one quarterly), else a year later; never before `today`;
/// on the weekday the Club met on.
pub fn suggest_next_date(
    previous: Option<NaiveDate>,
    last: NaiveDate,
    today: NaiveDate,
) -> NaiveDate {
    let days = previous
        .filter(|p| *p < last)
        .map(|p| (last - p).num_days());
    let mut next = match days {
        Some(d) if d < 28 => last + chrono::Duration::days(d.max(7)),
        Some(d) if (300..=430).contains(&d) => last + Months::new(12),
        Some(d) => last + Months::new(((d as f64 / 30.44).round() as u32).max(1)),
        None => last + Months::new(12),
    };
    while next <= today {
        next = next + Months::new(12);
    }
    // Keep the weekday the Club met on: move to the nearest same weekday.
    let shift = (last.weekday().num_days_from_monday() as i64
        - next.weekday().num_days_from_monday() as i64
        + 7)
        % 7;
    let shift = if shift > 3 { shift - 7 } else { shift };
    next + chrono::Duration::days(shift)
}

// ---------------------------------------------------------------------------------------
// New sessions from a previous one or from a saved template.

/// What a new session takes over: venue, times, agenda structure, regular invitees, themes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Blueprint {
    pub title: Text,
    pub venue: Text,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub items: Vec<AgendaItemInput>,
    pub invitees: Vec<InviteeRef>,
    pub theme_ids: Vec<String>,
}

/// Choices when starting a session from another one or from a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct StartOptions {
    /// YYYY-MM-DD; empty for the suggested date.
    pub date: String,
    pub agenda: bool,
    pub invitees: bool,
    pub themes: bool,
}

impl Default for StartOptions {
    fn default() -> Self {
        StartOptions {
            date: String::new(),
            agenda: true,
            invitees: true,
            themes: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Template {
    pub id: String,
    pub name: Text,
    pub items: u32,
    pub invitees: u32,
    pub created_at: String,
}

fn blueprint_of(c: &Connection, clock: &dyn Clock, session_id: &str) -> Result<Blueprint> {
    let s = sessions::find(c, clock, session_id)?;
    let agenda = agenda::load_in(c, session_id)?;
    let mut stmt = c.prepare_cached(
        "SELECT theme_id FROM session_theme WHERE session_id = ?1 ORDER BY position",
    )?;
    let theme_ids = stmt
        .query_map([session_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(Blueprint {
        title: s.title,
        venue: s.venue,
        start: s.start,
        end: s.end,
        time_zone: s.time_zone,
        items: agenda.items.iter().map(AgendaItemInput::from).collect(),
        invitees: invitations::refs(c, session_id)?,
        theme_ids,
    })
}

/// The date the next session would be held on, from the rhythm of the last two.
fn suggested_date_in(c: &Connection, clock: &dyn Clock) -> Result<NaiveDate> {
    let mut stmt = c.prepare_cached("SELECT date FROM session ORDER BY date DESC LIMIT 2")?;
    let dates: Vec<NaiveDate> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|d| {
            d.ok()
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        })
        .collect();
    let today = clock
        .now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    Ok(match dates.as_slice() {
        [last, previous, ..] => suggest_next_date(Some(*previous), *last, today),
        [last] => suggest_next_date(None, *last, today),
        [] => today + chrono::Duration::days(14),
    })
}

pub fn suggested_date(db: &Db, clock: &dyn Clock) -> Result<String> {
    db.read(|c| Ok(suggested_date_in(c, clock)?.format("%Y-%m-%d").to_string()))
}

fn instantiate(
    tx: &Transaction,
    clock: &dyn Clock,
    b: &Blueprint,
    options: &StartOptions,
) -> Result<Session> {
    let date = match options.date.trim() {
        "" => suggested_date_in(tx, clock)?.format("%Y-%m-%d").to_string(),
        d => d.to_string(),
    };
    let session = sessions::insert(
        tx,
        clock,
        &SessionInput {
            number: sessions::next_number_in(tx)?.to_string(),
            title: b.title.clone(),
            venue: b.venue.clone(),
            date,
            start: b.start.clone(),
            end: b.end.clone(),
            time_zone: b.time_zone.clone(),
            ..Default::default()
        },
    )?;
    if options.agenda {
        for item in &b.items {
            let mut item = item.clone();
            // People deleted since the template was saved are dropped, not an error.
            item.roles
                .retain(|r| people::exists(tx, &r.person_id).unwrap_or(false));
            agenda::append(tx, clock, &session.id, &item)?;
        }
    }
    if options.invitees {
        for invitee in &b.invitees {
            invitations::add(tx, clock, &session.id, invitee)?;
        }
    }
    if options.themes {
        let mut stmt = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM theme WHERE id = ?1)")?;
        let mut known = Vec::new();
        for id in &b.theme_ids {
            if stmt.query_row([id], |r| r.get::<_, bool>(0))? {
                known.push(id.clone());
            }
        }
        themes::write(tx, &session.id, &known)?;
    }
    sessions::find(tx, clock, &session.id)
}

/// A new session continuing from `from`: the next number, the suggested (or given) date,
/// the same venue and times, and, as chosen, its agenda, invitees and themes.
pub fn copy_session(
    db: &Db,
    clock: &dyn Clock,
    from: &str,
    options: &StartOptions,
) -> Result<Session> {
    let from = parse_id(from, "id")?;
    db.write(|tx| {
        let b = blueprint_of(tx, clock, &from)?;
        instantiate(tx, clock, &b, options)
    })
}

pub fn save_template(db: &Db, clock: &dyn Clock, from: &str, name: &Text) -> Result<Template> {
    let from = parse_id(from, "id")?;
    let name = name.validated("name", TextRule::REQUIRED_LINE)?;
    db.write(|tx| {
        let b = blueprint_of(tx, clock, &from)?;
        let id = new_id();
        let now = stamp(clock);
        tx.execute(
            "INSERT INTO session_template (id, name, blueprint, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id, name.to_json(), serde_json::to_string(&b)?, now],
        )?;
        Ok(Template { id, name, items: b.items.len() as u32, invitees: b.invitees.len() as u32, created_at: now })
    })
}

pub fn templates(db: &Db) -> Result<Vec<Template>> {
    db.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT id, name, blueprint, created_at FROM session_template ORDER BY created_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, blueprint, created_at) = row?;
            let b: Blueprint = serde_json::from_str(&blueprint)?;
            out.push(Template {
                id,
                name: Text::from_json(&name)?,
                items: b.items.len() as u32,
                invitees: b.invitees.len() as u32,
                created_at,
            });
        }
        Ok(out)
    })
}

pub fn from_template(
    db: &Db,
    clock: &dyn Clock,
    template: &str,
    options: &StartOptions,
) -> Result<Session> {
    let template = parse_id(template, "templateId")?;
    db.write(|tx| {
        let raw: String = tx
            .query_row(
                "SELECT blueprint FROM session_template WHERE id = ?1",
                [&template],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "template" })?;
        let b: Blueprint = serde_json::from_str(&raw)?;
        instantiate(tx, clock, &b, options)
    })
}

pub fn delete_template(db: &Db, template: &str) -> Result<()> {
    let template = parse_id(template, "templateId")?;
    db.write(
        |tx| match tx.execute("DELETE FROM session_template WHERE id = ?1", [&template])? {
            0 => Err(Error::NotFound { what: "template" }),
            _ => Ok(()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_four_languages() {
        let table: &[(u32, &str, &str, &str, &str)] = &[
            (
                1,
                "1-е заседание",
                "1-ші отырыс",
                "第一次会议",
                "1st session",
            ),
            (
                2,
                "2-е заседание",
                "2-ші отырыс",
                "第二次会议",
                "2nd session",
            ),
            (
                3,
                "3-е заседание",
                "3-ші отырыс",
                "第三次会议",
                "3rd session",
            ),
            (
                4,
                "4-е заседание",
                "4-ші отырыс",
                "第四次会议",
                "4th session",
            ),
            (
                5,
                "5-е заседание",
                "5-ші отырыс",
                "第五次会议",
                "5th session",
            ),
            (
                6,
                "6-е заседание",
                "6-шы отырыс",
                "第六次会议",
                "6th session",
            ),
            (
                7,
                "7-е заседание",
                "7-ші отырыс",
                "第七次会议",
                "7th session",
            ),
            (
                8,
                "8-е заседание",
                "8-ші отырыс",
                "第八次会议",
                "8th session",
            ),
            (
                9,
                "9-е заседание",
                "9-шы отырыс",
                "第九次会议",
                "9th session",
            ),
            (
                10,
                "10-е заседание",
                "10-шы отырыс",
                "第十次会议",
                "10th session",
            ),
            (
                11,
                "11-е заседание",
                "11-ші отырыс",
                "第十一次会议",
                "11th session",
            ),
            (
                12,
                "12-е заседание",
                "12-ші отырыс",
                "第十二次会议",
                "12th session",
            ),
            (
                13,
                "13-е заседание",
                "13-ші отырыс",
                "第十三次会议",
                "13th session",
            ),
            (
                16,
                "16-е заседание",
                "16-шы отырыс",
                "第十六次会议",
                "16th session",
            ),
            (
                19,
                "19-е заседание",
                "19-шы отырыс",
                "第十九次会议",
                "19th session",
            ),
            (
                20,
                "20-е заседание",
                "20-шы отырыс",
                "第二十次会议",
                "20th session",
            ),
            (
                21,
                "21-е заседание",
                "21-ші отырыс",
                "第二十一次会议",
                "21st session",
            ),
            (
                22,
                "22-е заседание",
                "22-ші отырыс",
                "第二十二次会议",
                "22nd session",
            ),
            (
                23,
                "23-е заседание",
                "23-ші отырыс",
                "第二十三次会议",
                "23rd session",
            ),
            (
                30,
                "30-е заседание",
                "30-шы отырыс",
                "第三十次会议",
                "30th session",
            ),
            (
                40,
                "40-е заседание",
                "40-шы отырыс",
                "第四十次会议",
                "40th session",
            ),
            (
                50,
                "50-е заседание",
                "50-ші отырыс",
                "第五十次会议",
                "50th session",
            ),
            (
                60,
                "60-е заседание",
                "60-шы отырыс",
                "第六十次会议",
                "60th session",
            ),
            (
                70,
                "70-е заседание",
                "70-ші отырыс",
                "第七十次会议",
                "70th session",
            ),
            (
                80,
                "80-е заседание",
                "80-ші отырыс",
                "第八十次会议",
                "80th session",
            ),
            (
                90,
                "90-е заседание",
                "90-шы отырыс",
                "第九十次会议",
                "90th session",
            ),
            (
                99,
                "99-е заседание",
                "99-шы отырыс",
                "第九十九次会议",
                "99th session",
            ),
            (
                100,
                "100-е заседание",
                "100-ші отырыс",
                "第一百次会议",
                "100th session",
            ),
            (
                101,
                "101-е заседание",
                "101-ші отырыс",
                "第一百零一次会议",
                "101st session",
            ),
            (
                110,
                "110-е заседание",
                "110-шы отырыс",
                "第一百一十次会议",
                "110th session",
            ),
            (
                111,
                "111-е заседание",
                "111-ші отырыс",
                "第一百一十一次会议",
                "111th session",
            ),
            (
                1005,
                "1005-е заседание",
                "1005-ші отырыс",
                "第一千零五次会议",
                "1005th session",
            ),
        ];
        for &(n, ru, kk, zh, en) in table {
            assert_eq!(session_ordinal(n, Lang::Ru), ru, "ru {n}");
            assert_eq!(session_ordinal(n, Lang::Kk), kk, "kk {n}");
            assert_eq!(session_ordinal(n, Lang::Zh), zh, "zh {n}");
            assert_eq!(session_ordinal(n, Lang::En), en, "en {n}");
        }
    }

    #[test]
    fn every_number_to_a_hundred_follows_the_rules() {
        // Kazakh: spelled-out ordinals 1..=100, built from the words, must agree with the
        // suffix rule (the suffix after the hyphen is the ordinal ending's last syllable).
        let units = [
            "",
            "бір",
            "екі",
            "үш",
            "төрт",
            "бес",
            "алты",
            "жеті",
            "сегіз",
            "тоғыз",
        ];
        let tens = [
            "",
            "он",
            "жиырма",
            "отыз",
            "қырық",
            "елу",
            "алпыс",
            "жетпіс",
            "сексен",
            "тоқсан",
        ];
        let back_vowels = |w: &str| {
            // у and и are neutral in Kazakh harmony; the last harmonic vowel decides.
            let last = w.chars().rev().find(|c| "аоұыәеөүі".contains(*c)).unwrap();
            "аоұы".contains(last)
        };
        for n in 1..=100u32 {
            let word = if n == 100 {
                "жүз"
            } else if n % 10 != 0 {
                units[(n % 10) as usize]
            } else {
                tens[(n / 10) as usize]
            };
            let expected = if back_vowels(word) { "шы" } else { "ші" };
            assert_eq!(kazakh_ordinal_suffix(n), expected, "kk {n} ({word})");

            let zh = chinese_numeral(n);
            assert!(!zh.starts_with("一十"), "{n}: {zh}");
            assert!(!zh.contains("两"), "{n}: {zh}");
            assert!(
                zh.chars().all(|c| "零一二三四五六七八九十百".contains(c)),
                "{n}: {zh}"
            );
        }
    }

    #[test]
    fn the_next_date_keeps_the_rhythm_and_the_weekday() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Yearly in November, on Thursdays: a year on, moved to the Thursday nearby.
        let next = suggest_next_date(Some(d("2024-11-14")), d("2025-11-20"), d("2025-12-01"));
        assert_eq!(
            next,
            d("2026-11-19"),
            "2026-11-20 is a Friday; the Thursday before"
        );
        // Quarterly stays quarterly.
        let next = suggest_next_date(Some(d("2026-01-15")), d("2026-04-16"), d("2026-04-20"));
        assert!((next - d("2026-07-16")).num_days().abs() <= 3, "{next}");
        // Never in the past.
        let next = suggest_next_date(None, d("2020-05-07"), d("2026-11-26"));
        assert!(next > d("2026-11-26"));
    }
}
