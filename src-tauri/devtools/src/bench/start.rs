//! Start-up and memory of the release app beside a blank Tauri window (examples/blank.rs),
//! under a display.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

use club_core::{Db, SystemClock};

use super::{percentiles, row, Row};

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

pub fn rows(
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
