use club_core::planning::agenda;
use club_core::planning::sessions::{self, SessionStatus};
use club_core::planning::templates::{self, StartOptions};
use club_core::planning::themes::{self, ThemeRef};
use club_core::planning::workflow::{self, Missing};
use club_core::sample::demo;
use club_core::{Error, FixedClock, Lang, Text};

use crate::common::{clock, test_db};

#[test]
fn a_session_copied_from_the_eighth_continues_the_series() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let copy =
        templates::copy_session(&db, &clock(), &eighth.id, &StartOptions::default()).unwrap();
    assert_eq!(copy.number, Some(10), "after the planned 9th");
    assert_eq!(copy.ordinal.get(Lang::Zh), Some("第十次会议"));
    assert_eq!(copy.ordinal.get(Lang::Kk), Some("10-шы отырыс"));
    assert_eq!(copy.status, SessionStatus::Planned);
    assert_eq!((copy.start.as_str(), copy.end.as_str()), ("15:00", "17:30"));
    assert_eq!(copy.venue, eighth.venue);
    // Yearly rhythm on Thursdays: a year after the 9th (2026-12-10), a Thursday.
    assert_eq!(copy.date, "2027-12-09");

    let a = agenda::get(&db, &copy.id).unwrap();
    assert_eq!(a.items.len(), 6);
    assert!(a.uninvited.is_empty(), "the regular invitees came along");
    assert_eq!(themes::of_session(&db, &copy.id).unwrap().len(), 6);
    let status: String = db
        .read(|c| {
            Ok(c.query_row(
                "SELECT DISTINCT status FROM invitation WHERE session_id = ?1",
                [&copy.id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(status, "to_invite");
}

#[test]
fn a_copy_can_leave_out_agenda_invitees_and_themes_and_take_a_date() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let options = StartOptions {
        date: "2027-04-15".into(),
        agenda: false,
        invitees: false,
        themes: false,
    };
    let copy = templates::copy_session(&db, &clock(), &eighth.id, &options).unwrap();
    assert_eq!(copy.date, "2027-04-15");
    assert!(agenda::get(&db, &copy.id).unwrap().items.is_empty());
    assert!(themes::of_session(&db, &copy.id).unwrap().is_empty());
    let bad = StartOptions {
        date: "2027-02-29".into(),
        ..StartOptions::default()
    };
    assert!(matches!(
        templates::copy_session(&db, &clock(), &eighth.id, &bad),
        Err(Error::Invalid { .. })
    ));
}

#[test]
fn a_template_keeps_the_structure_and_starts_new_sessions() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let name = Text::new().with(Lang::Ru, "Ежегодное заседание");
    let t = templates::save_template(&db, &clock(), &eighth.id, &name).unwrap();
    assert_eq!((t.items, t.invitees), (6, 9));
    sessions::delete(&db, &eighth.id).unwrap();
    assert_eq!(templates::templates(&db).unwrap().len(), 1);
    let s = templates::from_template(&db, &clock(), &t.id, &StartOptions::default()).unwrap();
    assert_eq!(
        agenda::get(&db, &s.id).unwrap().items[1].roles[0]
            .name
            .get(Lang::En),
        Some("Shakhrat Nuryshev")
    );
    templates::delete_template(&db, &t.id).unwrap();
    assert!(matches!(
        templates::from_template(&db, &clock(), &t.id, &StartOptions::default()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn themes_are_reused_by_name_in_any_language() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let ninth = sessions::find_by_number(&db, &clock(), 9).unwrap();
    let picked = themes::set_for_session(
        &db,
        &clock(),
        &ninth.id,
        &[
            ThemeRef {
                id: None,
                name: Text::new().with(Lang::Zh, "产业合作"),
            },
            ThemeRef {
                id: None,
                name: Text::new()
                    .with(Lang::Ru, "Зелёная энергетика")
                    .with(Lang::En, "Green energy"),
            },
        ],
    )
    .unwrap();
    assert_eq!(picked.len(), 2);
    assert_eq!(
        picked[0].name.get(Lang::Ru),
        Some("Промышленная кооперация"),
        "the existing theme"
    );
    assert_eq!(picked[0].sessions, 2);
    assert_eq!(themes::list(&db).unwrap().len(), 7);
    let err =
        themes::set_for_session(&db, &clock(), &ninth.id, &[ThemeRef::default()]).unwrap_err();
    assert!(matches!(err, Error::Invalid { ref field, .. } if field == "themes.0.name"));
    assert_eq!(
        themes::of_session(&db, &ninth.id).unwrap().len(),
        2,
        "unchanged"
    );
}

#[test]
fn the_status_moves_step_by_step_and_says_what_is_missing() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let s = templates::copy_session(
        &db,
        &clock(),
        &eighth.id,
        &StartOptions {
            invitees: false,
            ..Default::default()
        },
    )
    .unwrap();
    let r = workflow::readiness(&db, &clock(), &s.id).unwrap();
    assert_eq!(r.next, Some(SessionStatus::InvitationsSent));
    assert_eq!(r.missing, [Missing::Invitees, Missing::SpeakersNotInvited]);
    assert!(matches!(
        workflow::advance(&db, &clock(), &s.id),
        Err(Error::Conflict { .. })
    ));

    let s = templates::copy_session(&db, &clock(), &eighth.id, &StartOptions::default()).unwrap();
    assert!(workflow::readiness(&db, &clock(), &s.id)
        .unwrap()
        .missing
        .is_empty());
    let s = workflow::advance(&db, &clock(), &s.id).unwrap();
    assert_eq!(s.status, SessionStatus::InvitationsSent);
    // Not held before it starts…
    assert_eq!(
        workflow::readiness(&db, &clock(), &s.id).unwrap().missing,
        [Missing::NotYetStarted]
    );
    // …but once the clock has passed its start.
    let later = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2031-01-01T00:00:00Z")
            .unwrap()
            .to_utc(),
    );
    let s = workflow::advance(&db, &later, &s.id).unwrap();
    assert_eq!(s.status, SessionStatus::Held);
    assert_eq!(
        workflow::readiness(&db, &later, &s.id).unwrap().missing,
        [Missing::MinutesNotApproved]
    );
    let s = workflow::step_back(&db, &later, &s.id).unwrap();
    assert_eq!(s.status, SessionStatus::InvitationsSent);
}
