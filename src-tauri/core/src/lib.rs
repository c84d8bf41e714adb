//! club-core: everything Club Planner knows and does, without any GUI.
//!
//! The desktop shell (src-tauri/src) and the command line (clubctl) are thin
//! front ends over the operations here; both call the very same functions.

pub mod agenda;
pub mod archive;
pub mod backup;
pub mod clock;
pub mod db;
pub mod demo;
#[cfg(feature = "documents")]
pub mod documents;
pub mod duplicates;
pub mod error;
pub mod export;
pub mod followups;
#[cfg(feature = "documents")]
pub mod fonts;
pub mod generate;
pub mod ids;
pub mod import;
pub mod invitations;
pub mod minutes;
pub mod minutes_text;
pub mod organisations;
pub mod paths;
pub mod people;
pub mod phone;
pub mod search;
pub mod series;
pub mod sessions;
pub mod settings;
pub mod stats;
pub mod status;
pub mod table;
pub mod text;
pub mod themes;
pub mod vcard;
pub mod workflow;

pub use clock::{Clock, FixedClock, SystemClock};
pub use db::Db;
pub use error::{ApiError, Error, ErrorCode, InvalidReason, Result};
pub use text::{Lang, Text};
