//! club-core: everything Club Planner knows and does, without any GUI.
//!
//! The desktop shell (src-tauri/src) and the command line (clubctl) are thin
//! front ends over the operations here; both call the very same functions.
//!
//! The root modules are the crate's vocabulary (errors, codes, multilingual text, ids, time,
//! paths); the folders depend on each other in one direction only, from the bottom:
//! `store` ← `sync` ← `people` ← `planning` ← `minutes` ← `attachments` ← `exchange` ← `documents` ← `mail`
//! ← `sample`.
//! ARCHITECTURE.md maps them; tests/core/architecture.rs enforces it.

pub mod clock;
pub mod codes;
pub mod error;
pub mod ids;
pub mod location;
pub mod paths;
pub mod rng;
pub mod status;
pub mod text;

pub mod store;

pub mod sync;

pub mod people;

pub mod planning;

pub mod minutes;

pub mod attachments;

pub mod exchange;

#[cfg(feature = "documents")]
pub mod documents;

#[cfg(feature = "documents")]
pub mod mail;

pub mod sample;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{ApiError, Error, ErrorCode, InvalidReason, Result};
pub use store::db::Db;
pub use text::{Lang, Text};
