//! The people directory: names in several scripts (family name first where the culture
//! puts it), honorifics per language, dated positions, organisation, contacts, languages,
//! tags, precedence; search in every script; duplicates and merge.
//! Owns `person`, `person_name`, `person_position`, `tag`, `person_tag`.

pub mod address;
pub mod duplicates;
pub mod names;
pub mod organisations;
pub mod phone;
pub mod positions;

use std::collections::BTreeMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::people::names::{check_name_part, PersonName, NAME};
use crate::people::positions::Position;
use crate::store::db::Db;
use crate::text::fold;
use crate::text::{Lang, Text, TextRule};

/// A person as the directory shows them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub names: Vec<PersonName>,
    /// The displayed name per language (only the languages the name is written in).
    pub display_name: Text,
    pub honorific: Text,
    pub organisation_id: Option<String>,
    pub organisation: Text,
    pub country: String,
    pub email: String,
    pub phone: String,
    pub wechat: String,
    pub languages: Vec<Lang>,
    pub tags: Vec<String>,
    pub precedence_category_id: Option<String>,
    pub precedence_rank: Option<u32>,
    /// Latest first.
    pub positions: Vec<Position>,
    /// Derived from the latest position: "Ambassador …" or "former Ambassador …, 2016–2021".
    pub position: Text,
    pub notes: String,
    pub is_demo: bool,
}

/// What the person form, quick create, import and clubctl send.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PersonInput {
    pub names: Vec<PersonName>,
    pub honorific: Text,
    /// An existing organisation's id, or empty.
    pub organisation_id: String,
    /// A new or existing organisation by name (used when no id is given).
    pub organisation_name: String,
    pub country: String,
    pub email: String,
    pub phone: String,
    pub wechat: String,
    pub languages: Vec<Lang>,
    pub tags: Vec<String>,
    pub precedence_category_id: String,
    pub precedence_rank: String,
    pub positions: Vec<Position>,
    pub notes: String,
}

impl From<&Person> for PersonInput {
    fn from(p: &Person) -> Self {
        PersonInput {
            names: p.names.clone(),
            honorific: p.honorific.clone(),
            organisation_id: p.organisation_id.clone().unwrap_or_default(),
            organisation_name: String::new(),
            country: p.country.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            wechat: p.wechat.clone(),
            languages: p.languages.clone(),
            tags: p.tags.clone(),
            precedence_category_id: p.precedence_category_id.clone().unwrap_or_default(),
            precedence_rank: p.precedence_rank.map(|r| r.to_string()).unwrap_or_default(),
            positions: p.positions.clone(),
            notes: p.notes.clone(),
        }
    }
}

/// A checked person, ready to be written.
#[derive(Debug, Clone)]
pub(crate) struct ValidPerson {
    pub names: Vec<PersonName>,
    pub input: PersonInput,
    pub rank: Option<u32>,
}

pub(crate) fn validate(c: &Connection, input: &PersonInput) -> Result<ValidPerson> {
    let names = names::validated(&input.names)?;
    let mut v = input.clone();
    v.honorific = input.honorific.validated("honorific", TextRule::LINE)?;
    v.email = TextRule::LINE.check(&input.email, "email")?;
    if !v.email.is_empty() {
        let (local, domain) = v.email.split_once('@').unwrap_or(("", ""));
        if local.is_empty()
            || !domain.contains('.')
            || v.email.contains(char::is_whitespace)
            || v.email
                .contains(['<', '>', '"', '(', ')', ',', ';', ':', '[', ']', '\\'])
            || domain.contains('@')
        {
            return Err(Error::invalid("email", InvalidReason::BadEmail));
        }
    }
    v.phone = TextRule::LINE.check(&input.phone, "phone")?;
    if !v.phone.is_empty() {
        v.phone = crate::people::phone::normalize(&v.phone)
            .ok_or_else(|| Error::invalid("phone", InvalidReason::BadPhone))?;
    }
    v.wechat = NAME.check(&input.wechat, "wechat")?;
    v.country = input.country.trim().to_ascii_uppercase();
    let country_ok = v.country.len() == 2 && v.country.chars().all(|c| c.is_ascii_uppercase());
    if !v.country.is_empty() && !country_ok {
        return Err(Error::invalid("country", InvalidReason::BadCountry));
    }
    v.organisation_id = input.organisation_id.trim().to_string();
    if !v.organisation_id.is_empty() && !organisations::exists(c, &v.organisation_id)? {
        return Err(Error::invalid("organisationId", InvalidReason::BadId));
    }
    v.organisation_name = TextRule::LINE.check(&input.organisation_name, "organisationName")?;
    v.precedence_category_id = input.precedence_category_id.trim().to_string();
    if !v.precedence_category_id.is_empty()
        && !organisations::category_exists(c, &v.precedence_category_id)?
    {
        return Err(Error::invalid("precedenceCategoryId", InvalidReason::BadId));
    }
    let rank = match input.precedence_rank.trim() {
        "" => None,
        r => Some(
            r.parse::<u32>()
                .map_err(|_| Error::invalid("precedenceRank", InvalidReason::OutOfRange))?,
        ),
    };
    v.tags = Vec::new();
    for (i, t) in input.tags.iter().enumerate() {
        let t = check_name_part(t, &format!("tags.{i}"))?;
        if !t.is_empty() && !v.tags.iter().any(|x| fold(x) == fold(&t)) {
            v.tags.push(t);
        }
    }
    v.positions = positions::validated(&input.positions)?;
    v.notes = TextRule::PARAGRAPHS.check(&input.notes, "notes")?;
    v.languages.dedup();
    Ok(ValidPerson {
        names,
        input: v,
        rank,
    })
}

/// Writes a validated person (new or existing id) with all its rows.
pub(crate) fn write(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    v: &ValidPerson,
    fallback: Lang,
) -> Result<()> {
    write_marked(c, clock, id, v, fallback, false)
}

/// `write`; a new person is marked part of the demonstration data when `demo` (an
/// existing one keeps its mark).
pub(crate) fn write_marked(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    v: &ValidPerson,
    fallback: Lang,
    demo: bool,
) -> Result<()> {
    let now = stamp(clock);
    let i = &v.input;
    let organisation = match (i.organisation_id.as_str(), i.organisation_name.as_str()) {
        ("", "") => None,
        ("", name) => Some(organisations::find_or_create(c, clock, name, fallback)?),
        (id, _) => Some(id.to_string()),
    };
    c.prepare_cached(
        "INSERT INTO person (id, honorific, organisation_id, country, email, phone, wechat, languages,
                             precedence_category_id, precedence_rank, notes, is_demo, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?12, ?12)
         ON CONFLICT (id) DO UPDATE SET honorific = excluded.honorific, organisation_id = excluded.organisation_id,
             country = excluded.country, email = excluded.email, phone = excluded.phone, wechat = excluded.wechat,
             languages = excluded.languages, precedence_category_id = excluded.precedence_category_id,
             precedence_rank = excluded.precedence_rank, notes = excluded.notes, updated_at = excluded.updated_at")?
        .execute(
        params![
            id,
            i.honorific.to_json(),
            organisation,
            (!i.country.is_empty()).then_some(&i.country),
            i.email,
            i.phone,
            i.wechat,
            serde_json::to_string(&i.languages)?,
            (!i.precedence_category_id.is_empty()).then_some(&i.precedence_category_id),
            v.rank,
            i.notes,
            now,
            demo
        ],
    )?;
    c.prepare_cached("DELETE FROM person_name WHERE person_id = ?1")?
        .execute([id])?;
    for n in &v.names {
        c.prepare_cached(
            "INSERT INTO person_name (person_id, lang, family, given, patronymic, family_first)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            id,
            n.lang.code(),
            n.family,
            n.given,
            n.patronymic,
            n.family_first
        ])?;
    }
    c.prepare_cached("DELETE FROM person_position WHERE person_id = ?1")?
        .execute([id])?;
    for p in &i.positions {
        c.prepare_cached(
            "INSERT INTO person_position (id, person_id, title, organisation_id, started_on, ended_on)
             VALUES (?1, ?2, ?3, ?4, nullif(?5, ''), nullif(?6, ''))")?
        .execute(
            params![new_id(), id, p.title.to_json(), organisation, p.started_on, p.ended_on],
        )?;
    }
    c.prepare_cached("DELETE FROM person_tag WHERE person_id = ?1")?
        .execute([id])?;
    for t in &i.tags {
        c.prepare_cached(
            "INSERT INTO tag (id, name) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        )?
        .execute(params![new_id(), t])?;
        c.prepare_cached(
            "INSERT INTO person_tag (person_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2 COLLATE NOCASE")?
        .execute(
            params![id, t],
        )?;
    }
    crate::store::search::index_people(c, Some(&[id]))
}

pub fn create(db: &Db, clock: &dyn Clock, input: &PersonInput) -> Result<Person> {
    let id = new_id();
    db.write(|tx| {
        let v = validate(tx, input)?;
        let lang = crate::store::settings::get_language(tx)?;
        write(tx, clock, &id, &v, lang)?;
        load(tx, &id)
    })
}

pub fn update(db: &Db, clock: &dyn Clock, id: &str, input: &PersonInput) -> Result<Person> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        load(tx, &id)?;
        let v = validate(tx, input)?;
        let lang = crate::store::settings::get_language(tx)?;
        write(tx, clock, &id, &v, lang)?;
        load(tx, &id)
    })
}

/// Deletes a person; their invitations and agenda roles go with them, remarks stay unattributed.
pub fn delete(db: &Db, id: &str) -> Result<()> {
    let id = parse_id(id, "id")?;
    db.write(|tx| remove_in(tx, &id))
}

/// Deletes the demonstration's people.
pub(crate) fn delete_demo(c: &Connection) -> Result<()> {
    c.execute("DELETE FROM person WHERE is_demo = 1", [])?;
    Ok(())
}

/// Whether the directory has anyone in it.
#[cfg(feature = "generator")]
pub(crate) fn any(c: &Connection) -> Result<bool> {
    Ok(c.query_row("SELECT EXISTS (SELECT 1 FROM person)", [], |r| r.get(0))?)
}

/// `delete` inside the caller's transaction.
pub(crate) fn remove_in(c: &Connection, id: &str) -> Result<()> {
    match c.execute("DELETE FROM person WHERE id = ?1", [id])? {
        0 => Err(Error::NotFound { what: "person" }),
        _ => Ok(()),
    }
}

pub fn get(db: &Db, id: &str) -> Result<Person> {
    let id = parse_id(id, "id")?;
    db.read(|c| load(c, &id))
}

pub(crate) fn load(c: &Connection, id: &str) -> Result<Person> {
    all(c, Some(&[id.to_string()]))?
        .pop()
        .ok_or(Error::NotFound { what: "person" })
}

/// Everyone in the directory, in order of precedence, then by family name.
pub fn list(db: &Db) -> Result<Vec<Person>> {
    db.read(|c| all(c, None))
}

/// These people (ids may repeat or be unknown), in order of precedence like the directory.
pub(crate) fn some_in(c: &Connection, ids: &[String]) -> Result<Vec<Person>> {
    all(c, Some(ids))
}

/// `WHERE` for the person column `col`: everyone (`ids` None), or the ids in ?1 (a JSON
/// array) — looked up through the column's index, not by reading every row.
fn only_clause(col: &str, ids: Option<&str>) -> String {
    match ids {
        None => "?1 IS NULL".to_string(),
        Some(_) => format!("{col} IN (SELECT value FROM json_each(?1))"),
    }
}

fn all(c: &Connection, only: Option<&[String]>) -> Result<Vec<Person>> {
    let ids = only.map(serde_json::to_string).transpose()?;
    let ids = ids.as_deref();
    let mut names = names_by_person(c, ids)?;
    let mut positions = positions_by_person(c, ids)?;
    let mut tags = tags_by_person(c, ids)?;
    let mut stmt = c.prepare_cached(&format!(
        "SELECT p.id, p.honorific, p.organisation_id, coalesce(o.name, '{{}}'), coalesce(p.country, ''), p.email,
                p.phone, p.wechat, p.languages, p.precedence_category_id, p.precedence_rank, p.notes, p.is_demo,
                pc.rank
         FROM person p
         LEFT JOIN organisation o ON o.id = p.organisation_id
         LEFT JOIN precedence_category pc ON pc.id = p.precedence_category_id
         WHERE {}
         ORDER BY pc.rank IS NULL, pc.rank, p.precedence_rank IS NULL, p.precedence_rank",
        only_clause("p.id", ids)
    ))?;
    let rows = stmt.query_map([ids], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, Option<String>>(9)?,
            r.get::<_, Option<u32>>(10)?,
            r.get::<_, String>(11)?,
            r.get::<_, bool>(12)?,
            r.get::<_, Option<u32>>(13)?,
        ))
    })?;
    let mut out = Vec::new();
    let mut category_ranks = std::collections::HashMap::new();
    for row in rows {
        let (
            id,
            honorific,
            organisation_id,
            organisation,
            country,
            email,
            phone,
            wechat,
            languages,
            category,
            rank,
            notes,
            is_demo,
            category_rank,
        ) = row?;
        category_ranks.insert(id.clone(), category_rank);
        let names = names.remove(&id).unwrap_or_default();
        let positions = positions.remove(&id).unwrap_or_default();
        let mut display_name = Text::new();
        for n in &names {
            display_name.set(n.lang, &n.display());
        }
        out.push(Person {
            position: positions::describe(positions.first()),
            display_name,
            names,
            honorific: Text::from_json(&honorific)?,
            organisation_id,
            organisation: Text::from_json(&organisation)?,
            country,
            email,
            phone,
            wechat,
            languages: serde_json::from_str(&languages)?,
            tags: tags.remove(&id).unwrap_or_default(),
            precedence_category_id: category,
            precedence_rank: rank,
            positions,
            notes,
            is_demo,
            id,
        });
    }
    // By the category's rank, the rank inside it, then by family name.
    out.sort_by_cached_key(|p| {
        (
            category_ranks
                .get(&p.id)
                .copied()
                .flatten()
                .unwrap_or(u32::MAX),
            p.precedence_rank.unwrap_or(u32::MAX),
            p.names
                .first()
                .map(PersonName::sort_key)
                .unwrap_or_default(),
        )
    });
    Ok(out)
}

fn names_by_person(c: &Connection, ids: Option<&str>) -> Result<BTreeMap<String, Vec<PersonName>>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT person_id, lang, family, given, patronymic, family_first FROM person_name
         WHERE {}
         ORDER BY person_id, CASE lang WHEN 'ru' THEN 0 WHEN 'kk' THEN 1 WHEN 'zh' THEN 2 ELSE 3 END",
        only_clause("person_id", ids)
    ))?;
    let mut out: BTreeMap<String, Vec<PersonName>> = BTreeMap::new();
    let rows = stmt.query_map([ids], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    for row in rows {
        let (person, lang, family, given, patronymic, family_first) = row?;
        let lang = Lang::parse(&lang, "lang")?;
        out.entry(person).or_default().push(PersonName {
            lang,
            family,
            given,
            patronymic,
            family_first,
        });
    }
    Ok(out)
}

fn positions_by_person(
    c: &Connection,
    ids: Option<&str>,
) -> Result<BTreeMap<String, Vec<Position>>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT person_id, title, coalesce(started_on, ''), coalesce(ended_on, '') FROM person_position
         WHERE {}
         ORDER BY person_id, ended_on IS NULL DESC, ended_on DESC, started_on DESC",
        only_clause("person_id", ids)
    ))?;
    let mut out: BTreeMap<String, Vec<Position>> = BTreeMap::new();
    let rows = stmt.query_map([ids], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    for row in rows {
        let (person, title, started_on, ended_on) = row?;
        out.entry(person).or_default().push(Position {
            title: Text::from_json(&title)?,
            started_on,
            ended_on,
        });
    }
    Ok(out)
}

fn tags_by_person(c: &Connection, ids: Option<&str>) -> Result<BTreeMap<String, Vec<String>>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
         WHERE {} ORDER BY t.name",
        only_clause("pt.person_id", ids)
    ))?;
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let rows = stmt.query_map([ids], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (person, tag) = row?;
        out.entry(person).or_default().push(tag);
    }
    Ok(out)
}

/// People any of whose names (in any script), organisation, position, e-mail or tags
/// contains `query`, ignoring case (ё = е). Only the fields searched are read for
/// everyone; the whole record only for those found (100,000 people: the directory read
/// whole takes seconds, and the window a list of them all at every letter typed).
pub fn search(db: &Db, query: &str) -> Result<Vec<Person>> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return list(db);
    }
    db.read(|c| {
        let found = matching(c, &needle)?;
        all(c, Some(&found))
    })
}

/// The ids of the people whose searched fields contain `needle` (folded).
fn matching(c: &Connection, needle: &str) -> Result<Vec<String>> {
    let hit = |t: &Text| t.0.values().any(|v| fold(v).contains(needle));
    let names = names_by_person(c, None)?;
    let positions = positions_by_person(c, None)?;
    let tags = tags_by_person(c, None)?;
    let mut stmt = c.prepare_cached(
        "SELECT p.id, coalesce(o.name, '{}'), p.email
         FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (id, organisation, email) = row?;
        let person_names = names.get(&id).map(Vec::as_slice).unwrap_or_default();
        let matches = person_names
            .iter()
            .any(|n| fold(&n.display()).contains(needle) || n.sort_key().contains(needle))
            || fold(&email).contains(needle)
            || hit(&Text::from_json(&organisation)?)
            || hit(&positions::describe(
                positions.get(&id).and_then(|p| p.first()),
            ))
            || tags
                .get(&id)
                .is_some_and(|t| t.iter().any(|t| fold(t).contains(needle)));
        if matches {
            found.push(id);
        }
    }
    Ok(found)
}

pub fn exists(c: &Connection, id: &str) -> Result<bool> {
    Ok(
        c.prepare_cached("SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?,
    )
}

/// A person's displayed name in each language it is written in.
pub fn display_names(c: &Connection, id: &str) -> Result<Text> {
    let ids = serde_json::to_string(&[id])?;
    Ok(names_by_person(c, Some(&ids))?
        .remove(id)
        .unwrap_or_default()
        .iter()
        .fold(Text::new(), |t, n| t.with(n.lang, &n.display())))
}
