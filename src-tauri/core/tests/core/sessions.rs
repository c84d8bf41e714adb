use club_core::planning::sessions::{self, SessionInput, SessionStatus};
use club_core::{Error, InvalidReason, Lang, Text};

use crate::common::{clock, test_db};

fn ninth() -> SessionInput {
    SessionInput {
        number: "9".into(),
        title: Text::new()
            .with(Lang::Ru, "Итоги года")
            .with(Lang::Zh, "年度总结")
            .with(Lang::Kk, "Жыл қорытындысы: әғқңөұүһі"),
        venue: Text::new().with(Lang::Ru, "Культурный центр Казахстана"),
        date: "2026-12-10".into(),
        start: "15:00".into(),
        end: "17:30".into(),
        ..Default::default()
    }
}

fn invalid(input: SessionInput) -> (String, InvalidReason) {
    let db = test_db();
    match sessions::create(&db, &clock(), &input).unwrap_err() {
        Error::Invalid { field, reason } => {
            assert!(
                sessions::list(&db, &clock()).unwrap().is_empty(),
                "nothing written"
            );
            (field, reason)
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn create_then_read_back_in_every_script() {
    let db = test_db();
    let created = sessions::create(&db, &clock(), &ninth()).unwrap();
    assert_eq!(created.number, Some(9));
    assert_eq!(
        created.time_zone, "Asia/Shanghai",
        "the Club's default zone"
    );
    assert_eq!(created.status, SessionStatus::Planned);
    assert!(created.upcoming);
    assert_eq!(uuid_version(&created.id), 7);
    let got = sessions::get(&db, &clock(), &created.id).unwrap();
    assert_eq!(got.title.get(Lang::Kk), Some("Жыл қорытындысы: әғқңөұүһі"));
    assert_eq!(got, created);
}

fn uuid_version(id: &str) -> usize {
    uuid::Uuid::parse_str(id).unwrap().get_version_num()
}

#[test]
fn the_next_number_follows_the_highest() {
    let db = test_db();
    assert_eq!(sessions::next_number(&db).unwrap(), 1);
    sessions::create(&db, &clock(), &ninth()).unwrap();
    assert_eq!(sessions::next_number(&db).unwrap(), 10);
}

#[test]
fn a_taken_number_is_a_conflict_on_the_number_field() {
    let db = test_db();
    sessions::create(&db, &clock(), &ninth()).unwrap();
    let err = sessions::create(&db, &clock(), &ninth()).unwrap_err();
    assert!(matches!(err, Error::Conflict { ref field, .. } if field == "number"));
    assert_eq!(sessions::list(&db, &clock()).unwrap().len(), 1);
}

#[test]
fn field_errors_name_the_field() {
    let cases: Vec<(SessionInput, &str, InvalidReason)> = vec![
        (
            SessionInput {
                title: Text::new(),
                ..ninth()
            },
            "title",
            InvalidReason::Required,
        ),
        (
            SessionInput {
                date: "".into(),
                ..ninth()
            },
            "date",
            InvalidReason::Required,
        ),
        (
            SessionInput {
                date: "2026-02-30".into(),
                ..ninth()
            },
            "date",
            InvalidReason::BadDate,
        ),
        (
            SessionInput {
                date: "10.12.2026".into(),
                ..ninth()
            },
            "date",
            InvalidReason::BadDate,
        ),
        (
            SessionInput {
                date: "1899-12-10".into(),
                ..ninth()
            },
            "date",
            InvalidReason::DateOutOfRange,
        ),
        (
            SessionInput {
                start: "25:00".into(),
                ..ninth()
            },
            "start",
            InvalidReason::BadTime,
        ),
        (
            SessionInput {
                end: "".into(),
                ..ninth()
            },
            "end",
            InvalidReason::Required,
        ),
        (
            SessionInput {
                end: "14:00".into(),
                ..ninth()
            },
            "end",
            InvalidReason::EndNotAfterStart,
        ),
        (
            SessionInput {
                end: "15:00".into(),
                ..ninth()
            },
            "end",
            InvalidReason::EndNotAfterStart,
        ),
        (
            SessionInput {
                time_zone: "Beijing".into(),
                ..ninth()
            },
            "timeZone",
            InvalidReason::BadTimeZone,
        ),
        (
            SessionInput {
                number: "0".into(),
                ..ninth()
            },
            "number",
            InvalidReason::OutOfRange,
        ),
        (
            SessionInput {
                number: "девять".into(),
                ..ninth()
            },
            "number",
            InvalidReason::OutOfRange,
        ),
        (
            SessionInput {
                venue: Text::new().with(Lang::Zh, &"馆".repeat(501)),
                ..ninth()
            },
            "venue.zh",
            InvalidReason::TooLong,
        ),
        (
            SessionInput {
                title: Text::new().with(Lang::Ru, "a\u{0}b"),
                ..ninth()
            },
            "title.ru",
            InvalidReason::ControlCharacters,
        ),
    ];
    for (input, field, reason) in cases {
        assert_eq!(
            invalid(input.clone()),
            (field.to_string(), reason),
            "{input:?}"
        );
    }
}

#[test]
fn markup_in_a_title_is_kept_as_plain_text() {
    let db = test_db();
    let title = "<script>alert(1)</script> #set page(width: 1cm) *жирный*";
    let s = sessions::create(
        &db,
        &clock(),
        &SessionInput {
            title: Text::new().with(Lang::Ru, title),
            ..ninth()
        },
    )
    .unwrap();
    assert_eq!(s.title.get(Lang::Ru), Some(title));
}

#[test]
fn update_changes_fields_and_keeps_the_number_check() {
    let db = test_db();
    let eighth = sessions::create(
        &db,
        &clock(),
        &SessionInput {
            number: "8".into(),
            date: "2025-11-20".into(),
            ..ninth()
        },
    )
    .unwrap();
    let ninth = sessions::create(&db, &clock(), &ninth()).unwrap();
    assert!(!eighth.upcoming);

    let mut edit = SessionInput::from(&ninth);
    edit.start = "14:30".into();
    edit.status = Some(SessionStatus::InvitationsSent);
    let updated = sessions::update(&db, &clock(), &ninth.id, &edit).unwrap();
    assert_eq!(updated.start, "14:30");
    assert_eq!(updated.status, SessionStatus::InvitationsSent);

    edit.number = "8".into();
    let err = sessions::update(&db, &clock(), &ninth.id, &edit).unwrap_err();
    assert!(matches!(err, Error::Conflict { ref field, .. } if field == "number"));
    assert_eq!(
        sessions::get(&db, &clock(), &ninth.id).unwrap().number,
        Some(9)
    );
}

#[test]
fn upcoming_is_judged_in_the_sessions_own_time_zone() {
    let db = test_db();
    // The clock says 10:00 in Beijing (02:00 UTC) on 2026-11-26.
    let today = |start: &str, end: &str, zone: &str| SessionInput {
        number: String::new(),
        date: "2026-11-26".into(),
        start: start.into(),
        end: end.into(),
        time_zone: zone.into(),
        ..ninth()
    };
    let ended = sessions::create(&db, &clock(), &today("08:00", "09:30", "Asia/Shanghai")).unwrap();
    let running =
        sessions::create(&db, &clock(), &today("09:00", "11:00", "Asia/Shanghai")).unwrap();
    // 09:30 in Almaty (UTC+5) is 04:30 UTC: still ahead.
    let almaty = sessions::create(&db, &clock(), &today("08:00", "09:30", "Asia/Almaty")).unwrap();
    assert!(!ended.upcoming);
    assert!(running.upcoming);
    assert!(almaty.upcoming);
}

#[test]
fn list_is_newest_first() {
    let db = test_db();
    for (n, date) in [
        ("7", "2024-11-14"),
        ("9", "2026-12-10"),
        ("8", "2025-11-20"),
    ] {
        sessions::create(
            &db,
            &clock(),
            &SessionInput {
                number: n.into(),
                date: date.into(),
                ..ninth()
            },
        )
        .unwrap();
    }
    let numbers: Vec<_> = sessions::list(&db, &clock())
        .unwrap()
        .iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [Some(9), Some(8), Some(7)]);
}

#[test]
fn delete_removes_the_session_and_its_agenda() {
    let db = test_db();
    let s = sessions::create(&db, &clock(), &ninth()).unwrap();
    db.write(|tx| {
        tx.execute(
            "INSERT INTO agenda_item (id, session_id, position, title, duration_min, created_at, updated_at)
             VALUES ('a', ?1, 0, '{}', 10, 'x', 'x')",
            [&s.id],
        )?;
        Ok(())
    })
    .unwrap();
    sessions::delete(&db, &s.id).unwrap();
    assert!(matches!(
        sessions::get(&db, &clock(), &s.id),
        Err(Error::NotFound { .. })
    ));
    let items: i64 = db
        .read(|c| Ok(c.query_row("SELECT count(*) FROM agenda_item", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(items, 0);
    assert!(matches!(
        sessions::delete(&db, &s.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_malformed_id_is_a_field_error_not_a_crash() {
    let db = test_db();
    let err = sessions::get(&db, &clock(), "'; DROP TABLE session; --").unwrap_err();
    assert!(
        matches!(err, Error::Invalid { ref field, reason: InvalidReason::BadId } if field == "id")
    );
}
