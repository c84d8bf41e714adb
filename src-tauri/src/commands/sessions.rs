use club_core::planning::sessions::{self, Session, SessionInput};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn sessions_list(state: State<AppState>) -> Reply<Vec<Session>> {
    Ok(sessions::list(state.db()?, &state.clock)?)
}

#[tauri::command(async)]
pub fn session_get(state: State<AppState>, id: String) -> Reply<Session> {
    Ok(sessions::get(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn session_create(state: State<AppState>, input: SessionInput) -> Reply<Session> {
    Ok(sessions::create(state.db()?, &state.clock, &input)?)
}

#[tauri::command(async)]
pub fn session_update(state: State<AppState>, id: String, input: SessionInput) -> Reply<Session> {
    Ok(sessions::update(state.db()?, &state.clock, &id, &input)?)
}

#[tauri::command(async)]
pub fn session_delete(state: State<AppState>, id: String) -> Reply<()> {
    Ok(sessions::delete(state.db()?, &id)?)
}

#[tauri::command(async)]
pub fn session_next_number(state: State<AppState>) -> Reply<u32> {
    Ok(sessions::next_number(state.db()?)?)
}
