use club_core::people::{self, PersonSummary};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn people_list(state: State<AppState>) -> Reply<Vec<PersonSummary>> {
    Ok(people::list(state.db()?)?)
}
