//! The hub over real TLS on the loopback: joining with a code, syncing two laptops, and
//! everything the hub must refuse, each leaving it unchanged.

use std::path::Path;
use std::time::{Duration, Instant};

use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::sessions::{self, SessionInput};
use club_core::store::schema::schema_version;
use club_core::sync::client as local;
use club_core::sync::{hub as core_hub, team, wire, Role};
use club_core::{Db, Lang, SystemClock, Text};
use club_hub::client::{self, Failure, Hub};
use club_hub::server;

fn person(family: &str) -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: "Айгерим".into(),
            patronymic: String::new(),
            family_first: true,
        }],
        ..Default::default()
    }
}

/// A hub founded from a laptop that holds the 8th session, serving on the loopback.
fn hub(dir: &Path) -> (server::Running, String) {
    let founder = Db::open(dir.join("founder.sqlite3")).unwrap();
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
    )
    .unwrap();
    let hub_path = dir.join("hub").join("hub.sqlite3");
    std::fs::create_dir_all(hub_path.parent().unwrap()).unwrap();
    drop(core_hub::found(&founder, &hub_path).unwrap());
    let running = server::spawn(&hub_path, "127.0.0.1:0", &["localhost".into()]).unwrap();
    let address = format!("https://127.0.0.1:{}", running.addr.port());
    (running, address)
}

fn code(hub_dir: &Path, fingerprint: &str, name: &str, role: Role) -> String {
    let db = Db::open(hub_dir.join("hub.sqlite3")).unwrap();
    wire::join_code(
        &team::invite(&db, &SystemClock, name, role, 7).unwrap(),
        fingerprint,
    )
}

fn names(db: &Db) -> Vec<String> {
    let mut v: Vec<String> = people::list(db)
        .unwrap()
        .into_iter()
        .map(|p| p.names[0].family.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn two_laptops_join_with_codes_and_see_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (running, address) = hub(dir.path());
    let hub_dir = dir.path().join("hub");
    let a_code = code(&hub_dir, &running.fingerprint, "Айгерим", Role::Organizer);
    let b_code = code(&hub_dir, &running.fingerprint, "Ли Вэй", Role::Door);
    let a = client::join(
        &dir.path().join("a.sqlite3"),
        &SystemClock,
        &address,
        &a_code,
    )
    .unwrap();
    let b = client::join(
        &dir.path().join("b.sqlite3"),
        &SystemClock,
        &address,
        &b_code,
    )
    .unwrap();
    assert_eq!(
        sessions::list(&b, &SystemClock).unwrap().len(),
        1,
        "B starts from the hub's data"
    );
    // A code works once.
    let again = client::join(
        &dir.path().join("c.sqlite3"),
        &SystemClock,
        &address,
        &a_code,
    );
    assert!(
        matches!(again, Err(Failure::Hub(ref m)) if m.contains("used")),
        "{again:?}"
    );

    people::create(&a, &SystemClock, &person("Нурланова")).unwrap();
    let round = client::sync_once(&a, &SystemClock, Duration::ZERO).unwrap();
    assert_eq!((round.pushed, round.refused), (1, 0));
    client::sync_once(&b, &SystemClock, Duration::ZERO).unwrap();
    assert_eq!(names(&b), ["Нурланова"]);
    // The author on the hub is the token's, not what the laptop claims.
    let status = local::status(&a).unwrap();
    assert!(status.last_error.is_none() && status.synced_at.is_some());
    assert_eq!(status.waiting, 0);
}

#[test]
fn a_change_reaches_a_waiting_laptop_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (running, address) = hub(dir.path());
    let hub_dir = dir.path().join("hub");
    let a_code = code(&hub_dir, &running.fingerprint, "Айгерим", Role::Organizer);
    let b_code = code(&hub_dir, &running.fingerprint, "Ли Вэй", Role::Organizer);
    let a = client::join(
        &dir.path().join("a.sqlite3"),
        &SystemClock,
        &address,
        &a_code,
    )
    .unwrap();
    let b_path = dir.path().join("b.sqlite3");
    let b = client::join(&b_path, &SystemClock, &address, &b_code).unwrap();
    drop(b);
    // B waits on a long poll in the background; A's push wakes it.
    let waiter = std::thread::spawn(move || {
        let b = Db::open(&b_path).unwrap();
        let started = Instant::now();
        client::sync_once(&b, &SystemClock, Duration::from_secs(20)).unwrap();
        (started.elapsed(), names(&b))
    });
    std::thread::sleep(Duration::from_millis(500));
    people::create(&a, &SystemClock, &person("Жумабаева")).unwrap();
    client::sync_once(&a, &SystemClock, Duration::ZERO).unwrap();
    let (took, seen) = waiter.join().unwrap();
    assert_eq!(seen, ["Жумабаева"]);
    assert!(
        took < Duration::from_secs(15),
        "the long poll was not woken: {took:?}"
    );
}

#[test]
fn the_hub_refuses_strangers_and_stays_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (running, address) = hub(dir.path());
    let hub_dir = dir.path().join("hub");
    let door_code = code(&hub_dir, &running.fingerprint, "Асель", Role::Door);
    let door = client::join(
        &dir.path().join("d.sqlite3"),
        &SystemClock,
        &address,
        &door_code,
    )
    .unwrap();
    let creds = local::credentials(&door).unwrap().unwrap();
    let head = |a: &str| {
        let db = Db::open(hub_dir.join("hub.sqlite3")).unwrap();
        let _ = a;
        core_hub::head(&db).unwrap()
    };
    let start = head("");

    // The door renames the session: refused for good, undone on the laptop.
    let s = sessions::list(&door, &SystemClock).unwrap().remove(0);
    let mut input = SessionInput::from(&s);
    input.title = Text::new().with(Lang::Ru, "Другое название");
    sessions::update(&door, &SystemClock, &s.id, &input).unwrap();
    let round = client::sync_once(&door, &SystemClock, Duration::ZERO).unwrap();
    assert_eq!(round.refused, 1);
    assert_eq!(
        sessions::get(&door, &SystemClock, &s.id).unwrap().title,
        s.title
    );
    assert!(local::status(&door)
        .unwrap()
        .last_error
        .unwrap()
        .contains("door"));
    assert_eq!(head(""), start);

    let push = {
        people::create(&door, &SystemClock, &person("Проверка")).unwrap();
        local::outbox(&door).unwrap().remove(0)
    };
    // No token, a made-up token, a revoked token.
    let fp = &running.fingerprint;
    let none = Hub::new(&address, fp, None).unwrap().push(&push);
    assert!(matches!(none, Err(Failure::Unauthorized(_))), "{none:?}");
    let made_up = Hub::new(&address, fp, Some("0".repeat(64)))
        .unwrap()
        .push(&push);
    assert!(
        matches!(made_up, Err(Failure::Unauthorized(_))),
        "{made_up:?}"
    );
    // A truncated changeset, a changeset of a table outside the synced set.
    let real = Hub::new(&address, fp, Some(creds.token.clone())).unwrap();
    let mut cut = push.clone();
    cut.changeset.truncate(push.changeset.len() / 2);
    assert!(matches!(real.push(&cut), Err(Failure::Refused(_))));
    let other_schema = club_core::sync::Push {
        schema: schema_version() + 1,
        ..push.clone()
    };
    assert!(matches!(real.push(&other_schema), Err(Failure::Hub(m)) if m.contains("schema")));
    // A wrong certificate fingerprint: nothing is sent.
    let wrong = Hub::new(&address, &"ab".repeat(32), Some(creds.token.clone()))
        .unwrap()
        .push(&push);
    assert!(matches!(wrong, Err(Failure::WrongHub(_))), "{wrong:?}");
    assert_eq!(head(""), start);
    // Revoked: refused too.
    let hub_db = Db::open(hub_dir.join("hub.sqlite3")).unwrap();
    team::revoke(&hub_db, &SystemClock, "Асель").unwrap();
    let revoked = real.push(&push);
    assert!(
        matches!(revoked, Err(Failure::Unauthorized(ref m)) if m.contains("revoked")),
        "{revoked:?}"
    );
    assert_eq!(head(""), start);
}

#[test]
fn an_address_that_is_not_https_or_has_no_port_number_is_refused_by_name() {
    let pin = "ab".repeat(32);
    for (address, says) in [
        ("http://10.0.0.1:8443", "https:// only"),
        ("https://hub.example:port", "not a number"),
        ("   ", "empty"),
    ] {
        match Hub::new(address, &pin, None) {
            Err(Failure::Refused(m)) => assert!(m.contains(says), "{address}: {m}"),
            other => panic!("{address}: {:?}", other.map(|h| h.address())),
        }
    }
    assert_eq!(
        Hub::new("https://hub.example/", &pin, None)
            .unwrap()
            .address(),
        "https://hub.example:8443"
    );
}
