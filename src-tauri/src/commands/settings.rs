use club_core::sample::demo;
use club_core::store::settings::{self, Settings, SettingsPatch};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn settings_get(state: State<AppState>) -> Reply<Settings> {
    Ok(settings::get(state.db()?)?)
}

#[tauri::command(async)]
pub fn settings_update(state: State<AppState>, patch: SettingsPatch) -> Reply<Settings> {
    Ok(settings::update(state.db()?, &patch)?)
}

#[tauri::command(async)]
pub fn demo_remove(state: State<AppState>) -> Reply<()> {
    Ok(demo::remove(state.db()?)?)
}
