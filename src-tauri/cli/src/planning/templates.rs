//! `clubctl template …`: saved starting points for new sessions (club-core's
//! `planning::templates`).

use clap::Subcommand;
use club_core::planning::templates;
use club_core::Text;

use super::sessions::{resolve, StartFlags};
use crate::text_arg;
use crate::Ctl;

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// Save a session's venue, times, agenda, invitees and themes as a template
    Save {
        /// Session id or number
        session: String,
        /// Template name, LANG=TEXT (repeatable)
        #[arg(long, value_name = "LANG=TEXT", required = true)]
        name: Vec<String>,
    },
    /// List the saved templates
    List,
    /// Create a session from a template
    Start {
        /// Template id
        template: String,
        #[command(flatten)]
        start: StartFlags,
    },
    /// Delete a template
    Delete {
        /// Template id
        template: String,
    },
}

pub fn run(ctl: Ctl, cmd: TemplateCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    match cmd {
        TemplateCommand::Save { session, name } => {
            let s = resolve(db, clock, &session)?;
            let mut text = Text::new();
            text_arg::apply(&mut text, &name, lang);
            let t = templates::save_template(db, clock, &s.id, &text)?;
            out.data(&t, || t.id.clone())
        }
        TemplateCommand::List => {
            let list = templates::templates(db)?;
            out.data(&list, || {
                list.iter()
                    .map(|t| {
                        format!(
                            "{}  {} ({} items, {} invitees)",
                            t.id,
                            t.name.best(lang),
                            t.items,
                            t.invitees
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        TemplateCommand::Start { template, start } => {
            let s = templates::from_template(db, clock, &template, &start.into())?;
            out.data(&s, || {
                format!("{} {} {}", s.id, s.ordinal.best(lang), s.date)
            })
        }
        TemplateCommand::Delete { template } => {
            templates::delete_template(db, &template)?;
            out.message(
                serde_json::json!({ "deleted": template }),
                "template deleted",
            )
        }
    }
}
