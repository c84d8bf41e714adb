//! `clubctl attach …`: files kept with a session or one of its agenda items (club-core's
//! `attachments`): add, list, get (byte for byte, checked), remove.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use club_core::attachments::{self, Attachment};
use club_core::planning::agenda;

use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Subcommand)]
pub enum AttachCommand {
    /// Keep FILEs with a session (or one of its agenda items, --item N, 1-based)
    Add {
        /// Session id or number
        session: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        item: Option<usize>,
        /// Who adds them (shown beside each file)
        #[arg(long, default_value = "")]
        by: String,
    },
    /// The session's files
    List { session: String },
    /// Write a file out as it was added
    Get {
        id: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Set a file's caption (LANG=TEXT, repeatable) or whether it goes into the dossier
    Set {
        id: String,
        #[arg(long, value_name = "LANG=TEXT")]
        caption: Vec<String>,
        /// Append it to the dossier as an annex (PDF pages, a picture as a page)
        #[arg(long)]
        dossier: Option<bool>,
        /// Show a photo with the press note and on the website's fragment
        #[arg(long)]
        press: Option<bool>,
    },
    /// Take a file off its session
    Remove { id: String },
}

fn line(a: &Attachment) -> String {
    let size = if a.size >= 1 << 20 {
        format!("{:.1} MB", a.size as f64 / f64::from(1 << 20))
    } else {
        format!("{} KB", a.size.div_ceil(1024))
    };
    let shape = match (a.width, a.height, a.pages) {
        (Some(w), Some(h), _) => format!("  {w}×{h}"),
        (_, _, Some(p)) => format!("  {p} p."),
        _ => String::new(),
    };
    format!(
        "{}  {:<5} {:>9}{shape}  {}{}{}",
        a.id,
        a.kind.code(),
        size,
        a.name,
        if a.in_dossier { "  [dossier]" } else { "" },
        if a.in_press { "  [press]" } else { "" }
    )
}

pub fn run(ctl: Ctl, cmd: AttachCommand) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    match cmd {
        AttachCommand::Add {
            session,
            files,
            item,
            by,
        } => {
            let s = resolve(db, clock, &session)?;
            let item_id = match item {
                Some(n) => Some(
                    agenda::get(db, &s.id)?
                        .items
                        .get(n.checked_sub(1).context("items are numbered from 1")?)
                        .ok_or(club_core::Error::NotFound {
                            what: "agenda item",
                        })?
                        .id
                        .clone(),
                ),
                None => None,
            };
            let mut added = Vec::new();
            for f in &files {
                // Each error names the file itself.
                added.push(attachments::add_file(
                    db,
                    clock,
                    &s.id,
                    item_id.as_deref(),
                    f,
                    &by,
                )?);
            }
            out.data(&added, || {
                added.iter().map(line).collect::<Vec<_>>().join("\n")
            })
        }
        AttachCommand::List { session } => {
            let list = attachments::list(db, &resolve(db, clock, &session)?.id)?;
            out.data(&list, || {
                list.iter().map(line).collect::<Vec<_>>().join("\n")
            })
        }
        AttachCommand::Get { id, output } => {
            let (a, bytes) = attachments::bytes(db, &id)?;
            club_core::paths::write_atomically(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            out.message(
                serde_json::json!({ "written": output, "sha256": a.sha256, "bytes": bytes.len() }),
                &format!(
                    "written: {} ({} bytes, sha256 {})",
                    output.display(),
                    bytes.len(),
                    a.sha256
                ),
            )
        }
        AttachCommand::Set {
            id,
            caption,
            dossier,
            press,
        } => {
            let mut text = attachments::get(db, &id)?.caption;
            crate::text_arg::apply(&mut text, &caption, ctl.lang);
            let a = attachments::update(
                db,
                &id,
                &attachments::AttachmentPatch {
                    caption: (!caption.is_empty()).then_some(text),
                    in_dossier: dossier,
                    in_press: press,
                    agenda_item_id: None,
                },
            )?;
            out.data(&a, || line(&a))
        }
        AttachCommand::Remove { id } => {
            attachments::remove(db, &id)?;
            out.message(serde_json::json!({ "removed": id }), "removed")
        }
    }
}
