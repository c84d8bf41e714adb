//! `clubctl people import`, `people export`, `archive`: the Club's data in and out of other
//! files — contacts from CSV, XLSX and vCard, the directory as CSV/XLSX, the portable
//! archive (club-core's `exchange`).

use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use club_core::exchange::import::{
    self, DuplicatePolicy, ImportReport, ImportRequest, ProblemPolicy, RowAction,
};
use club_core::exchange::{archive, export};

use crate::Ctl;

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Only check the file and print the report
    #[arg(long)]
    dry_run: bool,
    /// Column meanings in order, e.g. --map family.ru --map given.ru --map "" (repeatable)
    #[arg(long = "map", value_name = "CODE")]
    mapping: Vec<String>,
    /// What to do with people already in the directory: skip | merge | create
    #[arg(long, default_value = "skip")]
    on_duplicate: String,
    /// Rows with problems: refuse (import nothing) | skip (import the rest) |
    /// keep-in-notes (import them too, unreadable values kept in the notes)
    #[arg(long, default_value = "refuse")]
    on_problem: String,
}

#[derive(Args)]
pub struct PeopleExportArgs {
    #[arg(short, long)]
    output: PathBuf,
}

#[derive(Subcommand)]
pub enum ArchiveCommand {
    /// Write the whole Club archive to one file (.zip of JSON)
    Export {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read an archive into this database, which must be empty; all or nothing
    Import { file: PathBuf },
}

/// `people import`: prints the report; exits with 4 while rows with problems hold the
/// import back.
pub fn import_people(ctl: Ctl, a: ImportArgs) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    let ImportArgs {
        file,
        dry_run,
        mapping,
        on_duplicate,
        on_problem,
    } = a;
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let on_duplicate = match on_duplicate.as_str() {
        "skip" => DuplicatePolicy::Skip,
        "merge" => DuplicatePolicy::Merge,
        "create" => DuplicatePolicy::Create,
        other => bail!("--on-duplicate must be skip, merge or create, not {other:?}"),
    };
    let on_problem = match on_problem.as_str() {
        "refuse" => ProblemPolicy::Refuse,
        "skip" => ProblemPolicy::Skip,
        "keep-in-notes" => ProblemPolicy::KeepInNotes,
        other => {
            bail!("--on-problem must be refuse, skip or keep-in-notes, not {other:?}")
        }
    };
    let req = ImportRequest {
        file_name: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes,
        mapping,
        on_duplicate,
        on_problem,
    };
    let report = if dry_run {
        import::dry_run(db, &req)?
    } else {
        import::commit(db, clock, &req)?
    };
    let blocked = report.rows.iter().any(|r| r.action == RowAction::Blocks);
    out.data(&report, || report_text(&report, blocked))?;
    // Rows with problems fail the command only while they hold the import back.
    if blocked {
        std::process::exit(4);
    }
    Ok(())
}

/// The report as people read it: the counts, then each row with a problem or a duplicate.
fn report_text(report: &ImportReport, blocked: bool) -> String {
    let c = &report.counts;
    let outcome = format!(
        "{} new, {} merged, {} skipped, {} with values kept in the notes",
        c.created, c.merged, c.skipped, c.kept_in_notes
    );
    let mut lines = vec![format!(
        "{} rows: {} new, {} duplicates, {} with problems{}",
        c.rows,
        c.new,
        c.duplicates,
        c.errors,
        if report.committed {
            format!("; imported {outcome}")
        } else if blocked {
            "; nothing written".into()
        } else {
            format!("; nothing written (would import {outcome})")
        }
    )];
    for r in report
        .rows
        .iter()
        .filter(|r| !r.problems.is_empty() || r.duplicate_of.is_some())
    {
        let what = if r.problems.is_empty() {
            format!("already in the directory as {}", r.duplicate_name)
        } else {
            r.problems
                .iter()
                .map(|p| {
                    let column = match p.column.as_str() {
                        "" => String::new(),
                        c => format!("column {c}: "),
                    };
                    match p.value.as_str() {
                        "" => format!("{column}{}", p.message),
                        v => format!("{column}{} ({v:?})", p.message),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let action = match (r.action, r.kept_in_notes) {
            (RowAction::Skip, _) => " [skipped]",
            (_, true) => " [kept in the notes]",
            _ => "",
        };
        lines.push(format!("line {}: {} — {what}{action}", r.line, r.name));
    }
    lines.join("\n")
}

/// `people export`: the directory as CSV or XLSX, by the file's extension.
pub fn export_people(ctl: Ctl, a: PeopleExportArgs) -> anyhow::Result<()> {
    let Ctl { db, out, .. } = ctl;
    let output = a.output;
    let xlsx = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx {
        export::people_xlsx(db)?
    } else {
        export::people_csv(db)?
    };
    club_core::paths::write_atomically(&output, &bytes)
        .with_context(|| format!("cannot write {}", output.display()))?;
    out.message(
        serde_json::json!({ "written": output }),
        &format!("written {}", output.display()),
    )
}

pub fn archive(ctl: Ctl, cmd: ArchiveCommand) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    match cmd {
        ArchiveCommand::Export { output } => {
            let bytes = archive::export(db, clock)?;
            club_core::paths::write_atomically(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            out.message(
                serde_json::json!({ "written": output }),
                &format!("archive written to {}", output.display()),
            )
        }
        ArchiveCommand::Import { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let m = archive::import(db, &bytes)?;
            let rows: usize = m.tables.iter().map(|(_, n)| n).sum();
            out.message(
                serde_json::json!({ "imported": file, "rows": rows }),
                &format!("{rows} rows imported from {}", file.display()),
            )
        }
    }
}
