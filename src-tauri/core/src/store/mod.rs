//! Storage: the database (connection setup, migrations, one writer and one reader),
//! backups, the archive's search index and the settings. Uses nothing but the crate's
//! root modules; every other folder stands on it.

pub mod backup;
pub mod capture;
pub mod db;
pub mod dump;
pub(crate) mod health;
pub mod references;
pub mod schema;
pub mod search;
mod search_words;
pub mod settings;
