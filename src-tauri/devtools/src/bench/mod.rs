//! `club-dev bench`: generate a Club archive of many years and measure the app over it —
//! the commands as the app calls them (result serialised as for the IPC), the archive
//! search, documents beside LibreOffice, a 10,000-row import, and, given the release
//! binaries and a display, start-up and memory of the app beside a blank Tauri window.
//! Figures, never pass/fail: docs/PERFORMANCE.md keeps them with their budgets.

mod attachments;
mod commands;
mod documents;
mod import;
mod mail;
mod search;
mod start;
mod sync;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use serde::Serialize;

use club_core::documents::fonts::Fonts;
use club_core::planning::sessions;
use club_core::sample::generate;
use club_core::{Db, SystemClock};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Generate an archive of YEARS years into a new database file (the same for a seed)
    Generate(GenerateArgs),
    /// Measure over a generated archive (it is copied; the file itself is not changed)
    Run(RunArgs),
    /// Sync through a hub on the loopback: change-to-visible latency, a year's catch-up,
    /// 20 laptops writing at once
    Sync(sync::SyncArgs),
    /// The invitation letters alone: 300 in one PDF, over a copy of a generated archive
    Letters {
        /// The archive (from `bench generate`)
        archive: PathBuf,
    },
    /// E-mail: 300 invitations through an SMTP server on the loopback (python3-aiosmtpd),
    /// and the window's reads meanwhile, over a copy of a generated archive
    Mail {
        /// The archive (from `bench generate`)
        archive: PathBuf,
    },
    /// The archive search alone, over queries drawn from the archive's own words, over a
    /// copy of a generated archive
    Search {
        /// The archive (from `bench generate`)
        archive: PathBuf,
    },
    /// Attachments: a 50 MB PDF and 200 photos added (in the database, beside files), the
    /// gallery of 200, the dossier with annexes, over a copy of a generated archive
    Attachments {
        /// The archive (from `bench generate`)
        archive: PathBuf,
    },
}

#[derive(Args)]
pub struct GenerateArgs {
    #[arg(long, default_value_t = 20)]
    years: u32,
    /// Sessions and people a year as a multiple of the Club's (10: ten times the 20-year
    /// archive, for docs/RELIABILITY.md)
    #[arg(long, default_value_t = 1)]
    scale: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The database file to create
    #[arg(short, long)]
    output: PathBuf,
}

#[derive(Args)]
pub struct RunArgs {
    /// The archive (from `bench generate`)
    archive: PathBuf,
    /// Samples per command and per search
    #[arg(long, default_value_t = 300)]
    samples: usize,
    /// The release app binary: measure its start-up and memory (needs a display)
    #[arg(long)]
    app: Option<PathBuf>,
    /// The blank Tauri window (examples/blank.rs), measured beside the app
    #[arg(long)]
    blank: Option<PathBuf>,
    /// Starts of each window to measure (after one warm-up start)
    #[arg(long, default_value_t = 5)]
    starts: usize,
    /// The .deb to report the size of
    #[arg(long)]
    deb: Option<PathBuf>,
    /// Skip LibreOffice (its conversion is the slowest part of a run)
    #[arg(long)]
    no_libreoffice: bool,
    /// Also write the rows as JSON to this file
    #[arg(long)]
    json_file: Option<PathBuf>,
}

pub fn run(cmd: BenchCommand, json: bool) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Generate(a) => {
            let g = generate_archive(a.years, a.scale, a.seed, &a.output)?;
            crate::report(
                json,
                &g,
                &format!(
                    "{}: {} years, {} sessions, {} people, {} invitations, {} agenda items, {} minutes paragraphs, {} remarks, {} decisions, {} follow-ups, {} themes",
                    a.output.display(), g.years, g.sessions, g.people, g.invitations, g.agenda_items, g.minutes_paragraphs, g.remarks, g.decisions, g.follow_ups, g.themes
                ),
            )
        }
        BenchCommand::Sync(a) => sync::run(&a, json),
        BenchCommand::Letters { archive } => over_copy(&archive, json, documents::letters_row),
        BenchCommand::Mail { archive } => over_copy(&archive, json, mail::rows),
        BenchCommand::Attachments { archive } => over_copy(&archive, json, attachments::rows),
        BenchCommand::Search { archive } => over_copy(&archive, json, search::rows),
        BenchCommand::Run(a) => {
            let rows = measure_archive(&a)?;
            if let Some(file) = &a.json_file {
                std::fs::write(file, serde_json::to_vec_pretty(&rows)?)?;
            }
            crate::report(json, &rows, table(&rows).trim_end())
        }
    }
}

/// A new session far ahead (2099), titled `title` in Russian, with `people` invited.
fn session_with(
    db: &Db,
    clock: &SystemClock,
    title: &str,
    people: &[String],
) -> anyhow::Result<sessions::Session> {
    use club_core::planning::invitations;
    use club_core::planning::rsvp::InviteeRole;
    let session = sessions::create(
        db,
        clock,
        &sessions::SessionInput {
            title: club_core::Text::new().with(club_core::Lang::Ru, title),
            date: "2099-06-10".into(),
            start: "15:00".into(),
            end: "17:30".into(),
            ..Default::default()
        },
    )?;
    invitations::invite(db, clock, &session.id, people, InviteeRole::Guest)?;
    Ok(session)
}

/// One measure over a copy of `archive`, reported.
fn over_copy(
    archive: &Path,
    json: bool,
    measure: fn(&Db, &SystemClock, &mut Vec<Row>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let db = copy_archive(archive, scratch.path())?;
    let mut rows = Vec::new();
    measure(&db, &SystemClock, &mut rows)?;
    crate::report(json, &rows, table(&rows).trim_end())
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub group: String,
    pub name: String,
    /// Milliseconds (time) or megabytes (size, memory).
    pub p50: f64,
    pub p99: Option<f64>,
    pub unit: &'static str,
    pub budget: String,
    pub note: String,
}

fn row(
    group: &str,
    name: &str,
    p50: f64,
    p99: Option<f64>,
    unit: &'static str,
    budget: &str,
    note: String,
) -> Row {
    Row {
        group: group.into(),
        name: name.into(),
        p50,
        p99,
        unit,
        budget: budget.into(),
        note,
    }
}

/// p50 and p99 of `samples` runs of `f`, in milliseconds.
fn measure(
    samples: usize,
    mut f: impl FnMut(usize) -> anyhow::Result<()>,
) -> anyhow::Result<(f64, f64)> {
    // Warm-up: caches and prepared statements as in an app that has been running.
    for i in 0..3 {
        f(i)?;
    }
    let mut times = Vec::with_capacity(samples);
    for i in 0..samples {
        let t = Instant::now();
        f(i)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(percentiles(&mut times))
}

fn percentiles(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

/// What the IPC does with a result: JSON.
fn ipc<T: Serialize>(value: T) -> anyhow::Result<()> {
    std::hint::black_box(serde_json::to_vec(&value)?);
    Ok(())
}

fn generate_archive(
    years: u32,
    scale: u32,
    seed: u64,
    output: &Path,
) -> anyhow::Result<generate::Generated> {
    if output.exists() {
        bail!(
            "{} exists: bench generate writes a new file",
            output.display()
        );
    }
    // Checked before the file is made: a refusal leaves nothing behind.
    generate::check_years(years)?;
    generate::check_scale(scale)?;
    let db = Db::open(output)?;
    let t = Instant::now();
    let g = generate::generate_at_scale(&db, years, scale, seed)?;
    eprintln!("generated in {:.1} s", t.elapsed().as_secs_f64());
    Ok(g)
}

/// A copy of `archive` in `dir`, opened: the writes measured must not change the archive.
fn copy_archive(archive: &Path, dir: &Path) -> anyhow::Result<Db> {
    if !archive.is_file() {
        bail!(
            "{}: no such archive (make one with `club-dev bench generate`)",
            archive.display()
        );
    }
    let copy = dir.join("club.sqlite3");
    {
        let opening = Instant::now();
        let source =
            Db::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
        // An archive of an older schema is upgraded in place (after its backup): the figure
        // users wait once when the app is updated.
        eprintln!(
            "bench: {} opened in {:.1} s",
            archive.display(),
            opening.elapsed().as_secs_f64()
        );
        source.read(|c| club_core::store::backup::copy_to(c, &copy))?;
    }
    Ok(Db::open(&copy)?)
}

fn measure_archive(a: &RunArgs) -> anyhow::Result<Vec<Row>> {
    let scratch = tempfile::tempdir()?;
    let db = copy_archive(&a.archive, scratch.path())?;
    let copy = db.path().to_path_buf();
    let clock = SystemClock;
    let mut rows = Vec::new();

    let all = sessions::list(&db, &clock)?;
    // The most recent held session: the largest minutes still open for editing.
    let biggest = all
        .iter()
        .filter(|s| s.status == sessions::SessionStatus::Held)
        .max_by(|x, y| x.date.cmp(&y.date))
        .context("the archive has no held session: generate one with `club-dev bench generate`")?
        .clone();
    let number = biggest.number.unwrap_or(0);
    eprintln!(
        "archive: {} sessions; the biggest open one is no. {number}",
        all.len()
    );

    eprintln!("bench: commands and search, {} samples each", a.samples);
    commands::rows(&db, &clock, &biggest, all.len(), a.samples, &mut rows)?;
    search::search_rows(&db, a.samples, &mut rows)?;
    eprintln!("bench: documents");
    documents::rows(
        !a.no_libreoffice,
        &db,
        &clock,
        &biggest.id,
        scratch.path(),
        &mut rows,
    )?;
    eprintln!("bench: 300 invitation letters");
    documents::letters_row(&db, &clock, &mut rows)?;
    eprintln!("bench: import");
    import::rows(&db, &clock, &mut rows)?;
    if let (Some(app), Some(blank)) = (&a.app, &a.blank) {
        start::rows(
            app,
            blank,
            &copy,
            number,
            a.starts,
            scratch.path(),
            &mut rows,
        )?;
    }
    size_rows(a, &mut rows)?;
    Ok(rows)
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn size_rows(a: &RunArgs, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    if let Some(app) = a.app.as_deref() {
        let len = std::fs::metadata(app)?.len();
        rows.push(row(
            "size",
            "release binary",
            mb(len),
            None,
            "MB",
            "< 45 MB",
            app.display().to_string(),
        ));
    }
    rows.push(row(
        "size",
        "shipped fonts",
        mb(dir_size(&Fonts::default_dir())),
        None,
        "MB",
        "",
        "Noto Sans + Noto Sans CJK SC".into(),
    ));
    if let Some(deb) = a.deb.as_deref() {
        let len = std::fs::metadata(deb)?.len();
        rows.push(row(
            "size",
            ".deb with fonts",
            mb(len),
            None,
            "MB",
            "< 60 MB",
            deb.display().to_string(),
        ));
    }
    let archive = std::fs::metadata(&a.archive)?.len();
    rows.push(row(
        "size",
        "the archive's database file",
        mb(archive),
        None,
        "MB",
        "",
        a.archive.display().to_string(),
    ));
    Ok(())
}

fn table(rows: &[Row]) -> String {
    let mut out =
        String::from("| | measure | p50 | p99 | budget | note |\n|---|---|---:|---:|---|---|\n");
    for r in rows {
        let fmt = |v: f64| {
            if r.unit == "ms" && v < 10.0 {
                format!("{v:.2} {}", r.unit)
            } else {
                format!("{v:.1} {}", r.unit)
            }
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.group,
            r.name,
            fmt(r.p50),
            r.p99.map(fmt).unwrap_or_default(),
            r.budget,
            r.note
        ));
    }
    out
}
