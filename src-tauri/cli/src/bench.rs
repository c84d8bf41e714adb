//! `clubctl bench`: generate a Club archive of many years and measure the app over it —
//! the commands as the app calls them (result serialised as for the IPC), the archive
//! search, documents beside LibreOffice, a 10,000-row import, and, given the release
//! binaries and a display, start-up and memory of the app beside a blank Tauri window.
//! Figures, never pass/fail: docs/PERFORMANCE.md keeps them with their budgets.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Subcommand;
use serde::Serialize;

use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format};
use club_core::exchange::import::{self, DuplicatePolicy, ImportRequest, ProblemPolicy};
use club_core::planning::agenda;
use club_core::planning::invitations;
use club_core::planning::sessions;
use club_core::sample::generate;
use club_core::store::search;
use club_core::{minutes, people, Db, Lang, SystemClock};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Generate an archive of YEARS years into a new database file (the same for a seed)
    Generate {
        #[arg(long, default_value_t = 20)]
        years: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The database file to create
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Measure over a generated archive (it is copied; the file itself is not changed)
    Run {
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
    },
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

pub fn generate_cmd(years: u32, seed: u64, output: &Path) -> anyhow::Result<generate::Generated> {
    if output.exists() {
        bail!(
            "{} exists: bench generate writes a new file",
            output.display()
        );
    }
    // Checked before the file is made: a refusal leaves nothing behind.
    generate::check_years(years)?;
    let db = Db::open(output)?;
    let t = Instant::now();
    let g = generate::generate(&db, years, seed)?;
    eprintln!("generated in {:.1} s", t.elapsed().as_secs_f64());
    Ok(g)
}

pub struct RunArgs<'a> {
    pub archive: &'a Path,
    pub samples: usize,
    pub app: Option<&'a Path>,
    pub blank: Option<&'a Path>,
    pub starts: usize,
    pub deb: Option<&'a Path>,
    pub libreoffice: bool,
}

pub fn run(a: &RunArgs) -> anyhow::Result<Vec<Row>> {
    if !a.archive.is_file() {
        bail!(
            "{}: no such archive (make one with `clubctl bench generate`)",
            a.archive.display()
        );
    }
    let scratch = tempfile::tempdir()?;
    // A copy: the writes measured here must not change the archive.
    let copy = scratch.path().join("club.sqlite3");
    {
        let source =
            Db::open(a.archive).with_context(|| format!("cannot open {}", a.archive.display()))?;
        source.read(|c| club_core::store::backup::copy_to(c, &copy))?;
    }
    let db = Db::open(&copy)?;
    let clock = SystemClock;
    let mut rows = Vec::new();

    let all = sessions::list(&db, &clock)?;
    // The most recent held session: the largest minutes still open for editing.
    let biggest = all
        .iter()
        .filter(|s| s.status == sessions::SessionStatus::Held)
        .max_by(|x, y| x.date.cmp(&y.date))
        .context("the archive has no held session: generate one with `clubctl bench generate`")?
        .clone();
    let number = biggest.number.unwrap_or(0);
    eprintln!(
        "archive: {} sessions; the biggest open one is no. {number}",
        all.len()
    );

    let n = a.samples;
    eprintln!("bench: commands and search, {n} samples each");
    let b = "< 5 ms p99";
    let (p50, p99) = measure(n, |_| ipc(sessions::list(&db, &clock)?))?;
    rows.push(row(
        "command",
        "list sessions",
        p50,
        Some(p99),
        "ms",
        b,
        format!("{} sessions", all.len()),
    ));
    let (p50, p99) = measure(n, |_| {
        ipc(sessions::get(&db, &clock, &biggest.id)?)?;
        ipc(agenda::get(&db, &biggest.id)?)?;
        ipc(invitations::list(&db, &biggest.id)?)?;
        ipc(minutes::get(&db, &biggest.id)?)
    })?;
    let m = minutes::get(&db, &biggest.id)?;
    let list = invitations::list(&db, &biggest.id)?;
    rows.push(row(
        "command",
        "open a session (session, agenda, invitees, minutes)",
        p50,
        Some(p99),
        "ms",
        b,
        format!(
            "no. {number}: {} invitees, {} minutes items",
            list.invitees.len(),
            m.items.len()
        ),
    ));
    let items = agenda::get(&db, &biggest.id)?.items;
    let item = items
        .iter()
        .find(|i| i.kind == agenda::ItemKind::Discussion)
        .unwrap_or(&items[0])
        .clone();
    let (p50, p99) = measure(n, |i| {
        let mut input = agenda::AgendaItemInput::from(&item);
        input.duration_min = (20 + i % 10).to_string();
        ipc(agenda::update(&db, &clock, &item.id, &input)?)
    })?;
    rows.push(row(
        "command",
        "save an agenda item",
        p50,
        Some(p99),
        "ms",
        b,
        "one transaction, synchronous=FULL".into(),
    ));
    let target = m
        .items
        .iter()
        .find(|x| !x.notes.is_empty())
        .context("minutes without notes")?
        .clone();
    let (p50, p99) = measure(n, |i| {
        let mut notes = target.notes.clone();
        let ru = notes.get(Lang::Ru).unwrap_or_default().to_string();
        notes = notes.with(Lang::Ru, &format!("{ru}\n\nПравка {i}."));
        ipc(minutes::set_item(
            &db,
            &clock,
            &target.agenda_item_id,
            &notes,
            &target.key_points,
        )?)
    })?;
    rows.push(row(
        "command",
        "save a minutes paragraph",
        p50,
        Some(p99),
        "ms",
        b,
        format!(
            "an item of {} characters, search index updated",
            target
                .notes
                .get(Lang::Ru)
                .unwrap_or_default()
                .chars()
                .count()
        ),
    ));
    let invitee = list
        .invitees
        .iter()
        .find(|i| i.attendance.is_none())
        .or(list.invitees.first())
        .context("no invitees")?
        .clone();
    let (p50, p99) = measure(n, |i| {
        if i % 2 == 0 {
            ipc(invitations::check_in(&db, &clock, &invitee.id)?)
        } else {
            ipc(invitations::undo_check_in(&db, &clock, &invitee.id)?)
        }
    })?;
    rows.push(row(
        "command",
        "check in a person (and undo)",
        p50,
        Some(p99),
        "ms",
        b,
        format!("list of {} returned", list.invitees.len()),
    ));
    let everyone = people::list(&db)?.len();
    let (p50, p99) = measure(n.min(100), |_| ipc(people::list(&db)?))?;
    rows.push(row(
        "command",
        "list people (the directory)",
        p50,
        Some(p99),
        "ms",
        "—",
        format!("{everyone} people; the People screen's list"),
    ));

    for (lang, queries) in [
        (
            "ru",
            [
                "сотрудничества",
                "логистических коридоров",
                "Нұрышев",
                "безопасность",
            ],
        ),
        ("zh", ["经贸合作", "专家对话", "王", "中亚的稳定"]),
        (
            "en",
            [
                "logistics corridors",
                "expert dialogue",
                "Tokayev",
                "investment",
            ],
        ),
    ] {
        let mut hits = 0;
        let (p50, p99) = measure(n, |i| {
            let h = search::search(&db, queries[i % queries.len()])?;
            hits = hits.max(h.len());
            ipc(h)
        })?;
        rows.push(row(
            "search",
            &format!("archive search, {lang}"),
            p50,
            Some(p99),
            "ms",
            "< 20 ms p99",
            format!("{}; up to {hits} hits", queries.join(" · ")),
        ));
    }

    eprintln!("bench: documents");
    documents_rows(a, &db, &clock, &biggest.id, scratch.path(), &mut rows)?;
    eprintln!("bench: import");
    import_rows(&db, &clock, &mut rows)?;
    if let (Some(app), Some(blank)) = (a.app, a.blank) {
        start_rows(
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

/// Pages of a PDF: its page objects (`/Type /Page`, with or without the space; not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    [&b"/Type /Page"[..], &b"/Type/Page"[..]]
        .iter()
        .map(|needle| {
            pdf.windows(needle.len() + 1)
                .filter(|w| &w[..needle.len()] == *needle && w[needle.len()] != b's')
                .count()
        })
        .sum()
}

fn documents_rows(
    a: &RunArgs,
    db: &Db,
    clock: &SystemClock,
    session: &str,
    dir: &Path,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let opts = DocumentOptions {
        langs: vec![Lang::Ru, Lang::Zh],
        layout: documents::Layout::Side,
        paper: documents::Paper::A4,
    };
    let samples = 10;
    let mut rendered = Vec::new();
    for (kind, name, budget) in [
        (
            DocumentKind::Agenda,
            "agenda PDF (ru + zh)",
            "< 150 ms, ≥ 10× LibreOffice",
        ),
        (
            DocumentKind::Minutes,
            "minutes PDF (ru + zh)",
            "< 1 s for 20 pages",
        ),
    ] {
        let mut pdf = Vec::new();
        let (p50, _) = measure(samples, |_| {
            pdf = documents::export(db, clock, &fonts, session, kind, Format::Pdf, &opts)?;
            Ok(())
        })?;
        let pages = pdf_pages(&pdf);
        let docx = documents::export(db, clock, &fonts, session, kind, Format::Docx, &opts)?;
        let path = dir.join(format!("{kind:?}.docx"));
        std::fs::write(&path, &docx)?;
        rendered.push((name, p50, pages, path));
        rows.push(row(
            "document",
            name,
            p50,
            None,
            "ms",
            budget,
            format!("{pages} pages, median of {samples}"),
        ));
    }
    if !a.libreoffice {
        return Ok(());
    }
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| which(c)) else {
        rows.push(row(
            "document",
            "LibreOffice",
            0.0,
            None,
            "ms",
            "",
            "not installed: no ratio".into(),
        ));
        return Ok(());
    };
    let profile = dir.join("lo-profile");
    for (name, ours, pages, docx) in rendered {
        let mut times = Vec::new();
        // The first conversion creates LibreOffice's profile: not counted.
        for i in 0..4 {
            let t = Instant::now();
            let status = Command::new(soffice)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(dir.join("lo"))
                .arg(&docx)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            if !status.success() {
                bail!("{soffice} could not convert {}", docx.display());
            }
            if i > 0 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let (lo, _) = percentiles(&mut times);
        let lo_name = name.replace("PDF", "DOCX → PDF by LibreOffice");
        rows.push(row("document", &lo_name, lo, None, "ms", "", format!("{:.0}× the time of ours ({pages} pages of ours); median of 3 `{soffice} --headless --convert-to pdf`", lo / ours)));
    }
    Ok(())
}

fn which(cmd: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// New people as a contacts CSV in the directory's own export format, every name a
/// different one (syllables numbered through), in Cyrillic, Chinese and Latin.
pub fn contacts_csv(rows: usize) -> String {
    const SYL: [(&str, &str, &str); 20] = [
        ("ба", "巴", "ba"),
        ("ке", "克", "ke"),
        ("ну", "努", "nu"),
        ("ра", "拉", "ra"),
        ("сы", "瑟", "sy"),
        ("та", "塔", "ta"),
        ("жа", "扎", "zha"),
        ("қа", "卡", "qa"),
        ("мұ", "穆", "mu"),
        ("лі", "利", "li"),
        ("де", "德", "de"),
        ("го", "戈", "go"),
        ("ем", "叶", "em"),
        ("ар", "阿", "ar"),
        ("ош", "奥", "osh"),
        ("үс", "于", "us"),
        ("ин", "因", "in"),
        ("ай", "艾", "ai"),
        ("ер", "尔", "er"),
        ("ол", "沃", "ol"),
    ];
    let word = |mut n: usize, syllables: usize| {
        let (mut cyr, mut zh, mut lat) = (String::new(), String::new(), String::new());
        for _ in 0..syllables {
            let (c, z, l) = SYL[n % SYL.len()];
            cyr.push_str(c);
            zh.push_str(z);
            lat.push_str(l);
            n /= SYL.len();
        }
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        (cap(&cyr), zh, cap(&lat))
    };
    let mut out = String::from(
        "family.ru;given.ru;family.zh;given.zh;family.en;given.en;email;phone;country\n",
    );
    for i in 0..rows {
        let (fr, fz, fe) = word(i, 3);
        let (gr, gz, ge) = word(i / 8000 + 7, 2);
        out.push_str(&format!(
            "{fr}ов;{gr};{fz};{gz};{fe}ov;{ge};contact{i}@example.kz;+7 701 {i:07};KZ\n"
        ));
    }
    out
}

fn import_rows(db: &Db, clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let req = ImportRequest {
        file_name: "contacts.csv".into(),
        bytes: contacts_csv(10_000).into_bytes(),
        mapping: Vec::new(),
        on_duplicate: DuplicatePolicy::Create,
        on_problem: ProblemPolicy::Refuse,
    };
    let t = Instant::now();
    let dry = import::dry_run(db, &req)?;
    let dry_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let done = import::commit(db, clock, &req)?;
    let commit_ms = t.elapsed().as_secs_f64() * 1000.0;
    rows.push(row(
        "import",
        "10,000-row CSV: preview (dry run)",
        dry_ms,
        None,
        "ms",
        "< 1 s",
        format!(
            "{} rows read, {} flagged as possible duplicates",
            dry.counts.rows, dry.counts.duplicates
        ),
    ));
    rows.push(row(
        "import",
        "10,000-row CSV: import",
        commit_ms,
        None,
        "ms",
        "< 1 s",
        format!("{} people created in one transaction", done.counts.created),
    ));
    Ok(())
}

/// Proportional set size of a process and all its descendants, in MB.
fn pss_tree(root: u32) -> f64 {
    let mut family = vec![root];
    let mut i = 0;
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let after = &stat[stat.rfind(')')? + 2..];
            let ppid: u32 = after.split(' ').nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    while i < family.len() {
        let p = family[i];
        family.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    family
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|s| {
            s.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .sum::<f64>()
        / 1024.0
}

/// Starts `bin` in its own process group, waits for its ready line; returns (ms, PSS MB).
fn start_once(bin: &Path, db: &Path, session: u32, dir: &Path) -> anyhow::Result<(f64, f64)> {
    use std::os::unix::process::CommandExt;
    let ready = dir.join("ready");
    let _ = std::fs::remove_file(&ready);
    let t = Instant::now();
    let mut child = Command::new(bin)
        .env(club_core::paths::DB_ENV, db)
        .env(club_core::status::READY_FILE_ENV, &ready)
        .env(club_core::status::OPEN_SESSION_ENV, session.to_string())
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start {}", bin.display()))?;
    let pid = child.id();
    let outcome = loop {
        if std::fs::metadata(&ready).is_ok_and(|m| m.len() > 0) {
            break Ok(t.elapsed().as_secs_f64() * 1000.0);
        }
        if let Some(status) = child.try_wait()? {
            break Err(anyhow::anyhow!(
                "{} exited ({status}) before it was ready",
                bin.display()
            ));
        }
        if t.elapsed() > Duration::from_secs(60) {
            break Err(anyhow::anyhow!("{} not ready after 60 s", bin.display()));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let result = outcome.map(|ms| {
        // Let the screen settle (the session's other panels load) before memory is read.
        std::thread::sleep(Duration::from_millis(1500));
        (ms, pss_tree(pid))
    });
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{pid}")])
        .status();
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .status();
    let _ = child.wait();
    result
}

fn start_rows(
    app: &Path,
    blank: &Path,
    db: &Path,
    session: u32,
    starts: usize,
    dir: &Path,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        rows.push(row(
            "start",
            "start-up and memory",
            0.0,
            None,
            "ms",
            "",
            "not measured: no display (run under xvfb-run)".into(),
        ));
        return Ok(());
    }
    // The day's backup already taken, as at every start but the first of a day (that one
    // copies and checks the whole archive in the background).
    {
        let d = Db::open(db)?;
        club_core::store::backup::take(
            d.path(),
            &SystemClock,
            club_core::store::backup::BackupReason::Daily,
        )?;
    }
    let (mut app_ms, mut blank_ms, mut app_mb, mut blank_mb) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..=starts {
        // Interleaved, so both meet the same machine; the first start of each warms caches.
        let (ms, mb) = start_once(app, db, session, dir)?;
        let (bms, bmb) = start_once(blank, db, session, dir)?;
        if i > 0 {
            app_ms.push(ms);
            app_mb.push(mb);
            blank_ms.push(bms);
            blank_mb.push(bmb);
        }
    }
    let (a50, a99) = percentiles(&mut app_ms);
    let (b50, b99) = percentiles(&mut blank_ms);
    let (am, _) = percentiles(&mut app_mb);
    let (bm, _) = percentiles(&mut blank_mb);
    rows.push(row(
        "start",
        "blank Tauri window: start to page loaded",
        b50,
        Some(b99),
        "ms",
        "the floor",
        format!("median and worst of {starts}"),
    ));
    rows.push(row(
        "start",
        "app: start to first interactive screen",
        a50,
        Some(a99),
        "ms",
        "≤ 1.2× blank",
        format!(
            "{:.2}× the blank window; session no. {session} open",
            a50 / b50
        ),
    ));
    rows.push(row(
        "memory",
        "blank Tauri window, PSS of all processes",
        bm,
        None,
        "MB",
        "",
        "app + WebKit web and network processes".into(),
    ));
    rows.push(row(
        "memory",
        "app after opening the biggest session, PSS",
        am,
        None,
        "MB",
        "≤ blank + 60 MB",
        format!("{:+.0} MB beside the blank window", am - bm),
    ));
    Ok(())
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
    if let Some(app) = a.app {
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
    if let Some(deb) = a.deb {
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
    let archive = std::fs::metadata(a.archive)?.len();
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

pub fn table(rows: &[Row]) -> String {
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
