//! The session series: the suggested date of the next session, and new sessions started
//! from a previous one or from a saved template. Owns `session_template`.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::ids::{new_id, parse_id};
use crate::people;
use crate::planning::agenda::{self, AgendaItemInput};
use crate::planning::invitations::{self, InviteeRef};
use crate::planning::sessions::{self, Session, SessionInput};
use crate::planning::themes;
use crate::store::db::Db;
use crate::text::{Text, TextRule};

/// The next session's date: the same rhythm as between the last two (a yearly rhythm
/// stays yearly, a quarterly one quarterly), else a year later; never before `today`
/// (missed dates are skipped in the same rhythm); on the weekday the Club met on.
pub fn suggest_next_date(
    previous: Option<NaiveDate>,
    last: NaiveDate,
    today: NaiveDate,
) -> NaiveDate {
    let days = previous
        .filter(|p| *p < last)
        .map(|p| (last - p).num_days());
    let step = |from: NaiveDate| match days {
        Some(d) if d < 28 => from + chrono::Duration::days(d.max(7)),
        Some(d) if (300..=430).contains(&d) => from + Months::new(12),
        Some(d) => from + Months::new(((d as f64 / 30.44).round() as u32).max(1)),
        None => from + Months::new(12),
    };
    let mut next = step(last);
    while next <= today {
        next = step(next);
    }
    // Keep the weekday the Club met on: move to the nearest same weekday, after today.
    let shift = (last.weekday().num_days_from_monday() as i64
        - next.weekday().num_days_from_monday() as i64
        + 7)
        % 7;
    let shift = if shift > 3 { shift - 7 } else { shift };
    let mut next = next + chrono::Duration::days(shift);
    while next <= today {
        next += chrono::Duration::days(7);
    }
    next
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
