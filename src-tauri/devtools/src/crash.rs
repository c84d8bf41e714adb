//! The crash-safety harness: `club-dev crash-test --kills N`. It starts writers (this same
//! binary, `crash-writer`) on one database, kills each with SIGKILL at a random moment,
//! reopens the database and checks that every write the writer acknowledged is there
//! exactly as written, that nothing half-written is visible, and that SQLite's
//! integrity check passes. A writer acknowledges a write (a line in the ack file, synced
//! to disk) only after club-core returned from it, as the app shows "saved".

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput};
use club_core::planning::sessions::{self, SessionInput};
use club_core::{minutes, Db, Lang, SystemClock, Text};

const END: &str = "·END";

#[derive(Args)]
pub struct CrashTestArgs {
    /// How many writers to kill
    #[arg(long, default_value_t = 100)]
    kills: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the database and the acknowledgements here (default: a temporary directory)
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// `crash-test`: runs the harness and prints what it found.
pub fn test(a: &CrashTestArgs, json: bool) -> anyhow::Result<()> {
    let r = run(a.kills, a.seed, a.dir.clone())?;
    crate::report(
        json,
        &serde_json::json!({ "kills": r.kills, "midWrite": r.mid_write, "acknowledged": r.acknowledged, "checked": r.checked, "lost": r.lost }),
        &format!(
            "{} kills survived ({} among the writes, the rest while opening); {} writes acknowledged, {} checks of them, {} lost; integrity_check ok after every kill",
            r.kills, r.mid_write, r.acknowledged, r.checked, r.lost
        ),
    )
}

/// Writes forever, one transaction after another, acknowledging each in `ack`.
pub fn writer(db_path: &Path, ack: &Path) -> anyhow::Result<()> {
    let db = Db::open(db_path)?;
    // The harness times most kills from here, so that they land among the writes.
    println!("ready");
    std::io::stdout().flush()?;
    let clock = SystemClock;
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(ack)?;
    let mut acknowledge = |line: String| -> anyhow::Result<()> {
        log.write_all(format!("{line}\n").as_bytes())?;
        log.sync_data()?;
        Ok(())
    };
    let pid = std::process::id();
    for n in 0u64.. {
        let title = format!("crash {pid}-{n} — Қазақстан 哈萨克斯坦{END}");
        let s = sessions::create(
            &db,
            &clock,
            &SessionInput {
                // Unnumbered: a thousand kills write more sessions than a series holds.
                title: Text::new().with(Lang::Ru, &title),
                date: "2030-01-10".into(),
                start: "15:00".into(),
                end: "17:00".into(),
                time_zone: "Asia/Shanghai".into(),
                ..Default::default()
            },
        )?;
        acknowledge(format!("session\t{}\t{title}", s.id))?;
        for k in 0..3 {
            let item_title = format!("item {pid}-{n}-{k}{END}");
            let a = agenda::add(
                &db,
                &clock,
                &s.id,
                &AgendaItemInput {
                    title: Text::new().with(Lang::Ru, &item_title),
                    duration_min: "20".into(),
                    ..Default::default()
                },
                None,
            )?;
            let item = a.items.last().context("the item just added")?;
            acknowledge(format!("agenda\t{}\t{item_title}", item.id))?;
            let notes = format!(
                "notes {pid}-{n}-{k}: {}{END}",
                "ә ғ қ ң ө ұ ү һ і 交通物流 ".repeat(20)
            );
            minutes::set_item(
                &db,
                &clock,
                &item.id,
                &Text::new().with(Lang::Kk, &notes),
                &Text::new(),
            )?;
            acknowledge(format!("notes\t{}\t{notes}", item.id))?;
        }
        let family = format!("Әбілов{pid}x{n}");
        let p = people::create(
            &db,
            &clock,
            &PersonInput {
                names: vec![
                    PersonName {
                        lang: Lang::Kk,
                        family: family.clone(),
                        given: "Ұлан".into(),
                        patronymic: String::new(),
                        family_first: false,
                    },
                    PersonName {
                        lang: Lang::Zh,
                        family: "阿".into(),
                        given: format!("比洛夫{n}"),
                        patronymic: String::new(),
                        family_first: true,
                    },
                ],
                ..Default::default()
            },
        )?;
        acknowledge(format!("person\t{}\t{family}", p.id))?;
    }
    Ok(())
}

/// A tiny deterministic generator (the harness needs repeatable kill times, not quality).
pub(crate) struct Lcg(pub(crate) u64);
impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

struct Report {
    kills: u32,
    /// Kills that came after the writer had opened the database (among its writes).
    mid_write: u32,
    acknowledged: usize,
    checked: usize,
    lost: usize,
}

fn run(kills: u32, seed: u64, dir: Option<PathBuf>) -> anyhow::Result<Report> {
    let tmp = tempfile::tempdir()?;
    let dir = dir.unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let db_path = dir.join("crash.sqlite3");
    let ack = dir.join("ack.log");
    let exe = std::env::current_exe()?;
    let mut rng = Lcg(seed);
    let mut report = Report {
        kills: 0,
        mid_write: 0,
        acknowledged: 0,
        checked: 0,
        lost: 0,
    };
    let started = Instant::now();
    for i in 0..kills {
        let mut child = Command::new(&exe)
            .arg("crash-writer")
            .arg("--db")
            .arg(&db_path)
            .arg("--ack")
            .arg(&ack)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        // One kill in four while the writer opens the database; the rest among its
        // writes, up to 150 ms after it is ready.
        if !rng.next().is_multiple_of(4) {
            let mut ready = String::new();
            let stdout = child.stdout.take().context("the writer's output")?;
            std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut ready)?;
            report.mid_write += 1;
        }
        std::thread::sleep(Duration::from_millis(1 + rng.next() % 150));
        if let Some(status) = child.try_wait()? {
            let out = child.wait_with_output()?;
            bail!(
                "writer {i} ended by itself ({status}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        child.kill()?; // SIGKILL on Unix
        child.wait()?;
        report.kills += 1;
        let (acked, checked, lost) =
            check(&db_path, &ack).with_context(|| format!("after kill {}", i + 1))?;
        report.acknowledged = acked;
        report.checked += checked;
        report.lost += lost;
        if lost > 0 {
            bail!(
                "after kill {}: {lost} acknowledged writes are missing",
                i + 1
            );
        }
        if (i + 1) % 100 == 0 {
            eprintln!(
                "{} kills, {} writes acknowledged, {:.0?}",
                i + 1,
                acked,
                started.elapsed()
            );
        }
    }
    Ok(report)
}

/// Reopens the database as the app would and compares it with the acknowledgements.
/// Returns (acknowledged so far, checked now, lost).
fn check(db_path: &Path, ack: &Path) -> anyhow::Result<(usize, usize, usize)> {
    let db = Db::open(db_path)?; // runs quick_check
    let (integrity, fk_errors) = db.read(|c| {
        let integrity: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
        Ok((integrity, fk))
    })?;
    if integrity != "ok" || fk_errors > 0 {
        bail!("integrity_check: {integrity}; broken references: {fk_errors}");
    }
    // Nothing half-written: every text the writers wrote is whole, every person has names.
    let (truncated, nameless, unindexed) = db.read(|c| {
        let truncated: i64 = c.query_row(
            "SELECT (SELECT count(*) FROM session WHERE title NOT LIKE '%' || ?1 || '\"}')
                  + (SELECT count(*) FROM agenda_item WHERE title NOT LIKE '%' || ?1 || '\"}')
                  + (SELECT count(*) FROM minutes_item WHERE notes <> '{}' AND notes NOT LIKE '%' || ?1 || '\"}')",
            [END],
            |r| r.get(0),
        )?;
        let nameless: i64 = c.query_row(
            "SELECT count(*) FROM person p WHERE (SELECT count(*) FROM person_name n WHERE n.person_id = p.id) <> 2",
            [],
            |r| r.get(0),
        )?;
        // A person's search entry is written by the app after the names (migration 0003),
        // in the same transaction: never missing, never doubled.
        let unindexed: i64 = c.query_row(
            "SELECT count(*) FROM person p
             WHERE (SELECT count(*) FROM search_doc d JOIN search_index s ON s.rowid = d.doc
                    WHERE d.kind = 'person' AND d.ref = p.id) <> 1",
            [],
            |r| r.get(0),
        )?;
        Ok((truncated, nameless, unindexed))
    })?;
    if truncated > 0 || nameless > 0 || unindexed > 0 {
        bail!(
            "half-written: {truncated} texts cut short, {nameless} people without both names, \
             {unindexed} people without their one search entry"
        );
    }
    // Bytes, not text: a kill can cut a character of the last line in half, and a failed
    // UTF-8 read must not turn into an empty log (that checked nothing — found by a
    // 1000-kill run that reported 0 acknowledged writes).
    let bytes = std::fs::read(ack).unwrap_or_default();
    let log = String::from_utf8_lossy(&bytes);
    let mut wanted: HashMap<(&str, &str), &str> = HashMap::new();
    // A line cut by the kill was never acknowledged: only whole lines count.
    for line in log
        .lines()
        .filter(|l| l.ends_with(END) || l.starts_with("person\t"))
    {
        let mut parts = line.splitn(3, '\t');
        if let (Some(kind), Some(id), Some(value)) = (parts.next(), parts.next(), parts.next()) {
            wanted.insert((kind, id), value);
        }
    }
    let complete = log.ends_with('\n');
    // What the database holds, one query per kind.
    let stored: HashMap<&str, HashMap<String, String>> = db.read(|c| {
        let mut out = HashMap::new();
        for (kind, sql) in [
            (
                "session",
                "SELECT id, json_extract(title, '$.ru') FROM session",
            ),
            (
                "agenda",
                "SELECT id, json_extract(title, '$.ru') FROM agenda_item",
            ),
            (
                "notes",
                "SELECT agenda_item_id, json_extract(notes, '$.kk') FROM minutes_item",
            ),
            (
                "person",
                "SELECT person_id, family FROM person_name WHERE lang = 'kk'",
            ),
        ] {
            let mut stmt = c.prepare(sql)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
                })?
                .filter_map(|r| r.ok())
                .filter_map(|(id, v)| v.map(|v| (id, v)))
                .collect::<HashMap<_, _>>();
            out.insert(kind, rows);
        }
        Ok(out)
    })?;
    let mut lost = 0;
    for ((kind, id), value) in &wanted {
        let found = stored.get(kind).and_then(|m| m.get(*id));
        if found.map(String::as_str) != Some(*value) {
            // The last line may be torn by the kill; anything else is a lost write.
            let is_last = log.trim_end().ends_with(value);
            if !is_last || complete {
                lost += 1;
                eprintln!("lost: {kind} {id}: wanted {value:?}, found {found:?}");
            }
        }
    }
    Ok((wanted.len(), wanted.len(), lost))
}
