use club_core::minutes::followups::{self, FollowUp, FollowUpInput};
use club_core::minutes::{self, Change, Minutes, Revision};
use club_core::store::search::{self, Hit};
use club_core::Text;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn minutes_get(state: State<AppState>, session_id: String) -> Reply<Minutes> {
    Ok(minutes::get(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn minutes_set_summary(
    state: State<AppState>,
    session_id: String,
    summary: Text,
) -> Reply<Minutes> {
    Ok(minutes::set_summary(
        state.db()?,
        &state.clock,
        &session_id,
        &summary,
    )?)
}

#[tauri::command(async)]
pub fn minutes_set_item(
    state: State<AppState>,
    agenda_item_id: String,
    notes: Text,
    key_points: Text,
) -> Reply<Minutes> {
    Ok(minutes::set_item(
        state.db()?,
        &state.clock,
        &agenda_item_id,
        &notes,
        &key_points,
    )?)
}

#[tauri::command(async)]
pub fn minutes_save_remark(
    state: State<AppState>,
    agenda_item_id: String,
    id: Option<String>,
    person_id: String,
    body: Text,
) -> Reply<Minutes> {
    Ok(minutes::save_remark(
        state.db()?,
        &state.clock,
        &agenda_item_id,
        id.as_deref(),
        &person_id,
        &body,
    )?)
}

#[tauri::command(async)]
pub fn minutes_save_decision(
    state: State<AppState>,
    agenda_item_id: String,
    id: Option<String>,
    body: Text,
) -> Reply<Minutes> {
    Ok(minutes::save_decision(
        state.db()?,
        &state.clock,
        &agenda_item_id,
        id.as_deref(),
        &body,
    )?)
}

#[tauri::command(async)]
pub fn minutes_remove_entry(state: State<AppState>, kind: String, id: String) -> Reply<Minutes> {
    Ok(minutes::remove_entry(
        state.db()?,
        &state.clock,
        &kind,
        &id,
    )?)
}

#[tauri::command(async)]
pub fn minutes_approve(state: State<AppState>, session_id: String) -> Reply<Minutes> {
    Ok(minutes::approve(state.db()?, &state.clock, &session_id)?)
}

#[tauri::command(async)]
pub fn minutes_reopen(state: State<AppState>, session_id: String) -> Reply<Minutes> {
    Ok(minutes::reopen(state.db()?, &state.clock, &session_id)?)
}

#[tauri::command(async)]
pub fn minutes_save_revision(state: State<AppState>, session_id: String) -> Reply<Minutes> {
    Ok(minutes::save_revision(
        state.db()?,
        &state.clock,
        &session_id,
    )?)
}

#[tauri::command(async)]
pub fn minutes_revisions(state: State<AppState>, session_id: String) -> Reply<Vec<Revision>> {
    Ok(minutes::revisions(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn minutes_compare(
    state: State<AppState>,
    session_id: String,
    a: u32,
    b: u32,
) -> Reply<Vec<Change>> {
    Ok(minutes::compare(state.db()?, &session_id, a, b)?)
}

#[tauri::command(async)]
pub fn minutes_restore(state: State<AppState>, session_id: String, number: u32) -> Reply<Minutes> {
    Ok(minutes::restore(
        state.db()?,
        &state.clock,
        &session_id,
        number,
    )?)
}

#[tauri::command(async)]
pub fn followups_list(state: State<AppState>) -> Reply<Vec<FollowUp>> {
    Ok(followups::list(state.db()?)?)
}

#[tauri::command(async)]
pub fn followups_open_before(state: State<AppState>, session_id: String) -> Reply<Vec<FollowUp>> {
    Ok(followups::open_before(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn followup_create(
    state: State<AppState>,
    decision_id: String,
    input: FollowUpInput,
) -> Reply<FollowUp> {
    Ok(followups::create_from_decision(
        state.db()?,
        &state.clock,
        &decision_id,
        &input,
    )?)
}

#[tauri::command(async)]
pub fn followup_update(
    state: State<AppState>,
    id: String,
    input: FollowUpInput,
) -> Reply<FollowUp> {
    Ok(followups::update(state.db()?, &state.clock, &id, &input)?)
}

#[tauri::command(async)]
pub fn archive_search(state: State<AppState>, query: String) -> Reply<Vec<Hit>> {
    Ok(search::search(state.db()?, &query)?)
}

#[tauri::command(async)]
pub fn stats_get(state: State<AppState>) -> Reply<club_core::planning::stats::Stats> {
    Ok(club_core::planning::stats::get(state.db()?)?)
}
