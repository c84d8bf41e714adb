//! A generated Club archive for benchmarks (feature `generator`): `years` of sessions with
//! everything the app records, the same for the same seed. At 20 years: 300 sessions,
//! 10,000 people with names in Cyrillic, Latin and Chinese, 15,000 invitations, about
//! 100,000 minutes paragraphs in Russian, Kazakh, Chinese and English, decisions and
//! follow-ups, themes. At `scale` 10 (reliability: ten times the 20-year archive) ten
//! times the sessions and people in the same years: 3,000 sessions, 100,000 people.
//! Written in one transaction, into an empty database, through the
//! owners of the tables as the app's own saves are (the search index included). The
//! content comes from a seeded generator, the owners' ids from `ids::seeded`, and every
//! time stamp from a fixed clock at the day being written.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;
use serde::Serialize;

use crate::clock::{stamp, FixedClock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::new_id;
use crate::ids::seeded::Seeded;
use crate::minutes::{self, followups};
use crate::people::organisations::{self, NewOrganisation};
use crate::people::positions::Position;
use crate::people::{self, PersonInput};
use crate::planning::agenda::{self, AgendaItemInput, ItemKind};
use crate::planning::agenda_roles::{RoleInput, RoleKind};
use crate::planning::invitations::{self, Answered};
use crate::planning::rsvp::{AttendanceStatus, Channel, InvitationStatus, InviteeRole};
use crate::planning::sessions::{self, SessionInput, SessionStatus};
use crate::planning::themes;
use crate::rng::Rng;
use crate::sample::words::{in_all, names, paragraph, t4, topic};
use crate::store::db::Db;
use crate::store::{search, settings};
use crate::text::{Lang, Text};

pub const SESSIONS_PER_YEAR: u32 = 15;
pub const PEOPLE_PER_YEAR: u32 = 500;
pub const INVITEES_PER_SESSION: usize = 50;
/// Agenda items per session; all but the break get minutes.
const AGENDA: [(ItemKind, u32); 8] = [
    (ItemKind::Opening, 10),
    (ItemKind::Report, 30),
    (ItemKind::Remarks, 20),
    (ItemKind::Discussion, 25),
    (ItemKind::Discussion, 25),
    (ItemKind::Break, 10),
    (ItemKind::Discussion, 20),
    (ItemKind::Closing, 10),
];
/// Paragraphs per language in each item's notes.
const PARAGRAPHS: usize = 10;
/// The archive ends in this year (its last sessions still planned).
const LAST_YEAR: i32 = 2026;
const TODAY: &str = "2026-11-26";

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Generated {
    pub years: u32,
    /// Sessions and people per year, as a multiple of the Club's (1: the Club's own).
    pub scale: u32,
    pub seed: u64,
    pub sessions: u32,
    pub people: u32,
    pub invitations: u32,
    pub agenda_items: u32,
    pub minutes_paragraphs: u32,
    pub remarks: u32,
    pub decisions: u32,
    pub follow_ups: u32,
    pub themes: u32,
}

/// The span an archive can be generated for: 1 to 50 years.
pub fn check_years(years: u32) -> Result<()> {
    if (1..=50).contains(&years) {
        Ok(())
    } else {
        Err(Error::invalid("years", InvalidReason::OutOfRange))
    }
}

/// How many times the Club's sessions and people a year an archive can hold: 1 to 10.
pub fn check_scale(scale: u32) -> Result<()> {
    if (1..=10).contains(&scale) {
        Ok(())
    } else {
        Err(Error::invalid("scale", InvalidReason::OutOfRange))
    }
}

/// Fills the empty database `db` with `years` of Club life.
pub fn generate(db: &Db, years: u32, seed: u64) -> Result<Generated> {
    generate_at_scale(db, years, 1, seed)
}

/// Fills the empty database `db` with `years` of a Club `scale` times as busy.
pub fn generate_at_scale(db: &Db, years: u32, scale: u32, seed: u64) -> Result<Generated> {
    check_years(years)?;
    check_scale(scale)?;
    // The ids draw from a stream of their own, so that the content does not depend on
    // how many ids the owners make.
    let ids = Seeded::install(seed ^ 0x1D5_1D5_1D5);
    db.write(|tx| {
        if sessions::any(tx, false)? || people::any(tx)? {
            return Err(Error::invalid("database", InvalidReason::NotEmpty));
        }
        settings::mark_initialised(tx)?;
        let made = Archive::new(tx, &ids, years, scale, seed).fill()?;
        // Twenty years of saves leave the search index merged; written in one go it is a
        // heap of small segments, and the first saves measured would pay for merging them
        // (save an agenda item: p99 14 ms instead of 2 ms).
        search::optimize(tx)?;
        Ok(made)
    })
}

/// Six in the morning UTC (the afternoon in Beijing) of `date`: the archive's clock.
fn day(date: NaiveDate) -> FixedClock {
    FixedClock(date.and_hms_opt(6, 0, 0).expect("a valid time").and_utc())
}

fn ms(date: NaiveDate) -> u64 {
    day(date).0.timestamp_millis().max(0) as u64
}

/// The archive as it is being written.
struct Archive<'a> {
    tx: &'a Transaction<'a>,
    ids: &'a Seeded,
    rng: Rng,
    g: Generated,
    first_year: i32,
    /// The first day: the organisations, people and themes are made then.
    start: NaiveDate,
    today: NaiveDate,
    venue: Text,
}

/// One session's invitee list: the person ids, the speakers first.
struct Invited(Vec<String>);

impl<'a> Archive<'a> {
    fn new(
        tx: &'a Transaction<'a>,
        ids: &'a Seeded,
        years: u32,
        scale: u32,
        seed: u64,
    ) -> Archive<'a> {
        let first_year = LAST_YEAR - years as i32 + 1;
        Archive {
            tx,
            ids,
            rng: Rng::new(seed),
            g: Generated {
                years,
                scale,
                seed,
                ..Generated::default()
            },
            first_year,
            start: NaiveDate::from_ymd_opt(first_year, 1, 10).expect("a valid first day"),
            today: NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a valid day"),
            venue: t4(
                "Культурный центр Казахстана, Пекин".into(),
                "Қазақстан мәдени орталығы, Бейжің".into(),
                "哈萨克斯坦文化中心，北京".into(),
                "Kazakhstan Cultural Centre, Beijing".into(),
            ),
        }
    }

    fn fill(mut self) -> Result<Generated> {
        let years = self.g.years;
        self.ids.at(ms(self.start));
        let orgs = self.organisations(20 + 2 * years)?;
        let categories = self.categories()?;
        let scale = self.g.scale;
        let people = self.people(PEOPLE_PER_YEAR * years * scale, &orgs, &categories)?;
        let themes = self.themes(30 + 2 * years)?;
        for n in 1..=SESSIONS_PER_YEAR * scale * years {
            self.session(n, &people, &themes)?;
        }
        Ok(self.g)
    }

    fn organisations(&mut self, count: u32) -> Result<Vec<String>> {
        let kinds = [
            "embassy",
            "government",
            "institute",
            "university",
            "media",
            "company",
        ];
        let clock = day(self.start);
        (1..=count)
            .map(|n| {
                let name = t4(
                    format!("Организация № {n}"),
                    format!("№ {n} ұйым"),
                    format!("第{n}机构"),
                    format!("Organisation No. {n}"),
                );
                let kind = *self.rng.pick(&kinds);
                let org = NewOrganisation {
                    name: &name,
                    country: if n % 2 == 1 { "KZ" } else { "CN" },
                    kind,
                };
                organisations::insert(self.tx, &clock, &org, false)
            })
            .collect()
    }

    fn categories(&mut self) -> Result<Vec<String>> {
        [
            ("Послы", "Ambassadors"),
            ("Бывшие послы", "Former ambassadors"),
            ("Официальные лица", "Officials"),
            ("Учёные", "Scholars"),
            ("Гости", "Guests"),
        ]
        .iter()
        .zip(0..)
        .map(|((ru, en), rank)| {
            let name = Text::new().with(Lang::Ru, ru).with(Lang::En, en);
            organisations::insert_category(self.tx, &name, rank, false)
        })
        .collect()
    }

    fn people(
        &mut self,
        count: u32,
        orgs: &[String],
        categories: &[String],
    ) -> Result<Vec<String>> {
        let clock = day(self.start);
        let expert = t4(
            "Эксперт".into(),
            "Сарапшы".into(),
            "专家".into(),
            "Expert".into(),
        );
        let mut people = Vec::with_capacity(count as usize);
        for i in 0..count {
            // Ids a millisecond apart, in the order the people are written.
            self.ids.at(ms(self.start) + u64::from(i));
            let names = names(&mut self.rng);
            let country = match names[0].lang {
                Lang::Kk => "KZ",
                Lang::Zh => "CN",
                _ => "DE",
            };
            let input = PersonInput {
                names,
                organisation_id: self.rng.pick(orgs).clone(),
                country: country.into(),
                email: format!("person{i}@example.org"),
                languages: vec![Lang::Ru],
                precedence_category_id: self.rng.pick(categories).clone(),
                precedence_rank: self.rng.below(100).to_string(),
                positions: vec![Position {
                    title: expert.clone(),
                    started_on: self.start.to_string(),
                    ended_on: String::new(),
                }],
                ..PersonInput::default()
            };
            let id = new_id();
            let valid = people::validate(self.tx, &input)?;
            people::write(self.tx, &clock, &id, &valid, Lang::Ru)?;
            people.push(id);
        }
        self.g.people = people.len() as u32;
        Ok(people)
    }

    fn themes(&mut self, count: u32) -> Result<Vec<String>> {
        let themes = (1..=count)
            .map(|n| {
                let [ru, kk, zh, en] = topic(&mut self.rng);
                let name = t4(
                    format!("{ru} ({n})"),
                    format!("{kk} ({n})"),
                    format!("{zh}（{n}）"),
                    format!("{en} ({n})"),
                );
                themes::insert(self.tx, &name, false)
            })
            .collect::<Result<Vec<_>>>()?;
        self.g.themes = themes.len() as u32;
        Ok(themes)
    }

    /// Session `n`: its themes, invitees, agenda, and the minutes of a held one.
    fn session(&mut self, n: u32, people: &[String], themes: &[String]) -> Result<()> {
        let per_year = SESSIONS_PER_YEAR * self.g.scale;
        let year = self.first_year + ((n - 1) / per_year) as i32;
        let in_year = (n - 1) % per_year;
        let date = NaiveDate::from_ymd_opt(year, 1, 15).expect("a valid day")
            + Duration::days(i64::from(in_year * 23 / self.g.scale) + self.rng.below(4) as i64);
        let held = date < self.today;
        let status = if !held {
            SessionStatus::Planned
        } else if date + Duration::days(60) < self.today {
            SessionStatus::MinutesApproved
        } else {
            SessionStatus::Held
        };
        self.ids.at(ms(date));
        let clock = day(date);
        let [ru, kk, zh, en] = topic(&mut self.rng);
        let title = t4(
            format!("{n}-е заседание: {ru}"),
            format!("{n}-отырыс: {kk}"),
            format!("第{n}次会议：{zh}"),
            format!("Session {n}: {en}"),
        );
        let input = SessionInput {
            number: n.to_string(),
            theme: title.clone(),
            title,
            venue: self.venue.clone(),
            date: date.to_string(),
            start: "15:00".into(),
            end: "17:30".into(),
            time_zone: "Asia/Shanghai".into(),
            status: Some(status),
            notes: String::new(),
        };
        let session = sessions::insert(self.tx, &clock, &input)?.id;
        self.g.sessions += 1;
        let a = self.rng.below(themes.len());
        let b = (a + 1 + self.rng.below(themes.len() - 1)) % themes.len();
        themes::write(self.tx, &session, &[themes[a].clone(), themes[b].clone()])?;
        let invited = self.invitees(&session, date, held, people)?;
        if held {
            minutes::write_summary(self.tx, &clock, &session, &in_all(&mut self.rng, 1))?;
            if status == SessionStatus::MinutesApproved {
                minutes::mark_approved(self.tx, &clock, &session)?;
            }
            self.g.minutes_paragraphs += 4;
        }
        for (pos, (kind, minutes)) in AGENDA.into_iter().enumerate() {
            // The four speakers take the items in turn.
            let speaker = &invited.0[pos % 4];
            let item = self.item(&clock, &session, kind, minutes, speaker)?;
            if held && kind != ItemKind::Break {
                self.minutes_of_item(&clock, &item, kind, speaker, &invited, date)?;
            }
        }
        Ok(())
    }

    /// Distinct people invited twenty days before, answered; the confirmed ones of a held
    /// session checked in (or not).
    fn invitees(
        &mut self,
        session: &str,
        date: NaiveDate,
        held: bool,
        people: &[String],
    ) -> Result<Invited> {
        let mut invited: Vec<String> = Vec::with_capacity(INVITEES_PER_SESSION);
        while invited.len() < INVITEES_PER_SESSION.min(people.len()) {
            let p = self.rng.pick(people);
            if !invited.contains(p) {
                invited.push(p.clone());
            }
        }
        let sent = day(date - Duration::days(20));
        let sent_at = stamp(&sent);
        let arrival = FixedClock(day(date).0 + Duration::minutes(55));
        for (i, person) in invited.iter().enumerate() {
            let role = match i {
                0..=3 => InviteeRole::Speaker,
                4 => InviteeRole::Moderator,
                5 => InviteeRole::Organizer,
                6 => InviteeRole::Press,
                _ => InviteeRole::Guest,
            };
            let status = *self.rng.pick(&[
                InvitationStatus::Confirmed,
                InvitationStatus::Confirmed,
                InvitationStatus::Confirmed,
                InvitationStatus::Declined,
                InvitationStatus::Tentative,
                InvitationStatus::Invited,
            ]);
            let channel = *self.rng.pick(&[
                Channel::Letter,
                Channel::Phone,
                Channel::Wechat,
                Channel::Email,
                Channel::InPerson,
            ]);
            let answered = Answered {
                person_id: person,
                role,
                status,
                channel: Some(channel),
                invited_at: Some(&sent_at),
                responded_at: None,
            };
            let invitation = invitations::record(self.tx, &sent, session, &answered)?;
            self.g.invitations += 1;
            if held && status == InvitationStatus::Confirmed {
                let attended = *self.rng.pick(&[
                    AttendanceStatus::Present,
                    AttendanceStatus::Present,
                    AttendanceStatus::Present,
                    AttendanceStatus::Late,
                    AttendanceStatus::Absent,
                ]);
                let came = attended != AttendanceStatus::Absent;
                invitations::write_attendance(
                    self.tx,
                    &arrival,
                    &invitation,
                    Some(attended),
                    came,
                )?;
            }
        }
        Ok(Invited(invited))
    }

    /// An agenda item at the end, with its speaker (a break has none); returns its id.
    fn item(
        &mut self,
        clock: &FixedClock,
        session: &str,
        kind: ItemKind,
        minutes: u32,
        speaker: &str,
    ) -> Result<String> {
        let [ru, kk, zh, en] = topic(&mut self.rng);
        let roles = match kind {
            ItemKind::Break => Vec::new(),
            _ => vec![RoleInput {
                person_id: speaker.to_string(),
                role: RoleKind::Speaker,
            }],
        };
        let input = AgendaItemInput {
            kind: Some(kind),
            title: t4(ru.into(), kk.into(), zh.into(), en.into()),
            description: in_all(&mut self.rng, 1),
            duration_min: minutes.to_string(),
            pinned_start: String::new(),
            roles,
        };
        self.g.agenda_items += 1;
        agenda::append(self.tx, clock, session, &input)
    }

    /// An item's notes, key points and two remarks; a discussion's decision and its
    /// follow-up for the speaker, done when it was due before today.
    fn minutes_of_item(
        &mut self,
        clock: &FixedClock,
        item: &str,
        kind: ItemKind,
        speaker: &str,
        invited: &Invited,
        date: NaiveDate,
    ) -> Result<()> {
        let notes = in_all(&mut self.rng, PARAGRAPHS);
        let key_points = in_all(&mut self.rng, 1);
        minutes::write_item(self.tx, clock, item, &notes, &key_points)?;
        self.g.minutes_paragraphs += (PARAGRAPHS as u32 + 1) * 4;
        let others = &invited.0[4..];
        for _ in 0..2 {
            let body = Text::new()
                .with(Lang::Ru, &paragraph(&mut self.rng, Lang::Ru))
                .with(Lang::Zh, &paragraph(&mut self.rng, Lang::Zh));
            let person = self.rng.pick(others);
            minutes::add_remark(self.tx, clock, item, Some(person), &body)?;
            self.g.remarks += 1;
            self.g.minutes_paragraphs += 2;
        }
        if kind != ItemKind::Discussion {
            return Ok(());
        }
        let body = in_all(&mut self.rng, 1);
        let decision = minutes::add_decision(self.tx, clock, item, &body)?;
        self.g.decisions += 1;
        let due = date + Duration::days(45);
        let mut input = followups::FollowUpInput {
            body,
            owner_person_id: speaker.to_string(),
            due_on: due.to_string(),
            status: None,
        };
        let follow_up = followups::create_in(self.tx, clock, &decision, &input)?;
        if due < self.today {
            input.status = Some(followups::FollowUpStatus::Done);
            followups::update_in(self.tx, &day(due), &follow_up, &input)?;
        }
        self.g.follow_ups += 1;
        Ok(())
    }
}
