//! Errors: rich inside the core, and a small serializable `ApiError` at the boundary
//! whose `code` (and, for invalid input, `field` and `reason`) the UI branches on.
//! Messages never carry SQL text or personal data.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a field was refused; the UI shows a translated message for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvalidReason {
    Required,
    TooLong,
    ControlCharacters,
    BadDate,
    DateOutOfRange,
    BadTime,
    EndNotAfterStart,
    BadTimeZone,
    OutOfRange,
    BadId,
    BadLanguage,
    BadStatus,
    /// Markup or template syntax (< > { } # \\) where a name belongs.
    Markup,
    BadEmail,
    BadPhone,
    BadCountry,
    EndBeforeStart,
    Duplicate,
    /// The file cannot be read as a table (not text, wrong encoding, broken structure).
    BadFile,
    UnclosedQuote,
    UnknownColumn,
    /// A document asked for in a format it is not made in.
    BadFormat,
    /// A file offered as a backup that is damaged, not a database, or from a newer version.
    BadBackup,
    /// A portable archive (or a part of it) that cannot be read.
    BadArchive,
    /// A picture that is not a PNG or JPEG the documents can print.
    BadImage,
    /// Importing an archive needs an empty database.
    NotEmpty,
    /// A template names a field (`{…}`) that does not exist.
    UnknownField,
    /// A file name that is a path or holds control characters.
    BadFileName,
    /// A file of a kind the app does not keep (by its bytes).
    BadAttachment,
    /// A file whose bytes are of another kind than its name's extension says.
    NotWhatItsNameSays,
    /// A file that does not open as what its bytes say (a PDF that does not parse, a
    /// picture that does not decode).
    BrokenFile,
    /// A picture of more pixels than the app decodes.
    PictureTooLarge,
    EmptyFile,
    /// A file over the size kept per file.
    FileTooLarge,
    /// A file that would take a session's files past their allowance.
    SessionFull,
}

impl InvalidReason {
    fn describe(self) -> &'static str {
        match self {
            Self::Required => "is required",
            Self::TooLong => "is too long",
            Self::ControlCharacters => "contains control characters",
            Self::BadDate => "is not a valid calendar date (expected YYYY-MM-DD)",
            Self::DateOutOfRange => "is outside the years 2000-2100",
            Self::BadTime => "is not a time of day (expected HH:MM)",
            Self::EndNotAfterStart => "must be after the start",
            Self::BadTimeZone => "is not a known time zone (e.g. Asia/Shanghai)",
            Self::OutOfRange => "is out of range",
            Self::BadId => "is not a valid identifier",
            Self::BadLanguage => "is not one of the languages ru, kk, zh, en",
            Self::BadStatus => "is not a known status",
            Self::Markup => "contains markup characters (< > { } # \\)",
            Self::BadEmail => "is not an e-mail address",
            Self::BadPhone => "is not a phone number",
            Self::BadCountry => "is not a two-letter country code (e.g. KZ, CN)",
            Self::EndBeforeStart => "ends before it starts",
            Self::Duplicate => "is given twice",
            Self::BadFile => "cannot be read: not a CSV, XLSX or vCard file in a known encoding (UTF-8, UTF-16, Windows-1251)",
            Self::UnclosedQuote => "opens a quoted field that is never closed",
            Self::UnknownColumn => "is not a known column",
            Self::BadFormat => "is not a format this document is made in",
            Self::BadArchive => "cannot be read as part of a Club Planner archive",
            Self::BadImage => "is not a PNG or JPEG picture that can be printed",
            Self::NotEmpty => "already holds data: an archive is imported into an empty database",
            Self::BadBackup => "is not a sound Club Planner backup (damaged, not a database, or from a newer version)",
            Self::UnknownField => "is not a field a template can use",
            Self::BadFileName => "is not a file name (it holds a path or control characters)",
            Self::BadAttachment => "is not a file the app keeps: PDF, JPEG, PNG, WebP, Word, Excel, PowerPoint or OpenDocument",
            Self::NotWhatItsNameSays => "holds bytes of another kind than its name says",
            Self::BrokenFile => "is damaged: it does not open as what it is",
            Self::PictureTooLarge => "is a picture of more than 20,000 pixels a side or 150 million in all",
            Self::EmptyFile => "is empty",
            Self::FileTooLarge => "is larger than the 200 MB kept per file",
            Self::SessionFull => "would take the session's files past 2 GB",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: &'static str },
    #[error("{field} {}", reason.describe())]
    Invalid {
        field: String,
        reason: InvalidReason,
    },
    #[error("{field} is already taken: {message}")]
    Conflict { field: String, message: String },
    #[error(
        "the database was written by a newer version of Club Planner (schema version {found}, \
         this program knows up to {known}); it was left untouched — please update Club Planner"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("the file is not a Club Planner database")]
    NotADatabase,
    #[error("the database file is damaged ({0}); restore it from a backup")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database upgrade failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("data error: {0}")]
    Json(#[from] serde_json::Error),
    /// Sync could not do something now (another schema, a gap in the log, no such code);
    /// the message says what and why.
    #[error("{0}")]
    Sync(String),
    /// The hub refused a pushed operation for good: it will never be applied (a table or
    /// column the pusher's role may not write, a changeset that does not parse).
    #[error("{0}")]
    Refused(String),
    /// The storage under a file failed (store/health.rs): `path` is the file or folder.
    #[error("{}", fault.describe(path))]
    Storage { fault: StorageFault, path: String },
}

/// Faults of the storage itself, told apart so that the message names the cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StorageFault {
    /// No space left on the disk (or the quota): nothing was written.
    DiskFull,
    /// The folder or disk takes no writes (read-only, or no permission).
    ReadOnly,
    /// Reads or writes failed with an I/O error: the disk itself is failing.
    Failed,
    /// The data folder is no longer there (a drive removed, a folder moved).
    Gone,
}

/// The storage fault an I/O error reports, if any.
pub fn io_fault(e: &std::io::Error) -> Option<StorageFault> {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => Some(StorageFault::DiskFull),
        K::ReadOnlyFilesystem => Some(StorageFault::ReadOnly),
        _ if is_device_error(e) => Some(StorageFault::Failed),
        _ => None,
    }
}

/// The device itself failed: EIO on Unix; on Windows a CRC error, a device I/O error or a
/// device no longer connected.
fn is_device_error(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    const CODES: &[i32] = &[5];
    #[cfg(windows)]
    const CODES: &[i32] = &[23, 1117, 1167];
    #[cfg(not(any(unix, windows)))]
    const CODES: &[i32] = &[];
    e.raw_os_error().is_some_and(|c| CODES.contains(&c))
}

impl StorageFault {
    fn describe(self, path: &str) -> String {
        match self {
            Self::DiskFull => {
                format!(
                    "the disk is full: {path} could not be written; free some space and try again"
                )
            }
            Self::ReadOnly => format!("{path} cannot be written: the disk or folder is read-only"),
            Self::Failed => format!(
                "the disk holding {path} failed to read or write (an I/O error); nothing more is \
                 saved until the database passes its check again"
            ),
            Self::Gone => format!(
                "the data folder {path} is no longer there (a drive removed or a folder moved); \
                 nothing can be saved until it is back"
            ),
        }
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: InvalidReason) -> Self {
        Error::Invalid {
            field: field.into(),
            reason,
        }
    }

    /// The storage fault behind this error, when it is one: no space, a read-only disk or
    /// folder, an I/O error. SQLite's own codes say which; an I/O failure (`Failed`) may be
    /// refined by looking at the folder (store/health.rs).
    pub fn storage_fault(&self) -> Option<StorageFault> {
        use rusqlite::ErrorCode as C;
        // SQLITE_READONLY_DBMOVED: the file was moved or deleted under the connection.
        const READONLY_DBMOVED: i32 = 8 | (4 << 8);
        let sqlite = |e: &rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                C::DiskFull => Some(StorageFault::DiskFull),
                C::ReadOnly if f.extended_code == READONLY_DBMOVED => Some(StorageFault::Gone),
                C::ReadOnly => Some(StorageFault::ReadOnly),
                C::SystemIoFailure => Some(StorageFault::Failed),
                _ => None,
            },
            _ => None,
        };
        match self {
            Error::Storage { fault, .. } => Some(*fault),
            Error::Sqlite(e) => sqlite(e),
            Error::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => sqlite(err),
            Error::Io(e) => io_fault(e),
            _ => None,
        }
    }

    /// A fault of the storage at `place` (a file; the folder for `Gone`).
    pub fn storage(fault: StorageFault, place: &std::path::Path) -> Error {
        Error::Storage {
            fault,
            path: place.display().to_string(),
        }
    }

    /// This error named by the place it happened, when it is a storage fault (an error
    /// that already names its place keeps it); any other error as it is.
    pub fn at(self, path: &std::path::Path) -> Error {
        match (&self, self.storage_fault()) {
            (Error::Storage { .. }, _) | (_, None) => self,
            (_, Some(fault)) => Error::storage(fault, path),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Corrupt(_) | Error::NotADatabase => ErrorCode::Corrupt,
            Error::Storage { fault, .. } => match fault {
                StorageFault::DiskFull => ErrorCode::DiskFull,
                StorageFault::ReadOnly => ErrorCode::ReadOnly,
                StorageFault::Failed => ErrorCode::StorageFailed,
                StorageFault::Gone => ErrorCode::DataGone,
            },
            _ => ErrorCode::Internal,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Conflict,
    NewerSchema,
    /// The database file is damaged or not a database: the UI offers the backups.
    Corrupt,
    Internal,
    /// The system's keychain cannot keep or give the mail password (the message says why;
    /// empty: no password is saved for the account).
    Keychain,
    /// The mail server did not take the login.
    MailLogin,
    /// The mail server could not be reached.
    MailUnreachable,
    /// The mail server refused the message.
    MailRefused,
    /// The same work is under way already (a mail batch).
    Busy,
    /// No space left on the disk; `field` is the file that could not be written.
    DiskFull,
    /// The disk or folder takes no writes; `field` is the place.
    ReadOnly,
    /// Reads or writes failed with an I/O error; writes are refused until the database
    /// passes its check again. `field` is the file.
    StorageFailed,
    /// The data folder is no longer there; `field` is the folder.
    DataGone,
}

/// What crosses the IPC boundary when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<InvalidReason>,
}

impl ApiError {
    /// A failure of the app itself (no app-data directory, the menu not built): said as is.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            code: ErrorCode::Internal,
            message: message.into(),
            field: None,
            reason: None,
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let (field, reason) = match &e {
            Error::Invalid { field, reason } => (Some(field.clone()), Some(*reason)),
            Error::Conflict { field, .. } => (Some(field.clone()), None),
            Error::Storage { path, .. } => (Some(path.clone()), None),
            _ => (None, None),
        };
        let message = match &e {
            // Low-level errors can quote SQL or data; the boundary gets a plain sentence.
            Error::Sqlite(_) | Error::Migration(_) | Error::Json(_) => {
                "an internal database error occurred".to_string()
            }
            other => other.to_string(),
        };
        ApiError {
            code: e.code(),
            message,
            field,
            reason,
        }
    }
}
