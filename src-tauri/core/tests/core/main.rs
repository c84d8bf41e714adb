//! club-core's integration tests: one binary, every test on a fresh database file
//! opened through the real setup and migrations.

mod common;
mod db;
mod demo;
mod sessions;
mod settings;
