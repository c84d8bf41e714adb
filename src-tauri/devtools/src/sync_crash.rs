//! Crash safety of sync: `club-dev sync-crash-test --kills N`. A hub and two laptops run as
//! processes of their own (this binary: `sync-hub`, `sync-laptop`); the laptops add people
//! and sync without pause, and the harness kills the hub or a laptop with SIGKILL at random
//! moments — during pushes, pulls, rebases — and starts it again. A laptop acknowledges
//! in its file each person it added (after club-core returned) and each operation the hub
//! answered as accepted. At the end, with everyone synced: every acknowledged person is on
//! the hub and on both laptops exactly once, every accepted operation is in the hub's log,
//! the three databases hold the same rows, and each passes SQLite's integrity check.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::sessions::{self, SessionInput};
use club_core::store::capture::synced_tables;
use club_core::sync::{client as local, hub, team, wire, Role};
use club_core::{Db, Lang, SystemClock, Text};
use club_hub::client::{self, Failure};

use crate::crash::Lcg;

#[derive(Args)]
pub struct SyncCrashArgs {
    /// How many kills (the hub or a laptop, at random)
    #[arg(long, default_value_t = 200)]
    kills: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the databases and acknowledgements here (default: a temporary directory)
    #[arg(long)]
    dir: Option<PathBuf>,
}

const LAPTOPS: [&str; 2] = ["a", "b"];

pub fn test(a: &SyncCrashArgs, json: bool) -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let dir = a.dir.clone().unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(dir.join("hub"))?;
    let started = Instant::now();
    let exe = std::env::current_exe()?;

    // The founding laptop's data becomes the hub's; the two laptops join over the network.
    let founder = Db::open(dir.join("founder.sqlite3"))?;
    sessions::create(
        &founder,
        &SystemClock,
        &SessionInput {
            title: Text::new().with(Lang::Ru, "8-е заседание"),
            date: "2026-12-10".into(),
            start: "15:00".into(),
            end: "17:30".into(),
            ..Default::default()
        },
    )?;
    let hub_path = dir.join("hub/hub.sqlite3");
    drop(hub::found(&founder, &hub_path)?);
    let identity = club_hub::tls::load_or_make(&dir.join("hub"), &["127.0.0.1".into()])?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let listen = format!("127.0.0.1:{port}");
    let address = format!("https://{listen}");
    let spawn_hub = || -> anyhow::Result<Child> {
        Ok(Command::new(&exe)
            .args(["sync-hub", "--listen", &listen, "--db"])
            .arg(&hub_path)
            .stdout(Stdio::null())
            .spawn()?)
    };
    let mut hub_proc = spawn_hub()?;
    let laptop_db = |who: &str| dir.join(format!("{who}.sqlite3"));
    let ack = |who: &str| dir.join(format!("{who}.ack"));
    for who in LAPTOPS {
        let code = {
            let hub_db = Db::open(&hub_path)?;
            wire::join_code(
                &team::invite(
                    &hub_db,
                    &SystemClock,
                    &format!("laptop {who}"),
                    Role::Organizer,
                    1,
                )?,
                &identity.fingerprint(),
            )
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match client::join(&laptop_db(who), &SystemClock, &address, &code) {
                Ok(_) => break,
                Err(Failure::Offline(_)) if Instant::now() < deadline => {
                    let _ = std::fs::remove_file(laptop_db(who));
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => bail!("laptop {who} could not join: {e}"),
            }
        }
    }
    let spawn_laptop = |who: &str| -> anyhow::Result<Child> {
        Ok(Command::new(&exe)
            .args(["sync-laptop", "--db"])
            .arg(laptop_db(who))
            .arg("--ack")
            .arg(ack(who))
            .args(["--name", who])
            .stdout(Stdio::null())
            .spawn()?)
    };
    let mut laptops: Vec<Child> = LAPTOPS
        .iter()
        .map(|w| spawn_laptop(w))
        .collect::<anyhow::Result<_>>()?;

    let mut rng = Lcg(a.seed);
    let mut killed = [0u32; 3];
    for _ in 0..a.kills {
        std::thread::sleep(Duration::from_millis(20 + rng.next() % 250));
        let victim = (rng.next() % 3) as usize;
        let child = match victim {
            0 => &mut hub_proc,
            i => &mut laptops[i - 1],
        };
        child.kill()?; // SIGKILL
        child.wait()?;
        killed[victim] += 1;
        *child = match victim {
            0 => spawn_hub()?,
            i => spawn_laptop(LAPTOPS[i - 1])?,
        };
    }
    for mut l in laptops {
        l.kill()?;
        l.wait()?;
    }

    // Everyone syncs until nothing waits and both laptops stand at the hub's head.
    let dbs: Vec<Db> = LAPTOPS
        .iter()
        .map(|w| Db::open(laptop_db(w)))
        .collect::<Result<_, _>>()?;
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let mut settled = true;
        for db in &dbs {
            match client::sync_once(db, &SystemClock, Duration::ZERO) {
                Ok(_) => {}
                Err(Failure::Offline(_)) => settled = false,
                Err(e) => bail!("the final sync failed: {e}"),
            }
        }
        let hub_db = Db::open(&hub_path)?;
        let head = hub::head(&hub_db)?;
        for db in &dbs {
            let s = local::status(db)?;
            settled &= s.waiting == 0 && s.member.is_some_and(|m| m.last_seq == head);
        }
        if settled {
            break;
        }
        if Instant::now() > deadline {
            bail!("the laptops did not settle on the hub's head in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    hub_proc.kill()?;
    hub_proc.wait()?;

    // The checks.
    let hub_db = Db::open(&hub_path)?;
    let logged: BTreeSet<String> = hub_db.read(|c| {
        let mut s = c.prepare("SELECT op_id FROM hub_log")?;
        let v = s
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(v)
    })?;
    let hub_people = names(&hub_db)?;
    let mut made_total = 0;
    let mut accepted_total = 0;
    for who in LAPTOPS {
        let (made, accepted) = acknowledged(&ack(who))?;
        made_total += made.len();
        accepted_total += accepted.iter().collect::<BTreeSet<_>>().len();
        for op in &accepted {
            if !logged.contains(op) {
                bail!("laptop {who} was told operation {op} was accepted; the hub's log lacks it");
            }
        }
        for (place, people) in [
            ("the hub", &hub_people),
            ("laptop a", &names(&dbs[0])?),
            ("laptop b", &names(&dbs[1])?),
        ] {
            for name in &made {
                match people.get(name) {
                    Some(1) => {}
                    Some(n) => bail!("{name} (added on laptop {who}) is on {place} {n} times"),
                    None => bail!("{name}, added on laptop {who}, is missing on {place}"),
                }
            }
        }
    }
    let hub_rows = rows(&hub_db)?;
    for (who, db) in LAPTOPS.iter().zip(&dbs) {
        if rows(db)? != hub_rows {
            bail!("laptop {who} does not hold the hub's rows");
        }
    }
    for db in [&hub_db, &dbs[0], &dbs[1]] {
        let ok: String =
            db.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))?;
        if ok != "ok" {
            bail!("{}: {ok}", db.path().display());
        }
    }
    crate::report(
        json,
        &serde_json::json!({
            "kills": a.kills, "hubKills": killed[0], "laptopKills": killed[1] + killed[2],
            "added": made_total, "accepted": accepted_total, "logged": logged.len(), "lost": 0,
            "seconds": started.elapsed().as_secs_f64(),
        }),
        &format!(
            "{} kills ({} of the hub, {} of laptops); {} people added and acknowledged, {} \
             operations accepted by the hub, {} in its log; nothing lost, nothing twice, \
             all three databases equal and sound ({:.0?})",
            a.kills,
            killed[0],
            killed[1] + killed[2],
            made_total,
            accepted_total,
            logged.len(),
            started.elapsed()
        ),
    )
}

/// `sync-hub`: serves the hub until killed.
pub fn hub_process(db: &Path, listen: &str) -> anyhow::Result<()> {
    let (db, identity, dir) = club_hub::server::open(db, &[])?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(listen))?;
    runtime.block_on(club_hub::server::serve(db, dir, identity, listener));
    Ok(())
}

/// `sync-laptop`: adds people and syncs until killed, acknowledging each person added and
/// each operation the hub accepted (a line each, synced to disk).
pub fn laptop_process(db_path: &Path, ack: &Path, name: &str) -> anyhow::Result<()> {
    let db = Db::open(db_path)?;
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(ack)?;
    let mut acknowledge = |line: String| -> anyhow::Result<()> {
        log.write_all(format!("{line}\n").as_bytes())?;
        log.sync_data()?;
        Ok(())
    };
    loop {
        let family = format!("{name}-{}", club_core::ids::new_id());
        people::create(&db, &SystemClock, &person(&family))?;
        acknowledge(format!("made {family}"))?;
        let Ok(hub) = client::connect(&db) else {
            continue;
        };
        for p in local::outbox(&db)? {
            match hub.push(&p) {
                Ok(_) => acknowledge(format!("accepted {}", p.op_id))?,
                Err(Failure::Refused(_)) => local::drop_refused(&db, &p.op_id)?,
                Err(_) => break,
            }
        }
        let _ = client::pull_with(&db, &hub, Duration::ZERO);
    }
}

fn person(family: &str) -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: "Тест".into(),
            patronymic: String::new(),
            family_first: true,
        }],
        ..Default::default()
    }
}

/// The people added and the operations accepted, from whole lines only (a kill may tear
/// the last one, which was then never acknowledged).
fn acknowledged(ack: &Path) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let bytes = std::fs::read(ack).with_context(|| ack.display().to_string())?;
    let whole = match bytes.iter().rposition(|b| *b == b'\n') {
        Some(end) => &bytes[..end],
        None => &[][..],
    };
    let text = String::from_utf8_lossy(whole);
    let mut made = Vec::new();
    let mut accepted = Vec::new();
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("made ") {
            made.push(n.to_string());
        } else if let Some(op) = line.strip_prefix("accepted ") {
            accepted.push(op.to_string());
        }
    }
    Ok((made, accepted))
}

/// How many times each family name is in the directory.
fn names(db: &Db) -> anyhow::Result<BTreeMap<String, usize>> {
    let mut out = BTreeMap::new();
    for p in people::list(db)? {
        for n in &p.names {
            *out.entry(n.family.clone()).or_insert(0) += 1;
        }
    }
    Ok(out)
}

fn rows(db: &Db) -> anyhow::Result<BTreeMap<String, Vec<String>>> {
    Ok(db.read(|c| {
        let mut out = BTreeMap::new();
        for t in synced_tables(c)? {
            let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\""))?;
            let n = stmt.column_count();
            let mut table: Vec<String> = stmt
                .query_map([], |r| {
                    let v: Vec<rusqlite::types::Value> =
                        (0..n).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
                    Ok(format!("{v:?}"))
                })?
                .collect::<rusqlite::Result<_>>()?;
            table.sort();
            out.insert(t, table);
        }
        Ok(out)
    })?)
}
