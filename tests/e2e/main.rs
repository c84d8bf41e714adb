//! End-to-end tests: the real Club Planner binary driven through WebDriver
//! (tauri-driver + WebKitWebDriver) under Xvfb. Run them with scripts/test.

mod agenda;
mod backup;
mod big_archive;
mod desktop;
mod documents;
mod files;
mod first_run;
mod fonts;
mod harness;
mod invitees;
mod keyboard;
mod location;
mod mail;
mod minutes;
mod people;
mod press;
mod seating;
mod sessions;
mod storage;
mod sync;
mod tour;
