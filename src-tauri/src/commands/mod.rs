//! IPC commands, one file per area. Each is a one-line adapter over club-core;
//! all run off the UI thread (`async`).

pub mod agenda;
pub mod app;
pub mod backup;
pub mod documents;
pub mod invitations;
pub mod minutes;
pub mod people;
pub mod series;
pub mod sessions;
pub mod settings;

/// What every command returns to the UI.
pub type Reply<T> = Result<T, club_core::ApiError>;
