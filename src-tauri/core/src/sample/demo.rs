//! Demonstration data: the Club's 8th session (story.rs tells it) with the sessions
//! around it, written through the owners of the tables as a user's own data would be.
//! Every session, person, organisation, precedence category and theme is marked
//! `is_demo`, so Settings can remove it all at once. Owns no table.

use chrono::DateTime;
use rusqlite::Transaction;

use crate::clock::{Clock, FixedClock};
use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::minutes::{self, followups};
use crate::people::names::PersonName;
use crate::people::organisations::{self, NewOrganisation};
use crate::people::positions::Position;
use crate::people::{self, PersonInput};
use crate::planning::agenda::{self, AgendaItemInput};
use crate::planning::agenda_roles::RoleInput;
use crate::planning::invitations::{self, Answered};
use crate::planning::rsvp::AttendanceStatus;
use crate::planning::sessions::{self, SessionInput};
use crate::planning::themes;
use crate::sample::{cast, story};
use crate::store::capture::membership;
use crate::store::db::Db;
use crate::store::settings;
use crate::text::Lang;

/// Loads the demo when the database has never been started before and holds no sessions.
/// Returns whether it did. A team member's database never gets it: demonstration rows
/// never leave a machine.
pub fn load_on_first_start(db: &Db, clock: &dyn Clock) -> Result<bool> {
    db.write(|tx| {
        if settings::was_initialised(tx)? {
            return Ok(false);
        }
        settings::mark_initialised(tx)?;
        if membership(tx)?.is_some() {
            return Ok(false);
        }
        let empty = !sessions::any(tx, false)?;
        if empty {
            insert_all(tx, clock)?;
        }
        Ok(empty)
    })
}

/// Loads the demo (unless it is already there). Returns whether it did. Refused on a team
/// member's database: the demo would reach every other laptop.
pub fn load(db: &Db, clock: &dyn Clock) -> Result<bool> {
    db.write(|tx| {
        if membership(tx)?.is_some() {
            return Err(Error::Sync(
                "this database is in a team: the demonstration data would reach every other \
                 laptop, so it is not loaded here"
                    .into(),
            ));
        }
        settings::mark_initialised(tx)?;
        let present = sessions::any(tx, true)?;
        if !present {
            insert_all(tx, clock)?;
        }
        Ok(!present)
    })
}

/// Removes every demo row; the schema's cascades take their agendas, invitations and minutes.
pub fn remove(db: &Db) -> Result<()> {
    db.write(|tx| {
        sessions::delete_demo(tx)?;
        people::delete_demo(tx)?;
        organisations::delete_demo(tx)?;
        themes::delete_demo(tx)
    })
}

fn insert_all(tx: &Transaction, clock: &dyn Clock) -> Result<()> {
    let people = insert_people(tx, clock)?;
    let themes = story::themes()
        .iter()
        .map(|name| themes::insert(tx, name, true))
        .collect::<Result<Vec<_>>>()?;
    let mut eighth = String::new();
    for (number, date, status, title, theme) in story::sessions() {
        let input = SessionInput {
            number: number.to_string(),
            title,
            theme,
            venue: story::venue(),
            date: date.into(),
            start: "15:00".into(),
            end: "17:30".into(),
            time_zone: "Asia/Shanghai".into(),
            status: Some(status),
            notes: String::new(),
        };
        let session = sessions::insert_marked(tx, clock, &input, true)?;
        if number == 8 {
            eighth = session.id;
        }
    }
    themes::write(tx, &eighth, &themes)?;
    let items = insert_agenda(tx, clock, &eighth, &people)?;
    insert_minutes(tx, clock, &eighth, &items, &people)?;
    insert_invitees(tx, clock, &eighth, &people)
}

/// The precedence categories, organisations and people; returns the people's ids in the
/// story's order.
fn insert_people(tx: &Transaction, clock: &dyn Clock) -> Result<Vec<String>> {
    let categories = story::categories()
        .iter()
        .zip(1..)
        .map(|(name, rank)| organisations::insert_category(tx, name, rank, true))
        .collect::<Result<Vec<_>>>()?;
    let orgs = story::organisations()
        .iter()
        .map(|(kind, country, name)| {
            let org = NewOrganisation {
                name,
                country,
                kind,
            };
            organisations::insert(tx, clock, &org, true)
        })
        .collect::<Result<Vec<_>>>()?;
    let language = settings::get_language(tx)?;
    let mut ids = Vec::new();
    for (n, p) in cast::people().into_iter().enumerate() {
        let (email, phone, wechat) = cast::contact(n);
        let input = PersonInput {
            names: p
                .names
                .iter()
                .map(|&(lang, family, given, family_first)| PersonName {
                    lang,
                    family: family.into(),
                    given: given.into(),
                    patronymic: String::new(),
                    family_first,
                })
                .collect(),
            honorific: p.honorific,
            organisation_id: orgs[story::organisation(p.organisation)].clone(),
            country: p.country.into(),
            languages: if p.country == "KZ" {
                vec![Lang::Kk, Lang::Ru, Lang::Zh]
            } else {
                vec![Lang::Zh, Lang::Ru]
            },
            precedence_category_id: categories[p.category].clone(),
            precedence_rank: p.rank.to_string(),
            positions: vec![Position {
                title: p.position,
                started_on: p.since.into(),
                ended_on: p.until.unwrap_or_default().into(),
            }],
            notes: if p.category == 0 {
                String::new()
            } else {
                "Demo person (fictional).".into()
            },
            email: email.into(),
            phone: phone.into(),
            wechat: wechat.into(),
            ..PersonInput::default()
        };
        let id = new_id();
        let valid = people::validate(tx, &input)?;
        people::write_marked(tx, clock, &id, &valid, language, true)?;
        ids.push(id);
    }
    Ok(ids)
}

/// The 8th session's agenda; returns the items' ids in their order.
fn insert_agenda(
    tx: &Transaction,
    clock: &dyn Clock,
    session: &str,
    people: &[String],
) -> Result<Vec<String>> {
    story::agenda()
        .into_iter()
        .map(|(kind, minutes, title, description, roles)| {
            let input = AgendaItemInput {
                kind: Some(kind),
                title,
                description,
                duration_min: minutes.to_string(),
                pinned_start: String::new(),
                roles: roles
                    .iter()
                    .map(|&(person, role)| RoleInput {
                        person_id: people[person].clone(),
                        role,
                    })
                    .collect(),
            };
            agenda::append(tx, clock, session, &input)
        })
        .collect()
}

/// The 8th session's minutes, written from the press report: notes, remarks, the
/// decision and its follow-up. Not approved, and no revision yet.
fn insert_minutes(
    tx: &Transaction,
    clock: &dyn Clock,
    session: &str,
    items: &[String],
    people: &[String],
) -> Result<()> {
    minutes::write_summary(tx, clock, session, &story::summary())?;
    for (item, notes, key_points) in story::notes() {
        minutes::write_item(tx, clock, &items[item], &notes, &key_points)?;
    }
    for (item, person, body) in story::remarks() {
        minutes::add_remark(tx, clock, &items[item], Some(&people[person]), &body)?;
    }
    let decision = minutes::add_decision(tx, clock, &items[4], &story::decision())?;
    let follow_up = followups::FollowUpInput {
        body: story::follow_up(),
        owner_person_id: people[story::FOLLOW_UP_OWNER].clone(),
        due_on: story::FOLLOW_UP_DUE.into(),
        status: None,
    };
    followups::create_in(tx, clock, &decision, &follow_up)?;
    Ok(())
}

/// Everyone invited, answered and checked in on the day.
fn insert_invitees(
    tx: &Transaction,
    clock: &dyn Clock,
    session: &str,
    people: &[String],
) -> Result<()> {
    for (person, role, status, channel, attended) in story::INVITEES {
        let answered = Answered {
            person_id: &people[person],
            role,
            status,
            channel: Some(channel),
            invited_at: Some(story::INVITED_AT),
            responded_at: Some(story::RESPONDED_AT),
        };
        let id = invitations::record(tx, clock, session, &answered)?;
        let arrived = match attended {
            AttendanceStatus::Late => story::CHECKED_IN_LATE_AT,
            _ => story::CHECKED_IN_AT,
        };
        let arrived = FixedClock(
            DateTime::parse_from_rfc3339(arrived)
                .expect("the story's times are RFC 3339")
                .to_utc(),
        );
        invitations::write_attendance(tx, &arrived, &id, Some(attended), true)?;
    }
    Ok(())
}
