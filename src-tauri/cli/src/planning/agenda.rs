//! `clubctl agenda …`: a session's programme, item by item (club-core's
//! `planning::agenda`).

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use club_core::planning::agenda::{self, Agenda, AgendaItemInput, ItemKind};
use club_core::planning::agenda_roles::{RoleInput, RoleKind};
use club_core::{people, Clock, Db, Lang};

use super::sessions::resolve;
use crate::text_arg;
use crate::Ctl;

#[derive(Subcommand)]
pub enum AgendaCommand {
    /// Show a session's agenda with computed times
    List {
        /// Session id or number
        session: String,
    },
    /// Add an item (at the end, or at --at)
    Add {
        /// Session id or number
        session: String,
        /// Position to insert at, 1-based [default: at the end]
        #[arg(long)]
        at: Option<u32>,
        #[command(flatten)]
        fields: ItemFields,
    },
    /// Change an item; fields not given stay as they are
    Edit {
        /// Item id, or SESSION:N (e.g. 8:2 is the 2nd item of the 8th session)
        item: String,
        #[command(flatten)]
        fields: ItemFields,
    },
    /// Move an item to another position
    Move {
        /// Item id, or SESSION:N
        item: String,
        /// New position, 1-based
        #[arg(long)]
        to: u32,
    },
    /// Remove an item
    Remove {
        /// Item id, or SESSION:N
        item: String,
    },
}

#[derive(Args, Default)]
pub struct ItemFields {
    /// opening | report | remarks | discussion | break | closing | other
    #[arg(long)]
    kind: Option<String>,
    /// Title, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    title: Vec<String>,
    /// Description, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    description: Vec<String>,
    /// Duration in minutes
    #[arg(long)]
    duration: Option<String>,
    /// Fixed start time HH:MM; "" to unpin
    #[arg(long)]
    pin: Option<String>,
    /// A speaker: person id or a name that finds exactly one person (repeatable)
    #[arg(long, value_name = "PERSON")]
    speaker: Vec<String>,
    /// The chair (repeatable)
    #[arg(long, value_name = "PERSON")]
    chair: Vec<String>,
    /// The moderator (repeatable)
    #[arg(long, value_name = "PERSON")]
    moderator: Vec<String>,
    /// Replace the people instead of adding to them
    #[arg(long)]
    replace_people: bool,
}

fn person(db: &Db, key: &str) -> anyhow::Result<String> {
    if uuid_like(key) {
        return Ok(key.to_string());
    }
    let found = people::search(db, key)?;
    match found.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => bail!("no person matches {key:?}"),
        many => bail!(
            "{} people match {key:?}; use an id or a longer name",
            many.len()
        ),
    }
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

impl ItemFields {
    fn apply(self, db: &Db, input: &mut AgendaItemInput, lang: Lang) -> anyhow::Result<()> {
        if let Some(kind) = self.kind {
            input.kind = Some(ItemKind::parse(&kind, "kind")?);
        }
        text_arg::apply(&mut input.title, &self.title, lang);
        text_arg::apply(&mut input.description, &self.description, lang);
        if let Some(d) = self.duration {
            input.duration_min = d;
        }
        if let Some(p) = self.pin {
            input.pinned_start = p;
        }
        if self.replace_people {
            input.roles.clear();
        }
        for (role, keys) in [
            (RoleKind::Speaker, &self.speaker),
            (RoleKind::Chair, &self.chair),
            (RoleKind::Moderator, &self.moderator),
        ] {
            for key in keys {
                input.roles.push(RoleInput {
                    person_id: person(db, key)?,
                    role,
                });
            }
        }
        Ok(())
    }
}

/// An item named by id or by SESSION:N; returns its id and current input.
fn item(db: &Db, clock: &dyn Clock, key: &str) -> anyhow::Result<(String, AgendaItemInput)> {
    let (agenda, index) = match key.split_once(':') {
        Some((session, n)) => {
            let s = resolve(db, clock, session)?;
            let n: usize = n
                .parse()
                .context("the item number after ':' must be a number")?;
            (agenda::get(db, &s.id)?, n.checked_sub(1))
        }
        None => {
            let session_id = agenda::session_of(db, key)?;
            let a = agenda::get(db, &session_id)?;
            let i = a.items.iter().position(|i| i.id == key);
            (a, i)
        }
    };
    let found = index
        .and_then(|i| agenda.items.get(i))
        .ok_or(club_core::Error::NotFound {
            what: "agenda item",
        })?;
    Ok((found.id.clone(), AgendaItemInput::from(found)))
}

pub fn run(ctl: Ctl, cmd: AgendaCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let agenda = match cmd {
        AgendaCommand::List { session } => agenda::get(db, &resolve(db, clock, &session)?.id)?,
        AgendaCommand::Add {
            session,
            at,
            fields,
        } => {
            let s = resolve(db, clock, &session)?;
            let mut input = AgendaItemInput {
                duration_min: "15".into(),
                ..Default::default()
            };
            fields.apply(db, &mut input, lang)?;
            agenda::add(db, clock, &s.id, &input, at.map(|a| a.saturating_sub(1)))?
        }
        AgendaCommand::Edit { item: key, fields } => {
            let (id, mut input) = item(db, clock, &key)?;
            fields.apply(db, &mut input, lang)?;
            agenda::update(db, clock, &id, &input)?
        }
        AgendaCommand::Move { item: key, to } => {
            let (id, _) = item(db, clock, &key)?;
            agenda::move_item(db, clock, &id, to.saturating_sub(1))?
        }
        AgendaCommand::Remove { item: key } => {
            let (id, _) = item(db, clock, &key)?;
            agenda::remove(db, clock, &id)?.agenda
        }
    };
    out.data(&agenda, || table(&agenda, lang))
}

fn table(a: &Agenda, lang: Lang) -> String {
    let mut lines: Vec<String> = a
        .items
        .iter()
        .map(|i| {
            let people: Vec<String> = i
                .roles
                .iter()
                .map(|r| {
                    format!(
                        "{} ({}){}",
                        r.name.best(lang),
                        r.role.code(),
                        if r.invited { "" } else { " [not invited]" }
                    )
                })
                .collect();
            format!(
                "{:>2}. {}–{}{} {:<10} {:>3} min  {}{}{}",
                i.position + 1,
                i.start,
                i.end,
                if i.pinned_start.is_some() { "*" } else { " " },
                i.kind.code(),
                i.duration_min,
                i.title.best(lang),
                if people.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", people.join(", "))
                },
                if i.collision_min > 0 {
                    format!(
                        "  [starts {} min before the previous item ends]",
                        i.collision_min
                    )
                } else {
                    String::new()
                },
            )
        })
        .collect();
    lines.push(format!(
        "planned end {}, session ends {}{}",
        a.planned_end,
        a.session_end,
        if a.overrun_min > 0 {
            format!(" — OVER-RUN by {} min", a.overrun_min)
        } else {
            String::new()
        }
    ));
    lines.join("\n")
}
