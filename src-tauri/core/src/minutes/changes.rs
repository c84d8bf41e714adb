//! What changed in a session's minutes from one revision to another (or to the minutes
//! as they are now), field by field: the summary, and each agenda item's notes, key
//! points, remarks and decisions. Owns no table.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::ids::parse_id;
use crate::minutes::{self, Minutes, MinutesItem};
use crate::store::db::Db;
use crate::text::{Lang, Text};

/// One field that differs between two revisions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Change {
    /// "summary", or the agenda item's title, then the field.
    pub place: String,
    pub field: String,
    pub before: Text,
    pub after: Text,
}

/// What changed from revision `a` to revision `b` (0 = the minutes as they are now).
pub fn compare(db: &Db, session_id: &str, a: u32, b: u32) -> Result<Vec<Change>> {
    let session_id = parse_id(session_id, "sessionId")?;
    db.read(|c| {
        let get = |n: u32| {
            if n == 0 {
                minutes::load(c, &session_id)
            } else {
                minutes::revision_in(c, &session_id, n)
            }
        };
        Ok(diff(&get(a)?, &get(b)?))
    })
}

fn diff(a: &Minutes, b: &Minutes) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |place: &str, field: &str, before: &Text, after: &Text| {
        if before != after {
            out.push(Change {
                place: place.to_string(),
                field: field.to_string(),
                before: before.clone(),
                after: after.clone(),
            });
        }
    };
    push("summary", "summary", &a.summary, &b.summary);
    let join = |list: Vec<&Text>| {
        let mut t = Text::new();
        for lang in Lang::ALL {
            let parts: Vec<&str> = list.iter().filter_map(|x| x.get(lang)).collect();
            t.set(lang, &parts.join("\n"));
        }
        t
    };
    for item in &b.items {
        let before = a
            .items
            .iter()
            .find(|x| x.agenda_item_id == item.agenda_item_id);
        let place = item.title.best(Lang::Ru).to_string();
        let empty = Text::new();
        push(
            &place,
            "notes",
            before.map_or(&empty, |x| &x.notes),
            &item.notes,
        );
        push(
            &place,
            "keyPoints",
            before.map_or(&empty, |x| &x.key_points),
            &item.key_points,
        );
        let remarks = |m: Option<&MinutesItem>| {
            join(
                m.map(|x| x.remarks.iter().map(|r| &r.body).collect())
                    .unwrap_or_default(),
            )
        };
        push(&place, "remarks", &remarks(before), &remarks(Some(item)));
        let decisions = |m: Option<&MinutesItem>| {
            join(
                m.map(|x| x.decisions.iter().map(|d| &d.body).collect())
                    .unwrap_or_default(),
            )
        };
        push(
            &place,
            "decisions",
            &decisions(before),
            &decisions(Some(item)),
        );
    }
    out
}
