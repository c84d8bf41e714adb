//! Saving a document: rendered off the UI thread, then written where the user chooses.

use club_core::documents::press_doc::{self, PressFormat};
use club_core::documents::{self, DocumentKind, DocumentOptions, Format};
use club_core::planning::sessions;
use club_core::Lang;
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

/// Saves the press note in `format` where the user chooses.
pub fn save_press(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    lang: Lang,
    format: PressFormat,
) -> Reply<Option<String>> {
    let db = state.db()?;
    let bytes = press_doc::export(db, &state.clock, state.fonts()?, session_id, lang, format)?;
    let session = sessions::get(db, &state.clock, session_id)?;
    save_as(app, &press_doc::file_name(&session, lang, format), &bytes)
}

/// Takes the signature's picture from `path`, or from the file the user picks in the
/// system's dialog; false when the dialog was cancelled.
pub fn choose_signature(app: &AppHandle, state: &AppState, path: Option<String>) -> Reply<bool> {
    use tauri_plugin_dialog::DialogExt;
    let path = match path {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let picked = app
                .dialog()
                .file()
                .add_filter("PNG, JPEG", &["png", "jpg", "jpeg"])
                .blocking_pick_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(false),
            }
        }
    };
    // A huge file is refused before it is read.
    let size = std::fs::metadata(&path)
        .map_err(club_core::Error::Io)?
        .len();
    if size > documents::signature::MAX_BYTES as u64 {
        let e = club_core::Error::invalid("signature", club_core::InvalidReason::BadImage);
        return Err(e.into());
    }
    let bytes = std::fs::read(&path).map_err(club_core::Error::Io)?;
    documents::signature::set(state.db()?, state.fonts()?, &bytes)?;
    Ok(true)
}

/// Every letter of the session as a PDF of its own in a folder the user picks (personal
/// letters or formal notes, as `kind` says); how many, or None when cancelled.
pub fn save_letter_files(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Reply<Option<u32>> {
    let Some(style) = documents::LetterStyle::of(kind) else {
        let e = club_core::Error::invalid("kind", club_core::InvalidReason::BadFormat);
        return Err(e.into());
    };
    let db = state.db()?;
    let doc = documents::letters_data(db, &state.clock, session_id, options, style, None)?;
    let session = club_core::planning::sessions::get(db, &state.clock, session_id)?;
    let Some(dir) = super::pick_folder(app) else {
        return Ok(None);
    };
    let written = documents::letters::write_letter_files(&doc, &session, state.fonts()?, &dir)?;
    Ok(Some(written.len() as u32))
}
