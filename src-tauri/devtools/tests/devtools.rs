//! club-dev as scripts/test and scripts/bench run it: the real binary, files in a
//! temporary directory.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_club-dev"))
        .args(args)
        // Never the real app-data directory.
        .env("XDG_DATA_HOME", dir)
        .env_remove("CLUB_PLANNER_DB")
        .output()
        .unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = run(dir, &[args, &["--json"]].concat());
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_crash_harness_finds_every_acknowledged_write_and_notices_a_missing_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("crash");
    let d = dir.to_str().unwrap();
    let r = json(tmp.path(), &["crash-test", "--kills", "5", "--dir", d]);
    assert_eq!(r["kills"], 5);
    assert_eq!(r["lost"], 0);
    assert!(r["acknowledged"].as_u64().unwrap() > 0, "{r}");
    // A write acknowledged but not in the database must be reported.
    let mut log = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("ack.log"))
        .unwrap();
    use std::io::Write;
    writeln!(
        log,
        "session\t0190c5e0-0000-7000-8000-000000000000\tnever written·END"
    )
    .unwrap();
    let out = run(tmp.path(), &["crash-test", "--kills", "1", "--dir", d]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("acknowledged writes are missing"));
}

#[test]
fn bench_refuses_bad_spans_and_missing_archives_and_leaves_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("bench.sqlite3");
    let out_arg = out_file.to_str().unwrap();
    let out = run(
        tmp.path(),
        &["bench", "generate", "--years", "0", "-o", out_arg],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("years"));
    assert!(!out_file.exists(), "a refused generate makes no file");

    let missing = tmp.path().join("none.sqlite3");
    let missing_arg = missing.to_str().unwrap();
    let out = run(tmp.path(), &["bench", "run", missing_arg, "--samples", "3"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such archive"));
    assert!(!missing.exists(), "a missing archive is not created");

    let out = run(
        tmp.path(),
        &["bench", "generate", "--years", "1", "-o", out_arg],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = run(
        tmp.path(),
        &["bench", "generate", "--years", "1", "-o", out_arg],
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));
}

#[test]
fn help_lists_the_benchmark_and_the_crash_harness() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("crash-test") && help.contains("bench"),
        "{help}"
    );
    assert!(
        !help.contains("crash-writer"),
        "the writer is the harness's own"
    );
}
