//! Statistics over the archive: sessions per year, who took part how often, which
//! institutions came, and which themes the Club discussed when.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::people;
use crate::store::db::Db;
use crate::text::Text;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct YearCount {
    pub year: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Participation {
    pub person_id: String,
    pub name: Text,
    pub organisation: Text,
    /// Sessions attended (present, late or left early).
    pub sessions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Institution {
    pub organisation: Text,
    pub people: u32,
    pub attendances: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThemeYears {
    pub theme: Text,
    pub total: u32,
    pub years: Vec<YearCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Stats {
    pub sessions_per_year: Vec<YearCount>,
    pub people: Vec<Participation>,
    pub institutions: Vec<Institution>,
    pub themes: Vec<ThemeYears>,
}

const ATTENDED: &str = "a.status IN ('present', 'late', 'left_early')";

pub fn get(db: &Db) -> Result<Stats> {
    db.read(|c| {
        let mut stmt = c.prepare_cached("SELECT substr(date, 1, 4), count(*) FROM session GROUP BY 1 ORDER BY 1")?;
        let sessions_per_year = stmt
            .query_map([], |r| Ok(YearCount { year: r.get(0)?, count: r.get(1)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = c.prepare_cached(&format!(
            "SELECT i.person_id, coalesce(o.name, '{{}}'), count(DISTINCT i.session_id)
             FROM invitation i JOIN attendance a ON a.invitation_id = i.id
             JOIN person p ON p.id = i.person_id LEFT JOIN organisation o ON o.id = p.organisation_id
             WHERE {ATTENDED} GROUP BY i.person_id ORDER BY 3 DESC, i.person_id LIMIT 100"
        ))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut participation = Vec::new();
        for (person_id, organisation, sessions) in rows {
            participation.push(Participation {
                name: people::display_names(c, &person_id)?,
                organisation: Text::from_json(&organisation)?,
                person_id,
                sessions,
            });
        }

        let mut stmt = c.prepare_cached(&format!(
            "SELECT o.name, count(DISTINCT p.id), count(*)
             FROM invitation i JOIN attendance a ON a.invitation_id = i.id
             JOIN person p ON p.id = i.person_id JOIN organisation o ON o.id = p.organisation_id
             WHERE {ATTENDED} GROUP BY o.id ORDER BY 3 DESC, 2 DESC LIMIT 100"
        ))?;
        let institutions = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get::<_, u32>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|(name, people, attendances)| Ok(Institution { organisation: Text::from_json(&name)?, people, attendances }))
            .collect::<Result<Vec<_>>>()?;

        let mut stmt = c.prepare_cached(
            "SELECT t.id, t.name, substr(s.date, 1, 4), count(*)
             FROM session_theme st JOIN theme t ON t.id = st.theme_id JOIN session s ON s.id = st.session_id
             GROUP BY t.id, 3 ORDER BY t.id, 3",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut themes: Vec<(String, ThemeYears)> = Vec::new();
        for (id, name, year, count) in rows {
            if themes.last().map(|(last, _)| last != &id).unwrap_or(true) {
                themes.push((id.clone(), ThemeYears { theme: Text::from_json(&name)?, total: 0, years: Vec::new() }));
            }
            let entry = &mut themes.last_mut().expect("pushed above").1;
            entry.total += count;
            entry.years.push(YearCount { year, count });
        }
        let mut themes: Vec<ThemeYears> = themes.into_iter().map(|(_, t)| t).collect();
        themes.sort_by_key(|t| std::cmp::Reverse(t.total));
        Ok(Stats { sessions_per_year, people: participation, institutions, themes })
    })
}
