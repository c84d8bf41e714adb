//! Saving a document: rendered off the UI thread, then written where the user chooses.

use club_core::documents::{self, DocumentKind, DocumentOptions, Format};
use tauri::AppHandle;

use super::{save_as, Reply};
use crate::state::AppState;

pub fn save(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    kind: DocumentKind,
    format: Format,
    options: &DocumentOptions,
) -> Reply<Option<String>> {
    let db = state.db()?;
    let fonts = state.fonts()?;
    let bytes = documents::export(db, &state.clock, fonts, session_id, kind, format, options)?;
    let name = documents::file_name(db, &state.clock, session_id, kind, format, options)?;
    save_as(app, &name, &bytes)
}
