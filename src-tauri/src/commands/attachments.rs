//! Files kept with a session: added from the system's dialog (or given paths), opened in
//! the system's own viewer for their kind (the app never runs a file).

use std::path::{Path, PathBuf};

use club_core::attachments::{self, Attachment};
use club_core::sync::client as sync_client;
use tauri::AppHandle;

use super::Reply;
use crate::state::AppState;

/// Who adds a file: this laptop's name on the team, else the computer's user.
fn adder(state: &AppState) -> String {
    let author = state
        .db()
        .ok()
        .and_then(|db| sync_client::summary(db).ok())
        .and_then(|s| s.author);
    author
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_default()
}

/// Keeps each file (from `paths`, or picked in the dialog when None). Each is kept whole
/// or not at all; the first that is refused stops the rest and is named.
pub fn add(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    agenda_item_id: Option<&str>,
    paths: Option<Vec<String>>,
) -> Reply<Vec<Attachment>> {
    let paths: Vec<PathBuf> = match paths {
        Some(p) => p.into_iter().map(PathBuf::from).collect(),
        None => {
            use tauri_plugin_dialog::DialogExt;
            app.dialog()
                .file()
                .add_filter(
                    "PDF, JPEG, PNG, WebP, Office",
                    &[
                        "pdf", "jpg", "jpeg", "png", "webp", "docx", "xlsx", "pptx", "odt", "ods",
                        "odp", "doc", "xls", "ppt",
                    ],
                )
                .blocking_pick_files()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        }
    };
    let by = adder(state);
    let db = state.db()?;
    let mut added = Vec::new();
    for p in &paths {
        added.push(attachments::add_file(
            db,
            &state.clock,
            session_id,
            agenda_item_id,
            p,
            &by,
        )?);
    }
    Ok(added)
}

/// Writes the file into this machine's cache under its own name and hands it to the
/// system's viewer for its kind.
pub fn open(state: &AppState, id: &str) -> Reply<()> {
    let (a, bytes) = attachments::bytes(state.db()?, id)?;
    let dir = dirs_cache()
        .join("club-planner")
        .join("opened")
        .join(&a.sha256[..16]);
    let path = dir.join(&a.name);
    std::fs::create_dir_all(&dir).map_err(club_core::Error::Io)?;
    club_core::paths::write_atomically(&path, &bytes).map_err(club_core::Error::Io)?;
    open_with_system(&path)
}

fn dirs_cache() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
}

/// The desktop's own opener (xdg-open, open, start): it picks the viewer by the kind.
fn open_with_system(path: &Path) -> Reply<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(club_core::Error::Io)?;
    Ok(())
}
