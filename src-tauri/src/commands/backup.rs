//! Backups from the app: the list, one taken now, and restore — also from the screen
//! shown when the database is damaged (then the app restarts on the restored file).

use std::path::Path;

use club_core::store::backup::{self, Backup, BackupReason};
use club_core::{ApiError, Clock, ErrorCode};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use super::Reply;
use crate::state::AppState;

fn db_path(state: &AppState) -> Result<&Path, ApiError> {
    state.db_path.as_deref().ok_or_else(|| ApiError {
        code: ErrorCode::Internal,
        message: "this system has no app-data directory".into(),
        field: None,
        reason: None,
    })
}

#[tauri::command(async)]
pub fn backups_list(state: State<AppState>) -> Reply<Vec<Backup>> {
    Ok(backup::list(db_path(&state)?)?)
}

#[tauri::command(async)]
pub fn backup_now(state: State<AppState>) -> Reply<Backup> {
    Ok(backup::take(
        state.db()?.path(),
        &state.clock,
        BackupReason::Manual,
    )?)
}

/// Restores the backup at `path`, or one picked in the system's dialog when `path` is
/// None (false when the dialog was cancelled).
#[tauri::command(async)]
pub fn backup_restore(
    app: tauri::AppHandle,
    state: State<AppState>,
    path: Option<String>,
) -> Reply<bool> {
    let from = match path {
        Some(p) => std::path::PathBuf::from(p),
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
            backup::restore_file(db_path(&state)?, &from, &state.clock)?;
            crate::instance::release();
            app.restart();
        }
    }
    Ok(true)
}

/// Saves the whole Club archive (docs/ARCHIVE-FORMAT.md) where the user chooses; None when
/// cancelled.
#[tauri::command(async)]
pub fn archive_export(app: tauri::AppHandle, state: State<AppState>) -> Reply<Option<String>> {
    let bytes = club_core::exchange::archive::export(state.db()?, &state.clock)?;
    let name = format!("club-archive-{}.zip", state.clock.now().format("%Y-%m-%d"));
    super::save_as(&app, &name, &bytes)
}
