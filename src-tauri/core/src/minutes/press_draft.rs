//! The press note's draft, from what the app knows of a session: where and when, who
//! chaired, the main report (the speaker, the notes and key points of the minutes), the
//! other speakers in the order of precedence with what they said, the discussion, the
//! themes, the decisions and the next session. `gather` reads it all; `compose` writes
//! it in one language (the wording is in `press_words`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::press_words as words;
use super::Minutes;
use crate::clock::{parse_date, Clock};
use crate::error::Result;
use crate::people::{self, address, Person};
use crate::planning::agenda::{self, AgendaItem, ItemKind};
use crate::planning::agenda_roles::RoleKind;
use crate::planning::{invitations, sessions, themes};
use crate::store::db::Db;
use crate::store::settings;
use crate::text::{Lang, Text};

/// A person as the note names them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    pub id: String,
    pub name: Text,
    pub honorific: Text,
    /// "Посол …", "former Ambassador …, 2010–2014"; the organisation when no position.
    pub position: Text,
    pub woman: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    pub speakers: Vec<Speaker>,
    pub notes: Text,
    pub key_points: Text,
    /// What its speakers said (the minutes' remarks on the report).
    pub said: Vec<Text>,
}

/// Everything a draft is made of.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    pub club: Text,
    pub ordinal: Text,
    pub date: NaiveDate,
    pub venue: Text,
    pub theme: Text,
    pub chair: Option<Speaker>,
    pub report: Option<Report>,
    /// The other speakers in the order of precedence, each with what they said.
    pub others: Vec<(Speaker, Vec<Text>)>,
    /// The notes and key points of the other items, in the agenda's order.
    pub discussion: Vec<Text>,
    pub themes: Vec<Text>,
    pub decisions: Vec<Text>,
    /// The next session on the calendar: its ordinal and date.
    pub next: Option<(Text, NaiveDate)>,
}

fn speaker(p: &Person) -> Speaker {
    Speaker {
        id: p.id.clone(),
        name: p.display_name.clone(),
        honorific: p.honorific.clone(),
        position: if p.position.is_empty() {
            p.organisation.clone()
        } else {
            p.position.clone()
        },
        woman: address::as_woman(p),
    }
}

/// Who has `role` in `item`.
fn with_role(item: &AgendaItem, role: RoleKind) -> impl Iterator<Item = &str> {
    item.roles
        .iter()
        .filter(move |r| r.role == role)
        .map(|r| r.person_id.as_str())
}

/// People by id (the invitee list first; anyone else read from the directory), with
/// their place in the order of precedence (those not invited after everyone invited).
struct Cast {
    people: BTreeMap<String, (usize, Speaker)>,
}

impl Cast {
    fn get(&mut self, db: &Db, id: &str) -> Result<Option<(usize, Speaker)>> {
        if let Some(found) = self.people.get(id) {
            return Ok(Some(found.clone()));
        }
        let Ok(p) = people::get(db, id) else {
            return Ok(None);
        };
        let found = (usize::MAX, speaker(&p));
        self.people.insert(id.to_string(), found.clone());
        Ok(Some(found))
    }
}

/// Reads what the draft needs, in one go.
pub(crate) fn gather(db: &Db, clock: &dyn Clock, session_id: &str) -> Result<Facts> {
    let session = sessions::get(db, clock, session_id)?;
    let agenda = agenda::get(db, session_id)?;
    let minutes = super::get(db, session_id)?;
    let invitees = invitations::list(db, session_id)?;
    let mut cast = Cast {
        people: invitees
            .invitees
            .iter()
            .enumerate()
            .map(|(i, inv)| (inv.person.id.clone(), (i, speaker(&inv.person))))
            .collect(),
    };
    let report_item = agenda.items.iter().find(|i| i.kind == ItemKind::Report);
    let chair_id = agenda
        .items
        .iter()
        .flat_map(|i| with_role(i, RoleKind::Chair))
        .chain(
            agenda
                .items
                .iter()
                .flat_map(|i| with_role(i, RoleKind::Moderator)),
        )
        .next()
        .map(str::to_string);
    let chair = match chair_id {
        Some(id) => cast.get(db, &id)?.map(|(_, s)| s),
        None => None,
    };
    let report = match report_item {
        Some(item) => Some(report(db, &mut cast, item, &minutes)?),
        None => None,
    };
    let reporters: Vec<String> = report
        .iter()
        .flat_map(|r| r.speakers.iter().map(|s| s.id.clone()))
        .collect();
    let others = others(db, &mut cast, &agenda.items, &minutes, &reporters)?;
    let discussion = minutes
        .items
        .iter()
        .filter(|m| Some(&m.agenda_item_id) != report_item.map(|r| &r.id))
        .flat_map(|m| [m.notes.clone(), m.key_points.clone()])
        .filter(|t| !t.is_empty())
        .collect();
    let date = parse_date(&session.date, "date")?;
    Ok(Facts {
        club: settings::get(db)?.club_name,
        ordinal: session.ordinal.clone(),
        date,
        venue: session.venue.clone(),
        theme: session.theme.clone(),
        chair,
        report,
        others,
        discussion,
        themes: themes::of_session(db, session_id)?
            .into_iter()
            .map(|t| t.name)
            .collect(),
        decisions: minutes
            .items
            .iter()
            .flat_map(|m| m.decisions.iter().map(|d| d.body.clone()))
            .collect(),
        next: next_session(db, clock, &session.id, date)?,
    })
}

fn report(db: &Db, cast: &mut Cast, item: &AgendaItem, minutes: &Minutes) -> Result<Report> {
    let mut speakers = Vec::new();
    for id in with_role(item, RoleKind::Speaker) {
        if let Some((_, s)) = cast.get(db, id)? {
            speakers.push(s);
        }
    }
    let written = minutes.items.iter().find(|m| m.agenda_item_id == item.id);
    Ok(Report {
        notes: written.map(|m| m.notes.clone()).unwrap_or_default(),
        key_points: written.map(|m| m.key_points.clone()).unwrap_or_default(),
        said: written
            .iter()
            .flat_map(|m| m.remarks.iter())
            .filter(|r| {
                r.person_id
                    .as_ref()
                    .is_some_and(|p| speakers.iter().any(|s| &s.id == p))
            })
            .map(|r| r.body.clone())
            .collect(),
        speakers,
    })
}

/// Everyone else who spoke (a speaker on the agenda or with a remark in the minutes), in
/// the order of precedence, each with their remarks in the agenda's order.
fn others(
    db: &Db,
    cast: &mut Cast,
    items: &[AgendaItem],
    minutes: &Minutes,
    reporters: &[String],
) -> Result<Vec<(Speaker, Vec<Text>)>> {
    let mut found: BTreeMap<String, (usize, usize, Speaker, Vec<Text>)> = BTreeMap::new();
    let mut seen = 0usize;
    let mut add = |cast: &mut Cast, id: &str, said: Option<&Text>| -> Result<()> {
        if reporters.iter().any(|r| r == id) {
            return Ok(());
        }
        if !found.contains_key(id) {
            let Some((rank, s)) = cast.get(db, id)? else {
                return Ok(());
            };
            found.insert(id.to_string(), (rank, seen, s, Vec::new()));
            seen += 1;
        }
        if let (Some(entry), Some(said)) = (found.get_mut(id), said) {
            entry.3.push(said.clone());
        }
        Ok(())
    };
    for item in items {
        for id in with_role(item, RoleKind::Speaker) {
            add(cast, id, None)?;
        }
    }
    for m in &minutes.items {
        for r in &m.remarks {
            if let Some(id) = &r.person_id {
                add(cast, id, Some(&r.body))?;
            }
        }
    }
    let mut out: Vec<(usize, usize, Speaker, Vec<Text>)> = found.into_values().collect();
    out.sort_by_key(|(rank, first_seen, _, _)| (*rank, *first_seen));
    Ok(out.into_iter().map(|(_, _, s, said)| (s, said)).collect())
}

/// The first session after this one's date (not this one).
fn next_session(
    db: &Db,
    clock: &dyn Clock,
    this: &str,
    date: NaiveDate,
) -> Result<Option<(Text, NaiveDate)>> {
    let mut later: Vec<(NaiveDate, Text)> = sessions::list(db, clock)?
        .into_iter()
        .filter(|s| s.id != this)
        .filter_map(|s| Some((parse_date(&s.date, "date").ok()?, s.ordinal)))
        .filter(|(d, _)| *d > date)
        .collect();
    later.sort_by_key(|(d, _)| *d);
    Ok(later.into_iter().next().map(|(d, o)| (o, d)))
}

/// The draft in `lang`: a headline and a body in minutes text.
pub(crate) fn compose(f: &Facts, lang: Lang) -> (String, String) {
    let club = f.club.best(lang);
    // A session without a number is "the session" in each language's own words (never
    // another language's ordinal).
    let ordinal = f
        .ordinal
        .get(lang)
        .filter(|o| !o.trim().is_empty())
        .unwrap_or(match lang {
            Lang::Ru => "заседание",
            Lang::Kk => "отырыс",
            Lang::Zh => "会议",
            Lang::En => "session",
        });
    let mut body: Vec<String> = Vec::new();
    let mut lead = words::lead(lang, f.date, club, ordinal, f.venue.best(lang));
    if let Some(chair) = &f.chair {
        lead.push(' ');
        lead.push_str(&words::chaired(lang, chair));
    }
    body.push(lead);
    if !f.theme.is_empty() {
        body.push(words::theme(lang, f.theme.best(lang)));
    }
    if let Some(r) = &f.report {
        if !r.speakers.is_empty() {
            body.push(words::reported(lang, &r.speakers));
        }
        body.extend(some(&r.notes, lang));
        body.extend(some(&r.key_points, lang));
        if let Some(first) = r.speakers.first() {
            for said in &r.said {
                body.push(words::said(lang, first, said.best(lang), true));
            }
        }
    }
    for (s, said) in &f.others {
        match said.first() {
            Some(first) => {
                body.push(words::said(lang, s, first.best(lang), false));
                for more in &said[1..] {
                    body.push(words::said(lang, s, more.best(lang), true));
                }
            }
            None => body.push(words::spoke(lang, s)),
        }
    }
    for t in &f.discussion {
        body.extend(some(t, lang));
    }
    if !f.themes.is_empty() {
        body.push(words::themes_intro(lang));
        body.push(bullets(f.themes.iter().map(|t| t.best(lang))));
    }
    if !f.decisions.is_empty() {
        body.push(words::decisions_intro(lang));
        body.push(bullets(f.decisions.iter().map(|t| t.best(lang))));
    }
    body.push(match &f.next {
        Some((ordinal, date)) if ordinal.get(lang).is_some() => {
            words::next(lang, ordinal.best(lang), *date)
        }
        Some(_) | None => words::closing(lang, club),
    });
    (words::headline(lang, club, ordinal), body.join("\n\n"))
}

fn some(t: &Text, lang: Lang) -> Option<String> {
    let s = t.best(lang).trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A bulleted list (minutes text), each line on one line.
fn bullets<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines
        .map(|l| format!("- {}", l.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}
