//! Sync between the organizers' laptops through a hub (docs/SYNC.md). Capture is in
//! store/capture.rs: every write of a team member records its changeset in the outbox.
//! Here: the hub applying pushed operations column by column and logging their effect
//! (hub.rs, merge.rs), laptops taking in the log and rebasing what waits (client.rs),
//! and the conflict register (conflicts.rs). Like store/, sync works below the tables'
//! owners: it moves rows of every synced table as they are, never judging their content.

pub mod change;
pub mod client;
pub mod conflicts;
pub mod hub;
pub mod merge;
pub mod team;
pub mod wire;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::error::{Error, Result};

code_enum! {
    /// What a member may push, enforced by the hub on each changeset's tables and columns.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum Role {
        /// At the door: checks people in and adds walk-ins, nothing else.
        Door = "door",
        /// Everything in the Club's data.
        Organizer = "organizer",
        /// An organizer who also manages the team on the hub.
        Admin = "admin",
    }
    invalid = BadStatus;
}

/// One write transaction of a laptop, as pushed to the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Push {
    /// The pusher's schema version: another version's changeset is refused.
    pub schema: i64,
    pub op_id: String,
    /// The pushing database (its replica id).
    pub origin: String,
    pub author: String,
    /// The hub's sequence the change was made on.
    pub base_seq: i64,
    pub made_at: String,
    pub changeset: Vec<u8>,
}

/// One entry of the hub's log, as pulled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: i64,
    pub op_id: String,
    pub origin: String,
    pub author: String,
    pub made_at: String,
    /// What the operation did on the hub (conflicting columns left out, register entries in).
    pub effect: Vec<u8>,
}

/// Demonstration rows never leave a machine: a database holding them cannot found or join
/// a team.
pub(crate) fn refuse_demo(c: &Connection) -> Result<()> {
    let demo: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM session WHERE is_demo = 1)
             OR EXISTS (SELECT 1 FROM person WHERE is_demo = 1)
             OR EXISTS (SELECT 1 FROM organisation WHERE is_demo = 1)
             OR EXISTS (SELECT 1 FROM theme WHERE is_demo = 1)
             OR EXISTS (SELECT 1 FROM precedence_category WHERE is_demo = 1)",
        [],
        |r| r.get(0),
    )?;
    if demo {
        return Err(Error::Sync(
            "the demonstration data is still here: remove it (Settings → Demonstration data) \
             before this database joins a team, so that it never reaches the others"
                .into(),
        ));
    }
    Ok(())
}
