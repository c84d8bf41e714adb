//! Sync across hosts: a hub and two laptops, each a clubctl process in a Linux network
//! namespace of its own, joined by veth links the test makes and cuts. Needs root (or
//! CAP_NET_ADMIN) and `ip`; where namespaces cannot be made it says SKIPPED loudly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use club_core::store::capture::synced_tables;
use rusqlite::types::Value;
use rusqlite::Connection;

const CLUBCTL: &str = env!("CARGO_BIN_EXE_clubctl");

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Three namespaces — hub, a, b — and a link from the hub to each laptop.
struct Net {
    tag: String,
}

impl Net {
    fn ns(&self, who: &str) -> String {
        format!("cp{who}{}", self.tag)
    }

    /// The hub's end of the link to laptop `who`.
    fn hub_end(&self, who: &str) -> String {
        format!("h{who}{}", self.tag)
    }

    fn make() -> Option<Net> {
        let net = Net {
            tag: (std::process::id() % 100_000).to_string(),
        };
        if !ip(&["netns", "add", &net.ns("h")]) {
            return None;
        }
        for (who, subnet) in [("a", 1), ("b", 2)] {
            let (ns, laptop_end, hub_end) =
                (net.ns(who), format!("l{who}{}", net.tag), net.hub_end(who));
            let ok = ip(&["netns", "add", &ns])
                && ip(&[
                    "link",
                    "add",
                    &laptop_end,
                    "type",
                    "veth",
                    "peer",
                    "name",
                    &hub_end,
                ])
                && ip(&["link", "set", &laptop_end, "netns", &ns])
                && ip(&["link", "set", &hub_end, "netns", &net.ns("h")])
                && ip(&[
                    "-n",
                    &ns,
                    "addr",
                    "add",
                    &format!("10.213.{subnet}.2/24"),
                    "dev",
                    &laptop_end,
                ])
                && ip(&[
                    "-n",
                    &net.ns("h"),
                    "addr",
                    "add",
                    &format!("10.213.{subnet}.1/24"),
                    "dev",
                    &hub_end,
                ])
                && ip(&["-n", &ns, "link", "set", &laptop_end, "up"])
                && ip(&["-n", &ns, "link", "set", "lo", "up"])
                && ip(&["-n", &net.ns("h"), "link", "set", &hub_end, "up"]);
            assert!(ok, "the namespaces were made, but not the links");
        }
        assert!(ip(&["-n", &net.ns("h"), "link", "set", "lo", "up"]));
        Some(net)
    }

    fn link(&self, who: &str, up: bool) {
        let state = if up { "up" } else { "down" };
        assert!(ip(&[
            "-n",
            &self.ns("h"),
            "link",
            "set",
            &self.hub_end(who),
            state
        ]));
    }
}

impl Drop for Net {
    fn drop(&mut self) {
        for who in ["h", "a", "b"] {
            ip(&["netns", "del", &self.ns(who)]);
        }
    }
}

/// clubctl on `db`, inside namespace `ns` (None: this one).
fn ctl(ns: Option<&str>, db: &Path, args: &[&str]) -> Output {
    let mut c = match ns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns, CLUBCTL]);
            c
        }
        None => Command::new(CLUBCTL),
    };
    c.arg("--db").arg(db).args(args).output().unwrap()
}

fn ok(ns: Option<&str>, db: &Path, args: &[&str]) -> String {
    let out = ctl(ns, db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(ns: Option<&str>, db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(ns, db, &[args, &["--json"]].concat())).unwrap()
}

/// Every synced table's rows, sorted: what must be equal on every machine.
fn rows(db: &Path) -> BTreeMap<String, Vec<String>> {
    let c = Connection::open(db).unwrap();
    let mut out = BTreeMap::new();
    for t in synced_tables(&c).unwrap() {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut table: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{:?}",
                    (0..n)
                        .map(|i| r.get::<_, Value>(i))
                        .collect::<rusqlite::Result<Vec<_>>>()?
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        table.sort();
        out.insert(t, table);
    }
    out
}

fn sound(db: &Path) {
    let c = Connection::open(db).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "{}", db.display());
    let dangling: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "{}: rows pointing at nothing", db.display());
}

struct Hub(Child);

impl Drop for Hub {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn two_laptops_cut_off_edit_the_same_things_and_converge_through_the_hub() {
    let Some(net) = Net::make() else {
        eprintln!(
            "\n*** SKIPPED: cannot create network namespaces here (needs root or CAP_NET_ADMIN \
             and `ip`); the multi-host sync test did not run ***\n"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| -> PathBuf { dir.path().join(name) };
    let (hub_ns, a_ns, b_ns) = (net.ns("h"), net.ns("a"), net.ns("b"));

    // A laptop's data founds the hub.
    let lap = p("laptop.sqlite3");
    ok(
        None,
        &lap,
        &[
            "session",
            "add",
            "--number",
            "8",
            "--title",
            "ru=8-е заседание Клуба",
            "--date",
            "2026-12-10",
            "--start",
            "15:00",
            "--end",
            "17:30",
        ],
    );
    let agenda = json(
        None,
        &lap,
        &[
            "agenda",
            "add",
            "8",
            "--kind",
            "report",
            "--title",
            "ru=Доклад посла",
            "--duration",
            "20",
        ],
    );
    let item = agenda["items"][0]["id"].as_str().unwrap().to_string();
    let person = ok(
        None,
        &lap,
        &[
            "people",
            "add",
            "--family",
            "ru=Иванов",
            "--given",
            "ru=Пётр",
        ],
    )
    .trim()
    .to_string();
    std::fs::create_dir(p("hub")).unwrap();
    let hub_db = p("hub/hub.sqlite3");
    ok(
        None,
        &hub_db,
        &["hub", "init", "--from", lap.to_str().unwrap()],
    );
    let _hub = Hub(Command::new("ip")
        .args(["netns", "exec", &hub_ns, CLUBCTL, "--db"])
        .arg(&hub_db)
        .args([
            "hub",
            "serve",
            "--listen",
            "0.0.0.0:8443",
            "--name",
            "10.213.1.1",
            "--name",
            "10.213.2.1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap());
    let code = |name: &str| {
        json(None, &hub_db, &["hub", "invite", name])["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (a, b) = (p("a.sqlite3"), p("b.sqlite3"));
    // The hub may take a moment to listen.
    let started = Instant::now();
    let a_code = code("Айгерим");
    loop {
        let out = ctl(
            Some(&a_ns),
            &a,
            &["team", "join", "https://10.213.1.1:8443", &a_code],
        );
        if out.status.success() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_file(&a);
        std::thread::sleep(Duration::from_millis(200));
    }
    ok(
        Some(&b_ns),
        &b,
        &["team", "join", "https://10.213.2.1:8443", &code("Ли Вэй")],
    );

    // Both cut off: a sync fails and changes nothing.
    net.link("a", false);
    net.link("b", false);
    assert!(!ctl(Some(&a_ns), &a, &["sync"]).status.success());
    ok(None, &a, &["agenda", "edit", &item, "--duration", "30"]);
    ok(None, &a, &["people", "delete", &person]);
    ok(
        None,
        &b,
        &[
            "agenda",
            "edit",
            &item,
            "--duration",
            "45",
            "--title",
            "ru=Доклад посла Казахстана",
        ],
    );
    ok(None, &b, &["invite", "8", &person]);

    // Links restored: each syncs (twice round, so everyone has everyone's).
    net.link("a", true);
    net.link("b", true);
    for _ in 0..2 {
        ok(Some(&a_ns), &a, &["sync"]);
        ok(Some(&b_ns), &b, &["sync"]);
    }

    let hub_rows = rows(&hub_db);
    assert_eq!(rows(&a), hub_rows, "laptop A differs from the hub");
    assert_eq!(rows(&b), hub_rows, "laptop B differs from the hub");
    for db in [&hub_db, &a, &b] {
        sound(db);
    }
    // The title is merged; the duration and the invitation are in the register.
    let shown = json(None, &b, &["agenda", "list", "8"]);
    assert_eq!(shown["items"][0]["title"]["ru"], "Доклад посла Казахстана");
    assert_eq!(shown["items"][0]["durationMin"], 30);
    let register = json(None, &a, &["conflicts", "list"]);
    let entries = register.as_array().unwrap();
    assert!(
        entries.iter().any(|c| c["column"] == "duration_min"
            && c["kept"] == "30"
            && c["proposed"] == "45"
            && c["keptAuthor"] == "Айгерим"
            && c["proposedAuthor"] == "Ли Вэй"),
        "{register:#}"
    );
    assert!(
        entries
            .iter()
            .any(|c| c["table"] == "invitation" && c["kind"] == "foreign_key"),
        "{register:#}"
    );
    // The archive search finds the new title on both laptops.
    for db in [&a, &b] {
        let hits = ok(None, db, &["search", "Казахстана"]);
        assert!(
            hits.contains("Доклад посла [Казахстана]"),
            "{}: {hits}",
            db.display()
        );
    }
}

#[test]
fn a_hub_is_not_founded_from_a_mistyped_laptop_file() {
    let dir = tempfile::tempdir().unwrap();
    let hub_db = dir.path().join("hub.sqlite3");
    let missing = dir.path().join("no-such-laptop.sqlite3");
    let out = ctl(
        None,
        &hub_db,
        &["hub", "init", "--from", missing.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such laptop database"));
    assert!(!missing.exists() && !hub_db.exists(), "nothing is written");
}
