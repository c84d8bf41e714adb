//! People and organisations: names in several scripts, honorifics, positions with dates.
//! Owns `person`, `person_name`, `person_position`, `organisation`, `tag`, `person_tag`.

use std::collections::BTreeMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{stamp, Clock};
use crate::db::Db;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::new_id;
use crate::sessions::fold;
use crate::text::{Lang, Text, TextRule};

/// A person's name written in one language's script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonName {
    pub lang: Lang,
    pub family: String,
    pub given: String,
    pub patronymic: String,
    /// Chinese (and other East Asian) names put the family name first.
    pub family_first: bool,
}

impl PersonName {
    /// The name as it is written in running text: 王立新, Wang Lixin, Шахрат Нурышев.
    pub fn display(&self) -> String {
        let parts: Vec<&str> = if self.family_first {
            vec![&self.family, &self.given, &self.patronymic]
        } else {
            vec![&self.given, &self.patronymic, &self.family]
        };
        let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        // Han names are written without spaces.
        let han = |s: &str| {
            s.chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·')
        };
        if parts.iter().all(|p| han(p)) {
            // Transcribed foreign names take the interpunct: 沙赫拉特·努雷舍夫.
            parts.join(if self.family_first { "" } else { "·" })
        } else {
            parts.join(" ")
        }
    }
}

/// A row of the people directory.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonSummary {
    pub id: String,
    pub names: Vec<PersonName>,
    /// The displayed name per language (only the languages the name is written in).
    pub display_name: Text,
    pub honorific: Text,
    pub organisation: Text,
    /// The latest position's title.
    pub position: Text,
    /// Whether that position has ended ("former …").
    pub position_ended: bool,
    pub is_demo: bool,
}

/// Everyone in the directory, by order of precedence, then by name.
pub fn list(db: &Db) -> Result<Vec<PersonSummary>> {
    db.read(summaries)
}

/// People any of whose names (in any script), organisation or position contains `query`,
/// ignoring case (ё = е).
pub fn search(db: &Db, query: &str) -> Result<Vec<PersonSummary>> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return list(db);
    }
    let hit = |t: &Text| t.0.values().any(|v| fold(v).contains(&needle));
    Ok(list(db)?
        .into_iter()
        .filter(|p| {
            hit(&p.display_name)
                || hit(&p.organisation)
                || hit(&p.position)
                || p.names
                    .iter()
                    .any(|n| fold(&format!("{} {}", n.family, n.given)).contains(&needle))
        })
        .collect())
}

pub fn exists(c: &Connection, id: &str) -> Result<bool> {
    Ok(c.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// A person's displayed name in each language it is written in.
pub fn display_names(c: &Connection, id: &str) -> Result<Text> {
    let mut stmt = c.prepare_cached(
        "SELECT lang, family, given, patronymic, family_first FROM person_name WHERE person_id = ?1",
    )?;
    let mut out = Text::new();
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    for row in rows {
        let (lang, family, given, patronymic, family_first) = row?;
        let lang = Lang::parse(&lang, "lang")?;
        let name = PersonName {
            lang,
            family,
            given,
            patronymic,
            family_first,
        };
        out.set(lang, &name.display());
    }
    Ok(out)
}

/// A name as typed into a form.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PersonNameInput {
    pub lang: Option<Lang>,
    pub family: String,
    pub given: String,
    pub family_first: bool,
}

/// The least a person needs: a name in at least one script (the directory adds the rest).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct NewPerson {
    pub names: Vec<PersonNameInput>,
}

pub fn create(db: &Db, clock: &dyn Clock, input: &NewPerson) -> Result<PersonSummary> {
    let mut names = Vec::new();
    for (i, n) in input.names.iter().enumerate() {
        let field = format!("names.{i}");
        let lang = n
            .lang
            .ok_or_else(|| Error::invalid(format!("{field}.lang"), InvalidReason::BadLanguage))?;
        let family = TextRule::LINE.check(&n.family, &format!("{field}.family"))?;
        let given = TextRule::LINE.check(&n.given, &format!("{field}.given"))?;
        if family.is_empty() && given.is_empty() {
            continue;
        }
        if names.iter().any(|x: &PersonName| x.lang == lang) {
            return Err(Error::invalid(
                format!("{field}.lang"),
                InvalidReason::BadLanguage,
            ));
        }
        names.push(PersonName {
            lang,
            family,
            given,
            patronymic: String::new(),
            family_first: n.family_first,
        });
    }
    if names.is_empty() {
        return Err(Error::invalid("names", InvalidReason::Required));
    }
    let id = new_id();
    db.write(|tx| {
        let now = stamp(clock);
        tx.execute(
            "INSERT INTO person (id, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![id, now],
        )?;
        for n in &names {
            tx.execute(
                "INSERT INTO person_name (person_id, lang, family, given, family_first)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, n.lang.code(), n.family, n.given, n.family_first],
            )?;
        }
        Ok(())
    })?;
    list(db)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(Error::NotFound { what: "person" })
}

fn summaries(c: &Connection) -> Result<Vec<PersonSummary>> {
    {
        let mut names = names_by_person(c)?;
        let mut stmt = c.prepare_cached(
            "SELECT p.id, p.honorific, coalesce(o.name, '{}'), p.is_demo,
                    coalesce((SELECT title FROM person_position pp WHERE pp.person_id = p.id
                              ORDER BY pp.ended_on IS NULL DESC, pp.ended_on DESC LIMIT 1), '{}'),
                    coalesce((SELECT ended_on IS NOT NULL FROM person_position pp WHERE pp.person_id = p.id
                              ORDER BY pp.ended_on IS NULL DESC, pp.ended_on DESC LIMIT 1), 0)
             FROM person p
             LEFT JOIN organisation o ON o.id = p.organisation_id
             LEFT JOIN precedence_category pc ON pc.id = p.precedence_category_id
             ORDER BY pc.rank IS NULL, pc.rank, p.precedence_rank IS NULL, p.precedence_rank, p.created_at",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, honorific, organisation, is_demo, position, position_ended) = row?;
            let names = names.remove(&id).unwrap_or_default();
            let mut display_name = Text::new();
            for n in &names {
                display_name.set(n.lang, &n.display());
            }
            out.push(PersonSummary {
                id,
                names,
                display_name,
                honorific: Text::from_json(&honorific)?,
                organisation: Text::from_json(&organisation)?,
                position: Text::from_json(&position)?,
                position_ended,
                is_demo,
            });
        }
        Ok(out)
    }
}

fn names_by_person(c: &Connection) -> Result<BTreeMap<String, Vec<PersonName>>> {
    let mut stmt = c.prepare_cached(
        "SELECT person_id, lang, family, given, patronymic, family_first FROM person_name
         ORDER BY person_id, CASE lang WHEN 'ru' THEN 0 WHEN 'kk' THEN 1 WHEN 'zh' THEN 2 ELSE 3 END",
    )?;
    let mut out: BTreeMap<String, Vec<PersonName>> = BTreeMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, bool>(5)?,
        ))
    })?;
    for row in rows {
        let (person, lang, family, given, patronymic, family_first) = row?;
        out.entry(person).or_default().push(PersonName {
            lang: Lang::parse(&lang, "lang")?,
            family,
            given,
            patronymic,
            family_first,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(family: &str, given: &str, family_first: bool) -> PersonName {
        PersonName {
            lang: Lang::Zh,
            family: family.into(),
            given: given.into(),
            patronymic: String::new(),
            family_first,
        }
    }

    #[test]
    fn names_follow_their_culture() {
        assert_eq!(name("王", "立新", true).display(), "王立新");
        assert_eq!(name("Wang", "Lixin", true).display(), "Wang Lixin");
        assert_eq!(name("Нурышев", "Шахрат", false).display(), "Шахрат Нурышев");
        assert_eq!(
            name("努雷舍夫", "沙赫拉特", false).display(),
            "沙赫拉特·努雷舍夫"
        );
    }
}
