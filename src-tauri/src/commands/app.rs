use tauri::State;

use club_core::status::AppStatus;

use crate::state::AppState;

#[tauri::command(async)]
pub fn app_status(state: State<AppState>) -> AppStatus {
    state.status()
}
