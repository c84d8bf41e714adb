//! Where the database file lies, and whether that place can keep it safe. A folder that a
//! cloud service copies (Dropbox, OneDrive, Yandex Disk…) may copy the file in the middle
//! of a transaction, or without its write-ahead log, and hand back a damaged or an older
//! database; a network filesystem (NFS, SMB, sshfs) breaks the locking the write-ahead
//! log relies on. Both are found at start and named to the organizer with the way out.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

/// A place the database should not be kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LocationWarning {
    /// cloud | network
    pub kind: String,
    /// The service ("Dropbox") or the filesystem ("nfs4", "cifs").
    pub service: String,
    /// The synced folder, or the network mount, that holds the database.
    pub folder: String,
}

impl std::fmt::Display for LocationWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind.as_str() {
            "cloud" => write!(
                f,
                "the database lies in a folder {} copies ({}): a copy taken in the middle of \
                 a write can come back damaged or older; move it to a local folder, and \
                 share it with the team's hub instead",
                self.service, self.folder
            ),
            _ => write!(
                f,
                "the database lies on a network filesystem ({}, {}): its locking is not \
                 safe for SQLite's write-ahead log; move it to a local disk",
                self.service, self.folder
            ),
        }
    }
}

/// Folder names the cloud services' desktop clients create (as a whole path component;
/// OneDrive's business folders are "OneDrive - Company").
const CLOUD_FOLDERS: [(&str, &str); 13] = [
    ("Dropbox", "Dropbox"),
    ("OneDrive", "OneDrive"),
    ("Yandex.Disk", "Yandex Disk"),
    ("YandexDisk", "Yandex Disk"),
    ("Google Drive", "Google Drive"),
    ("GoogleDrive", "Google Drive"),
    ("My Drive", "Google Drive"),
    ("iCloud Drive", "iCloud"),
    ("Mobile Documents", "iCloud"),
    ("pCloudDrive", "pCloud"),
    ("Nextcloud", "Nextcloud"),
    ("ownCloud", "ownCloud"),
    ("Mail.Ru Cloud", "Cloud Mail.ru"),
];

/// Filesystems reached over a network (as /proc/mounts names them).
const NETWORK_FS: [&str; 12] = [
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "ceph",
];

/// The warning for a database at `db_path`, if its place is one to warn about.
pub fn warning(db_path: &Path) -> Option<LocationWarning> {
    let folder = db_path.parent().unwrap_or(Path::new("."));
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    if let Some(w) = cloud(&folder) {
        return Some(w);
    }
    let mounts = std::fs::read_to_string("/proc/mounts").ok()?;
    network(&folder, &mounts)
}

/// A path component that is one of the cloud clients' folders.
pub fn cloud(folder: &Path) -> Option<LocationWarning> {
    let mut so_far = PathBuf::new();
    for part in folder.components() {
        so_far.push(part);
        let name = part.as_os_str().to_string_lossy();
        let service = CLOUD_FOLDERS.iter().find(|(folder, _)| {
            name == *folder || (*folder == "OneDrive" && name.starts_with("OneDrive - "))
        });
        if let Some((_, service)) = service {
            return Some(LocationWarning {
                kind: "cloud".into(),
                service: (*service).into(),
                folder: so_far.display().to_string(),
            });
        }
    }
    None
}

/// The mount holding `folder` (the longest mount point above it), if a network one;
/// `mounts` is /proc/mounts (spaces in paths written as \040).
pub fn network(folder: &Path, mounts: &str) -> Option<LocationWarning> {
    let unescape = |s: &str| s.replace("\\040", " ").replace("\\011", "\t");
    let (point, fs) = mounts
        .lines()
        .filter_map(|l| {
            let mut cols = l.split(' ');
            let _device = cols.next()?;
            let point = PathBuf::from(unescape(cols.next()?));
            let fs = cols.next()?.to_string();
            folder.starts_with(&point).then_some((point, fs))
        })
        .max_by_key(|(point, _)| point.components().count())?;
    NETWORK_FS.contains(&fs.as_str()).then(|| LocationWarning {
        kind: "network".into(),
        service: fs,
        folder: point.display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_folders_are_found_as_whole_path_components() {
        let w = cloud(Path::new("/home/aigerim/Dropbox/Клуб/база")).unwrap();
        assert_eq!(
            (w.service.as_str(), w.folder.as_str()),
            ("Dropbox", "/home/aigerim/Dropbox")
        );
        let w = cloud(Path::new("/home/li/OneDrive - Embassy/club")).unwrap();
        assert_eq!(w.service, "OneDrive");
        assert_eq!(
            cloud(Path::new("/home/y/Yandex.Disk")).unwrap().service,
            "Yandex Disk"
        );
        assert!(cloud(Path::new("/home/aigerim/DropboxBackup/club")).is_none());
        assert!(cloud(Path::new("/home/aigerim/.local/share/club-planner")).is_none());
    }

    #[test]
    fn the_innermost_mount_decides_whether_it_is_a_network_one() {
        let mounts = "/dev/sda1 / ext4 rw 0 0\n\
                      server:/club /mnt/club\\040share nfs4 rw 0 0\n\
                      /dev/sdb1 /mnt/club\\040share/local ext4 rw 0 0\n\
                      //fs/office /srv/office cifs rw 0 0\n";
        let w = network(Path::new("/mnt/club share/2026"), mounts).unwrap();
        assert_eq!(
            (w.service.as_str(), w.folder.as_str()),
            ("nfs4", "/mnt/club share")
        );
        assert!(network(Path::new("/mnt/club share/local/db"), mounts).is_none());
        assert_eq!(
            network(Path::new("/srv/office/x"), mounts).unwrap().service,
            "cifs"
        );
        assert!(network(Path::new("/home/a"), mounts).is_none());
    }
}
