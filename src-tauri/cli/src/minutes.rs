//! `clubctl minutes …`, `followups`, `search`, `stats`: the Club's memory.

use anyhow::Context;
use clap::Subcommand;
use club_core::minutes::followups;
use club_core::minutes::{self, Minutes};
use club_core::planning::stats;
use club_core::store::search;
use club_core::{Clock, Db, Lang, Text};

use crate::output::Output;
use crate::session::resolve;
use crate::text_arg;

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

pub fn run(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    cmd: MinutesCommand,
) -> anyhow::Result<()> {
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
            let list = minutes::revisions(db, &resolve(db, clock, &session)?.id)?;
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

pub fn followups_list(db: &Db, out: &Output, lang: Lang) -> anyhow::Result<()> {
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

pub fn search(db: &Db, out: &Output, lang: Lang, query: &str) -> anyhow::Result<()> {
    let hits = search::search(db, query)?;
    out.data(&hits, || {
        hits.iter()
            .map(|h| {
                let snippet: String = h
                    .snippet
                    .iter()
                    .map(|p| {
                        if p.hit {
                            format!("[{}]", p.text)
                        } else {
                            p.text.clone()
                        }
                    })
                    .collect();
                format!(
                    "{:<9} {} {}: {}",
                    format!("{:?}", h.kind).to_lowercase(),
                    h.session_date,
                    h.session_title.best(lang),
                    snippet
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn stats(db: &Db, out: &Output, lang: Lang) -> anyhow::Result<()> {
    let s = stats::get(db)?;
    out.data(&s, || {
        let mut lines = vec!["Sessions per year:".to_string()];
        lines.extend(
            s.sessions_per_year
                .iter()
                .map(|y| format!("  {}  {}", y.year, "█".repeat(y.count as usize))),
        );
        lines.push("Participation:".into());
        lines.extend(
            s.people
                .iter()
                .take(20)
                .map(|p| format!("  {:>3}  {}", p.sessions, p.name.best(lang))),
        );
        lines.push("Institutions:".into());
        lines.extend(
            s.institutions
                .iter()
                .take(20)
                .map(|i| format!("  {:>3}  {}", i.attendances, i.organisation.best(lang))),
        );
        lines.push("Themes:".into());
        lines.extend(s.themes.iter().map(|t| {
            let years: Vec<String> = t.years.iter().map(|y| y.year.clone()).collect();
            format!(
                "  {:>3}  {} ({})",
                t.total,
                t.theme.best(lang),
                years.join(", ")
            )
        }));
        lines.join("\n")
    })
}
