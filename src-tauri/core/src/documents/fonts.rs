//! The fonts documents are set in, shipped with the app (fonts/ in the repository, a
//! resource of the installed app): Noto Sans first, Noto Sans CJK SC second.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub const FONTS_ENV: &str = "CLUB_PLANNER_FONTS";

pub const FILES: [&str; 5] = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansCJKsc-Bold.otf",
];

/// Font files loaded once and handed to every render.
#[derive(Clone)]
pub struct Fonts {
    pub files: Vec<Vec<u8>>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} files)", self.files.len())
    }
}

impl Fonts {
    pub fn load(dir: &Path) -> Result<Fonts> {
        let files = FILES
            .iter()
            .map(|name| {
                std::fs::read(dir.join(name)).map_err(|e| {
                    Error::Io(std::io::Error::new(
                        e.kind(),
                        format!("font {} in {}: {e}", name, dir.display()),
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Fonts { files })
    }

    /// CLUB_PLANNER_FONTS, else the repository's fonts/ (development, tests and clubctl).
    pub fn default_dir() -> PathBuf {
        std::env::var_os(FONTS_ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fonts")))
    }
}
