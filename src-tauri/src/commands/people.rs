use club_core::exchange::export;
use club_core::exchange::import::{self, ImportReport, ImportRequest};
use club_core::people::duplicates::Duplicate;
use club_core::people::organisations::{self, Organisation, PrecedenceCategory};
use club_core::people::{self, Person, PersonInput};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn people_list(state: State<AppState>) -> Reply<Vec<Person>> {
    Ok(people::list(state.db()?)?)
}

#[tauri::command(async)]
pub fn people_search(state: State<AppState>, query: String) -> Reply<Vec<Person>> {
    Ok(people::search(state.db()?, &query)?)
}

#[tauri::command(async)]
pub fn person_get(state: State<AppState>, id: String) -> Reply<Person> {
    Ok(people::get(state.db()?, &id)?)
}

#[tauri::command(async)]
pub fn person_create(state: State<AppState>, input: PersonInput) -> Reply<Person> {
    Ok(people::create(state.db()?, &state.clock, &input)?)
}

#[tauri::command(async)]
pub fn person_update(state: State<AppState>, id: String, input: PersonInput) -> Reply<Person> {
    Ok(people::update(state.db()?, &state.clock, &id, &input)?)
}

#[tauri::command(async)]
pub fn person_delete(state: State<AppState>, id: String) -> Reply<()> {
    Ok(people::delete(state.db()?, &id)?)
}

#[tauri::command(async)]
pub fn person_duplicates(
    state: State<AppState>,
    input: PersonInput,
    except: Option<String>,
) -> Reply<Vec<Duplicate>> {
    Ok(people::duplicates::duplicates(
        state.db()?,
        &input,
        except.as_deref(),
    )?)
}

#[tauri::command(async)]
pub fn person_merge(state: State<AppState>, keep: String, remove: String) -> Reply<Person> {
    Ok(people::duplicates::merge(
        state.db()?,
        &state.clock,
        &keep,
        &remove,
    )?)
}

#[tauri::command(async)]
pub fn organisations_list(state: State<AppState>) -> Reply<Vec<Organisation>> {
    Ok(organisations::list(state.db()?)?)
}

#[tauri::command(async)]
pub fn precedence_categories(state: State<AppState>) -> Reply<Vec<PrecedenceCategory>> {
    Ok(organisations::precedence_categories(state.db()?)?)
}

#[tauri::command(async)]
pub fn import_dry_run(state: State<AppState>, request: ImportRequest) -> Reply<ImportReport> {
    Ok(import::dry_run(state.db()?, &request)?)
}

#[tauri::command(async)]
pub fn import_commit(state: State<AppState>, request: ImportRequest) -> Reply<ImportReport> {
    Ok(import::commit(state.db()?, &state.clock, &request)?)
}

/// Saves the directory to a file the user picks in the system's dialog; None when cancelled.
#[tauri::command(async)]
pub fn people_export(
    app: tauri::AppHandle,
    state: State<AppState>,
    format: String,
) -> Reply<Option<String>> {
    let db = state.db()?;
    let (bytes, ext) = match format.as_str() {
        "xlsx" => (export::people_xlsx(db)?, "xlsx"),
        _ => (export::people_csv(db)?, "csv"),
    };
    super::save_as(&app, &format!("people.{ext}"), &bytes)
}
