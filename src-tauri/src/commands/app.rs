use std::collections::HashMap;
use std::sync::atomic::Ordering;

use tauri::{AppHandle, State};

use club_core::status::AppStatus;
use club_core::{ApiError, ErrorCode};

use crate::state::AppState;

#[tauri::command(async)]
pub fn app_status(state: State<AppState>) -> AppStatus {
    state.status()
}

/// The UI's first screen shows its data: noted in CLUB_PLANNER_READY_FILE when set.
#[tauri::command]
pub fn app_ready(screen: String) {
    club_core::status::mark_ready(&screen);
}

/// The native menu in the interface language: the UI sends every label (id → text).
#[tauri::command]
pub fn menu_set(app: AppHandle, labels: HashMap<String, String>) -> Result<(), ApiError> {
    crate::menu::set(&app, &labels).map_err(|e| ApiError {
        code: ErrorCode::Internal,
        message: format!("the menu could not be built: {e}"),
        field: None,
        reason: None,
    })
}

/// The UI says whether a form holds unsaved work; while it does, closing the window asks.
#[tauri::command]
pub fn unsaved_set(state: State<AppState>, dirty: bool) {
    state.unsaved.store(dirty, Ordering::SeqCst);
}

/// Closes the window once the user agreed to drop unsaved work (or had none).
#[tauri::command]
pub fn app_close(app: AppHandle, state: State<AppState>) {
    state.unsaved.store(false, Ordering::SeqCst);
    crate::menu::close_main(&app);
}
