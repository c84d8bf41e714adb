//! Planning a session: the session itself, its agenda, the invitee list and attendance,
//! themes, the status workflow, ordinals, templates and copies, the seating rule, and the
//! statistics over them. Uses `store` and `people`.

pub mod agenda;
pub mod agenda_roles;
pub mod checkin;
pub mod invitations;
pub mod ordinals;
pub mod rsvp;
pub mod schedule;
pub mod seating;
pub mod seating_plan;
pub mod sessions;
pub mod stats;
pub mod templates;
pub mod themes;
pub mod workflow;
