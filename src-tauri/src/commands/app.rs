//! The shell's own commands: the native menu's labels and closing the window.

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use club_core::ApiError;
use tauri::AppHandle;

use super::Reply;
use crate::state::AppState;

pub fn set_menu(app: &AppHandle, labels: &HashMap<String, String>) -> Reply<()> {
    crate::menu::set(app, labels)
        .map_err(|e| ApiError::internal(format!("the menu could not be built: {e}")))
}

pub fn close(app: &AppHandle, state: &AppState) {
    state.unsaved.store(false, Ordering::SeqCst);
    crate::menu::close_main(app);
}
