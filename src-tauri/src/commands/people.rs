use club_core::people::{self, NewPerson, PersonSummary};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn people_list(state: State<AppState>) -> Reply<Vec<PersonSummary>> {
    Ok(people::list(state.db()?)?)
}

#[tauri::command(async)]
pub fn people_search(state: State<AppState>, query: String) -> Reply<Vec<PersonSummary>> {
    Ok(people::search(state.db()?, &query)?)
}

#[tauri::command(async)]
pub fn person_create(state: State<AppState>, input: NewPerson) -> Reply<PersonSummary> {
    Ok(people::create(state.db()?, &state.clock, &input)?)
}
