//! Documents of a session: the preview's pages, and saving to a file chosen in the
//! system's dialog. Rendering runs off the UI thread, so the window never freezes.

use club_core::documents::{self, DocumentKind, DocumentOptions, DocumentWarning, Format};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Every page of the document as SVG.
#[tauri::command(async)]
pub fn document_preview(
    state: State<AppState>,
    session_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Reply<Vec<String>> {
    let fonts = state.fonts()?;
    Ok(documents::preview(
        state.db()?,
        &state.clock,
        fonts,
        &session_id,
        kind,
        &options,
    )?)
}

/// What the document would print wrongly: text missing in its languages, collisions.
#[tauri::command(async)]
pub fn document_warnings(
    state: State<AppState>,
    session_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Reply<Vec<DocumentWarning>> {
    Ok(documents::warnings(
        state.db()?,
        &state.clock,
        &session_id,
        kind,
        &options,
    )?)
}

/// Renders the document, asks where to save it, writes it whole; None when cancelled.
#[tauri::command(async)]
pub fn document_save(
    app: tauri::AppHandle,
    state: State<AppState>,
    session_id: String,
    kind: DocumentKind,
    format: Format,
    options: DocumentOptions,
) -> Reply<Option<String>> {
    let db = state.db()?;
    let bytes = documents::export(
        db,
        &state.clock,
        state.fonts()?,
        &session_id,
        kind,
        format,
        &options,
    )?;
    let name = documents::file_name(db, &state.clock, &session_id, kind, format, &options)?;
    super::save_as(&app, &name, &bytes)
}
