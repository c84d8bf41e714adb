use club_core::planning::agenda::{self, AgendaItemInput, ItemKind};
use club_core::planning::agenda_roles::{RoleInput, RoleKind};
use club_core::planning::schedule::{self, schedule, Slot};
use club_core::planning::sessions::{self, SessionInput};
use club_core::{Error, InvalidReason, Lang, Text};
use proptest::prelude::*;

use crate::common::{clock, test_db, TestDb};

fn session(db: &TestDb, start: &str, end: &str) -> String {
    sessions::create(
        db,
        &clock(),
        &SessionInput {
            title: Text::new().with(Lang::Ru, "Повестка"),
            date: "2026-12-10".into(),
            start: start.into(),
            end: end.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn item(title: &str, minutes: u32) -> AgendaItemInput {
    AgendaItemInput {
        kind: Some(ItemKind::Report),
        title: Text::new().with(Lang::Ru, title),
        duration_min: minutes.to_string(),
        ..Default::default()
    }
}

fn titles(a: &agenda::Agenda) -> Vec<String> {
    a.items
        .iter()
        .map(|i| i.title.best(Lang::Ru).to_string())
        .collect()
}

fn times(a: &agenda::Agenda) -> Vec<(String, String)> {
    a.items
        .iter()
        .map(|i| (i.start.clone(), i.end.clone()))
        .collect()
}

#[test]
fn times_follow_from_the_start_and_the_durations() {
    let db = test_db();
    let s = session(&db, "15:00", "17:30");
    for (t, m) in [
        ("Открытие", 10),
        ("Доклад", 30),
        ("Выступления", 30),
        ("Дискуссия", 50),
    ] {
        agenda::add(&db, &clock(), &s, &item(t, m), None).unwrap();
    }
    let a = agenda::get(&db, &s).unwrap();
    assert_eq!(
        times(&a),
        [
            ("15:00", "15:10"),
            ("15:10", "15:40"),
            ("15:40", "16:10"),
            ("16:10", "17:00")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(a.planned_end, "17:00");
    assert_eq!(a.overrun_min, 0);

    // Moving the discussion to the front recomputes every time.
    let discussion = a.items[3].id.clone();
    let a = agenda::move_item(&db, &clock(), &discussion, 0).unwrap();
    assert_eq!(
        titles(&a),
        ["Дискуссия", "Открытие", "Доклад", "Выступления"]
    );
    assert_eq!(a.items[0].end, "15:50");
    assert_eq!(a.items[3].end, "17:00");
    assert_eq!(
        a.items.iter().map(|i| i.position).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
}

#[test]
fn an_overrun_is_measured_to_the_minute() {
    let db = test_db();
    let s = session(&db, "15:00", "16:00");
    agenda::add(&db, &clock(), &s, &item("Доклад", 45), None).unwrap();
    let a = agenda::add(&db, &clock(), &s, &item("Дискуссия", 16), None).unwrap();
    assert_eq!(a.planned_end, "16:01");
    assert_eq!(a.overrun_min, 1);
    let last = a.items[1].id.clone();
    let a = agenda::update(&db, &clock(), &last, &item("Дискуссия", 15)).unwrap();
    assert_eq!(a.overrun_min, 0);
}

#[test]
fn a_pinned_item_keeps_its_time_and_a_collision_is_reported() {
    let db = test_db();
    let s = session(&db, "15:00", "17:30");
    agenda::add(&db, &clock(), &s, &item("Доклад", 30), None).unwrap();
    let pinned = AgendaItemInput {
        pinned_start: "16:00".into(),
        ..item("Чай", 15)
    };
    let a = agenda::add(&db, &clock(), &s, &pinned, None).unwrap();
    assert_eq!(
        times(&a)[1],
        ("16:00".to_string(), "16:15".to_string()),
        "a gap before a pinned item"
    );
    assert_eq!(a.items[1].collision_min, 0);
    let a = agenda::add(&db, &clock(), &s, &item("Выступления", 40), Some(1)).unwrap();
    assert_eq!(a.items[1].end, "16:10");
    assert_eq!(a.items[2].start, "16:00", "pinned time respected");
    assert_eq!(a.items[2].collision_min, 10);
}

#[test]
fn delete_then_undo_puts_the_item_back_in_its_place_with_its_people() {
    let db = test_db();
    club_core::sample::demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let before = agenda::get(&db, &eighth.id).unwrap();
    let report = before.items[1].clone();
    assert_eq!(report.roles.len(), 1);
    let removal = agenda::remove(&db, &clock(), &report.id).unwrap();
    assert_eq!(removal.agenda.items.len(), 5);
    assert_eq!(
        removal.agenda.items[1].start, "15:10",
        "the next item moves up"
    );
    let after = agenda::restore(&db, &clock(), &removal.removed).unwrap();
    assert_eq!(after, before);
    assert!(matches!(
        agenda::restore(&db, &clock(), &removal.removed),
        Err(Error::Conflict { .. })
    ));
}

#[test]
fn duplicate_inserts_a_copy_right_after() {
    let db = test_db();
    let s = session(&db, "15:00", "17:30");
    agenda::add(&db, &clock(), &s, &item("Доклад", 30), None).unwrap();
    let a = agenda::add(&db, &clock(), &s, &item("Итоги", 10), None).unwrap();
    let a = agenda::duplicate(&db, &clock(), &a.items[0].id).unwrap();
    assert_eq!(titles(&a), ["Доклад", "Доклад", "Итоги"]);
    assert_ne!(a.items[0].id, a.items[1].id);
    assert_eq!(a.items[2].start, "16:00");
}

#[test]
fn speakers_not_on_the_invitee_list_are_flagged() {
    let db = test_db();
    club_core::sample::demo::load(&db, &clock()).unwrap();
    let s = session(&db, "15:00", "17:30");
    let ambassador = club_core::people::search(&db, "Нурышев").unwrap().remove(0);
    let input = AgendaItemInput {
        roles: vec![
            RoleInput {
                person_id: ambassador.id.clone(),
                role: RoleKind::Speaker,
            },
            RoleInput {
                person_id: ambassador.id.clone(),
                role: RoleKind::Chair,
            },
        ],
        ..item("Доклад посла", 30)
    };
    let a = agenda::add(&db, &clock(), &s, &input, None).unwrap();
    assert_eq!(a.items[0].roles.len(), 2, "one person, two roles");
    assert_eq!(
        a.items[0].roles[0].name.get(Lang::Zh),
        Some("沙赫拉特·努雷舍夫")
    );
    assert!(!a.items[0].roles[0].invited);
    assert_eq!(a.uninvited.len(), 1);
    // In the demo 8th session everyone on the agenda is invited.
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    assert!(agenda::get(&db, &eighth.id).unwrap().uninvited.is_empty());
}

#[test]
fn bad_items_name_the_field_and_change_nothing() {
    let db = test_db();
    let s = session(&db, "15:00", "17:30");
    let cases = [
        (
            AgendaItemInput {
                title: Text::new(),
                ..item("", 10)
            },
            "title",
            InvalidReason::Required,
        ),
        (
            AgendaItemInput {
                duration_min: "".into(),
                ..item("x", 0)
            },
            "durationMin",
            InvalidReason::Required,
        ),
        (
            AgendaItemInput {
                duration_min: "601".into(),
                ..item("x", 0)
            },
            "durationMin",
            InvalidReason::OutOfRange,
        ),
        (
            AgendaItemInput {
                duration_min: "-5".into(),
                ..item("x", 0)
            },
            "durationMin",
            InvalidReason::OutOfRange,
        ),
        (
            AgendaItemInput {
                pinned_start: "16:75".into(),
                ..item("x", 5)
            },
            "pinnedStart",
            InvalidReason::BadTime,
        ),
        (
            AgendaItemInput {
                roles: vec![RoleInput {
                    person_id: uuid::Uuid::now_v7().to_string(),
                    role: RoleKind::Speaker,
                }],
                ..item("x", 5)
            },
            "roles.0",
            InvalidReason::BadId,
        ),
    ];
    for (input, field, reason) in cases {
        match agenda::add(&db, &clock(), &s, &input, None) {
            Err(Error::Invalid {
                field: f,
                reason: r,
            }) => assert_eq!((f.as_str(), r), (field, reason)),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert!(agenda::get(&db, &s).unwrap().items.is_empty());
    assert!(matches!(
        agenda::move_item(&db, &clock(), &uuid::Uuid::now_v7().to_string(), 0),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_demo_eighth_session_has_its_full_agenda() {
    let db = test_db();
    club_core::sample::demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let a = agenda::get(&db, &eighth.id).unwrap();
    let kinds: Vec<ItemKind> = a.items.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(
        kinds,
        [Opening, Report, Remarks, Break, Discussion, Closing]
    );
    assert_eq!(
        a.items[1].roles[0].name.get(Lang::Ru),
        Some("Шахрат Нурышев")
    );
    assert_eq!(a.items[2].roles.len(), 2, "two former ambassadors");
    assert_eq!(a.overrun_min, 0);
    assert_eq!(a.planned_end, "17:20");
}

// ---- properties -----------------------------------------------------------------------

fn slots() -> impl Strategy<Value = Vec<Slot>> {
    prop::collection::vec(
        (
            0u32..=120,
            prop::option::weighted(0.25, 13 * 60u32..19 * 60),
        )
            .prop_map(|(duration, pinned)| Slot { duration, pinned }),
        0..12,
    )
}

proptest! {
    #[test]
    fn schedule_is_consistent(start in 8 * 60u32..16 * 60, slots in slots()) {
        let t = schedule(start, &slots);
        prop_assert_eq!(t.len(), slots.len());
        let mut busy_until = start;
        for (slot, timing) in slots.iter().zip(&t) {
            prop_assert_eq!(timing.end, timing.start + slot.duration);
            match slot.pinned {
                Some(p) => {
                    prop_assert_eq!(timing.start, p);
                    prop_assert_eq!(timing.collision, busy_until.saturating_sub(p));
                }
                None => {
                    prop_assert_eq!(timing.start, busy_until);
                    prop_assert_eq!(timing.collision, 0);
                }
            }
            busy_until = busy_until.max(timing.end);
        }
        prop_assert_eq!(schedule::planned_end(start, &t), busy_until);
    }
}

#[derive(Debug, Clone)]
enum Op {
    Add {
        minutes: u32,
        pinned: Option<u32>,
        at: Option<u32>,
    },
    Move {
        from: usize,
        to: u32,
    },
    Edit {
        index: usize,
        minutes: u32,
        pinned: Option<u32>,
    },
    Remove {
        index: usize,
    },
    Duplicate {
        index: usize,
    },
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let pinned = prop::option::weighted(0.2, 15 * 60u32..18 * 60);
    let op = prop_oneof![
        (0u32..90, pinned.clone(), prop::option::of(0u32..10)).prop_map(|(minutes, pinned, at)| {
            Op::Add {
                minutes,
                pinned,
                at,
            }
        }),
        (0usize..10, 0u32..12).prop_map(|(from, to)| Op::Move { from, to }),
        (0usize..10, 0u32..90, pinned).prop_map(|(index, minutes, pinned)| Op::Edit {
            index,
            minutes,
            pinned
        }),
        (0usize..10).prop_map(|index| Op::Remove { index }),
        (0usize..10).prop_map(|index| Op::Duplicate { index }),
    ];
    prop::collection::vec(op, 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any sequence of adds, moves, edits, removals and duplicates leaves an agenda whose
    /// order matches a simple model and whose times are those the scheduler gives for it.
    #[test]
    fn any_sequence_of_edits_keeps_times_consistent(ops in ops()) {
        let db = test_db();
        let s = session(&db, "15:00", "17:30");
        // The model: (title, minutes, pinned) in agenda order.
        let mut model: Vec<(String, u32, Option<u32>)> = Vec::new();
        let mut counter = 0;
        let mut current = agenda::get(&db, &s).unwrap();
        let hhmm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        for op in ops {
            let n = current.items.len();
            match op {
                Op::Add { minutes, pinned, at } => {
                    counter += 1;
                    let title = format!("п{counter}");
                    let input = AgendaItemInput { pinned_start: pinned.map(hhmm).unwrap_or_default(), ..item(&title, minutes) };
                    current = agenda::add(&db, &clock(), &s, &input, at).unwrap();
                    let at = at.map_or(model.len(), |a| (a as usize).min(model.len()));
                    model.insert(at, (title, minutes, pinned));
                }
                Op::Move { from, to } if n > 0 => {
                    let from = from % n;
                    current = agenda::move_item(&db, &clock(), &current.items[from].id, to).unwrap();
                    let moved = model.remove(from);
                    model.insert((to as usize).min(model.len()), moved);
                }
                Op::Edit { index, minutes, pinned } if n > 0 => {
                    let i = index % n;
                    let input = AgendaItemInput { pinned_start: pinned.map(hhmm).unwrap_or_default(), ..item(&model[i].0, minutes) };
                    current = agenda::update(&db, &clock(), &current.items[i].id, &input).unwrap();
                    model[i].1 = minutes;
                    model[i].2 = pinned;
                }
                Op::Remove { index } if n > 0 => {
                    let i = index % n;
                    current = agenda::remove(&db, &clock(), &current.items[i].id).unwrap().agenda;
                    model.remove(i);
                }
                Op::Duplicate { index } if n > 0 => {
                    let i = index % n;
                    current = agenda::duplicate(&db, &clock(), &current.items[i].id).unwrap();
                    model.insert(i + 1, model[i].clone());
                }
                _ => {}
            }
            prop_assert_eq!(titles(&current), model.iter().map(|m| m.0.clone()).collect::<Vec<_>>());
            prop_assert_eq!(current.items.iter().map(|i| i.position).collect::<Vec<_>>(), (0..model.len() as u32).collect::<Vec<_>>());
            let slots: Vec<Slot> = model.iter().map(|m| Slot { duration: m.1, pinned: m.2 }).collect();
            let expected = schedule(15 * 60, &slots);
            for (item, t) in current.items.iter().zip(&expected) {
                prop_assert_eq!(&item.start, &hhmm(t.start));
                prop_assert_eq!(&item.end, &hhmm(t.end));
                prop_assert_eq!(item.collision_min, t.collision);
            }
            let end = schedule::planned_end(15 * 60, &expected);
            prop_assert_eq!(current.overrun_min, end.saturating_sub(17 * 60 + 30));
            // What was returned is what is stored.
            prop_assert_eq!(&agenda::get(&db, &s).unwrap(), &current);
        }
    }
}

/// A speaker taken off the agenda is no longer listed as a speaker among the invitees;
/// one who still speaks in another item stays a speaker.
#[test]
fn speakers_removed_from_the_agenda_go_back_to_guests() {
    let db = test_db();
    club_core::sample::demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let role_of = |name: &str| {
        club_core::planning::invitations::list(&db, &eighth.id)
            .unwrap()
            .invitees
            .into_iter()
            .find(|i| i.person.display_name.get(Lang::Ru) == Some(name))
            .unwrap()
            .role
    };
    use club_core::planning::rsvp::InviteeRole;
    assert_eq!(role_of("Шахрат Нурышев"), InviteeRole::Speaker);
    let a = agenda::get(&db, &eighth.id).unwrap();
    // The report: its speaker is removed from the item.
    let report = &a.items[1];
    let mut input = AgendaItemInput::from(report);
    input.roles.clear();
    agenda::update(&db, &clock(), &report.id, &input).unwrap();
    assert_eq!(
        role_of("Шахрат Нурышев"),
        InviteeRole::Speaker,
        "he still chairs the closing"
    );
    // The former ambassadors' item is removed whole: both go back to guests.
    let remarks = &a.items[2];
    let names: Vec<String> = remarks
        .roles
        .iter()
        .map(|r| r.name.get(Lang::Ru).unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 2);
    agenda::remove(&db, &clock(), &remarks.id).unwrap();
    for n in &names {
        assert_eq!(role_of(n), InviteeRole::Guest, "{n}");
    }
    // The moderator still opens the session: still the moderator.
    assert_eq!(role_of("Айгерим Сарсенова"), InviteeRole::Moderator);
    // Off the closing too: now he is a guest.
    let closing = a.items.last().unwrap();
    let mut input = AgendaItemInput::from(closing);
    input.roles.clear();
    agenda::update(&db, &clock(), &closing.id, &input).unwrap();
    assert_eq!(role_of("Шахрат Нурышев"), InviteeRole::Guest);
}
