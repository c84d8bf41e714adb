//! The schema and the connection setup every connection gets, tests included: the
//! migrations (append-only; frozen fixtures in tests/core prove every upgrade) and the
//! pragmas (never inside migrations).

use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::Result;

/// Append-only: released migrations are never edited.
const STEPS: [&str; 8] = [
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_search_by_key.sql"),
    include_str!("migrations/0003_person_search_once.sql"),
    include_str!("migrations/0004_sync.sql"),
    include_str!("migrations/0005_seating_and_mail.sql"),
    include_str!("migrations/0006_press_note.sql"),
    include_str!("migrations/0007_attachments.sql"),
    include_str!("migrations/0008_short_words.sql"),
];

pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

/// The schema version this binary writes (`PRAGMA user_version` after migrating): one
/// migration per released schema, and user_version counts them.
pub fn schema_version() -> i64 {
    STEPS.len() as i64
}

/// The settings every connection gets, tests included. Never inside migrations.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL lets the reader see the last commit while the writer works.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // Minutes must survive a power failure, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// A read-only connection's settings (a backup's, say): wait for the writer, never write.
pub fn configure_reader(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }
}
