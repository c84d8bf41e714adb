//! What every command can reach: the open database (or why it could not be opened) and the clock.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, OnceLock};

use club_core::documents::fonts::Fonts;

use club_core::paths::{DB_ENV, DB_FILE_NAME};
use club_core::sample::demo;
use club_core::status::AppStatus;
use club_core::{ApiError, Db, SystemClock};

pub struct AppState {
    /// The database once it opened (at start, or at "Try again" after the cause of a
    /// failure was mended: a full disk freed, a drive plugged in).
    db: OnceLock<Db>,
    /// Why it did not open, while it has not.
    open_error: Mutex<Option<ApiError>>,
    /// The daily backup's failure, said once (store/backup.rs).
    pub backup_failure: Mutex<Option<ApiError>>,
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
        let db = OnceLock::new();
        let open_error = match open_db(db_path.as_deref(), &clock) {
            Ok(opened) => {
                let _ = db.set(opened);
                None
            }
            Err(e) => Some(e),
        };
        let fonts_dir = resource_fonts
            .filter(|d| {
                std::env::var_os(club_core::documents::fonts::FONTS_ENV).is_none() && d.is_dir()
            })
            .unwrap_or_else(Fonts::default_dir);
        AppState {
            db,
            open_error: Mutex::new(open_error),
            backup_failure: Mutex::new(None),
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
        self.db.get().ok_or_else(|| {
            lock(&self.open_error)
                .clone()
                .unwrap_or_else(|| ApiError::internal("the database is not open"))
        })
    }

    /// The daily backup's failure was said: not again.
    pub fn backup_failure_seen(&self) {
        *lock(&self.backup_failure) = None;
    }

    /// Opens the database that did not open at start (its cause mended), without a
    /// restart; nothing to do when it is open.
    pub fn reopen(&self) -> Result<(), ApiError> {
        if self.db.get().is_some() {
            return Ok(());
        }
        let mut error = lock(&self.open_error);
        if self.db.get().is_some() {
            return Ok(()); // opened by another "Try again" while this one waited
        }
        match open_db(self.db_path.as_deref(), &self.clock) {
            Ok(db) => {
                if let Err(e) = club_core::store::backup::daily(db.path(), &self.clock) {
                    *lock(&self.backup_failure) = Some(e.into());
                }
                let _ = self.db.set(db);
                *error = None;
                Ok(())
            }
            Err(e) => {
                *error = Some(e.clone());
                Err(e)
            }
        }
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
        let db = self.db.get()?;
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
            error: self.db().err(),
            backup_failure: lock(&self.backup_failure).clone(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            open_session: self.open_session(),
            location_warning: self
                .db_path
                .as_deref()
                .and_then(club_core::location::warning),
        }
    }
}

/// Opens (and on the very first start fills with the demo) the database at `path`.
fn open_db(path: Option<&std::path::Path>, clock: &SystemClock) -> Result<Db, ApiError> {
    let path = path.ok_or_else(|| ApiError::internal("this system has no app-data directory"))?;
    let db = Db::open(path)?;
    demo::load_on_first_start(&db, clock)?;
    Ok(db)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
