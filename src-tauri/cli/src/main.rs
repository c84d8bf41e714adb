//! clubctl: Club Planner on the command line — the same club-core operations the app
//! uses, for scripting, batch work and recovery. `run()` opens the database and hands
//! each command to the module of its area; the modules follow club-core's areas
//! (store, people, planning, minutes, exchange, documents, sample).

mod attach;
mod documents;
mod exchange;
mod mail;
mod minutes;
mod output;
mod people;
mod planning;
mod press;
mod sample;
mod store;
mod sync;
mod text_arg;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use club_core::store::settings;
use club_core::{Clock, Db, Lang, SystemClock};

use crate::output::Output;

#[derive(Parser)]
#[command(
    name = "clubctl",
    version,
    about = "Plan and document the Club's sessions from the command line",
    after_help = "Exit status: 0 ok, 1 failure, 2 bad usage, 3 not found, 4 invalid input, 5 conflict.\n\
                  Multilingual fields take LANG=TEXT (ru, kk, zh, en) and may be repeated."
)]
struct Cli {
    /// Database file [default: the app's own database in the OS app-data directory]
    #[arg(long, global = true, env = club_core::paths::DB_ENV, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print data as JSON
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

// Parsed once per process: the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Load the demonstration data (the Club's 8th session and those around it)
    Demo {
        /// Remove the demonstration data instead
        #[arg(long)]
        remove: bool,
    },
    /// Create, list, show, edit and delete sessions; copy, themes, status steps
    #[command(subcommand)]
    Session(planning::sessions::SessionCommand),
    /// A session's agenda: list, add, edit, move, remove items
    #[command(subcommand)]
    Agenda(planning::agenda::AgendaCommand),
    /// Saved session templates (venue, times, agenda, regular invitees)
    #[command(subcommand)]
    Template(planning::templates::TemplateCommand),
    /// The people directory: list, show, add, edit, delete, merge, import, export
    #[command(subcommand)]
    People(people::PeopleCommand),
    /// Put people on a session's invitee list (by name, id, tag or a previous session)
    Invite(planning::invitations::InviteArgs),
    /// Record an invitee's answer and the channel it came through
    Rsvp(planning::invitations::RsvpArgs),
    /// Mark an invitee arrived (present, or late after ten minutes)
    Checkin(planning::invitations::CheckinArgs),
    /// List or set attendance for a session
    Attendance(planning::invitations::AttendanceArgs),
    /// A session's seating plan: show it, arrange it by the protocol rule, move a guest
    Seating(planning::seating::SeatingArgs),
    /// A session's invitee list with counts
    Invitees {
        /// Session id or number
        session: String,
    },
    /// A session's minutes: show, set, approve, reopen, revisions, restore
    #[command(subcommand)]
    Minutes(minutes::MinutesCommand),
    /// Follow-ups (actions from decisions)
    #[command(subcommand)]
    Followups(minutes::FollowupsCommand),
    /// The press note after a session: draft it from the minutes, show it, export it as
    /// PDF, DOCX, text or an HTML fragment for the website
    #[command(subcommand)]
    Press(press::PressCommand),
    /// Files kept with a session: slides, photos, scans (add, list, get, remove)
    #[command(subcommand)]
    Attach(attach::AttachCommand),
    /// Search sessions, agenda items, minutes and people
    Search {
        /// Words in any script; one or two Chinese characters are enough
        query: String,
    },
    /// Sessions per year, participation, institutions, themes over the years
    Stats,
    /// Write a session's document: agenda, minutes, invitee list, sign-in sheet, name
    /// cards, dossier (PDF), agenda and minutes also as DOCX, lists as CSV/XLSX, the
    /// session as ICS — in one language or two
    Export(documents::ExportArgs),
    /// Invitation letters, one per guest in the guest's own language, in the order of
    /// precedence: all in one PDF (-o) or one PDF per guest (--dir)
    Letters(documents::LettersArgs),
    /// Invitations and reminders by e-mail: status, .eml files, or sent through SMTP
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Back up the database with SQLite's online backup API (safe while the app runs):
    /// into the backups beside it, or to FILE; the copy is verified
    Backup {
        /// Write the backup here instead of the backups directory
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The backups beside the database, the newest first
    Backups,
    /// The portable archive (docs/ARCHIVE-FORMAT.md): export all of it, or import one
    /// into an empty database
    #[command(subcommand)]
    Archive(exchange::ArchiveCommand),
    /// Replace the database with a backup (verified first; the current state is backed up
    /// before, or kept aside when it is damaged)
    Restore {
        /// A backup file (from `clubctl backups`, or any copy)
        file: PathBuf,
    },
    /// Every discussion theme, the most used first
    Themes,
    /// Show or change the settings (interface language, default time zone)
    Settings(store::SettingsArgs),
    /// Run the team's hub: init from a laptop's data, serve, invite, revoke, members
    /// (--db names the hub's database)
    #[command(subcommand)]
    Hub(sync::HubCommand),
    /// This laptop in a team: join a hub with a code, status
    #[command(subcommand)]
    Team(sync::TeamCommand),
    /// Push this laptop's changes to the hub and take in the others' (--watch keeps going)
    Sync(sync::SyncArgs),
    /// The conflict register: list, resolve
    #[command(subcommand)]
    Conflicts(sync::ConflictsCommand),
}

/// What every command works with: the open database, the clock, how to print, and the
/// interface language (plain text flags are in it, and listings show it).
#[derive(Clone, Copy)]
pub struct Ctl<'a> {
    pub db: &'a Db,
    pub clock: &'a dyn Clock,
    pub out: &'a Output,
    pub lang: Lang,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(exit_code(&e))
        }
    }
}

fn exit_code(e: &anyhow::Error) -> u8 {
    use club_core::ErrorCode::*;
    match e.downcast_ref::<club_core::Error>().map(|e| e.code()) {
        Some(NotFound) => 3,
        Some(Invalid) => 4,
        Some(Conflict) => 5,
        _ => 1,
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let path = match cli.db {
        Some(p) => p,
        None => club_core::paths::default_db_path()
            .context("no app-data directory on this system; pass --db PATH")?,
    };
    let clock = SystemClock;
    let out = Output { json: cli.json };
    // Restoring mends a database too damaged to open, so it comes before the opening.
    if let Command::Restore { file } = &cli.command {
        return store::restore(&path, file, &clock, &out);
    }
    // These make or serve their database file themselves.
    match &cli.command {
        Command::Hub(sync::HubCommand::Init { from, names }) => {
            return sync::init_hub(&path, from, names, &out)
        }
        Command::Hub(sync::HubCommand::Serve { listen, names }) => {
            return sync::serve(&path, listen, names)
        }
        Command::Team(sync::TeamCommand::Join { address, code }) => {
            return sync::join(&path, &clock, address, code, &out)
        }
        _ => {}
    }
    let db = Db::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    if let Some(w) = club_core::location::warning(&path) {
        eprintln!("warning: {w}");
    }
    let lang = settings::get(&db)?.language;
    let ctl = Ctl {
        db: &db,
        clock: &clock,
        out: &out,
        lang,
    };
    use planning::{agenda, invitations, seating, sessions, stats, templates, themes};
    match cli.command {
        Command::Demo { remove } => sample::demo(ctl, remove),
        Command::Session(cmd) => sessions::run(ctl, cmd),
        Command::Agenda(cmd) => agenda::run(ctl, cmd),
        Command::Template(cmd) => templates::run(ctl, cmd),
        Command::People(cmd) => people::run(ctl, cmd),
        Command::Invite(a) => invitations::invite(ctl, a),
        Command::Rsvp(a) => invitations::rsvp(ctl, a),
        Command::Checkin(a) => invitations::checkin(ctl, a),
        Command::Attendance(a) => invitations::attendance(ctl, a),
        Command::Invitees { session } => invitations::invitees(ctl, &session),
        Command::Seating(a) => seating::seating(ctl, a),
        Command::Minutes(cmd) => minutes::run(ctl, cmd),
        Command::Followups(cmd) => minutes::followups(ctl, cmd),
        Command::Press(cmd) => press::run(ctl, cmd),
        Command::Attach(cmd) => attach::run(ctl, cmd),
        Command::Search { query } => store::search(ctl, &query),
        Command::Stats => stats::show(ctl),
        Command::Export(a) => documents::export(ctl, a),
        Command::Letters(a) => documents::letters(ctl, a),
        Command::Mail(cmd) => mail::run(ctl, cmd),
        Command::Backup { output } => store::backup(ctl, output),
        Command::Backups => store::backups(ctl),
        Command::Archive(cmd) => exchange::archive(ctl, cmd),
        Command::Restore { .. } => unreachable!("handled before the database is opened"),
        Command::Themes => themes::list(ctl),
        Command::Settings(a) => store::settings(ctl, a),
        Command::Hub(cmd) => sync::hub_command(ctl, &path, cmd),
        Command::Team(sync::TeamCommand::Status) => sync::team_status(ctl),
        Command::Team(sync::TeamCommand::Join { .. }) => unreachable!("handled before"),
        Command::Sync(a) => sync::sync(ctl, a),
        Command::Conflicts(cmd) => sync::conflicts_command(ctl, cmd),
    }
}
