//! Follow-ups: actions with an owner, a due date and a status, usually created from a
//! decision; a register across sessions; the open ones come back at the next session.
//! Owns `follow_up`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::parse_date;
use crate::clock::{stamp, Clock};
use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::{new_id, parse_id};
use crate::people;
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::{Text, TextRule};

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum FollowUpStatus {
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
    invalid = BadStatus;
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUp {
    pub id: String,
    pub session_id: String,
    pub session_ordinal: Text,
    pub session_date: String,
    pub decision_id: Option<String>,
    pub decision: Text,
    pub owner_person_id: Option<String>,
    pub owner: Text,
    pub body: Text,
    pub due_on: Option<String>,
    pub status: FollowUpStatus,
    pub closed_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct FollowUpInput {
    pub body: Text,
    /// Person id, or empty.
    pub owner_person_id: String,
    /// YYYY-MM-DD, or empty.
    pub due_on: String,
    #[ts(optional)]
    pub status: Option<FollowUpStatus>,
}

const SELECT: &str = "SELECT f.id, f.session_id, s.number, s.date, f.decision_id, coalesce(d.body, '{}'), f.owner_person_id,
                             f.body, f.due_on, f.status, f.closed_at
                      FROM follow_up f JOIN session s ON s.id = f.session_id LEFT JOIN decision d ON d.id = f.decision_id";

fn rows(c: &Connection, sql: &str, arg: &str) -> Result<Vec<FollowUp>> {
    let mut stmt = c.prepare_cached(sql)?;
    let raw = stmt
        .query_map([arg], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter()
        .map(
            |(
                id,
                session_id,
                number,
                date,
                decision_id,
                decision,
                owner_id,
                body,
                due_on,
                status,
                closed_at,
            )| {
                Ok(FollowUp {
                    owner: match &owner_id {
                        Some(o) => people::display_names(c, o)?,
                        None => Text::new(),
                    },
                    id,
                    session_id,
                    session_ordinal: number
                        .map(crate::planning::ordinals::session_ordinals)
                        .unwrap_or_default(),
                    session_date: date,
                    decision_id,
                    decision: Text::from_json(&decision)?,
                    owner_person_id: owner_id,
                    body: Text::from_json(&body)?,
                    due_on,
                    status: FollowUpStatus::from_code(&status).unwrap_or(FollowUpStatus::Open),
                    closed_at,
                })
            },
        )
        .collect()
}

/// The register: every follow-up, open ones first, by due date.
pub fn list(db: &Db) -> Result<Vec<FollowUp>> {
    db.read(|c| {
        rows(
            c,
            &format!("{SELECT} WHERE ?1 = '' ORDER BY f.status IN ('done','dropped'), f.due_on IS NULL, f.due_on, s.date"),
            "",
        )
    })
}

/// The follow-ups of one session, by due date (the minutes' list).
pub fn for_session(db: &Db, session_id: &str) -> Result<Vec<FollowUp>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        sessions::ensure_exists(c, &session_id)?;
        rows(
            c,
            &format!(
                "{SELECT} WHERE f.session_id = ?1 ORDER BY f.due_on IS NULL, f.due_on, f.rowid"
            ),
            &session_id,
        )
    })
}

/// Open follow-ups from sessions held before this one: "review of previous decisions".
pub fn open_before(db: &Db, session_id: &str) -> Result<Vec<FollowUp>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        sessions::ensure_exists(c, &session_id)?;
        rows(
            c,
            &format!(
                "{SELECT} WHERE f.status IN ('open','in_progress')
                   AND s.date < (SELECT date FROM session WHERE id = ?1) ORDER BY s.date, f.due_on"
            ),
            &session_id,
        )
    })
}

struct Valid {
    body: Text,
    owner: Option<String>,
    due: Option<String>,
}

fn validate(c: &Connection, input: &FollowUpInput) -> Result<Valid> {
    let body = input.body.validated(
        "body",
        TextRule {
            required: true,
            ..TextRule::PARAGRAPHS
        },
    )?;
    let owner = match input.owner_person_id.trim() {
        "" => None,
        o => {
            let o = parse_id(o, "ownerPersonId")?;
            if !people::exists(c, &o)? {
                return Err(Error::invalid("ownerPersonId", InvalidReason::BadId));
            }
            Some(o)
        }
    };
    let due = match input.due_on.trim() {
        "" => None,
        d => Some(parse_date(d, "dueOn")?.format("%Y-%m-%d").to_string()),
    };
    Ok(Valid { body, owner, due })
}

/// A follow-up from a decision (its session is the decision's).
pub fn create_from_decision(
    db: &Db,
    clock: &dyn Clock,
    decision_id: &str,
    input: &FollowUpInput,
) -> Result<FollowUp> {
    let decision_id = parse_id(decision_id, "decisionId")?;
    db.write(|tx| {
        let id = create_in(tx, clock, &decision_id, input)?;
        one(tx, &id)
    })
}

/// `create_from_decision` inside the caller's transaction; returns the follow-up's id.
pub(crate) fn create_in(
    c: &Connection,
    clock: &dyn Clock,
    decision_id: &str,
    input: &FollowUpInput,
) -> Result<String> {
    let session: String = c
        .prepare_cached(
            "SELECT a.session_id FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id
             WHERE d.id = ?1",
        )?
        .query_row([decision_id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "decision" })?;
    let v = validate(c, input)?;
    let id = new_id();
    c.prepare_cached(
        "INSERT INTO follow_up (id, session_id, decision_id, owner_person_id, body, due_on,
                                created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        session,
        decision_id,
        v.owner,
        v.body.to_json(),
        v.due,
        stamp(clock)
    ])?;
    Ok(id)
}

pub fn update(db: &Db, clock: &dyn Clock, id: &str, input: &FollowUpInput) -> Result<FollowUp> {
    let id = parse_id(id, "id")?;
    db.write(|tx| {
        update_in(tx, clock, &id, input)?;
        one(tx, &id)
    })
}

/// `update` inside the caller's transaction: a follow-up done or dropped is closed now
/// (the first time).
pub(crate) fn update_in(
    c: &Connection,
    clock: &dyn Clock,
    id: &str,
    input: &FollowUpInput,
) -> Result<()> {
    let v = validate(c, input)?;
    let status = input.status.unwrap_or(FollowUpStatus::Open);
    let closed =
        matches!(status, FollowUpStatus::Done | FollowUpStatus::Dropped).then(|| stamp(clock));
    let n = c.execute(
        "UPDATE follow_up SET body = ?2, owner_person_id = ?3, due_on = ?4, status = ?5,
                closed_at = CASE WHEN ?6 IS NULL THEN NULL ELSE coalesce(closed_at, ?6) END,
                updated_at = ?7
         WHERE id = ?1",
        params![
            id,
            v.body.to_json(),
            v.owner,
            v.due,
            status.code(),
            closed,
            stamp(clock)
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound { what: "follow-up" });
    }
    Ok(())
}

fn one(c: &Connection, id: &str) -> Result<FollowUp> {
    rows(c, &format!("{SELECT} WHERE f.id = ?1"), id)?
        .pop()
        .ok_or(Error::NotFound { what: "follow-up" })
}
