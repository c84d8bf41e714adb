//! What every command can reach: the open database (or why it could not be opened) and the clock.

use std::path::PathBuf;

use club_core::paths::{DB_ENV, DB_FILE_NAME};
use club_core::status::AppStatus;
use club_core::{demo, ApiError, Db, ErrorCode, SystemClock};

pub struct AppState {
    db: Result<Db, ApiError>,
    pub db_path: Option<PathBuf>,
    pub clock: SystemClock,
}

impl AppState {
    /// Opens the database named by CLUB_PLANNER_DB, else the one in the app-data directory,
    /// loading the demo on the very first start. A failure is kept and shown by the UI.
    pub fn open(app_data_dir: Option<PathBuf>) -> AppState {
        let db_path = std::env::var_os(DB_ENV)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| app_data_dir.map(|d| d.join(DB_FILE_NAME)));
        let clock = SystemClock;
        let db = match &db_path {
            None => Err(ApiError {
                code: ErrorCode::Internal,
                message: "this system has no app-data directory".into(),
                field: None,
                reason: None,
            }),
            Some(path) => Db::open(path)
                .and_then(|db| demo::load_on_first_start(&db, &clock).map(|_| db))
                .map_err(ApiError::from),
        };
        AppState { db, db_path, clock }
    }

    pub fn db(&self) -> Result<&Db, ApiError> {
        self.db.as_ref().map_err(Clone::clone)
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
        }
    }
}
