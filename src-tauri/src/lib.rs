//! The desktop shell: opens the database, registers the commands and starts the window.
//! All behaviour lives in club-core; commands here are one-line adapters.

mod commands;
mod state;

use tauri::Manager;

pub use state::AppState;

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let state = AppState::open(app.path().app_data_dir().ok());
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::people::people_list,
            commands::sessions::sessions_list,
            commands::sessions::sessions_search,
            commands::sessions::session_get,
            commands::sessions::session_create,
            commands::sessions::session_update,
            commands::sessions::session_delete,
            commands::sessions::session_next_number,
            commands::settings::settings_get,
            commands::settings::settings_update,
            commands::settings::demo_remove,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Club Planner");
}
