//! The planning of sessions (club-core's `planning`): sessions and their status steps,
//! agendas, templates, themes, invitations with answers and attendance, the seating plan,
//! statistics.

pub mod agenda;
pub mod invitations;
pub mod seating;
pub mod sessions;
pub mod stats;
pub mod templates;
pub mod themes;
