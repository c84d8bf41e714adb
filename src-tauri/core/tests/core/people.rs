use club_core::people::names::PersonName;
use club_core::people::positions::Position;
use club_core::people::{self, PersonInput};
use club_core::planning::checkin;
use club_core::planning::invitations::{self, InvitationPatch};
use club_core::planning::rsvp::{AttendanceStatus, InvitationStatus, InviteeRole};
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::{Error, FixedClock, InvalidReason, Lang, Text};

use crate::common::{clock, test_db};

fn name(lang: Lang, family: &str, given: &str, family_first: bool) -> PersonName {
    PersonName {
        lang,
        family: family.into(),
        given: given.into(),
        patronymic: String::new(),
        family_first,
    }
}

fn zhang() -> PersonInput {
    PersonInput {
        names: vec![
            name(Lang::Zh, "张", "明", true),
            name(Lang::Ru, "Чжан", "Мин", true),
            name(Lang::En, "Zhang", "Ming", true),
        ],
        honorific: Text::new().with(Lang::Zh, "阁下").with(Lang::En, "H.E."),
        email: "zhang.ming@example.cn".into(),
        phone: "+86 138 0000 1234".into(),
        positions: vec![Position {
            title: Text::new()
                .with(Lang::En, "Ambassador of China to Kazakhstan")
                .with(Lang::Zh, "中国驻哈萨克斯坦大使")
                .with(Lang::Ru, "Посол КНР в Казахстане"),
            started_on: "2016-03-01".into(),
            ended_on: "2021-09-30".into(),
        }],
        tags: vec!["former ambassadors".into()],
        ..Default::default()
    }
}

#[test]
fn names_keep_their_scripts_and_order_and_former_positions_are_derived() {
    let db = test_db();
    let p = people::create(&db, &clock(), &zhang()).unwrap();
    assert_eq!(p.display_name.get(Lang::Zh), Some("张明"));
    assert_eq!(p.display_name.get(Lang::Ru), Some("Чжан Мин"));
    assert_eq!(p.display_name.get(Lang::En), Some("Zhang Ming"));
    assert_eq!(
        p.position.get(Lang::En),
        Some("former Ambassador of China to Kazakhstan, 2016–2021")
    );
    assert_eq!(
        p.position.get(Lang::Zh),
        Some("前中国驻哈萨克斯坦大使（2016–2021年）")
    );
    assert_eq!(
        p.position.get(Lang::Ru),
        Some("Посол КНР в Казахстане в 2016–2021 гг.")
    );
    assert_eq!(
        people::search(&db, "чжан").unwrap().len(),
        1,
        "search in Cyrillic"
    );
    assert_eq!(people::search(&db, "张明").unwrap().len(), 1);
    assert_eq!(
        people::search(&db, "FORMER AMB").unwrap().len(),
        1,
        "by tag and position"
    );
}

/// The people among the archive search's hits for `q`.
fn people_found(db: &club_core::Db, q: &str) -> Vec<String> {
    club_core::store::search::search(db, q)
        .unwrap()
        .hits
        .into_iter()
        .filter(|h| h.kind == club_core::store::search::HitKind::Person)
        .map(|h| h.ref_id)
        .collect()
}

#[test]
fn a_person_is_found_in_every_script_through_one_search_entry_that_follows_edits() {
    let db = test_db();
    let p = people::create(&db, &clock(), &zhang()).unwrap();
    for q in ["张明", "Чжан", "Zhang", "zhang.ming@example"] {
        assert_eq!(people_found(&db, q), vec![p.id.clone()], "{q}");
    }
    let entries = |db: &club_core::Db| -> i64 {
        db.read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM search_index WHERE kind = 'person'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap()
    };
    assert_eq!(entries(&db), 1, "three names, one entry");

    // A name and the e-mail changed: the entry says what the person says now.
    let mut input = zhang();
    input.names[1] = name(Lang::Ru, "Чжан", "Минхуа", true);
    input.email = "m.zhang@example.org".into();
    people::update(&db, &clock(), &p.id, &input).unwrap();
    assert_eq!(people_found(&db, "Минхуа"), vec![p.id.clone()]);
    assert_eq!(people_found(&db, "m.zhang@example"), vec![p.id.clone()]);
    assert!(people_found(&db, "zhang.ming@example").is_empty());
    assert_eq!(entries(&db), 1);

    people::delete(&db, &p.id).unwrap();
    assert!(people_found(&db, "Zhang").is_empty());
    assert_eq!(entries(&db), 0);
}

#[test]
fn bad_fields_name_the_field() {
    let db = test_db();
    let cases: Vec<(PersonInput, &str, InvalidReason)> = vec![
        (PersonInput::default(), "names", InvalidReason::Required),
        (
            PersonInput {
                email: "zhang at example".into(),
                ..zhang()
            },
            "email",
            InvalidReason::BadEmail,
        ),
        (
            PersonInput {
                phone: "call me".into(),
                ..zhang()
            },
            "phone",
            InvalidReason::BadPhone,
        ),
        (
            PersonInput {
                country: "China".into(),
                ..zhang()
            },
            "country",
            InvalidReason::BadCountry,
        ),
        (
            PersonInput {
                names: vec![name(Lang::Ru, "<b>Иванов</b>", "", false)],
                ..Default::default()
            },
            "names.0.family",
            InvalidReason::Markup,
        ),
        (
            PersonInput {
                names: vec![
                    name(Lang::Ru, "Иванов", "", false),
                    name(Lang::Ru, "Петров", "", false),
                ],
                ..Default::default()
            },
            "names.1.lang",
            InvalidReason::Duplicate,
        ),
        (
            PersonInput {
                positions: vec![Position {
                    title: Text::new().with(Lang::En, "x"),
                    started_on: "2021".into(),
                    ended_on: "2016".into(),
                }],
                ..zhang()
            },
            "positions.0.endedOn",
            InvalidReason::EndBeforeStart,
        ),
    ];
    for (input, field, reason) in cases {
        match people::create(&db, &clock(), &input) {
            Err(Error::Invalid {
                field: f,
                reason: r,
            }) => assert_eq!((f.as_str(), r), (field, reason)),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert!(people::list(&db).unwrap().is_empty());
}

#[test]
fn duplicates_are_found_and_merged_without_losing_anything() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let wang = people::search(&db, "王立新").unwrap().remove(0);
    // Entered again by hand, in Latin letters only, with an e-mail.
    let input = PersonInput {
        names: vec![name(Lang::En, "Wang", "Lixin", true)],
        email: "wang@example.cn".into(),
        ..Default::default()
    };
    let dupes = people::duplicates::duplicates(&db, &input, None).unwrap();
    assert_eq!(dupes.len(), 1);
    assert_eq!(dupes[0].person.id, wang.id);
    let again = people::create(&db, &clock(), &input).unwrap();
    let kept = people::duplicates::merge(&db, &clock(), &wang.id, &again.id).unwrap();
    // Both had an address: the kept card's stays, the other is in its notes.
    assert_eq!(kept.email, "wang.lixin@example.org");
    assert!(
        kept.notes.contains("E-mail: wang@example.cn"),
        "{}",
        kept.notes
    );
    assert_eq!(kept.names.len(), 4);
    assert!(matches!(
        people::get(&db, &again.id),
        Err(Error::NotFound { .. })
    ));
    let list = invitations::list(&db, &eighth.id).unwrap();
    assert!(
        list.invitees.iter().any(|i| i.person.id == wang.id),
        "his invitation stays"
    );
}

fn ninth(db: &crate::common::TestDb) -> String {
    sessions::find_by_number(db, &clock(), 9).unwrap().id
}

#[test]
fn invitations_count_and_keep_their_dates() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = ninth(&db);
    let all: Vec<String> = people::list(&db)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let list = invitations::invite(&db, &clock(), &s, &all[..5], InviteeRole::Guest).unwrap();
    assert_eq!(list.counts.total, 5);
    assert_eq!(list.counts.to_invite, 5);
    // Again: nobody is invited twice.
    let list = invitations::invite(&db, &clock(), &s, &all[..6], InviteeRole::Guest).unwrap();
    assert_eq!(list.counts.total, 6);
    let first = list.invitees[0].id.clone();
    let patch = InvitationPatch {
        status: Some(InvitationStatus::Invited),
        channel: Some("letter".into()),
        ..Default::default()
    };
    let list = invitations::update(&db, &clock(), &first, &patch).unwrap();
    let i = list.invitees.iter().find(|i| i.id == first).unwrap();
    assert_eq!(i.invited_at.as_deref(), Some("2026-11-26T02:00:00Z"));
    assert!(i.responded_at.is_none());
    let later = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-11-28T08:00:00Z")
            .unwrap()
            .to_utc(),
    );
    let patch = InvitationPatch {
        status: Some(InvitationStatus::Confirmed),
        channel: Some("wechat".into()),
        ..Default::default()
    };
    let list = invitations::update(&db, &later, &first, &patch).unwrap();
    let i = list.invitees.iter().find(|i| i.id == first).unwrap();
    assert_eq!(
        i.invited_at.as_deref(),
        Some("2026-11-26T02:00:00Z"),
        "the first sending is kept"
    );
    assert_eq!(i.responded_at.as_deref(), Some("2026-11-28T08:00:00Z"));
    assert_eq!(list.counts.confirmed, 1);
    let bad = InvitationPatch {
        channel: Some("pigeon".into()),
        ..Default::default()
    };
    assert!(
        matches!(invitations::update(&db, &clock(), &first, &bad), Err(Error::Invalid { ref field, .. }) if field == "channel")
    );
}

#[test]
fn invite_by_tag_and_from_a_previous_session() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    people::create(&db, &clock(), &zhang()).unwrap();
    let s = ninth(&db);
    let list = invitations::invite_tag(&db, &clock(), &s, "Former Ambassadors", InviteeRole::Guest)
        .unwrap();
    assert_eq!(list.counts.total, 1);
    assert!(matches!(
        invitations::invite_tag(&db, &clock(), &s, "nobody", InviteeRole::Guest),
        Err(Error::NotFound { .. })
    ));
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let list = invitations::invite_from_session(&db, &clock(), &s, &eighth.id).unwrap();
    assert_eq!(list.counts.total, 10);
    assert_eq!(
        list.invitees[0].person.display_name.get(Lang::Ru),
        Some("Шахрат Нурышев"),
        "precedence: the serving ambassador first"
    );
}

#[test]
fn check_in_marks_arrival_late_after_ten_minutes_and_undo_clears_it() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = ninth(&db); // 2026-12-10 15:00 Beijing = 07:00 UTC
    let all: Vec<String> = people::list(&db)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let list = invitations::invite(&db, &clock(), &s, &all[..3], InviteeRole::Guest).unwrap();
    let on_time = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-12-10T06:55:00Z")
            .unwrap()
            .to_utc(),
    );
    let late = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-12-10T07:11:00Z")
            .unwrap()
            .to_utc(),
    );
    let a = list.invitees[0].id.clone();
    let b = list.invitees[1].id.clone();
    invitations::check_in(&db, &on_time, &a).unwrap();
    let list = invitations::check_in(&db, &late, &b).unwrap();
    let status = |id: &str| {
        list.invitees
            .iter()
            .find(|i| i.id == id)
            .unwrap()
            .attendance
    };
    assert_eq!(status(&a), Some(AttendanceStatus::Present));
    assert_eq!(status(&b), Some(AttendanceStatus::Late));
    assert_eq!(list.counts.attended, 2);
    let list = invitations::undo_check_in(&db, &late, &b).unwrap();
    assert_eq!(list.counts.attended, 1);
    let found = checkin::find(&list, "нұры");
    assert_eq!(found.len(), 1, "Kazakh letters find the Kazakh spelling");
    assert_eq!(checkin::find(&list, "沙赫").len(), 1);
}

#[test]
fn a_walk_in_joins_the_directory_the_list_and_the_room_at_once() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = ninth(&db);
    let input = PersonInput {
        names: vec![name(Lang::Ru, "Петрова", "Анна", false)],
        ..Default::default()
    };
    let list = invitations::walk_in(&db, &clock(), &s, &input).unwrap();
    let w = &list.invitees[0];
    assert!(w.walk_in);
    assert_eq!(w.attendance, Some(AttendanceStatus::Present));
    assert_eq!(list.counts.attended, 1);
    let bad = PersonInput::default();
    assert!(invitations::walk_in(&db, &clock(), &s, &bad).is_err());
    assert_eq!(invitations::list(&db, &s).unwrap().counts.total, 1);
}

#[test]
fn a_session_can_order_its_own_precedence() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let list = invitations::list(&db, &eighth.id).unwrap();
    let mut ids: Vec<String> = list.invitees.iter().map(|i| i.id.clone()).collect();
    ids.reverse();
    let list = invitations::reorder(&db, &eighth.id, &ids).unwrap();
    assert_eq!(list.invitees[0].id, ids[0]);
    let list = invitations::reset_order(&db, &eighth.id).unwrap();
    assert_eq!(
        list.invitees[0].person.display_name.get(Lang::En),
        Some("Shakhrat Nuryshev")
    );
    assert_eq!(list.counts.attended, 9, "the demo 8th session's attendance");
}

#[test]
fn a_phone_with_an_extension_in_any_language_is_kept_in_one_form() {
    let db = test_db();
    for (typed, kept) in [
        ("+7 (727) 123-45-67 доб. 12", "+7 (727) 123-45-67 ext. 12"),
        ("+86 10 6532 6182 转 8005", "+86 10 6532 6182 ext. 8005"),
        ("+1 202 555 0100 ext. 203", "+1 202 555 0100 ext. 203"),
    ] {
        let input = PersonInput {
            phone: typed.into(),
            names: vec![name(Lang::Ru, "Тестов", "Тест", false)],
            ..Default::default()
        };
        let p = people::create(&db, &clock(), &input).unwrap();
        assert_eq!(p.phone, kept, "{typed:?}");
        people::delete(&db, &p.id).unwrap();
    }
    // A note beside the number belongs in the form's notes field, not in the phone.
    let input = PersonInput {
        phone: "+7 701 123 4567 (WhatsApp)".into(),
        names: vec![name(Lang::Ru, "Тестов", "Тест", false)],
        ..Default::default()
    };
    assert!(matches!(
        people::create(&db, &clock(), &input),
        Err(Error::Invalid {
            reason: InvalidReason::BadPhone,
            ..
        })
    ));
}
