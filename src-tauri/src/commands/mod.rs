//! IPC commands, one file per area. Each is a one-line adapter over club-core;
//! all run off the UI thread (`async`).

pub mod agenda;
pub mod app;
pub mod backup;
pub mod documents;
pub mod invitations;
pub mod minutes;
pub mod people;
pub mod sessions;
pub mod settings;
pub mod templates;

/// What every command returns to the UI.
pub type Reply<T> = Result<T, club_core::ApiError>;

/// Asks where to save `bytes` in the system's dialog (suggesting `name`, filtered to its
/// extension) and writes them whole; None when the user cancelled.
pub fn save_as(app: &tauri::AppHandle, name: &str, bytes: &[u8]) -> Reply<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let chosen = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    club_core::paths::write_atomically(&path, bytes).map_err(club_core::Error::Io)?;
    Ok(Some(path.display().to_string()))
}
