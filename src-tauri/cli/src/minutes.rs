//! `clubctl minutes …`, `followups`: what each session said and decided, and what is to
//! be done about it (club-core's `minutes`).

use anyhow::Context;
use clap::Subcommand;
use club_core::minutes::followups;
use club_core::minutes::{self, Minutes};
use club_core::{Lang, Text};

use crate::output::Output;
use crate::planning::sessions::resolve;
use crate::text_arg;
use crate::Ctl;

#[derive(Subcommand)]
pub enum MinutesCommand {
    /// Show a session's minutes
    Show { session: String },
    /// Set the summary, or an item's notes/key points (item by number, 1-based)
    Set {
        session: String,
        /// Agenda item number; without it the summary is set
        #[arg(long)]
        item: Option<usize>,
        /// Notes (or summary) text, LANG=TEXT (repeatable; minutes text: **bold**, *italic*, "- " lists)
        #[arg(long, value_name = "LANG=TEXT")]
        text: Vec<String>,
        /// Key points, LANG=TEXT (repeatable; with --item)
        #[arg(long, value_name = "LANG=TEXT")]
        key_points: Vec<String>,
    },
    /// Approve and lock the minutes
    Approve { session: String },
    /// Reopen approved minutes (a new revision)
    Reopen { session: String },
    /// List the revisions
    Revisions { session: String },
    /// Restore a revision
    Restore { session: String, number: u32 },
}

#[derive(Subcommand)]
pub enum FollowupsCommand {
    /// The register: every follow-up, open ones first
    List,
}

fn print(out: &Output, m: &Minutes, lang: Lang) -> anyhow::Result<()> {
    out.data(m, || {
        let mut lines = vec![m.summary.best(lang).to_string()];
        if let Some(a) = &m.approved_at {
            lines.push(format!("approved {a}"));
        }
        for (i, item) in m.items.iter().enumerate() {
            lines.push(format!(
                "\n{}. {}–{} {}",
                i + 1,
                item.start,
                item.end,
                item.title.best(lang)
            ));
            let notes = item.notes.best(lang);
            if !notes.is_empty() {
                lines.push(notes.to_string());
            }
            for r in &item.remarks {
                lines.push(format!(
                    "  — {}: {}",
                    r.person_name.best(lang),
                    r.body.best(lang)
                ));
            }
            for d in &item.decisions {
                lines.push(format!("  ✓ {}", d.body.best(lang)));
            }
        }
        lines.join("\n")
    })
}

pub fn run(ctl: Ctl, cmd: MinutesCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    match cmd {
        MinutesCommand::Show { session } => print(
            out,
            &minutes::get(db, &resolve(db, clock, &session)?.id)?,
            lang,
        ),
        MinutesCommand::Set {
            session,
            item,
            text,
            key_points,
        } => {
            let s = resolve(db, clock, &session)?;
            let current = minutes::get(db, &s.id)?;
            let m = match item {
                None => {
                    let mut summary = current.summary.clone();
                    text_arg::apply(&mut summary, &text, lang);
                    minutes::set_summary(db, clock, &s.id, &summary)?
                }
                Some(n) => {
                    let it = current
                        .items
                        .get(n.checked_sub(1).context("items are numbered from 1")?)
                        .ok_or(club_core::Error::NotFound {
                            what: "agenda item",
                        })?;
                    let (mut notes, mut points): (Text, Text) =
                        (it.notes.clone(), it.key_points.clone());
                    text_arg::apply(&mut notes, &text, lang);
                    text_arg::apply(&mut points, &key_points, lang);
                    minutes::set_item(db, clock, &it.agenda_item_id, &notes, &points)?
                }
            };
            print(out, &m, lang)
        }
        MinutesCommand::Approve { session } => print(
            out,
            &minutes::approve(db, clock, &resolve(db, clock, &session)?.id)?,
            lang,
        ),
        MinutesCommand::Reopen { session } => print(
            out,
            &minutes::reopen(db, clock, &resolve(db, clock, &session)?.id)?,
            lang,
        ),
        MinutesCommand::Revisions { session } => {
            let list = minutes::revisions::list(db, &resolve(db, clock, &session)?.id)?;
            out.data(&list, || {
                list.iter()
                    .map(|r| format!("{:>3}  {}  {}", r.number, r.created_at, r.reason))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        MinutesCommand::Restore { session, number } => print(
            out,
            &minutes::restore(db, clock, &resolve(db, clock, &session)?.id, number)?,
            lang,
        ),
    }
}

pub fn followups(ctl: Ctl, cmd: FollowupsCommand) -> anyhow::Result<()> {
    let Ctl { db, out, lang, .. } = ctl;
    let FollowupsCommand::List = cmd;
    let list = followups::list(db)?;
    out.data(&list, || {
        list.iter()
            .map(|f| {
                format!(
                    "{:<12} {:<11} {:<24} {}  ({})",
                    format!("{:?}", f.status).to_lowercase(),
                    f.due_on.clone().unwrap_or_else(|| "—".into()),
                    f.owner.best(lang),
                    f.body.best(lang),
                    f.session_ordinal.best(lang)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}
