//! Where the Club's data lives on this computer, shared by the app and clubctl.

use std::path::PathBuf;

/// The bundle identifier from tauri.conf.json; the OS app-data directory is named after it.
pub const APP_IDENTIFIER: &str = "org.clubplanner.desktop";

/// An explicit database path for the app and clubctl (tests always set it).
pub const DB_ENV: &str = "CLUB_PLANNER_DB";

pub const DB_FILE_NAME: &str = "club-planner.sqlite3";

/// The OS app-data directory (XDG_DATA_HOME on Linux, %APPDATA% on Windows,
/// ~/Library/Application Support on macOS), as Tauri's `app_data_dir()` resolves it.
pub fn app_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The database to use: the environment override first, then the app-data directory.
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    app_data_dir().map(|d| d.join(DB_FILE_NAME))
}
