//! Files out through the system's save dialog: the people directory and the archive.

use club_core::exchange::{archive, export};
use club_core::Clock;
use tauri::AppHandle;

use super::{save_as, Reply};
use crate::state::AppState;

pub fn save_people(app: &AppHandle, state: &AppState, format: &str) -> Reply<Option<String>> {
    let db = state.db()?;
    let (bytes, ext) = match format {
        "xlsx" => (export::people_xlsx(db)?, "xlsx"),
        _ => (export::people_csv(db)?, "csv"),
    };
    save_as(app, &format!("people.{ext}"), &bytes)
}

pub fn save_archive(app: &AppHandle, state: &AppState) -> Reply<Option<String>> {
    let bytes = archive::export(state.db()?, &state.clock)?;
    let name = format!("club-archive-{}.zip", state.clock.now().format("%Y-%m-%d"));
    save_as(app, &name, &bytes)
}
