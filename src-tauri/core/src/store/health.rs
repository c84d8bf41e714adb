//! The storage under the database, watched by `Db`: which file it opened (so a data folder
//! that went away, or came back as another file, is noticed before a write), and what an
//! I/O failure means once the folder is looked at (gone, read-only, full, or failing).

use std::io::Write;
use std::path::Path;

use crate::error::{io_fault, StorageFault};

/// What identifies an open database file: its device and inode (Unix). Elsewhere a file
/// in use cannot be removed or replaced, so only its presence is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId(u64, u64);

/// The file at `path` now: None when it is not there.
pub(crate) fn identity(path: &Path) -> Option<FileId> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(FileId(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some(FileId(0, 0))
    }
}

/// What is wrong with the folder `dir`, found by writing a small probe file there: it is
/// gone, read-only, full, failing — or None: it takes the probe (then a failure of the
/// database's own read or write means the disk failed it).
pub(crate) fn diagnose(dir: &Path) -> Option<StorageFault> {
    if !dir.is_dir() {
        return Some(StorageFault::Gone);
    }
    let probe = dir.join(format!(".club-planner-probe-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&probe)?;
        f.write_all(&[0u8; 4096])?;
        f.sync_all()
    })();
    let _ = std::fs::remove_file(&probe);
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Some(StorageFault::ReadOnly),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(StorageFault::Gone),
        Err(e) => Some(io_fault(&e).unwrap_or(StorageFault::Failed)),
    }
}
