use club_core::people::PersonInput;
use club_core::planning::invitations::{
    self, AttendanceStatus, InvitationPatch, InviteeList, InviteeRole,
};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn invitees_list(state: State<AppState>, session_id: String) -> Reply<InviteeList> {
    Ok(invitations::list(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn invite(
    state: State<AppState>,
    session_id: String,
    person_ids: Vec<String>,
    role: InviteeRole,
) -> Reply<InviteeList> {
    Ok(invitations::invite(
        state.db()?,
        &state.clock,
        &session_id,
        &person_ids,
        role,
    )?)
}

#[tauri::command(async)]
pub fn invite_tag(
    state: State<AppState>,
    session_id: String,
    tag: String,
    role: InviteeRole,
) -> Reply<InviteeList> {
    Ok(invitations::invite_tag(
        state.db()?,
        &state.clock,
        &session_id,
        &tag,
        role,
    )?)
}

#[tauri::command(async)]
pub fn invite_from_session(
    state: State<AppState>,
    session_id: String,
    from: String,
) -> Reply<InviteeList> {
    Ok(invitations::invite_from_session(
        state.db()?,
        &state.clock,
        &session_id,
        &from,
    )?)
}

#[tauri::command(async)]
pub fn invitation_update(
    state: State<AppState>,
    id: String,
    patch: InvitationPatch,
) -> Reply<InviteeList> {
    Ok(invitations::update(state.db()?, &state.clock, &id, &patch)?)
}

#[tauri::command(async)]
pub fn invitation_remove(state: State<AppState>, id: String) -> Reply<InviteeList> {
    Ok(invitations::remove(state.db()?, &id)?)
}

#[tauri::command(async)]
pub fn invitees_reorder(
    state: State<AppState>,
    session_id: String,
    ids: Vec<String>,
) -> Reply<InviteeList> {
    Ok(invitations::reorder(state.db()?, &session_id, &ids)?)
}

#[tauri::command(async)]
pub fn invitees_reset_order(state: State<AppState>, session_id: String) -> Reply<InviteeList> {
    Ok(invitations::reset_order(state.db()?, &session_id)?)
}

#[tauri::command(async)]
pub fn attendance_set(
    state: State<AppState>,
    id: String,
    status: Option<AttendanceStatus>,
) -> Reply<InviteeList> {
    Ok(invitations::set_attendance(
        state.db()?,
        &state.clock,
        &id,
        status,
    )?)
}

#[tauri::command(async)]
pub fn check_in(state: State<AppState>, id: String) -> Reply<InviteeList> {
    Ok(invitations::check_in(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn check_in_undo(state: State<AppState>, id: String) -> Reply<InviteeList> {
    Ok(invitations::undo_check_in(state.db()?, &state.clock, &id)?)
}

#[tauri::command(async)]
pub fn walk_in(
    state: State<AppState>,
    session_id: String,
    person: PersonInput,
) -> Reply<InviteeList> {
    Ok(invitations::walk_in(
        state.db()?,
        &state.clock,
        &session_id,
        &person,
    )?)
}
