//! clubctl: Club Planner on the command line — the same club-core operations the app
//! uses, for scripting, batch work and recovery.

mod agenda;
mod minutes;
mod output;
mod people;
mod session;
mod template;
mod text_arg;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use club_core::planning::themes;
use club_core::sample::demo;
use club_core::store::backup;
use club_core::store::settings;
use club_core::{Db, SystemClock};

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
    Session(session::SessionCommand),
    /// A session's agenda: list, add, edit, move, remove items
    #[command(subcommand)]
    Agenda(agenda::AgendaCommand),
    /// Saved session templates (venue, times, agenda, regular invitees)
    #[command(subcommand)]
    Template(template::TemplateCommand),
    /// The people directory: list, show, add, edit, delete, merge, import, export
    #[command(subcommand)]
    People(people::PeopleCommand),
    /// Put people on a session's invitee list (by name, id, tag or a previous session)
    Invite(people::InviteArgs),
    /// Record an invitee's answer and the channel it came through
    Rsvp(people::RsvpArgs),
    /// Mark an invitee arrived (present, or late after ten minutes)
    Checkin(people::CheckinArgs),
    /// List or set attendance for a session
    Attendance(people::AttendanceArgs),
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
    Followups(FollowupsCommand),
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
    Export {
        /// agenda | minutes | invitees | signin | cards | dossier | ics
        document: String,
        /// Session id or number
        session: String,
        /// pdf | docx | ics | csv | xlsx (default: from the output's extension)
        #[arg(long)]
        format: Option<String>,
        /// One language or two, comma-separated: ru | kk | zh | en, e.g. ru,zh
        #[arg(long, default_value = "ru")]
        lang: String,
        /// side | stacked (for two languages)
        #[arg(long, default_value = "side")]
        layout: String,
        /// a4 | letter
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Output file
        #[arg(short, long)]
        output: PathBuf,
    },
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
    Archive(ArchiveCommand),
    /// Replace the database with a backup (verified first; the current state is backed up
    /// before, or kept aside when it is damaged)
    Restore {
        /// A backup file (from `clubctl backups`, or any copy)
        file: PathBuf,
    },
    /// Every discussion theme, the most used first
    Themes,
    /// Show or change the settings (interface language, default time zone)
    Settings {
        /// ru | kk | zh | en
        #[arg(long)]
        language: Option<String>,
        /// Default IANA time zone for new sessions
        #[arg(long)]
        time_zone: Option<String>,
    },
}

#[derive(Subcommand)]
enum FollowupsCommand {
    /// The register: every follow-up, open ones first
    List,
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

#[derive(Subcommand)]
enum ArchiveCommand {
    /// Write the whole Club archive to one file (.zip of JSON)
    Export {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read an archive into this database, which must be empty; all or nothing
    Import { file: PathBuf },
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

/// Restores while the database is open in SQLite's care (the app may be running), or, when
/// it cannot be opened because it is damaged, by putting the backup in its place.
fn restore(
    path: &std::path::Path,
    file: &std::path::Path,
    clock: &SystemClock,
    out: &output::Output,
) -> anyhow::Result<()> {
    match Db::open(path) {
        Ok(db) => db.restore(clock, file)?,
        Err(e) if e.code() == club_core::ErrorCode::Corrupt || !path.exists() => {
            backup::restore_file(path, file, clock)?;
            Db::open(path)?;
        }
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", path.display())),
    }
    out.message(
        serde_json::json!({ "restored": file }),
        &format!("{} restored from {}", path.display(), file.display()),
    )
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let path = match cli.db {
        Some(p) => p,
        None => club_core::paths::default_db_path()
            .context("no app-data directory on this system; pass --db PATH")?,
    };
    let clock = SystemClock;
    let out = output::Output { json: cli.json };
    if let Command::Restore { file } = &cli.command {
        return restore(&path, file, &clock, &out);
    }
    let db = Db::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    // The interface language: plain text flags are in it, and listings show it.
    let lang = settings::get(&db)?.language;
    match cli.command {
        Command::Demo { remove: false } => {
            let loaded = demo::load(&db, &clock)?;
            out.message(
                serde_json::json!({ "loaded": loaded }),
                if loaded {
                    "demo data loaded"
                } else {
                    "demo data is already there"
                },
            )
        }
        Command::Demo { remove: true } => {
            demo::remove(&db)?;
            out.message(serde_json::json!({ "removed": true }), "demo data removed")
        }
        Command::Session(cmd) => session::run(&db, &clock, &out, cmd),
        Command::Backup { output: Some(file) } => {
            db.read(|c| backup::copy_to(c, &file))
                .with_context(|| format!("cannot write {}", file.display()))?;
            out.message(
                serde_json::json!({ "written": file }),
                &format!("backup written to {} and verified", file.display()),
            )
        }
        Command::Backup { output: None } => {
            let b = backup::take(db.path(), &clock, backup::BackupReason::Manual)?;
            out.message(
                serde_json::to_value(&b)?,
                &format!("backup written to {} and verified", b.path),
            )
        }
        Command::Backups => {
            let list = backup::list(db.path())?;
            out.data(&list, || {
                list.iter()
                    .map(|b| {
                        format!(
                            "{}  {:<16} {:>10} bytes  {}",
                            b.taken_at,
                            format!("{:?}", b.reason),
                            b.size,
                            b.path
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Archive(ArchiveCommand::Export { output }) => {
            let bytes = club_core::exchange::archive::export(&db, &clock)?;
            club_core::paths::write_atomically(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            out.message(
                serde_json::json!({ "written": output }),
                &format!("archive written to {}", output.display()),
            )
        }
        Command::Archive(ArchiveCommand::Import { file }) => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let m = club_core::exchange::archive::import(&db, &bytes)?;
            let rows: usize = m.tables.iter().map(|(_, n)| n).sum();
            out.message(
                serde_json::json!({ "imported": file, "rows": rows }),
                &format!("{rows} rows imported from {}", file.display()),
            )
        }
        Command::Restore { .. } => unreachable!("handled before the database is opened"),
        Command::Minutes(cmd) => minutes::run(&db, &clock, &out, lang, cmd),
        Command::Followups(FollowupsCommand::List) => minutes::followups_list(&db, &out, lang),
        Command::Search { query } => minutes::search(&db, &out, lang, &query),
        Command::Stats => minutes::stats(&db, &out, lang),
        Command::Export {
            document,
            session,
            format,
            lang: langs,
            layout,
            paper,
            output,
        } => {
            use club_core::documents::{
                self, DocumentKind, DocumentOptions, Format, Layout, Paper,
            };
            let kind = DocumentKind::parse(&document, "document")?;
            let format = match format {
                Some(f) => Format::parse(&f, "format")?,
                None => output
                    .extension()
                    .and_then(|e| Format::parse(&e.to_string_lossy(), "format").ok())
                    .filter(|f| kind.formats().contains(f))
                    .unwrap_or(kind.formats()[0]),
            };
            let options = DocumentOptions {
                langs: langs
                    .split(',')
                    .map(|l| club_core::Lang::parse(l, "lang"))
                    .collect::<Result<_, _>>()?,
                layout: match layout.as_str() {
                    "side" => Layout::Side,
                    "stacked" => Layout::Stacked,
                    other => anyhow::bail!("--layout {other:?}: side or stacked"),
                },
                paper: match paper.as_str() {
                    "a4" => Paper::A4,
                    "letter" => Paper::Letter,
                    other => anyhow::bail!("--paper {other:?}: a4 or letter"),
                },
            };
            let s = session::resolve(&db, &clock, &session)?;
            let fonts = club_core::documents::fonts::Fonts::load(
                &club_core::documents::fonts::Fonts::default_dir(),
            )?;
            let bytes = documents::export(&db, &clock, &fonts, &s.id, kind, format, &options)?;
            club_core::paths::write_atomically(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            out.message(
                serde_json::json!({ "written": output, "format": format }),
                &format!("written {}", output.display()),
            )
        }
        Command::People(cmd) => people::run(&db, &clock, &out, lang, cmd),
        Command::Invite(a) => people::invite(&db, &clock, &out, lang, a),
        Command::Rsvp(a) => people::rsvp(&db, &clock, &out, lang, a),
        Command::Checkin(a) => people::checkin(&db, &clock, &out, lang, a),
        Command::Attendance(a) => people::attendance(&db, &clock, &out, lang, a),
        Command::Invitees { session } => {
            let s = session::resolve(&db, &clock, &session)?;
            people::print_list(
                &out,
                &club_core::planning::invitations::list(&db, &s.id)?,
                lang,
            )
        }
        Command::Agenda(cmd) => agenda::run(&db, &clock, &out, lang, cmd),
        Command::Template(cmd) => template::run(&db, &clock, &out, lang, cmd),
        Command::Settings {
            language,
            time_zone,
        } => {
            let patch = settings::SettingsPatch {
                language: language
                    .map(|l| club_core::Lang::parse(&l, "language"))
                    .transpose()?,
                time_zone,
                club_name: None,
                welcomed: None,
            };
            let s = settings::update(&db, &patch)?;
            out.data(&s, || {
                format!(
                    "language: {}\ntime zone: {}",
                    s.language.code(),
                    s.time_zone
                )
            })
        }
        Command::Themes => {
            let list = themes::list(&db)?;
            out.data(&list, || {
                list.iter()
                    .map(|t| format!("{:>3}  {}  {}", t.sessions, t.name.best(lang), t.id))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}
