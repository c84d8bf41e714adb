use club_core::planning::sessions::Session;
use club_core::planning::templates::{self, StartOptions, Template};
use club_core::planning::themes::{self, Theme, ThemeRef};
use club_core::planning::workflow::{self, Readiness};
use club_core::Text;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn session_copy(state: State<AppState>, from: String, options: StartOptions) -> Reply<Session> {
    Ok(templates::copy_session(
        state.db()?,
        &state.clock,
        &from,
        &options,
    )?)
}

#[tauri::command(async)]
pub fn session_suggested_date(state: State<AppState>) -> Reply<String> {
    Ok(templates::suggested_date(state.db()?, &state.clock)?)
}

#[tauri::command(async)]
pub fn templates_list(state: State<AppState>) -> Reply<Vec<Template>> {
    Ok(templates::templates(state.db()?)?)
}

#[tauri::command(async)]
pub fn template_save(state: State<AppState>, from: String, name: Text) -> Reply<Template> {
    Ok(templates::save_template(
        state.db()?,
        &state.clock,
        &from,
        &name,
    )?)
}

#[tauri::command(async)]
pub fn template_start(state: State<AppState>, id: String, options: StartOptions) -> Reply<Session> {
    Ok(templates::from_template(
        state.db()?,
        &state.clock,
        &id,
        &options,
    )?)
}

#[tauri::command(async)]
pub fn template_delete(state: State<AppState>, id: String) -> Reply<()> {
    Ok(templates::delete_template(state.db()?, &id)?)
}

#[tauri::command(async)]
pub fn themes_list(state: State<AppState>) -> Reply<Vec<Theme>> {
    Ok(themes::list(state.db()?)?)
}

#[tauri::command(async)]
pub fn session_themes(state: State<AppState>, session_id: String) -> Reply<Vec<Theme>> {
    Ok(themes::of_session(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn session_set_themes(
    state: State<AppState>,
    session_id: String,
    themes: Vec<ThemeRef>,
) -> Reply<Vec<Theme>> {
    Ok(themes::set_for_session(
        state.db()?,
        &state.clock,
        &session_id,
        &themes,
    )?)
}

#[tauri::command(async)]
pub fn session_readiness(state: State<AppState>, id: String) -> Reply<Readiness> {
    Ok(workflow::readiness(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn session_advance(state: State<AppState>, id: String) -> Reply<Session> {
    Ok(workflow::advance(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn session_step_back(state: State<AppState>, id: String) -> Reply<Session> {
    Ok(workflow::step_back(state.db()?, &state.clock, &id)?)
}
