//! `clubctl press …`: the press note of a session, drafted in any of the four languages,
//! shown, and exported as PDF, DOCX, plain text or the website's HTML fragment
//! (club-core's `minutes::press` and `documents::press_doc`).

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use club_core::documents::fonts::Fonts;
use club_core::documents::press_doc::{self, PressFormat};
use club_core::minutes::press::{self, PressNote};
use club_core::Lang;

use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Subcommand)]
pub enum PressCommand {
    /// Draft the note from the session as the app knows it (agenda, people, minutes)
    Draft {
        /// Session id or number
        session: String,
        /// Languages, comma-separated (ru,kk,zh,en); all four when left out
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
        /// Replace a note someone edited (it stays among the revisions)
        #[arg(long)]
        replace: bool,
    },
    /// Show the note in one language (the interface language when left out)
    Show {
        session: String,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write the note to FILE: pdf, docx, txt or html (from the file's extension, or --format)
    Export {
        session: String,
        #[arg(long)]
        lang: Option<String>,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        format: Option<String>,
    },
}

fn langs(raw: &[String]) -> anyhow::Result<Vec<Lang>> {
    Ok(raw
        .iter()
        .map(|l| Lang::parse(l.trim(), "lang"))
        .collect::<club_core::Result<Vec<_>>>()?)
}

fn print(ctl: &Ctl, notes: &[PressNote]) -> anyhow::Result<()> {
    ctl.out.data(&notes, || {
        notes
            .iter()
            .map(|n| {
                format!(
                    "[{}]{}\n{}\n\n{}",
                    n.lang.code(),
                    if n.edited { " (edited)" } else { "" },
                    n.headline,
                    n.body
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

pub fn run(ctl: Ctl, cmd: PressCommand) -> anyhow::Result<()> {
    let Ctl { db, clock, .. } = ctl;
    let one_lang = |l: &Option<String>| match l {
        Some(l) => Lang::parse(l.trim(), "lang"),
        None => Ok(ctl.lang),
    };
    match &cmd {
        PressCommand::Draft {
            session,
            lang,
            replace,
        } => {
            let s = resolve(db, clock, session)?;
            let notes = press::draft(db, clock, &s.id, &langs(lang)?, *replace)?;
            print(&ctl, &notes)
        }
        PressCommand::Show { session, lang } => {
            let s = resolve(db, clock, session)?;
            print(&ctl, &[press::one(db, &s.id, one_lang(lang)?)?])
        }
        PressCommand::Export {
            session,
            lang,
            output,
            format,
        } => {
            let s = resolve(db, clock, session)?;
            let ext = output.extension().and_then(|e| e.to_str()).unwrap_or("");
            let format = PressFormat::parse(format.as_deref().unwrap_or(ext), "format")?;
            let fonts = Fonts::load(&Fonts::default_dir())?;
            let bytes = press_doc::export(db, clock, &fonts, &s.id, one_lang(lang)?, format)?;
            club_core::paths::write_atomically(output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            ctl.out.message(
                serde_json::json!({ "written": output, "bytes": bytes.len() }),
                &format!("written: {}", output.display()),
            )
        }
    }
}
