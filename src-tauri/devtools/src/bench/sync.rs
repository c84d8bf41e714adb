//! `club-dev bench sync`: sync between laptops through a hub on the loopback — how soon a
//! change made on one laptop is visible on another, how long a laptop away for a year of
//! the generated archive's activity takes to catch up, and the hub under 20 laptops
//! writing 10 changes a second each. The hub runs as a process of its own (`sync-hub`),
//! so its memory is its own. Figures for docs/PERFORMANCE.md, never pass/fail.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput};
use club_core::planning::invitations::{self, InvitationPatch};
use club_core::planning::rsvp::InvitationStatus;
use club_core::planning::sessions;
use club_core::sample::generate;
use club_core::sync::{client as local, hub, team, wire, Role};
use club_core::{Db, Lang, SystemClock};
use club_hub::client::{self, Failure};

use super::{percentiles, row, table, Row};

#[derive(Args)]
pub struct SyncArgs {
    /// Changes timed from one laptop to the other
    #[arg(long, default_value_t = 200)]
    samples: usize,
    /// Laptops writing at once in the load test
    #[arg(long, default_value_t = 20)]
    clients: usize,
    /// Changes a second each laptop makes in the load test
    #[arg(long, default_value_t = 10)]
    rate: u32,
    /// How long the load test runs, seconds
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Years of generated activity the away laptop catches up on
    #[arg(long, default_value_t = 1)]
    years: u32,
}

struct HubProc {
    child: Child,
    address: String,
    path: PathBuf,
    fingerprint: String,
}

impl Drop for HubProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl HubProc {
    /// A hub in `dir`, founded from an empty laptop, serving on a free loopback port.
    fn start(dir: &Path) -> anyhow::Result<HubProc> {
        std::fs::create_dir_all(dir.join("hub"))?;
        let founder = Db::open(dir.join("founder.sqlite3"))?;
        let path = dir.join("hub/hub.sqlite3");
        drop(hub::found(&founder, &path)?);
        let identity = club_hub::tls::load_or_make(&dir.join("hub"), &["127.0.0.1".into()])?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new(std::env::current_exe()?)
            .args(["sync-hub", "--listen", &format!("127.0.0.1:{port}"), "--db"])
            .arg(&path)
            .stdout(Stdio::null())
            .spawn()?;
        Ok(HubProc {
            child,
            address: format!("https://127.0.0.1:{port}"),
            path,
            fingerprint: identity.fingerprint(),
        })
    }

    /// A laptop joined to this hub, in a new file at `path`.
    fn join(&self, path: &Path, name: &str) -> anyhow::Result<Db> {
        let code = {
            let db = Db::open(&self.path)?;
            wire::join_code(
                &team::invite(&db, &SystemClock, name, Role::Organizer, 1)?,
                &self.fingerprint,
            )
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match client::join(path, &SystemClock, &self.address, &code) {
                Ok(db) => return Ok(db),
                Err(Failure::Offline(_)) if Instant::now() < deadline => {
                    let _ = std::fs::remove_file(path);
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => bail!("{name} could not join: {e}"),
            }
        }
    }

    /// The hub process's peak resident memory, MB.
    fn peak_mb(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            })
            .map(|kb| kb / 1024.0)
            .unwrap_or(f64::NAN)
    }
}

fn person(family: &str) -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: "Бенч".into(),
            patronymic: String::new(),
            family_first: true,
        }],
        ..Default::default()
    }
}

pub fn run(a: &SyncArgs, json: bool) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut rows = Vec::new();
    latency(dir.path(), a.samples, &mut rows)?;
    catch_up(&dir.path().join("away"), a.years, &mut rows)?;
    load(&dir.path().join("load"), a, &mut rows)?;
    crate::report(json, &rows, table(&rows).trim_end())
}

/// From the moment a change is saved on laptop A to the moment laptop B, waiting on its
/// long poll as the app does, has taken it in.
fn latency(dir: &Path, samples: usize, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let hub = HubProc::start(dir)?;
    let a = hub.join(&dir.join("a.sqlite3"), "A")?;
    let b_path = dir.join("b.sqlite3");
    drop(hub.join(&b_path, "B")?);
    let stop = Arc::new(AtomicBool::new(false));
    let (seen_tx, seen_rx) = std::sync::mpsc::channel::<Instant>();
    let waiter = {
        let stop = stop.clone();
        std::thread::spawn(move || -> anyhow::Result<()> {
            let b = Db::open(&b_path)?;
            let hub = client::connect(&b)?;
            while !stop.load(Ordering::SeqCst) {
                let got = client::pull_with(&b, &hub, Duration::from_secs(5))?;
                for _ in 0..got.applied {
                    let _ = seen_tx.send(Instant::now());
                }
            }
            Ok(())
        })
    };
    let hub_a = client::connect(&a)?;
    let mut times = Vec::with_capacity(samples);
    for i in 0..samples + 3 {
        std::thread::sleep(Duration::from_millis(20));
        let made = Instant::now();
        people::create(&a, &SystemClock, &person(&format!("Задержка-{i}")))?;
        client::push_with(&a, &hub_a)?;
        let seen = seen_rx
            .recv_timeout(Duration::from_secs(10))
            .context("laptop B did not see A's change within 10 s")?;
        if i >= 3 {
            times.push((seen - made).as_secs_f64() * 1000.0);
        }
        // A takes in its own change as the app does, so its outbox does not grow (an
        // unacknowledged outbox would be pushed again each time, all of it).
        client::pull_with(&a, &hub_a, Duration::ZERO)?;
    }
    stop.store(true, Ordering::SeqCst);
    // One more change wakes the waiter's long poll so that it sees the stop.
    people::create(&a, &SystemClock, &person("Стоп"))?;
    client::push_with(&a, &hub_a)?;
    waiter
        .join()
        .map_err(|_| anyhow::anyhow!("the waiter panicked"))??;
    let (p50, p99) = percentiles(&mut times);
    rows.push(row(
        "sync",
        "a change on laptop A visible on laptop B (loopback, B on its long poll)",
        p50,
        Some(p99),
        "ms",
        "p99 < 1000 ms",
        format!("{samples} changes, each a person added and pushed at once"),
    ));
    Ok(())
}

/// A laptop that was away while another made a year of the generated archive's activity
/// (every session, invitation, agenda item, minutes… as separate writes): its catch-up.
fn catch_up(dir: &Path, years: u32, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let hub = HubProc::start(dir)?;
    let busy = hub.join(&dir.join("busy.sqlite3"), "busy")?;
    let away = hub.join(&dir.join("away.sqlite3"), "away")?;
    let g = generate::generate(&busy, years, 7)?;
    // The generator writes its archive in one transaction; a real year is many small
    // writes: each invitee's answer and check-in, each agenda item touched.
    for s in sessions::list(&busy, &SystemClock)? {
        for inv in invitations::list(&busy, &s.id)?.invitees {
            let answer = InvitationPatch {
                status: Some(InvitationStatus::Confirmed),
                ..Default::default()
            };
            invitations::update(&busy, &SystemClock, &inv.id, &answer)?;
            // One already checked in by the generator stays so.
            let _ = invitations::check_in(&busy, &SystemClock, &inv.id);
        }
        for item in agenda::get(&busy, &s.id)?.items {
            let mut input = AgendaItemInput::from(&item);
            input.duration_min = (item.duration_min + 5).to_string();
            agenda::update(&busy, &SystemClock, &item.id, &input)?;
        }
    }
    let ops = local::status(&busy)?.waiting;
    let pushed = Instant::now();
    client::sync_once(&busy, &SystemClock, Duration::ZERO)?;
    let push_time = pushed.elapsed();
    let started = Instant::now();
    let round = client::sync_once(&away, &SystemClock, Duration::ZERO)?;
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let size = std::fs::metadata(dir.join("hub/hub.sqlite3"))?.len() as f64 / 1e6;
    rows.push(row(
        "sync",
        &format!("catch-up of a laptop away for {years} year(s) of activity"),
        took,
        None,
        "ms",
        "< 5000 ms",
        format!(
            "{ops} operations (the generated year — {} sessions, {} people, {} invitations — \
             then each answer, check-in and agenda change apart), {} log entries pulled in \
             batches of 500; the busy laptop pushed them in {:.1} s; hub file {size:.0} MB",
            g.sessions,
            g.people,
            g.invitations,
            round.received.applied,
            push_time.as_secs_f64()
        ),
    ));
    Ok(())
}

/// `clients` laptops each saving `rate` changes a second for `seconds`, each pushed at
/// once: the push round trip, and the hub's peak memory.
fn load(dir: &Path, a: &SyncArgs, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let hub = HubProc::start(dir)?;
    let laptops: Vec<PathBuf> = (0..a.clients)
        .map(|i| {
            let path = dir.join(format!("l{i}.sqlite3"));
            hub.join(&path, &format!("laptop {i}")).map(|_| path)
        })
        .collect::<anyhow::Result<_>>()?;
    let start = Instant::now() + Duration::from_millis(500);
    let end = start + Duration::from_secs(a.seconds);
    let period = Duration::from_secs_f64(1.0 / a.rate as f64);
    let workers: Vec<_> = laptops
        .into_iter()
        .enumerate()
        .map(|(i, path)| {
            std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                let db = Db::open(&path)?;
                let hub = client::connect(&db)?;
                let mut times = Vec::new();
                let mut next = start + period.mul_f64(i as f64 / 20.0);
                let mut n = 0;
                while next < end {
                    if let Some(wait) = next.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    people::create(&db, &SystemClock, &person(&format!("Нагрузка-{i}-{n}")))?;
                    let t = Instant::now();
                    for p in local::outbox(&db)? {
                        hub.push(&p)?;
                    }
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    client::pull_with(&db, &hub, Duration::ZERO)?;
                    n += 1;
                    next += period;
                }
                Ok(times)
            })
        })
        .collect();
    let mut times = Vec::new();
    for w in workers {
        times.extend(
            w.join()
                .map_err(|_| anyhow::anyhow!("a laptop panicked"))??,
        );
    }
    let count = times.len();
    let (p50, p99) = percentiles(&mut times);
    rows.push(row(
        "sync",
        &format!(
            "push round trip, {} laptops × {} changes/s for {} s",
            a.clients, a.rate, a.seconds
        ),
        p50,
        Some(p99),
        "ms",
        "p99 < 100 ms",
        format!(
            "{count} pushes, each laptop on one kept-alive connection; every laptop also pulls after its push"
        ),
    ));
    rows.push(row(
        "sync",
        "hub's peak memory (resident) under that load",
        hub.peak_mb(),
        None,
        "MB",
        "—",
        "the hub process alone (VmHWM)".into(),
    ));
    Ok(())
}
