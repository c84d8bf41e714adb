//! Sync between laptops through a hub, in one process: the hub and two laptops, each
//! with its own database file, exchanging pushes and pulls as the network layer does.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{TimeZone, Utc};
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput, ItemKind};
use club_core::planning::invitations;
use club_core::planning::rsvp::InviteeRole;
use club_core::planning::sessions::{self, SessionInput};
use club_core::store::capture::{synced_tables, BOOKKEEPING, PER_MACHINE};
use club_core::store::schema::schema_version;
use club_core::store::search;
use club_core::sync::conflicts::{self, Resolution};
use club_core::sync::{client, hub, team, Role};
use club_core::{Db, Error, FixedClock, Lang, Text};
use rusqlite::types::Value;

fn at(minute: u32) -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 26, 2, minute, 0).unwrap())
}

/// Every synced table's rows, in key order: what must be equal on every machine.
fn rows(db: &Db) -> BTreeMap<String, Vec<Vec<Value>>> {
    db.read(|c| {
        let mut out = BTreeMap::new();
        for t in synced_tables(c)? {
            let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\""))?;
            let n = stmt.column_count();
            let mut table: Vec<Vec<Value>> = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?
                .collect::<rusqlite::Result<_>>()?;
            table.sort_by_key(|r| format!("{r:?}"));
            out.insert(t, table);
        }
        Ok(out)
    })
    .unwrap()
}

fn sound(db: &Db) {
    db.read(|c| {
        let integrity: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        assert_eq!(integrity, "ok");
        let dangling: i64 =
            c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        assert_eq!(dangling, 0, "rows pointing at nothing");
        Ok(())
    })
    .unwrap();
}

/// Pushes everything waiting, then takes in the log: what the background sync does.
fn sync(hub_db: &Db, laptop: &Db) {
    for p in client::outbox(laptop).unwrap() {
        hub::push(hub_db, &at(30), Role::Organizer, &p).unwrap();
    }
    let since = client::status(laptop).unwrap().member.unwrap().last_seq;
    let entries = hub::pull(hub_db, schema_version(), since, 10_000).unwrap();
    client::receive(laptop, &entries).unwrap();
}

fn person(family: &str, given: &str) -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: given.into(),
            patronymic: String::new(),
            family_first: true,
        }],
        ..Default::default()
    }
}

struct Team {
    _dir: tempfile::TempDir,
    hub: Db,
    a: Db,
    b: Db,
    session: String,
    item: String,
    person: String,
}

/// Laptop A founds the hub with the 8th session, its ambassador's report and one guest;
/// laptop B joins from the hub's snapshot.
fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let a = Db::open(dir.path().join("a.sqlite3")).unwrap();
    let session = sessions::create(
        &a,
        &at(0),
        &SessionInput {
            title: Text::new().with(Lang::Ru, "8-е заседание Клуба друзей Казахстана"),
            date: "2026-12-10".into(),
            start: "15:00".into(),
            end: "17:30".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let agenda = agenda::add(
        &a,
        &at(0),
        &session,
        &AgendaItemInput {
            kind: Some(ItemKind::Report),
            title: Text::new().with(Lang::Ru, "Доклад посла"),
            duration_min: "20".into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let item = agenda.items[0].id.clone();
    let person = people::create(&a, &at(0), &person("Иванов", "Пётр"))
        .unwrap()
        .id;

    let hub_db = hub::found(&a, &dir.path().join("hub.sqlite3")).unwrap();
    client::join(&a, &at(1), "Айгерим", None, 0).unwrap();
    let b_path = dir.path().join("b.sqlite3");
    let seq = hub::snapshot(&hub_db, &b_path).unwrap();
    let b = client::open_snapshot(&b_path, &at(1), "Ли Вэй", None, seq).unwrap();
    assert_eq!(rows(&a), rows(&hub_db));
    assert_eq!(rows(&b), rows(&hub_db));
    Team {
        _dir: dir,
        hub: hub_db,
        a,
        b,
        session,
        item,
        person,
    }
}

fn set_item(
    db: &Db,
    clock: &FixedClock,
    item: &str,
    session: &str,
    f: impl Fn(&mut AgendaItemInput),
) {
    let current = agenda::get(db, session).unwrap();
    let it = current.items.iter().find(|i| i.id == item).unwrap();
    let mut input = AgendaItemInput::from(it);
    f(&mut input);
    agenda::update(db, clock, item, &input).unwrap();
}

/// Both laptops offline: A sets the report to 30 minutes, B to 45 and renames it; A deletes
/// a person whom B invites. Then the links come back, in the order given.
fn offline_edits(t: &Team, a_first: bool) {
    set_item(&t.a, &at(10), &t.item, &t.session, |i| {
        i.duration_min = "30".into()
    });
    people::delete(&t.a, &t.person).unwrap();
    set_item(&t.b, &at(12), &t.item, &t.session, |i| {
        i.duration_min = "45".into();
        i.title = Text::new().with(Lang::Ru, "Доклад посла Казахстана в Китае");
    });
    invitations::invite(
        &t.b,
        &at(12),
        &t.session,
        std::slice::from_ref(&t.person),
        InviteeRole::Guest,
    )
    .unwrap();
    assert_eq!(client::status(&t.a).unwrap().waiting, 2);
    assert_eq!(client::status(&t.b).unwrap().waiting, 2);
    if a_first {
        sync(&t.hub, &t.a);
        sync(&t.hub, &t.b);
    } else {
        sync(&t.hub, &t.b);
        sync(&t.hub, &t.a);
    }
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
}

fn converged(t: &Team) {
    let hub_rows = rows(&t.hub);
    assert_eq!(rows(&t.a), hub_rows, "A differs from the hub");
    assert_eq!(rows(&t.b), hub_rows, "B differs from the hub");
    for db in [&t.hub, &t.a, &t.b] {
        sound(db);
    }
    assert_eq!(client::status(&t.a).unwrap().waiting, 0);
    assert_eq!(client::status(&t.b).unwrap().waiting, 0);
}

fn item_on(db: &Db, t: &Team) -> agenda::AgendaItem {
    agenda::get(db, &t.session)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.id == t.item)
        .unwrap()
}

#[test]
fn offline_edits_converge_with_every_conflict_in_the_register_a_first() {
    let t = team();
    offline_edits(&t, true);
    converged(&t);

    // B's title went in (nobody else changed it); A's duration stands, B's is registered.
    let item = item_on(&t.a, &t);
    assert_eq!(item.title.best(Lang::Ru), "Доклад посла Казахстана в Китае");
    assert_eq!(item.duration_min, 30);
    let register = conflicts::list(&t.b, false).unwrap();
    let duration = register
        .iter()
        .find(|c| c.column.as_deref() == Some("duration_min"))
        .expect("the duration conflict");
    assert_eq!(
        (duration.kept.as_str(), duration.proposed.as_str()),
        ("30", "45")
    );
    assert_eq!(duration.kept_author.as_deref(), Some("Айгерим"));
    assert_eq!(duration.proposed_author, "Ли Вэй");
    // The person was gone when B's invitation arrived: the invitation is registered whole.
    let invitation = register
        .iter()
        .find(|c| c.table == "invitation")
        .expect("the invitation conflict");
    assert_eq!(invitation.kind, "foreign_key");
    assert!(invitation.proposed.contains(&t.person));
    assert_eq!(register.len(), 2, "{register:#?}");

    // The archive search finds the new title on both laptops.
    for db in [&t.a, &t.b] {
        let hits = search::search(db, "Казахстана в Китае").unwrap().hits;
        assert!(hits.iter().any(|h| h.ref_id == t.item), "{hits:?}");
    }
}

#[test]
fn offline_edits_converge_with_every_conflict_in_the_register_b_first() {
    let t = team();
    offline_edits(&t, false);
    converged(&t);
    let item = item_on(&t.b, &t);
    assert_eq!(item.title.best(Lang::Ru), "Доклад посла Казахстана в Китае");
    assert_eq!(item.duration_min, 45, "B reached the hub first");
    let register = conflicts::list(&t.a, false).unwrap();
    assert!(register
        .iter()
        .any(|c| c.column.as_deref() == Some("duration_min")
            && c.kept == "45"
            && c.proposed == "30"));
    // B's invitation came first: A's deletion of its person is refused and registered,
    // so the invitation is not deleted behind B's back.
    let deletion = register
        .iter()
        .find(|c| c.table == "person")
        .expect("the deletion");
    assert_eq!(deletion.kind, "foreign_key");
    assert!(people::get(&t.a, &t.person).is_ok());
    assert_eq!(
        invitations::list(&t.a, &t.session).unwrap().invitees.len(),
        1
    );
}

#[test]
fn a_conflict_resolved_on_one_laptop_is_resolved_everywhere() {
    let t = team();
    offline_edits(&t, true);
    let duration = conflicts::list(&t.b, false)
        .unwrap()
        .into_iter()
        .find(|c| c.column.as_deref() == Some("duration_min"))
        .unwrap();
    conflicts::resolve(&t.b, &at(40), &duration.id, Resolution::Proposed).unwrap();
    assert_eq!(item_on(&t.b, &t).duration_min, 45);
    sync(&t.hub, &t.b);
    sync(&t.hub, &t.a);
    converged(&t);
    assert_eq!(item_on(&t.a, &t).duration_min, 45);
    let open = conflicts::list(&t.a, false).unwrap();
    assert!(open.iter().all(|c| c.id != duration.id));
    let all = conflicts::list(&t.a, true).unwrap();
    let resolved = all.iter().find(|c| c.id == duration.id).unwrap();
    assert_eq!(resolved.resolution.as_deref(), Some("proposed"));
    assert_eq!(resolved.resolved_by.as_deref(), Some("Ли Вэй"));
}

#[test]
fn a_retried_push_is_applied_once() {
    let t = team();
    set_item(&t.a, &at(10), &t.item, &t.session, |i| {
        i.duration_min = "25".into()
    });
    let push = client::outbox(&t.a).unwrap().remove(0);
    let first = hub::push(&t.hub, &at(30), Role::Organizer, &push).unwrap();
    let again = hub::push(&t.hub, &at(31), Role::Organizer, &push).unwrap();
    assert!(first.new && !again.new);
    assert_eq!(first.seq, again.seq);
    assert_eq!(hub::head(&t.hub).unwrap(), first.seq);
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
    converged(&t);
}

#[test]
fn pushes_committed_together_each_get_their_own_answer() {
    // The hub commits the pushes that wait together (group commit): a refused one leaves
    // no trace and does not stop the others, a push sent twice is applied once.
    let t = team();
    set_item(&t.a, &at(10), &t.item, &t.session, |i| {
        i.duration_min = "25".into()
    });
    let from_a = client::outbox(&t.a).unwrap().remove(0);
    set_item(&t.b, &at(11), &t.item, &t.session, |i| {
        i.title = Text::new().with(Lang::Ru, "Доклад посла о сотрудничестве");
    });
    let from_b = client::outbox(&t.b).unwrap().remove(0);
    let mut broken = from_b.clone();
    broken.op_id = "not-the-same-operation".into();
    broken.changeset.truncate(from_b.changeset.len() / 2);
    let answers = hub::push_all(
        &t.hub,
        &at(30),
        &[
            (Role::Organizer, &from_a),
            (Role::Organizer, &broken),
            (Role::Organizer, &from_b),
            (Role::Organizer, &from_a),
        ],
    )
    .unwrap();
    let seqs: Vec<_> = answers
        .iter()
        .map(|a| {
            a.as_ref()
                .map(|a| (a.seq, a.new))
                .map_err(|e| e.to_string())
        })
        .collect();
    assert_eq!(seqs[0], Ok((1, true)));
    assert!(seqs[1].is_err(), "{seqs:?}");
    assert_eq!(seqs[2], Ok((2, true)));
    assert_eq!(seqs[3], Ok((1, false)));
    assert_eq!(hub::head(&t.hub).unwrap(), 2);
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
    converged(&t);
    let item = item_on(&t.a, &t);
    assert_eq!(item.duration_min, 25);
    assert_eq!(item.title.best(Lang::Ru), "Доклад посла о сотрудничестве");
}

#[test]
fn changes_made_while_pulling_wait_and_are_made_again_on_top() {
    let t = team();
    // B renames the item and syncs; A, not yet synced, changes the duration.
    set_item(&t.b, &at(10), &t.item, &t.session, |i| {
        i.title = Text::new().with(Lang::Ru, "Доклад посла (уточнено)")
    });
    sync(&t.hub, &t.b);
    set_item(&t.a, &at(11), &t.item, &t.session, |i| {
        i.duration_min = "35".into()
    });
    // A pulls without pushing: B's title arrives, A's duration stays, still waiting.
    let since = client::status(&t.a).unwrap().member.unwrap().last_seq;
    let got = client::receive(
        &t.a,
        &hub::pull(&t.hub, schema_version(), since, 100).unwrap(),
    )
    .unwrap();
    assert_eq!((got.applied, got.waiting), (1, 1));
    let item = item_on(&t.a, &t);
    assert_eq!(item.title.best(Lang::Ru), "Доклад посла (уточнено)");
    assert_eq!(item.duration_min, 35);
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
    converged(&t);
    assert!(conflicts::list(&t.a, false).unwrap().is_empty());
}

#[test]
fn only_the_synced_tables_are_captured() {
    let t = team();
    let synced = t.a.read(synced_tables).unwrap();
    // Parents come before the tables that refer to them.
    let pos = |n: &str| synced.iter().position(|t| t == n).unwrap();
    assert!(pos("person") < pos("invitation") && pos("session") < pos("agenda_item"));
    for local in BOOKKEEPING.iter().chain(&PER_MACHINE) {
        assert!(!synced.iter().any(|t| t == local));
    }
    assert!(!synced.iter().any(|t| t.starts_with("search_")));
    assert_eq!(
        synced,
        [
            "attachment_chunk",
            "mail_template",
            "organisation",
            "precedence_category",
            "person",
            "person_name",
            "person_position",
            "session",
            "agenda_item",
            "agenda_role",
            "attachment",
            "decision",
            "follow_up",
            "invitation",
            "attendance",
            "mail_log",
            "minutes",
            "minutes_item",
            "minutes_revision",
            "press_note",
            "press_revision",
            "remark",
            "seating_plan",
            "seat",
            "session_template",
            "sync_conflict",
            "tag",
            "person_tag",
            "theme",
            "session_theme",
        ]
        .map(String::from)
        .to_vec(),
        "a new table is synced unless store/capture.rs names it local: decide, then list it here"
    );
    // A write records only synced tables: its changeset names none of the search tables.
    set_item(&t.a, &at(10), &t.item, &t.session, |i| {
        i.title = Text::new().with(Lang::Ru, "Новое название")
    });
    let push = client::outbox(&t.a).unwrap().remove(0);
    let tables: Vec<String> = club_core::sync::change::read(&push.changeset)
        .unwrap()
        .into_iter()
        .map(|c| c.table)
        .collect();
    assert!(tables.iter().all(|t| synced.contains(t)), "{tables:?}");
    assert!(tables.contains(&"agenda_item".to_string()));
}

#[test]
fn the_hub_refuses_what_it_cannot_trust_and_stays_unchanged() {
    let t = team();
    set_item(&t.a, &at(10), &t.item, &t.session, |i| {
        i.duration_min = "25".into()
    });
    let good = client::outbox(&t.a).unwrap().remove(0);
    let before = rows(&t.hub);
    let refused = |p: &club_core::sync::Push| {
        let e = hub::push(&t.hub, &at(30), Role::Organizer, p).unwrap_err();
        assert!(matches!(e, Error::Sync(_) | Error::Refused(_)), "{e:?}");
        assert_eq!(rows(&t.hub), before);
        assert_eq!(hub::head(&t.hub).unwrap(), 0);
        e.to_string()
    };
    // Cut short.
    let mut truncated = good.clone();
    truncated.changeset.truncate(good.changeset.len() / 2);
    refused(&truncated);
    // Another schema version.
    let msg = refused(&club_core::sync::Push {
        schema: 99,
        ..good.clone()
    });
    assert!(msg.contains("schema version 99"), "{msg}");
    // A table outside the synced set: a changeset of the local settings.
    let dir = tempfile::tempdir().unwrap();
    let forged = forged_changeset(&dir.path().join("f.sqlite3"));
    let msg = refused(&club_core::sync::Push {
        changeset: forged,
        ..good.clone()
    });
    assert!(msg.contains("setting"), "{msg}");
    // The genuine push still goes in.
    hub::push(&t.hub, &at(30), Role::Organizer, &good).unwrap();
}

/// A changeset that writes the `setting` table, which never leaves a machine.
fn forged_changeset(path: &Path) -> Vec<u8> {
    let db = Db::open(path).unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut session = rusqlite::session::Session::new(&conn).unwrap();
    session.attach(Some("setting")).unwrap();
    conn.execute(
        "INSERT INTO setting (key, value) VALUES ('language', 'ru')",
        [],
    )
    .unwrap();
    let mut out = Vec::new();
    session.changeset_strm(&mut out).unwrap();
    drop(db);
    out
}

#[test]
fn demonstration_data_never_joins_a_team() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path().join("demo.sqlite3")).unwrap();
    club_core::sample::demo::load(&db, &at(0)).unwrap();
    let e = hub::found(&db, &dir.path().join("hub.sqlite3")).unwrap_err();
    assert!(e.to_string().contains("demonstration"), "{e}");
    let e = client::join(&db, &at(0), "Айгерим", None, 0).unwrap_err();
    assert!(e.to_string().contains("demonstration"), "{e}");
    assert!(client::status(&db).unwrap().member.is_none());
}

mod property {
    //! Three laptops, random edits, random links up and down: they converge on the hub's
    //! rows, and every operation is in the hub's log once, each of its changes applied,
    //! already there, or in the register.

    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Action {
        Duration(u8),
        Title(u8),
        AddPerson(u8),
        DeletePerson(u8),
        Invite(u8),
        CheckIn(u8),
        AddItem(u8),
        RemoveItem(u8),
        /// The laptop's link comes up: it pushes and pulls.
        Sync,
    }

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            any::<u8>().prop_map(Action::Duration),
            any::<u8>().prop_map(Action::Title),
            any::<u8>().prop_map(Action::AddPerson),
            any::<u8>().prop_map(Action::DeletePerson),
            any::<u8>().prop_map(Action::Invite),
            any::<u8>().prop_map(Action::CheckIn),
            any::<u8>().prop_map(Action::AddItem),
            any::<u8>().prop_map(Action::RemoveItem),
            Just(Action::Sync),
        ]
    }

    fn pick<T: Clone>(v: &[T], n: u8) -> Option<T> {
        (!v.is_empty()).then(|| v[n as usize % v.len()].clone())
    }

    fn act(db: &Db, hub_db: &Db, session: &str, a: &Action, minute: u32) {
        let clock = at(minute % 60);
        let items: Vec<String> = agenda::get(db, session)
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.id)
            .collect();
        let persons: Vec<String> = people::list(db)
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect();
        let invited: Vec<String> = invitations::list(db, session)
            .unwrap()
            .invitees
            .into_iter()
            .map(|i| i.id)
            .collect();
        // A refused edit (a row gone, a duplicate) is a person's error message, not a fault.
        match a {
            Action::Duration(n) => {
                if let Some(item) = pick(&items, *n) {
                    set_item(db, &clock, &item, session, |i| {
                        i.duration_min = (5 + n % 60).to_string()
                    });
                }
            }
            Action::Title(n) => {
                if let Some(item) = pick(&items, *n) {
                    set_item(db, &clock, &item, session, |i| {
                        i.title = Text::new().with(Lang::Ru, &format!("Тема {n}"))
                    });
                }
            }
            Action::AddPerson(n) => {
                people::create(db, &clock, &person("Сапаров", &format!("Ерлан{n}"))).unwrap();
            }
            Action::DeletePerson(n) => {
                if let Some(p) = pick(&persons, *n) {
                    let _ = people::delete(db, &p);
                }
            }
            Action::Invite(n) => {
                if let Some(p) = pick(&persons, *n) {
                    let _ = invitations::invite(db, &clock, session, &[p], InviteeRole::Guest);
                }
            }
            Action::CheckIn(n) => {
                if let Some(i) = pick(&invited, *n) {
                    let _ = invitations::check_in(db, &clock, &i);
                }
            }
            Action::AddItem(n) => {
                let input = AgendaItemInput {
                    kind: Some(ItemKind::Discussion),
                    title: Text::new().with(Lang::Ru, &format!("Выступление {n}")),
                    duration_min: "10".into(),
                    ..Default::default()
                };
                agenda::add(db, &clock, session, &input, None).unwrap();
            }
            Action::RemoveItem(n) => {
                if let Some(i) = pick(&items, *n) {
                    let _ = agenda::remove(db, &clock, &i);
                }
            }
            Action::Sync => sync(hub_db, db),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        #[test]
        fn three_laptops_converge_and_nothing_is_dropped_silently(
            steps in proptest::collection::vec((0..3usize, action()), 1..40)
        ) {
            let t = team();
            let c_path = t._dir.path().join("c.sqlite3");
            let seq = hub::snapshot(&t.hub, &c_path).unwrap();
            let c = client::open_snapshot(&c_path, &at(1), "Асель", None, seq).unwrap();
            let laptops = [&t.a, &t.b, &c];
            // Each operation made anywhere, and how many row changes it holds.
            let mut made = BTreeMap::new();
            for (minute, (who, a)) in steps.iter().enumerate() {
                act(laptops[*who], &t.hub, &t.session, a, minute as u32);
                for l in laptops {
                    for p in client::outbox(l).unwrap() {
                        let changes = club_core::sync::change::read(&p.changeset).unwrap().len() as i64;
                        made.insert(p.op_id, changes);
                    }
                }
            }
            // Every link comes back; two rounds carry the last pushes to everyone.
            for _ in 0..2 {
                for l in laptops {
                    sync(&t.hub, l);
                }
            }
            let hub_rows = rows(&t.hub);
            for (l, name) in laptops.iter().zip(["A", "B", "C"]) {
                prop_assert_eq!(&rows(l), &hub_rows, "{} differs from the hub", name);
                prop_assert_eq!(client::status(l).unwrap().waiting, 0);
                sound(l);
            }
            sound(&t.hub);
            // Every operation made is in the log once, every change of it accounted for.
            let log: Vec<(String, i64, i64)> = t.hub.read(|c| {
                let mut stmt = c.prepare(
                    "SELECT op_id, applied + unchanged + conflicted + held, conflicted FROM hub_log")?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows)
            }).unwrap();
            let logged: BTreeMap<String, i64> = log.iter().map(|l| (l.0.clone(), l.1)).collect();
            prop_assert_eq!(logged.len(), log.len(), "an operation logged twice");
            prop_assert_eq!(&logged, &made, "operations lost, or changes not accounted for");
            let register = conflicts::list(&t.hub, true).unwrap();
            for (op, _, conflicted) in &log {
                let entries = register.iter().filter(|c| c.op_id == *op).count() as i64;
                prop_assert!(*conflicted == 0 || entries > 0, "op {}: refused without a register entry", op);
            }
        }
    }
}

#[test]
fn the_door_checks_in_and_adds_walk_ins_and_nothing_else() {
    let t = team();
    invitations::invite(
        &t.a,
        &at(5),
        &t.session,
        std::slice::from_ref(&t.person),
        InviteeRole::Guest,
    )
    .unwrap();
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
    // B is at the door: a check-in and a walk-in go through.
    let list = invitations::list(&t.b, &t.session).unwrap();
    invitations::check_in(&t.b, &at(20), &list.invitees[0].id).unwrap();
    invitations::walk_in(&t.b, &at(21), &t.session, &person("Омаров", "Нурлан")).unwrap();
    for p in client::outbox(&t.b).unwrap() {
        hub::push(&t.hub, &at(30), Role::Door, &p).unwrap();
    }
    // An agenda change from the door is refused, the hub unchanged.
    set_item(&t.b, &at(22), &t.item, &t.session, |i| {
        i.duration_min = "90".into()
    });
    let before = rows(&t.hub);
    let edit = client::outbox(&t.b).unwrap().pop().unwrap();
    let e = hub::push(&t.hub, &at(30), Role::Door, &edit).unwrap_err();
    assert!(e.to_string().contains("door"), "{e}");
    assert_eq!(rows(&t.hub), before);
}

#[test]
fn a_join_code_lets_one_organizer_in_once_and_a_revoked_token_is_refused() {
    let t = team();
    let code = team::invite(&t.hub, &at(0), "Ли Вэй", Role::Organizer, 7).unwrap();
    let (member, token) = team::redeem(&t.hub, &at(1), &code).unwrap();
    assert_eq!(
        (member.name.as_str(), member.role),
        ("Ли Вэй", Role::Organizer)
    );
    assert_eq!(team::authenticate(&t.hub, &token).unwrap().id, member.id);
    assert!(team::redeem(&t.hub, &at(2), &code)
        .unwrap_err()
        .to_string()
        .contains("used"));
    assert!(team::authenticate(&t.hub, "made-up").is_err());
    // The hub keeps hashes only.
    let stored: Vec<String> = t
        .hub
        .read(|c| {
            let mut s = c.prepare(
                "SELECT token_hash FROM hub_member UNION ALL SELECT code_hash FROM hub_invite",
            )?;
            let v = s
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(v)
        })
        .unwrap();
    assert!(!stored.contains(&token) && !stored.contains(&code));
    team::revoke(&t.hub, &at(3), "Ли Вэй").unwrap();
    assert!(team::authenticate(&t.hub, &token)
        .unwrap_err()
        .to_string()
        .contains("revoked"));
    // An expired code is refused.
    let late = team::invite(&t.hub, &at(0), "Асель", Role::Door, 1).unwrap();
    let two_days = FixedClock(at(0).0 + chrono::Duration::days(2));
    assert!(team::redeem(&t.hub, &two_days, &late)
        .unwrap_err()
        .to_string()
        .contains("expired"));
}

#[test]
fn a_team_members_database_never_gets_the_demonstration_data() {
    let t = team();
    // The app's first start on a joined database: no demo, nothing waiting.
    assert!(!club_core::sample::demo::load_on_first_start(&t.b, &at(2)).unwrap());
    let e = club_core::sample::demo::load(&t.b, &at(2)).unwrap_err();
    assert!(e.to_string().contains("team"), "{e}");
    assert_eq!(client::status(&t.b).unwrap().waiting, 0);
    assert_eq!(rows(&t.b), rows(&t.hub));
}

/// A 3 MB PDF added on laptop A reaches laptop B whole: each chunk is its own push (none
/// near the hub's limit), and B reads the same bytes.
#[test]
fn an_attachment_reaches_the_other_laptop_byte_for_byte_in_small_pushes() {
    use club_core::attachments::{self, NewFile};
    let t = team();
    let mut pdf = crate::attachments::pdf_of(2);
    // Grown to three chunks by a comment after the end (a PDF reader skips it).
    pdf.extend(std::iter::repeat_n(
        b'%',
        3 * attachments::CHUNK_BYTES - pdf.len() + 10,
    ));
    let a = attachments::add(
        &t.a,
        &at(40),
        &NewFile {
            session_id: &t.session,
            agenda_item_id: Some(&t.item),
            name: "Доклад посла.pdf",
            bytes: &pdf,
            added_by: "Айгерим",
        },
    )
    .unwrap();
    let pushes = client::outbox(&t.a).unwrap();
    assert_eq!(
        pushes.len(),
        5,
        "four chunks and the attachment, each its own push"
    );
    for p in &pushes {
        assert!(
            p.changeset.len() < 2 * attachments::CHUNK_BYTES,
            "a push stays small"
        );
    }
    sync(&t.hub, &t.a);
    sync(&t.hub, &t.b);
    let (got, bytes) = attachments::bytes(&t.b, &a.id).unwrap();
    assert_eq!(bytes, pdf);
    assert_eq!(got.agenda_item_id.as_deref(), Some(t.item.as_str()));
    converged(&t);
}
