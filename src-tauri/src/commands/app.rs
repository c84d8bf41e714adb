use tauri::State;

use club_core::status::AppStatus;

use crate::state::AppState;

#[tauri::command(async)]
pub fn app_status(state: State<AppState>) -> AppStatus {
    state.status()
}

/// The UI's first screen shows its data: noted in CLUB_PLANNER_READY_FILE when set.
#[tauri::command]
pub fn app_ready(screen: String) {
    if let Some(path) = std::env::var_os(club_core::status::READY_FILE_ENV) {
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
