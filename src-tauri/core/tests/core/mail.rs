//! Invitations by e-mail against a real SMTP server on the loopback (Python's aiosmtpd,
//! started by each test): the messages read back with Python's standard e-mail parser,
//! the letter's text with pdftotext, the calendar event with icalendar; a recipient the
//! server refuses, a server that goes away mid-batch, a wrong password, a name that tries
//! to make a header.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicBool;

use base64::Engine;
use club_core::documents::{DocumentOptions, Layout, Paper};
use club_core::mail::log::Outcome;
use club_core::mail::message::{self, Parts, Values};
use club_core::mail::send::{self, Batch};
use club_core::mail::smtp::{Security, Smtp, SmtpAccount};
use club_core::mail::{self, MailKind, MailTemplate};
use club_core::people::{self, PersonInput};
use club_core::planning::invitations;
use club_core::planning::rsvp::{Channel, InvitationStatus, InviteeRole};
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::Lang;
use serde_json::Value;

use crate::common::{clock, pdftotext, squeeze, test_db, TestDb};
use crate::letters::{fonts, name};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mail");

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(out: &Path, extra: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("/usr/bin/python3")
            .arg(format!("{FIXTURES}/smtp_server.py"))
            .args(["--port", &port.to_string(), "--out"])
            .arg(out)
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("Debian's python3 with python3-aiosmtpd: run scripts/setup --test");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Server { child, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The .eml files in `dir` as a mail program reads them.
fn read(paths: &[PathBuf]) -> Vec<Value> {
    let out = Command::new("/usr/bin/python3")
        .arg(format!("{FIXTURES}/read_eml.py"))
        .args(paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn emls(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    v.sort();
    v
}

fn account(port: u16, user: &str) -> SmtpAccount {
    SmtpAccount {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: user.into(),
        from: "club@example.org".into(),
        from_name: "Клуб друзей Казахстана в Китае".into(),
    }
}

fn batch(kind: MailKind) -> Batch {
    Batch {
        kind,
        options: DocumentOptions {
            langs: vec![Lang::Ru],
            layout: Layout::Stacked,
            paper: Paper::A4,
        },
        reply_by: None,
        again: Vec::new(),
    }
}

const GUESTS: [(&str, Lang, &str, &str); 4] = [
    ("gulnar@example.kz", Lang::Kk, "Әбілқасымова", "Гүлнәр"),
    ("ouyang@example.cn", Lang::Zh, "欧阳", "修"),
    ("ivan@example.ru", Lang::Ru, "Петров", "Иван"),
    ("nobody@example.org", Lang::En, "Nobody", "Noah"),
];

/// The demo's 8th session with four guests who have addresses (one the server will refuse)
/// and one who has none. Their invitation ids, in GUESTS' order. The demo's own guests
/// are reached otherwise here (their addresses taken off), so only these get messages.
fn session_with_addresses() -> (TestDb, String, Vec<String>) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    for p in people::list(&db).unwrap() {
        let input = PersonInput {
            email: String::new(),
            ..PersonInput::from(&p)
        };
        people::update(&db, &clock(), &p.id, &input).unwrap();
    }
    let mut ids = Vec::new();
    for (email, lang, family, given) in GUESTS.iter().map(|g| (Some(g.0), g.1, g.2, g.3)).chain([(
        None,
        Lang::Ru,
        "Безадреса",
        "Анна",
    )]) {
        let p = people::create(
            &db,
            &clock(),
            &PersonInput {
                names: vec![name(lang, family, given, "")],
                email: email.unwrap_or_default().into(),
                languages: vec![lang],
                ..Default::default()
            },
        )
        .unwrap();
        ids.push(p.id);
    }
    let list = invitations::invite(&db, &clock(), &eighth.id, &ids, InviteeRole::Guest).unwrap();
    let invitations = ids
        .iter()
        .map(|p| {
            list.invitees
                .iter()
                .find(|i| &i.person.id == p)
                .unwrap()
                .id
                .clone()
        })
        .collect();
    (db, eighth.id, invitations)
}

fn run(db: &TestDb, session: &str, b: &Batch, acc: &SmtpAccount, pw: &str) -> send::BatchReport {
    let mut smtp = Smtp::new(acc, pw).unwrap();
    send::send(
        db,
        &clock(),
        &fonts(),
        session,
        b,
        acc,
        &mut smtp,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap()
}

fn to_of(m: &Value) -> String {
    m["to"].as_str().unwrap().to_string()
}

#[test]
fn each_guest_gets_one_message_in_their_language_with_the_letter_and_the_calendar() {
    let (db, session, invitations) = session_with_addresses();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--reject", "nobody@example.org"]);
    let acc = account(server.port, "");
    let report = run(&db, &session, &batch(MailKind::Invitation), &acc, "");
    assert_eq!(report.sent, 3, "{report:?}");
    assert_eq!(report.refused.len(), 1, "{report:?}");
    assert!(report.refused[0].1.contains("550"), "{report:?}");
    assert_eq!(report.stopped, None);
    let messages = read(&emls(dir.path()));
    assert_eq!(messages.len(), 3);
    let expect = [
        (
            "gulnar@example.kz",
            "Шақыру: 8-ші отырыс — 2025 жылғы 20 қараша",
            "kk",
            "Құрметті Гүлнәр ханым!",
            "Әбілқасымова",
        ),
        (
            "ouyang@example.cn",
            "邀请函：第八次会议（2025年11月20日）",
            "zh",
            "尊敬的欧阳修先生：",
            "欧阳修",
        ),
        (
            "ivan@example.ru",
            "Приглашение: 8-е заседание — 20 ноября 2025 г.",
            "ru",
            "Уважаемый г-н Петров!",
            "Петров",
        ),
    ];
    for (address, subject, lang, salutation, name) in expect {
        let m = messages
            .iter()
            .find(|m| to_of(m).contains(address))
            .unwrap_or_else(|| panic!("no message to {address}"));
        assert_eq!(
            m["subject"], subject,
            "{address}: the subject read back exactly"
        );
        assert_eq!(m["language"], lang);
        assert!(to_of(m).contains(name), "{m}");
        let text = m["text"].as_str().unwrap();
        assert!(text.starts_with(salutation), "{address}: {text}");
        let attachments = m["attachments"].as_array().unwrap();
        let pdf = attachments
            .iter()
            .find(|a| a["type"] == "application/pdf")
            .expect("the letter");
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(pdf["data"].as_str().unwrap())
            .unwrap();
        let letter = squeeze(&pdftotext(&pdf));
        assert!(
            letter.contains(&squeeze(name)),
            "{address}: the letter names the guest"
        );
        let date = match lang {
            "kk" => "2025 жылғы 20 қараша",
            "zh" => "2025年11月20日",
            _ => "20 ноября 2025 г.",
        };
        assert!(
            letter.contains(&squeeze(date)),
            "{address}: the letter has the date"
        );
        let ics = attachments
            .iter()
            .find(|a| a["type"] == "text/calendar")
            .expect("the calendar event");
        let ics = base64::engine::general_purpose::STANDARD
            .decode(ics["data"].as_str().unwrap())
            .unwrap();
        let file = dir.path().join("event.ics");
        std::fs::write(&file, ics).unwrap();
        let start = Command::new("/usr/bin/python3")
            .arg("-c")
            .arg(
                "import sys, icalendar, datetime\n\
                 cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
                 ev = [c for c in cal.walk('VEVENT')][0]\n\
                 print(ev.decoded('DTSTART').astimezone(datetime.timezone.utc).isoformat())",
            )
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&start.stdout).trim(),
            "2025-11-20T07:00:00+00:00",
            "15:00 in Beijing"
        );
    }
    // The invitations say how and when they went; the refused one stays as it was.
    let list = invitations::list(&db, &session).unwrap();
    for (id, (address, ..)) in invitations.iter().zip(GUESTS) {
        let i = list.invitees.iter().find(|i| &i.id == id).unwrap();
        if address == "nobody@example.org" {
            assert_eq!(i.status, InvitationStatus::ToInvite);
        } else {
            assert_eq!(i.status, InvitationStatus::Invited, "{address}");
            assert_eq!(i.channel, Some(Channel::Email));
            assert!(i.invited_at.is_some());
        }
    }
    // A second run sends nobody the same invitation again; the refused one is tried again.
    let again = run(&db, &session, &batch(MailKind::Invitation), &acc, "");
    assert_eq!(
        (again.sent, again.skipped, again.refused.len()),
        (0, 3, 1),
        "{again:?}"
    );
    assert_eq!(emls(dir.path()).len(), 3);
    drop(server);
}

#[test]
fn a_server_that_goes_away_mid_batch_stops_it_and_the_rest_go_later_nobody_twice() {
    let (db, session, invitations) = session_with_addresses();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--exit-after", "2"]);
    let acc = account(server.port, "");
    let first = run(&db, &session, &batch(MailKind::Invitation), &acc, "");
    assert_eq!(first.sent, 2, "{first:?}");
    assert_eq!(
        first.stop_reason,
        Some(send::StopReason::Unreachable),
        "{first:?}"
    );
    assert!(
        first.stopped.as_deref().unwrap_or("").contains("421"),
        "the server's own words: {first:?}"
    );
    drop(server);
    // A cut-off message ('sending': the server may have it) is never sent again by itself:
    // one that went is made to look cut off.
    let cut = send::recipients(&db, &session, MailKind::Invitation)
        .unwrap()
        .into_iter()
        .find(|r| r.last.as_ref().is_some_and(|l| l.outcome == Outcome::Sent))
        .unwrap()
        .invitation_id;
    assert!(invitations.contains(&cut));
    db.write(|tx| {
        tx.execute(
            "UPDATE mail_log SET outcome = 'sending' WHERE invitation_id = ?1",
            [&cut],
        )?;
        Ok(())
    })
    .unwrap();
    let server = Server::start(dir.path(), &[]);
    let acc = account(server.port, "");
    let second = run(&db, &session, &batch(MailKind::Invitation), &acc, "");
    assert_eq!(second.sent, 2, "the two that waited: {second:?}");
    assert_eq!(second.stopped, None);
    let mut seen: Vec<String> = read(&emls(dir.path())).iter().map(to_of).collect();
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(seen.len(), before, "nobody twice: {seen:?}");
    assert_eq!(seen.len(), 4, "nobody lost: {seen:?}");
    // Asked to, it goes again to the one whose sending was cut off.
    let mut b = batch(MailKind::Invitation);
    b.again = vec![cut];
    let third = run(&db, &session, &b, &acc, "");
    assert_eq!(third.sent, 1, "{third:?}");
}

#[test]
fn a_wrong_password_stops_the_batch_and_says_so() {
    let (db, session, _) = session_with_addresses();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--auth", "club:secret"]);
    let report = run(
        &db,
        &session,
        &batch(MailKind::Invitation),
        &account(server.port, "club"),
        "wrong",
    );
    assert_eq!(report.sent, 0);
    assert_eq!(
        report.stop_reason,
        Some(send::StopReason::WrongPassword),
        "{report:?}"
    );
    assert!(
        report.stopped.as_deref().unwrap_or("").contains("535"),
        "the server's own words: {report:?}"
    );
    let ok = run(
        &db,
        &session,
        &batch(MailKind::Invitation),
        &account(server.port, "club"),
        "secret",
    );
    assert_eq!(ok.sent, 4, "with the right password: {ok:?}");
    // Without encryption, only to this machine.
    let mut far = account(server.port, "club");
    far.host = "smtp.example.org".into();
    assert!(Smtp::new(&far, "secret").is_err());
}

#[test]
fn nothing_typed_can_make_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let t = MailTemplate {
        subject: "Приглашение {name}".into(),
        ..mail::default_template(MailKind::Invitation, Lang::Ru)
    };
    let values = Values {
        name: "Ли\r\nBcc: evil@example.org".into(),
        ..Default::default()
    };
    let m = message::build(
        &t,
        &values,
        &Parts {
            from: "club@example.org",
            from_name: "Клуб\nBcc: x@example.org",
            to: "li@example.cn",
            to_name: "Ли Вэй\r\nCc: y@example.org",
            lang: Lang::Ru,
            letter: None,
            ics: None,
            message_id: "<t@club-planner>".into(),
        },
    )
    .unwrap();
    let path = dir.path().join("m.eml");
    std::fs::write(&path, m.formatted()).unwrap();
    let read = read(&[path]);
    let headers: Vec<&str> = read[0]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(
        !headers.contains(&"bcc") && !headers.contains(&"cc"),
        "{headers:?}"
    );
    assert_eq!(read[0]["subject"], "Приглашение Ли Bcc: evil@example.org");
    // An address that is not one is refused, naming the place.
    let e = message::address("ivan at example.ru", "email").unwrap_err();
    assert!(e.to_string().contains("email"), "{e}");
    // A template with a field that does not exist is refused when saved, naming it.
    let db = test_db();
    let e = mail::save_template(
        &db,
        &clock(),
        &MailTemplate {
            body: "Dear {nmae}".into(),
            ..mail::default_template(MailKind::Invitation, Lang::En)
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("body.nmae"), "{e}");
}

#[test]
fn the_same_messages_saved_as_eml_files_open_in_a_mail_program() {
    let (db, session, _) = session_with_addresses();
    let dir = tempfile::tempdir().unwrap();
    let files = send::save_eml(
        &db,
        &clock(),
        &fonts(),
        &session,
        &batch(MailKind::Invitation),
        &account(25, ""),
        dir.path(),
    )
    .unwrap();
    assert_eq!(files.len(), 4);
    let read = read(&files);
    assert!(read
        .iter()
        .all(|m| m["attachments"].as_array().unwrap().len() == 2));
    // Saved counts as gone: a batch afterwards does not send them again.
    let due: Vec<_> = send::recipients(&db, &session, MailKind::Invitation)
        .unwrap()
        .into_iter()
        .filter(|r| r.due)
        .collect();
    assert!(due.is_empty(), "{due:?}");
    assert!(send::recipients(&db, &session, MailKind::Invitation)
        .unwrap()
        .iter()
        .any(|r| r.problem.as_deref() == Some("no e-mail address")));
}

/// A text sent by WeChat or phone is noted as an e-mail is: the channel, and "invited" for
/// one not yet invited; an answer given meanwhile is never put back.
#[test]
fn a_text_sent_by_wechat_notes_the_channel_and_keeps_an_answer() {
    let (db, _session, invitations) = session_with_addresses();
    let (fresh, answered) = (&invitations[0], &invitations[1]);
    invitations::update(
        &db,
        &clock(),
        answered,
        &invitations::InvitationPatch {
            status: Some(InvitationStatus::Confirmed),
            ..Default::default()
        },
    )
    .unwrap();
    send::mark_sent(&db, &clock(), fresh, MailKind::Invitation, Channel::Wechat).unwrap();
    let list = send::mark_sent(
        &db,
        &clock(),
        answered,
        MailKind::Invitation,
        Channel::Phone,
    )
    .unwrap();
    let of = |id: &str| list.invitees.iter().find(|i| i.id == id).unwrap();
    assert_eq!(of(fresh).status, InvitationStatus::Invited);
    assert_eq!(of(fresh).channel, Some(Channel::Wechat));
    assert!(of(fresh).invited_at.is_some());
    assert_eq!(of(answered).status, InvitationStatus::Confirmed);
    assert_eq!(of(answered).channel, Some(Channel::Phone));
    // An invitation that is not there is named.
    let e = send::mark_sent(
        &db,
        &clock(),
        "00000000-0000-7000-8000-000000000000",
        MailKind::Invitation,
        Channel::Wechat,
    )
    .unwrap_err();
    assert!(e.to_string().contains("invitation"), "{e}");
}
