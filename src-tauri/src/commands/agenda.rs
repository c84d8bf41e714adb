use club_core::planning::agenda::{self, Agenda, AgendaItemInput, Removal, RemovedItem};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn agenda_get(state: State<AppState>, session_id: String) -> Reply<Agenda> {
    Ok(agenda::get(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn agenda_add(
    state: State<AppState>,
    session_id: String,
    input: AgendaItemInput,
    at: Option<u32>,
) -> Reply<Agenda> {
    Ok(agenda::add(
        state.db()?,
        &state.clock,
        &session_id,
        &input,
        at,
    )?)
}

#[tauri::command(async)]
pub fn agenda_update(state: State<AppState>, id: String, input: AgendaItemInput) -> Reply<Agenda> {
    Ok(agenda::update(state.db()?, &state.clock, &id, &input)?)
}

#[tauri::command(async)]
pub fn agenda_move(state: State<AppState>, id: String, to: u32) -> Reply<Agenda> {
    Ok(agenda::move_item(state.db()?, &state.clock, &id, to)?)
}

#[tauri::command(async)]
pub fn agenda_duplicate(state: State<AppState>, id: String) -> Reply<Agenda> {
    Ok(agenda::duplicate(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn agenda_remove(state: State<AppState>, id: String) -> Reply<Removal> {
    Ok(agenda::remove(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn agenda_restore(state: State<AppState>, removed: RemovedItem) -> Reply<Agenda> {
    Ok(agenda::restore(state.db()?, &state.clock, &removed)?)
}
