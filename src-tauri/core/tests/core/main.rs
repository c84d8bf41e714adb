//! club-core's integration tests: one binary, every test on a fresh database file
//! opened through the real setup and migrations.

mod agenda;
mod architecture;
mod archive;
pub mod attachments;
mod backup;
mod bad_input;
mod clock_jumps;
mod common;
mod db;
mod demo;
mod documents;
mod faults;
mod generate;
mod import;
mod letters;
mod mail;
mod migrations;
mod minutes;
mod people;
mod press;
mod search;
mod seating;
mod series;
mod sessions;
mod settings;
mod sync;
