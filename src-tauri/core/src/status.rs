//! What a front end learns when it starts: where the data is and whether it opened.

use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub db_path: String,
    /// Why the database could not be opened; the UI then shows only this.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
    pub version: String,
    /// The session to show first instead of the list (CLUB_PLANNER_OPEN_SESSION: its number).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_session: Option<String>,
    /// The database lies where it is not safe: a cloud-synced folder, a network mount.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_warning: Option<crate::location::LocationWarning>,
    /// The daily backup failed at this start (said once: not again while it goes on
    /// failing); older backups are kept.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_failure: Option<ApiError>,
}

/// A session number: the app opens that session first (benchmarks, automation).
pub const OPEN_SESSION_ENV: &str = "CLUB_PLANNER_OPEN_SESSION";
/// A file the app appends the name of its first interactive screen to, the moment that
/// screen shows its data (benchmarks measure start-up with it).
pub const READY_FILE_ENV: &str = "CLUB_PLANNER_READY_FILE";

/// Appends `screen` to CLUB_PLANNER_READY_FILE when it is set (the app's first screen, or
/// the blank window's page, has shown); otherwise does nothing.
pub fn mark_ready(screen: &str) {
    if let Some(path) = std::env::var_os(READY_FILE_ENV) {
        use std::io::Write;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path);
        if let Ok(mut f) = file {
            let _ = writeln!(f, "{screen}");
        }
    }
}
