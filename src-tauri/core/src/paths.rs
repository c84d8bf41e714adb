//! Where the Club's data lives on this computer, shared by the app and clubctl.

use std::path::PathBuf;

/// The bundle identifier from tauri.conf.json; the OS app-data directory is named after it.
pub const APP_IDENTIFIER: &str = "org.clubplanner.desktop";

/// An explicit database path for the app and clubctl (tests always set it).
pub const DB_ENV: &str = "CLUB_PLANNER_DB";

pub const DB_FILE_NAME: &str = "club-planner.sqlite3";

/// The OS app-data directory (XDG_DATA_HOME on Linux, %APPDATA% on Windows,
/// ~/Library/Application Support on macOS), as Tauri's `app_data_dir()` resolves it.
pub fn app_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The database to use: the environment override first, then the app-data directory.
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    app_data_dir().map(|d| d.join(DB_FILE_NAME))
}

/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk,
/// then renamed over the target. A crash leaves the old file (or none), never half a file;
/// a failure (the disk full, say) leaves no temporary file, and its error names `path`.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other(format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!(".{}.part", name.to_string_lossy()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| match crate::error::io_fault(&e) {
        Some(fault) => crate::Error::storage(fault, path),
        None => crate::Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        )),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_written_file_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agenda.pdf");
        std::fs::write(&path, b"old").unwrap();
        super::write_atomically(&path, b"new contents").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
        let missing = dir.path().join("no/such/dir/x.pdf");
        let err = super::write_atomically(&missing, b"x").unwrap_err();
        assert!(err.to_string().contains("no/such/dir/x.pdf"), "{err}");
    }
}
