//! Who speaks, chairs or moderates an agenda item: the kinds of role, the roles of a
//! session's agenda as its screens show them, and what taking a person off the agenda
//! means for their invitation. Reads `agenda_role`, which planning/agenda.rs owns.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::codes::code_enum;
use crate::error::Result;
use crate::people;
use crate::planning::invitations;
use crate::text::Text;

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum RoleKind {
        Chair = "chair",
        Moderator = "moderator",
        Speaker = "speaker",
    }
    invalid = BadStatus;
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaRole {
    pub person_id: String,
    pub role: RoleKind,
    pub name: Text,
    /// Whether the person is on the session's invitee list.
    pub invited: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleInput {
    pub person_id: String,
    pub role: RoleKind,
}

/// The roles on a session's agenda, by agenda item, in their order on each item.
pub(crate) fn roles_of_session(
    c: &Connection,
    session_id: &str,
) -> Result<HashMap<String, Vec<AgendaRole>>> {
    let mut stmt = c.prepare_cached(
        "SELECT r.agenda_item_id, r.person_id, r.role,
                EXISTS (SELECT 1 FROM invitation i WHERE i.session_id = a.session_id AND i.person_id = r.person_id)
         FROM agenda_role r JOIN agenda_item a ON a.id = r.agenda_item_id
         WHERE a.session_id = ?1
         ORDER BY r.agenda_item_id, r.position",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    let mut out: HashMap<String, Vec<AgendaRole>> = HashMap::new();
    for row in rows {
        let (item, person, role, invited) = row?;
        out.entry(item).or_default().push(AgendaRole {
            name: people::display_names(c, &person)?,
            person_id: person,
            role: RoleKind::parse(&role, "role")?,
            invited,
        });
    }
    Ok(out)
}

/// The people named in an item's roles.
pub(crate) fn people_of_item(c: &Connection, item_id: &str) -> Result<Vec<String>> {
    let mut stmt =
        c.prepare_cached("SELECT person_id FROM agenda_role WHERE agenda_item_id = ?1")?;
    let people = stmt
        .query_map([item_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(people)
}

/// People taken off the session's agenda altogether stop being listed as its speakers or
/// moderators among the invitees (they were, because the agenda named them).
pub(crate) fn release_roles(
    c: &Connection,
    clock: &dyn Clock,
    session_id: &str,
    people: &[String],
) -> Result<()> {
    for person in people {
        let still: bool = c.query_row(
            "SELECT EXISTS(SELECT 1 FROM agenda_role r JOIN agenda_item a ON a.id = r.agenda_item_id
                            WHERE a.session_id = ?1 AND r.person_id = ?2)",
            params![session_id, person],
            |r| r.get(0),
        )?;
        if !still {
            invitations::agenda_role_released(c, clock, session_id, person)?;
        }
    }
    Ok(())
}
