//! Backups from the app: restore a file picked in the system's dialog — also from the
//! screen shown when the database is damaged (then the app restarts on the restored file).

use std::path::{Path, PathBuf};

use club_core::store::backup;
use club_core::ApiError;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use super::Reply;
use crate::state::AppState;

pub fn db_path(state: &AppState) -> Result<&Path, ApiError> {
    state
        .db_path
        .as_deref()
        .ok_or_else(|| ApiError::internal("this system has no app-data directory"))
}

pub fn restore(app: &AppHandle, state: &AppState, path: Option<String>) -> Reply<bool> {
    let from = match path {
        Some(p) => PathBuf::from(p),
        None => {
            let picked = app
                .dialog()
                .file()
                .add_filter("SQLite", &["sqlite3", "sqlite", "db"])
                .blocking_pick_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(false),
            }
        }
    };
    match state.db() {
        Ok(db) => db.restore(&state.clock, &from)?,
        Err(_) => {
            // The database did not open: put the backup in its place and start again on it.
            backup::restore_file(db_path(state)?, &from, &state.clock)?;
            crate::instance::release();
            app.restart();
        }
    }
    Ok(true)
}
