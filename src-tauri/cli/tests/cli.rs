//! clubctl as a script uses it: the real binary, a database in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Ctl {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Ctl {
    fn new() -> Ctl {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.sqlite");
        Ctl { _dir: dir, db }
    }

    fn run(&self, args: &[&str]) -> Output {
        run_on(&self.db, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(&[args, &["--json"]].concat());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

fn run_on(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clubctl"))
        .arg("--db")
        .arg(db)
        .args(args)
        // Never the real app-data directory, even if a test forgets --db.
        .env("XDG_DATA_HOME", db.parent().unwrap())
        .env_remove("CLUB_PLANNER_DB")
        .output()
        .unwrap()
}

#[test]
fn demo_then_list_shows_the_eighth_session() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let list = ctl.json(&["session", "list"]);
    let eighth = list
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == 8)
        .expect("8th");
    assert_eq!(eighth["venue"]["ru"], "Культурный центр Казахстана, Пекин");
    assert_eq!(eighth["timeZone"], "Asia/Shanghai");
}

#[test]
fn add_show_edit_delete_with_multilingual_flags() {
    let ctl = Ctl::new();
    let created = ctl.json(&[
        "session",
        "add",
        "--number",
        "9",
        "--date",
        "2026-12-10",
        "--start",
        "15:00",
        "--end",
        "17:30",
        "--venue",
        "Культурный центр Казахстана",
        "--title",
        "ru=Итоги года",
        "--title",
        "zh=年度总结",
        "--title",
        "kk=Жыл қорытындысы",
    ]);
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(
        created["venue"]["ru"], "Культурный центр Казахстана",
        "plain text is in the interface language"
    );
    assert_eq!(created["timeZone"], "Asia/Shanghai");

    let shown = ctl.json(&["session", "show", "9"]);
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["title"]["kk"], "Жыл қорытындысы");

    let edited = ctl.json(&[
        "session",
        "edit",
        &id,
        "--start",
        "14:30",
        "--title",
        "en=Year in review",
        "--status",
        "invitations_sent",
    ]);
    assert_eq!(edited["start"], "14:30");
    assert_eq!(edited["end"], "17:30", "fields not given stay");
    assert_eq!(edited["title"]["zh"], "年度总结");
    assert_eq!(edited["title"]["en"], "Year in review");
    assert_eq!(edited["status"], "invitations_sent");

    // `LANG=` removes that translation (it used to answer "title.kk is required").
    let cleared = ctl.json(&["session", "edit", &id, "--title", "kk="]);
    assert_eq!(cleared["title"].get("kk"), None);
    assert_eq!(cleared["title"]["zh"], "年度总结");

    assert_eq!(ctl.json(&["session", "next-number"])["number"], 10);
    assert!(ctl.run(&["session", "delete", "9"]).status.success());
    assert_eq!(ctl.json(&["session", "list"]), serde_json::json!([]));
}

#[test]
fn invalid_input_names_the_field_on_stderr_and_writes_nothing() {
    let ctl = Ctl::new();
    let out = ctl.run(&[
        "session",
        "add",
        "--date",
        "2026-12-10",
        "--start",
        "17:00",
        "--end",
        "15:00",
        "--title",
        "ru=X",
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("end must be after the start"), "{err}");

    let out = ctl.run(&[
        "session",
        "add",
        "--date",
        "2026-02-30",
        "--start",
        "15:00",
        "--end",
        "17:00",
        "--title",
        "ru=X",
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("date is not a valid calendar date"));

    let out = ctl.run(&[
        "session",
        "add",
        "--date",
        "2026-12-10",
        "--start",
        "15:00",
        "--end",
        "17:00",
        "--title",
        "ru=X",
        "--status",
        "done",
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("status"));
    assert_eq!(ctl.json(&["session", "list"]), serde_json::json!([]));
}

#[test]
fn unknown_sessions_and_taken_numbers_have_their_own_exit_codes() {
    let ctl = Ctl::new();
    assert_eq!(ctl.run(&["session", "show", "42"]).status.code(), Some(3));
    let add = [
        "session",
        "add",
        "--number",
        "1",
        "--date",
        "2026-12-10",
        "--start",
        "15:00",
        "--end",
        "17:00",
        "--title",
        "ru=X",
    ];
    assert!(ctl.run(&add).status.success());
    let out = ctl.run(&add);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("number is already taken"));
}

#[test]
fn a_newer_database_is_refused_with_a_clear_message_and_left_untouched() {
    let ctl = Ctl::new();
    {
        let c = rusqlite::Connection::open(&ctl.db).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&ctl.db).unwrap();
    let out = ctl.run(&["session", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version of Club Planner"));
    assert_eq!(std::fs::read(&ctl.db).unwrap(), before);
}

#[test]
fn every_command_has_help() {
    let ctl = Ctl::new();
    for args in [
        vec!["--help"],
        vec!["demo", "--help"],
        vec!["session", "--help"],
        vec!["session", "add", "--help"],
        vec!["session", "list", "--help"],
        vec!["session", "show", "--help"],
        vec!["session", "edit", "--help"],
        vec!["session", "delete", "--help"],
        vec!["session", "next-number", "--help"],
        vec!["letters", "--help"],
        vec!["seating", "--help"],
        vec!["mail", "--help"],
        vec!["mail", "send", "--help"],
    ] {
        let out = ctl.run(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn agenda_add_move_edit_remove_by_session_and_position() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let a = ctl.json(&[
        "agenda",
        "add",
        "9",
        "--kind",
        "report",
        "--title",
        "ru=Доклад",
        "--title",
        "zh=报告",
        "--duration",
        "40",
        "--speaker",
        "Нурышев",
    ]);
    assert_eq!(a["items"][0]["end"], "15:40");
    assert_eq!(
        a["items"][0]["roles"][0]["invited"], false,
        "the 9th has no invitees yet"
    );
    let a = ctl.json(&[
        "agenda",
        "add",
        "9",
        "--kind",
        "break",
        "--title",
        "ru=Чай",
        "--duration",
        "15",
        "--at",
        "1",
    ]);
    assert_eq!(a["items"][0]["title"]["ru"], "Чай");
    assert_eq!(a["items"][1]["start"], "15:15");
    let a = ctl.json(&["agenda", "move", "9:1", "--to", "2"]);
    assert_eq!(a["items"][1]["title"]["ru"], "Чай");
    assert_eq!(a["items"][1]["start"], "15:40");
    let a = ctl.json(&["agenda", "edit", "9:1", "--duration", "200"]);
    assert_eq!(a["overrunMin"], 65, "15:00 + 200 + 15 min = 18:35");
    let a = ctl.json(&["agenda", "remove", "9:2"]);
    assert_eq!(a["items"].as_array().unwrap().len(), 1);
    let out = ctl.run(&["agenda", "edit", "9:5", "--duration", "5"]);
    assert_eq!(out.status.code(), Some(3));
    let out = ctl.run(&["agenda", "add", "9", "--title", "ru=X", "--duration", "601"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("durationMin is out of range"));
}

#[test]
fn session_copy_continues_the_series_and_readiness_says_what_is_missing() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let s = ctl.json(&["session", "copy", "8", "--no-invitees"]);
    assert_eq!(s["number"], 10);
    assert_eq!(s["ordinal"]["ru"], "10-е заседание");
    let r = ctl.json(&["session", "readiness", "10"]);
    assert_eq!(
        r["missing"],
        serde_json::json!(["invitees", "speakers_not_invited"])
    );
    assert_eq!(
        ctl.run(&["session", "advance", "10"]).status.code(),
        Some(5)
    );
    let themes = ctl.json(&["session", "themes", "10", "--add", "zh=绿色能源"]);
    assert_eq!(themes.as_array().unwrap().len(), 7);
    let t = ctl.json(&["template", "save", "8", "--name", "ru=Ежегодное"]);
    let id = t["id"].as_str().unwrap();
    let s = ctl.json(&["template", "start", id, "--date", "2028-05-18"]);
    assert_eq!(
        (s["number"].as_u64(), s["date"].as_str()),
        (Some(11), Some("2028-05-18"))
    );
}

#[test]
fn settings_change_the_language_used_for_plain_text_flags() {
    let ctl = Ctl::new();
    let s = ctl.json(&["settings", "--language", "zh"]);
    assert_eq!(s["language"], "zh");
    let created = ctl.json(&[
        "session",
        "add",
        "--date",
        "2026-12-10",
        "--start",
        "15:00",
        "--end",
        "17:00",
        "--title",
        "年度总结",
    ]);
    assert_eq!(created["title"]["zh"], "年度总结");
    assert_eq!(
        ctl.run(&["settings", "--language", "fr"]).status.code(),
        Some(4)
    );
    assert_eq!(
        ctl.run(&["settings", "--time-zone", "Mars/Base"])
            .status
            .code(),
        Some(4)
    );
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../core/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn people_import_dry_run_then_import_then_invite_rsvp_checkin_attendance() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let file = fixture("excel-utf8-bom-semicolon.csv");
    let report = ctl.json(&["people", "import", &file, "--dry-run"]);
    // Nuryshev and Sarsenova are in the demo already (same names in Kazakh).
    assert_eq!(
        (
            report["counts"]["new"].as_u64(),
            report["counts"]["duplicates"].as_u64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(report["committed"], false);
    let report = ctl.json(&["people", "import", &file, "--on-duplicate", "merge"]);
    assert_eq!(
        (
            report["counts"]["created"].as_u64(),
            report["counts"]["merged"].as_u64()
        ),
        (Some(1), Some(2))
    );
    let list = ctl.json(&["invite", "9", "Сәрсенова", "Иванов", "--role", "guest"]);
    assert_eq!(list["counts"]["total"], 2);
    let list = ctl.json(&["invite", "9", "--from", "8"]);
    assert_eq!(list["counts"]["total"], 10, "Sarsenova was on both lists");
    let list = ctl.json(&[
        "rsvp",
        "9",
        "Иванов",
        "--status",
        "confirmed",
        "--channel",
        "wechat",
    ]);
    assert_eq!(list["counts"]["confirmed"], 1);
    let list = ctl.json(&["checkin", "9", "иванов"]);
    assert_eq!(list["counts"]["attended"], 1);
    let list = ctl.json(&["checkin", "9", "иванов", "--undo"]);
    assert_eq!(list["counts"]["attended"], 0);
    let list = ctl.json(&["attendance", "9", "王立新", "--status", "excused"]);
    assert_eq!(list["counts"]["excused"], 1);
    let out = ctl.run(&["checkin", "9", "Ли"]);
    assert_ne!(out.status.code(), Some(0), "ambiguous: Ли Цзяньго, Лю Ян…");
}

#[test]
fn a_bad_import_prints_its_problems_and_writes_nothing() {
    let ctl = Ctl::new();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Фамилия,Эл. почта\nИванов,ivanov@example.ru\n<i>Петров</i>,p@example.ru\n",
    )
    .unwrap();
    let out = ctl.run(&["people", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 3, column Фамилия contains markup"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = ctl.run(&["people", "import", bad.to_str().unwrap(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("line 3"));
    assert_eq!(ctl.json(&["people", "list"]), serde_json::json!([]));
}

#[test]
fn a_real_address_book_imports_skipping_or_keeping_its_odd_rows() {
    // One card's e-mail field holds a name (line 24), one phone is written in words (33).
    let file = fixture("contacts-real-world.vcf");
    let ctl = Ctl::new();
    let out = ctl.run(&["people", "import", &file, "--dry-run"]);
    assert_eq!(out.status.code(), Some(4), "refused while they are refused");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("line 24: Айгерім Сейтқали — column email:")
            && text.contains("line 33: Бекзат Омаров — column phone:"),
        "{text}"
    );
    let out = ctl.run(&[
        "people",
        "import",
        &file,
        "--dry-run",
        "--on-problem",
        "skip",
    ]);
    assert!(out.status.success(), "the rest can be imported");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("would import 5 new, 0 merged, 2 skipped"),
        "{text}"
    );
    let report = ctl.json(&["people", "import", &file, "--on-problem", "skip"]);
    assert_eq!(
        (&report["counts"]["created"], &report["counts"]["skipped"]),
        (&serde_json::json!(5), &serde_json::json!(2))
    );
    assert_eq!(ctl.json(&["people", "list"]).as_array().unwrap().len(), 5);

    let ctl = Ctl::new();
    let report = ctl.json(&["people", "import", &file, "--on-problem", "keep-in-notes"]);
    assert_eq!(
        (
            &report["counts"]["created"],
            &report["counts"]["keptInNotes"]
        ),
        (&serde_json::json!(7), &serde_json::json!(2))
    );
    let list = ctl.json(&["people", "list"]);
    for kept in ["Айгерім Сейтқали", "восемь семьсот один сто двадцать три"]
    {
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|p| p["notes"].as_str().unwrap_or("").contains(kept)),
            "{kept} is in the notes"
        );
    }
    assert!(!ctl
        .run(&["people", "import", &file, "--on-problem", "maybe"])
        .status
        .success());
}

#[test]
fn people_add_edit_export() {
    let ctl = Ctl::new();
    let p = ctl.json(&[
        "people",
        "add",
        "--family",
        "zh=张",
        "--given",
        "zh=明",
        "--family",
        "ru=Чжан",
        "--given",
        "ru=Мин",
        "--family-first",
        "ru",
        "--position",
        "en=Ambassador of China to Kazakhstan",
        "--since",
        "2016",
        "--until",
        "2021",
        "--email",
        "zhang@example.cn",
    ]);
    assert_eq!(p["displayName"]["zh"], "张明");
    assert_eq!(p["displayName"]["ru"], "Чжан Мин");
    assert_eq!(
        p["position"]["en"],
        "former Ambassador of China to Kazakhstan, 2016–2021"
    );
    let p = ctl.json(&[
        "people",
        "edit",
        "张明",
        "--phone",
        "+86 138 0000 0000",
        "--tag",
        "former ambassadors",
    ]);
    assert_eq!(p["tags"], serde_json::json!(["former ambassadors"]));
    let dir = tempfile::tempdir().unwrap();
    for name in ["people.csv", "people.xlsx"] {
        let path = dir.path().join(name);
        assert!(ctl
            .run(&["people", "export", "-o", path.to_str().unwrap()])
            .status
            .success());
        let fresh = Ctl::new();
        let r = fresh.json(&["people", "import", path.to_str().unwrap()]);
        assert_eq!(r["counts"]["created"], 1, "{name}");
        assert_eq!(
            fresh.json(&["people", "list"])[0]["displayName"]["ru"],
            "Чжан Мин"
        );
    }
}

#[test]
fn minutes_set_approve_search_followups_stats() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let m = ctl.json(&[
        "minutes",
        "set",
        "8",
        "--item",
        "1",
        "--text",
        "ru=Открыл заседание **модератор**.",
        "--text",
        "zh=主持人宣布会议开幕。",
    ]);
    assert_eq!(m["items"][0]["notes"]["zh"], "主持人宣布会议开幕。");
    let hits = ctl.json(&["search", "宣布会议"]);
    assert_eq!(hits[0]["kind"], "minutes");
    assert_eq!(hits[0]["sessionNumber"], 8);
    let m = ctl.json(&["minutes", "approve", "8"]);
    assert!(m["approvedAt"].is_string());
    let out = ctl.run(&["minutes", "set", "8", "--item", "1", "--text", "ru=Поздно"]);
    assert_eq!(out.status.code(), Some(5), "approved minutes are read-only");
    assert!(
        ctl.json(&["minutes", "revisions", "8"])
            .as_array()
            .unwrap()
            .len()
            >= 2
    );
    assert_eq!(
        ctl.json(&["followups", "list"]).as_array().unwrap().len(),
        1
    );
    let stats = ctl.json(&["stats"]);
    assert_eq!(stats["sessionsPerYear"].as_array().unwrap().len(), 5);
}

#[test]
fn export_writes_a_bilingual_pdf() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("agenda.pdf");
    let run = ctl.run(&[
        "export",
        "agenda",
        "8",
        "--lang",
        "ru,zh",
        "--layout",
        "stacked",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    let bad = ctl.run(&[
        "export",
        "agenda",
        "8",
        "--lang",
        "ru,fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(4));
}

#[test]
fn export_writes_every_document_in_its_formats_and_refuses_the_others() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let dir = tempfile::tempdir().unwrap();
    for (doc, file, magic) in [
        ("agenda", "a.pdf", &b"%PDF"[..]),
        ("minutes", "m.docx", &b"PK"[..]),
        ("invitees", "i.xlsx", &b"PK"[..]),
        ("signin", "s.csv", &b"\xEF\xBB\xBF"[..]),
        ("cards", "c.pdf", &b"%PDF"[..]),
        ("dossier", "d.pdf", &b"%PDF"[..]),
        ("ics", "e.ics", &b"BEGIN:VCALENDAR"[..]),
    ] {
        let path = dir.path().join(file);
        let out = ctl.run(&[
            "export",
            doc,
            "8",
            "--lang",
            "ru,zh",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{doc}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read(&path).unwrap().starts_with(magic),
            "{doc} as {file}"
        );
    }
    let path = dir.path().join("cards.docx");
    let out = ctl.run(&[
        "export",
        "cards",
        "8",
        "--format",
        "docx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("format"));
    assert!(!path.exists(), "nothing written");
    let out = ctl.run(&[
        "export",
        "agenda",
        "8",
        "--lang",
        "ru,xx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lang"));
}

#[test]
fn backup_and_restore_bring_a_deleted_session_back() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let b = ctl.json(&["backup"]);
    assert_eq!(b["reason"], "manual");
    let copy = ctl.db.with_file_name("copy.sqlite3");
    assert!(ctl
        .run(&["backup", "-o", copy.to_str().unwrap()])
        .status
        .success());
    assert_eq!(ctl.json(&["backups"]).as_array().unwrap().len(), 1);
    assert!(ctl.run(&["session", "delete", "8"]).status.success());
    assert_eq!(ctl.run(&["session", "show", "8"]).status.code(), Some(3));
    assert!(ctl
        .run(&["restore", copy.to_str().unwrap()])
        .status
        .success());
    assert!(ctl.run(&["session", "show", "8"]).status.success());
    // The state replaced by the restore was itself backed up first.
    let list = ctl.json(&["backups"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["reason"] == "before_restore"));

    let bad = ctl.db.with_file_name("bad.sqlite3");
    std::fs::write(&bad, "not a database").unwrap();
    let out = ctl.run(&["restore", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a sound Club Planner backup"));
    assert!(
        ctl.run(&["session", "show", "8"]).status.success(),
        "left as it was"
    );
}

#[test]
fn letters_one_pdf_or_one_per_guest_with_the_signatory_from_the_settings() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let settings = ctl.json(&[
        "settings",
        "--signatory-name",
        "ru=Айгерим Сарсенова",
        "--signatory-name",
        "zh=艾格琳",
        "--reply-contact",
        "club@example.org",
    ]);
    assert_eq!(settings["signatoryName"]["zh"], "艾格琳");
    assert_eq!(settings["replyContact"], "club@example.org");
    let dir = ctl.db.parent().unwrap().join("letters");
    let all = ctl.db.parent().unwrap().join("all.pdf");
    let done = ctl.json(&[
        "letters",
        "8",
        "-o",
        all.to_str().unwrap(),
        "--dir",
        dir.to_str().unwrap(),
        "--reply-by",
        "2025-11-14",
    ]);
    let n = done["letters"].as_u64().unwrap() as usize;
    assert!(n >= 5, "{done}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), n);
    assert!(std::fs::read(&all).unwrap().starts_with(b"%PDF"));
    // A bad date is refused naming it, and nothing is written.
    let out = ctl.run(&[
        "letters",
        "8",
        "-o",
        "/tmp/never.pdf",
        "--reply-by",
        "2025-13-01",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("replyBy"));
    // One of the two ways out must be given.
    assert!(!ctl.run(&["letters", "8"]).status.success());
}

#[test]
fn seating_arranged_by_the_rule_then_a_guest_moved_stays_moved() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let suggested = ctl.json(&["seating", "8"]);
    assert_eq!(suggested["saved"], false);
    let plan = ctl.json(&["seating", "8", "--arrange", "rectangular", "--cohost"]);
    assert_eq!(plan["saved"], true);
    assert_eq!(plan["shape"], "rectangular");
    assert_eq!(plan["rule"]["cohost"], true);
    let seats = plan["seats"].as_array().unwrap();
    let fifth = seats[4]["personId"].as_str().unwrap().to_string();
    let third = seats[2]["personId"].as_str().unwrap().to_string();
    let moved = ctl.json(&["seating", "8", "--move", &fifth, "--to", "3"]);
    assert_eq!(moved["seats"][2]["personId"], fifth.as_str());
    assert_eq!(moved["seats"][4]["personId"], third.as_str());
    let again = ctl.json(&["seating", "8"]);
    assert_eq!(again["seats"], moved["seats"]);
    let out = ctl.run(&["seating", "8", "--arrange", "oval"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("shape"));
}

#[test]
fn mail_status_then_eml_files_for_the_guests_with_an_address() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    ctl.json(&[
        "people",
        "add",
        "--family",
        "ru=Петрова",
        "--given",
        "ru=Анна",
        "--email",
        "anna@example.ru",
    ]);
    ctl.json(&["invite", "8", "Петрова"]);
    let status = ctl.json(&["mail", "status", "8"]);
    let anna = status
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == "anna@example.ru")
        .expect("Anna is due");
    assert!(
        anna["last"].is_null() && anna["problem"].is_null(),
        "{anna}"
    );
    // Anna and the demo's guests with an address; not Chen Jing (WeChat) or Zhao Ming.
    let due = status
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["problem"].is_null())
        .count();
    assert!(
        due > 1 && due < status.as_array().unwrap().len(),
        "{status}"
    );
    let dir = ctl.db.parent().unwrap().join("eml");
    let done = ctl.json(&[
        "mail",
        "eml",
        "8",
        "--from",
        "club@example.org",
        "--dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(done["written"].as_array().unwrap().len(), due, "{done}");
    let status = ctl.json(&["mail", "status", "8"]);
    let anna = status
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == "anna@example.ru")
        .unwrap();
    assert_eq!(anna["last"]["outcome"], "saved");
    // A sender that is not an address is refused before anything is written.
    let out = ctl.run(&[
        "mail",
        "eml",
        "8",
        "--from",
        "club",
        "--dir",
        dir.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("from"));
}

/// `clubctl attach add` killed with SIGKILL at moments through a 30 MB add: afterwards the
/// file is there byte for byte or not there at all, every time.
#[test]
fn an_attachment_add_killed_at_any_moment_is_all_or_nothing() {
    let ctl = Ctl::new();
    assert!(ctl.run(&["demo"]).status.success());
    let fonts = club_core::documents::fonts::Fonts::load(
        &club_core::documents::fonts::Fonts::default_dir(),
    )
    .unwrap();
    let doc = club_core::documents::layout_source(
        "#set text(font: \"Noto Sans\")\nСлайды доклада",
        &serde_json::json!({}),
        &fonts,
    )
    .unwrap();
    let mut pdf = club_core::documents::to_pdf(&doc).unwrap();
    pdf.push(b'\n');
    pdf.resize(30 << 20, b'%');
    let file = ctl.db.parent().unwrap().join("slides.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let mut cut = 0;
    for (round, delay_ms) in [20u64, 60, 120, 200, 300, 450, 700, 1000]
        .into_iter()
        .enumerate()
    {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clubctl"))
            .arg("--db")
            .arg(&ctl.db)
            .args(["attach", "add", "8"])
            .arg(&file)
            .env("XDG_DATA_HOME", ctl.db.parent().unwrap())
            .env_remove("CLUB_PLANNER_DB")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            cut += 1;
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        let list = ctl.json(&["attach", "list", "8"]);
        for a in list.as_array().unwrap() {
            let out = ctl.db.parent().unwrap().join(format!("back-{round}.pdf"));
            let got = ctl.run(&[
                "attach",
                "get",
                a["id"].as_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(
                got.status.success(),
                "{}",
                String::from_utf8_lossy(&got.stderr)
            );
            assert!(
                std::fs::read(&out).unwrap() == pdf,
                "round {round}: not byte for byte"
            );
        }
    }
    assert!(
        cut >= 3,
        "only {cut} adds were cut off: the file is too small to be caught"
    );
}
