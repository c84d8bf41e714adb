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
    let path = dir.join(safe_name(&a.name, a.kind.code()));
    std::fs::create_dir_all(&dir).map_err(club_core::Error::Io)?;
    club_core::paths::write_atomically(&path, &bytes)?;
    open_with_system(&path)
}

/// The name the copy is opened under: the file's own name reduced to letters, digits,
/// spaces and "-_." (nothing that is a path, a drive or a stream on any system), with the
/// extension of its kind as sniffed from the bytes, so the viewer is the one for what it
/// is, whatever the name (or a name synced from elsewhere) says.
fn safe_name(name: &str, kind: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    let clean = clean.trim_matches([' ', '_']);
    let ext = if kind == "jpeg" { "jpg" } else { kind };
    format!("{}.{ext}", if clean.is_empty() { "file" } else { clean })
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
        // Explorer opens a file with its kind's program; no shell reads the name.
        std::process::Command::new("explorer.exe")
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_copy_is_opened_under_a_plain_name_with_its_kinds_extension() {
        assert_eq!(
            super::safe_name("Доклад посла.pdf", "pdf"),
            "Доклад посла.pdf"
        );
        assert_eq!(super::safe_name("../../.bashrc", "pdf"), "file.pdf");
        assert_eq!(super::safe_name("../x/slides.pdf", "pdf"), "x_slides.pdf");
        assert_eq!(super::safe_name("x&calc&.pdf", "pdf"), "x_calc.pdf");
        assert_eq!(super::safe_name("C:x", "png"), "C_x.png");
        assert_eq!(super::safe_name("notes.hta", "pdf"), "notes.pdf");
        assert_eq!(super::safe_name("第八次会议.JPG", "jpeg"), "第八次会议.jpg");
        assert_eq!(super::safe_name("...", "docx"), "file.docx");
    }
}
