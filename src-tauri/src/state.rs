//! What every command can reach: the open database (or why it could not be opened) and the clock.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

use club_core::documents::fonts::Fonts;

use club_core::paths::{DB_ENV, DB_FILE_NAME};
use club_core::sample::demo;
use club_core::status::AppStatus;
use club_core::{ApiError, Db, SystemClock};

pub struct AppState {
    db: Result<Db, ApiError>,
    pub db_path: Option<PathBuf>,
    pub clock: SystemClock,
    /// The fonts shipped with the app, loaded on the first document (not at start-up).
    fonts: OnceLock<Result<Fonts, ApiError>>,
    fonts_dir: PathBuf,
    /// A form in the window holds unsaved work: closing the window asks the UI first.
    pub unsaved: AtomicBool,
    /// A mail batch is going out; `mail_stop` asks it to stop after the current guest.
    pub mail_running: AtomicBool,
    pub mail_stop: AtomicBool,
}

impl AppState {
    /// Opens the database named by CLUB_PLANNER_DB, else the one in the app-data directory,
    /// loading the demo on the very first start. A failure is kept and shown by the UI.
    /// `resource_fonts`: the installed app's fonts directory; without it (development) the
    /// repository's fonts/ or CLUB_PLANNER_FONTS.
    pub fn open(app_data_dir: Option<PathBuf>, resource_fonts: Option<PathBuf>) -> AppState {
        let db_path = std::env::var_os(DB_ENV)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| app_data_dir.map(|d| d.join(DB_FILE_NAME)));
        let clock = SystemClock;
        let db = match &db_path {
            None => Err(ApiError::internal("this system has no app-data directory")),
            Some(path) => Db::open(path)
                .and_then(|db| demo::load_on_first_start(&db, &clock).map(|_| db))
                .map_err(ApiError::from),
        };
        let fonts_dir = resource_fonts
            .filter(|d| {
                std::env::var_os(club_core::documents::fonts::FONTS_ENV).is_none() && d.is_dir()
            })
            .unwrap_or_else(Fonts::default_dir);
        AppState {
            db,
            db_path,
            clock,
            fonts: OnceLock::new(),
            fonts_dir,
            unsaved: AtomicBool::new(false),
            mail_running: AtomicBool::new(false),
            mail_stop: AtomicBool::new(false),
        }
    }

    pub fn db(&self) -> Result<&Db, ApiError> {
        self.db.as_ref().map_err(Clone::clone)
    }

    pub fn fonts_dir(&self) -> &std::path::Path {
        &self.fonts_dir
    }

    pub fn fonts(&self) -> Result<&Fonts, ApiError> {
        self.fonts
            .get_or_init(|| Fonts::load(&self.fonts_dir).map_err(ApiError::from))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn open_session(&self) -> Option<String> {
        let number = std::env::var(club_core::status::OPEN_SESSION_ENV).ok()?;
        let db = self.db.as_ref().ok()?;
        club_core::planning::sessions::find_by_number(db, &self.clock, number.trim().parse().ok()?)
            .ok()
            .map(|s| s.id)
    }

    pub fn status(&self) -> AppStatus {
        AppStatus {
            db_path: self
                .db_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            error: self.db.as_ref().err().cloned(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            open_session: self.open_session(),
            location_warning: self
                .db_path
                .as_deref()
                .and_then(club_core::location::warning),
        }
    }
}
