//! `clubctl backup`, `backups`, `restore`, `settings`, `search`: the database itself, its
//! backups, the Club's settings and the archive search (club-core's `store`).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use club_core::store::{backup, search, settings};
use club_core::{Db, SystemClock};

use crate::output::Output;
use crate::text_arg;
use crate::Ctl;

#[derive(Args)]
pub struct SettingsArgs {
    /// ru | kk | zh | en
    #[arg(long)]
    language: Option<String>,
    /// Default IANA time zone for new sessions
    #[arg(long)]
    time_zone: Option<String>,
    /// Who signs the invitation letters, per language: --signatory-name ru=… --signatory-name zh=…
    #[arg(long)]
    signatory_name: Vec<String>,
    /// The signatory's position, per language
    #[arg(long)]
    signatory_position: Vec<String>,
    /// How guests answer: the address or number the letters give
    #[arg(long)]
    reply_contact: Option<String>,
}

/// Restores while the database is open in SQLite's care (the app may be running), or, when
/// it cannot be opened because it is damaged, by putting the backup in its place.
pub fn restore(path: &Path, file: &Path, clock: &SystemClock, out: &Output) -> anyhow::Result<()> {
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

/// A verified backup into the backups beside the database, or to `output`.
pub fn backup(ctl: Ctl, output: Option<PathBuf>) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    match output {
        Some(file) => {
            db.read(|c| backup::copy_to(c, &file))
                .with_context(|| format!("cannot write {}", file.display()))?;
            out.message(
                serde_json::json!({ "written": file }),
                &format!("backup written to {} and verified", file.display()),
            )
        }
        None => {
            let b = backup::take(db.path(), clock, backup::BackupReason::Manual)?;
            out.message(
                serde_json::to_value(&b)?,
                &format!("backup written to {} and verified", b.path),
            )
        }
    }
}

pub fn backups(ctl: Ctl) -> anyhow::Result<()> {
    let list = backup::list(ctl.db.path())?;
    ctl.out.data(&list, || {
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

/// Shows the settings, changing those given first.
pub fn settings(ctl: Ctl, a: SettingsArgs) -> anyhow::Result<()> {
    let patch = settings::SettingsPatch {
        language: a
            .language
            .map(|l| club_core::Lang::parse(&l, "language"))
            .transpose()?,
        time_zone: a.time_zone,
        club_name: None,
        welcomed: None,
        signatory_name: None,
        signatory_position: None,
        reply_contact: a.reply_contact,
    };
    let current = settings::get(ctl.db)?;
    let mut patch = patch;
    for (values, base, field) in [
        (
            &a.signatory_name,
            &current.signatory_name,
            &mut patch.signatory_name,
        ),
        (
            &a.signatory_position,
            &current.signatory_position,
            &mut patch.signatory_position,
        ),
    ] {
        if !values.is_empty() {
            let mut text = base.clone();
            text_arg::apply(&mut text, values, current.language);
            *field = Some(text);
        }
    }
    let s = settings::update(ctl.db, &patch)?;
    ctl.out.data(&s, || {
        format!(
            "language: {}\ntime zone: {}\nsignatory: {} ({})\nreply to: {}",
            s.language.code(),
            s.time_zone,
            s.signatory_name.best(s.language),
            s.signatory_position.best(s.language),
            s.reply_contact
        )
    })
}

pub fn search(ctl: Ctl, query: &str) -> anyhow::Result<()> {
    let Ctl { db, out, lang, .. } = ctl;
    let found = search::search(db, query)?;
    let hits = &found.hits;
    out.data(&hits, || {
        let count = if found.more {
            format!(
                "more than {n} found: the best {} of the latest {n}",
                hits.len(),
                n = found.total
            )
        } else {
            format!("{} found", found.total)
        };
        std::iter::once(count)
            .chain(hits.iter().map(|h| {
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
            }))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
