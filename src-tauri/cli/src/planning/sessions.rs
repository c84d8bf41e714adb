//! `clubctl session …`: sessions, their copy into the next one and their status steps
//! (club-core's `planning::sessions`, `templates`, `workflow`); `session themes` is in
//! themes.rs.

use clap::{Args, Subcommand};
use club_core::planning::sessions::{self, Session, SessionInput, SessionStatus};
use club_core::planning::templates::{self, StartOptions};
use club_core::planning::workflow;
use club_core::{Clock, Db, Error, Lang, Text};

use super::themes;
use crate::text_arg;
use crate::Ctl;

// Parsed once per process: the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum SessionCommand {
    /// Create a session (prints its id)
    Add(SessionFields),
    /// List all sessions, newest first
    List,
    /// Show one session
    Show {
        /// Session id or number in the series
        session: String,
    },
    /// Change fields of a session; fields not given stay as they are
    Edit {
        /// Session id or number in the series
        session: String,
        #[command(flatten)]
        fields: SessionFields,
    },
    /// Delete a session with its agenda, invitations and minutes
    Delete {
        /// Session id or number in the series
        session: String,
    },
    /// Print the number the next session should get
    NextNumber,
    /// Start the next session from this one: next number, suggested date, same venue and times
    Copy {
        /// Session id or number to continue from
        session: String,
        #[command(flatten)]
        start: StartFlags,
    },
    /// Show or change the session's discussion themes
    Themes {
        /// Session id or number
        session: String,
        /// Add a theme by name, LANG=TEXT; an existing theme of that name is reused (repeatable)
        #[arg(long, value_name = "LANG=TEXT")]
        add: Vec<String>,
        /// Remove the theme with this name (in any language)
        #[arg(long, value_name = "NAME")]
        remove: Vec<String>,
    },
    /// What the next status step still needs
    Readiness {
        /// Session id or number
        session: String,
    },
    /// Move the status on: planned → invitations_sent → held → minutes_approved
    Advance {
        /// Session id or number
        session: String,
    },
    /// Move the status back one step
    Back {
        /// Session id or number
        session: String,
    },
}

#[derive(Args)]
pub struct StartFlags {
    /// Date, YYYY-MM-DD [default: suggested from the rhythm of the series]
    #[arg(long)]
    date: Option<String>,
    /// Leave the agenda behind
    #[arg(long)]
    no_agenda: bool,
    /// Leave the invitees behind
    #[arg(long)]
    no_invitees: bool,
    /// Leave the themes behind
    #[arg(long)]
    no_themes: bool,
}

impl From<StartFlags> for StartOptions {
    fn from(f: StartFlags) -> Self {
        StartOptions {
            date: f.date.unwrap_or_default(),
            agenda: !f.no_agenda,
            invitees: !f.no_invitees,
            themes: !f.no_themes,
        }
    }
}

#[derive(Args, Default)]
pub struct SessionFields {
    /// Number in the series (e.g. 9)
    #[arg(long)]
    number: Option<String>,
    /// Title, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    title: Vec<String>,
    /// Theme, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    theme: Vec<String>,
    /// Venue, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    venue: Vec<String>,
    /// Date, YYYY-MM-DD
    #[arg(long)]
    date: Option<String>,
    /// Start time, HH:MM (local time in the session's time zone)
    #[arg(long)]
    start: Option<String>,
    /// End time, HH:MM
    #[arg(long)]
    end: Option<String>,
    /// IANA time zone [default: the Club's setting, Asia/Shanghai unless changed]
    #[arg(long)]
    time_zone: Option<String>,
    /// planned | invitations_sent | held | minutes_approved
    #[arg(long)]
    status: Option<String>,
    /// Free-text notes
    #[arg(long)]
    notes: Option<String>,
}

impl SessionFields {
    fn apply(self, input: &mut SessionInput, lang: Lang) -> Result<(), Error> {
        let set = |target: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *target = v;
            }
        };
        set(&mut input.number, self.number);
        set(&mut input.date, self.date);
        set(&mut input.start, self.start);
        set(&mut input.end, self.end);
        set(&mut input.time_zone, self.time_zone);
        set(&mut input.notes, self.notes);
        text_arg::apply(&mut input.title, &self.title, lang);
        text_arg::apply(&mut input.theme, &self.theme, lang);
        text_arg::apply(&mut input.venue, &self.venue, lang);
        if let Some(status) = self.status {
            input.status = Some(SessionStatus::parse(&status, "status")?);
        }
        Ok(())
    }
}

/// A session named by its id or by its number in the series.
pub fn resolve(db: &Db, clock: &dyn Clock, key: &str) -> Result<Session, Error> {
    match key.trim().parse::<u32>() {
        Ok(number) => sessions::find_by_number(db, clock, number),
        Err(_) => sessions::get(db, clock, key),
    }
}

pub fn run(ctl: Ctl, cmd: SessionCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    match cmd {
        SessionCommand::Add(fields) => {
            let mut input = SessionInput::default();
            fields.apply(&mut input, lang)?;
            let s = sessions::create(db, clock, &input)?;
            out.data(&s, || s.id.clone())
        }
        SessionCommand::List => {
            let list = sessions::list(db, clock)?;
            out.data(&list, || {
                list.iter()
                    .map(|s| line(s, lang))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        SessionCommand::Show { session } => {
            let s = resolve(db, clock, &session)?;
            out.data(&s, || details(&s))
        }
        SessionCommand::Edit { session, fields } => {
            let s = resolve(db, clock, &session)?;
            let mut input = SessionInput::from(&s);
            fields.apply(&mut input, lang)?;
            let s = sessions::update(db, clock, &s.id, &input)?;
            out.data(&s, || format!("updated {}", s.id))
        }
        SessionCommand::Delete { session } => {
            let s = resolve(db, clock, &session)?;
            sessions::delete(db, &s.id)?;
            out.message(
                serde_json::json!({ "deleted": s.id }),
                &format!("deleted {}", s.id),
            )
        }
        SessionCommand::Copy { session, start } => {
            let from = resolve(db, clock, &session)?;
            let s = templates::copy_session(db, clock, &from.id, &start.into())?;
            out.data(&s, || {
                format!("{} {} {}", s.id, s.ordinal.best(lang), s.date)
            })
        }
        SessionCommand::Themes {
            session,
            add,
            remove,
        } => themes::of_session(ctl, &session, &add, &remove),
        SessionCommand::Readiness { session } => {
            let r = workflow::readiness(db, clock, &resolve(db, clock, &session)?.id)?;
            out.data(&r, || {
                let next = r.next.map(|n| n.code()).unwrap_or("—");
                if r.missing.is_empty() {
                    format!("{} → {next}: ready", r.status.code())
                } else {
                    let missing: Vec<String> = r.missing.iter().map(|m| format!("{m:?}")).collect();
                    format!(
                        "{} → {next}: missing {}",
                        r.status.code(),
                        missing.join(", ")
                    )
                }
            })
        }
        SessionCommand::Advance { session } => {
            let s = workflow::advance(db, clock, &resolve(db, clock, &session)?.id)?;
            out.data(&s, || s.status.code().to_string())
        }
        SessionCommand::Back { session } => {
            let s = workflow::step_back(db, clock, &resolve(db, clock, &session)?.id)?;
            out.data(&s, || s.status.code().to_string())
        }
        SessionCommand::NextNumber => {
            let n = sessions::next_number(db)?;
            out.data(&serde_json::json!({ "number": n }), || n.to_string())
        }
    }
}

fn line(s: &Session, lang: Lang) -> String {
    format!(
        "{:>4}  {} {}–{}  {:<16}  {}  {}",
        s.number
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into()),
        s.date,
        s.start,
        s.end,
        s.status.code(),
        s.title.best(lang),
        s.id,
    )
}

fn details(s: &Session) -> String {
    let text = |label: &str, t: &Text| {
        t.0.iter()
            .map(|(l, v)| format!("{label} [{}]: {v}", l.code()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    [
        format!("id: {}", s.id),
        format!(
            "number: {}",
            s.number
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into())
        ),
        format!("when: {} {}–{} ({})", s.date, s.start, s.end, s.time_zone),
        format!("status: {}", s.status.code()),
        text("title", &s.title),
        text("theme", &s.theme),
        text("venue", &s.venue),
        if s.notes.is_empty() {
            String::new()
        } else {
            format!("notes: {}", s.notes)
        },
        if s.is_demo {
            "demo data".into()
        } else {
            String::new()
        },
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .collect::<Vec<_>>()
    .join("\n")
}
