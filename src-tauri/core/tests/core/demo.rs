use club_core::{demo, sessions, settings, Lang};

use crate::common::{clock, test_db};

#[test]
fn first_start_loads_the_eighth_session_story_once() {
    let db = test_db();
    assert!(demo::load_on_first_start(&db, &clock()).unwrap());
    let list = sessions::list(&db, &clock()).unwrap();
    let eighth = list
        .iter()
        .find(|s| s.number == Some(8))
        .expect("8th session");
    assert!(eighth.is_demo);
    assert_eq!(eighth.venue.get(Lang::Zh), Some("哈萨克斯坦文化中心，北京"));
    assert!(eighth
        .title
        .get(Lang::Kk)
        .unwrap()
        .contains("тұрақтылықтың"));
    assert!(list.iter().any(|s| s.upcoming), "an upcoming session too");
    assert!(list.len() >= 4);

    let (items, speakers, invitees): (i64, i64, i64) = db
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM agenda_item WHERE session_id = ?1),
                        (SELECT count(*) FROM agenda_role r JOIN agenda_item a ON a.id = r.agenda_item_id
                          WHERE a.session_id = ?1 AND r.role = 'speaker'),
                        (SELECT count(*) FROM invitation WHERE session_id = ?1)",
                [&eighth.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!(items, 6);
    assert!(
        speakers >= 3,
        "the ambassador and the former ambassadors speak"
    );
    assert!(invitees >= 9);
    assert!(settings::get(&db).unwrap().has_demo);

    // A second start (even after the user deleted everything) never brings it back.
    demo::remove(&db).unwrap();
    assert!(!demo::load_on_first_start(&db, &clock()).unwrap());
    assert!(sessions::list(&db, &clock()).unwrap().is_empty());
}

#[test]
fn removing_the_demo_keeps_the_users_own_sessions() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let own = sessions::create(
        &db,
        &clock(),
        &sessions::SessionInput {
            number: "10".into(),
            title: club_core::Text::new().with(Lang::Ru, "Своё"),
            date: "2027-03-01".into(),
            start: "10:00".into(),
            end: "12:00".into(),
            ..Default::default()
        },
    )
    .unwrap();
    demo::remove(&db).unwrap();
    let left = sessions::list(&db, &clock()).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, own.id);
    assert!(!settings::get(&db).unwrap().has_demo);
    let people: i64 = db
        .read(|c| Ok(c.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(people, 0);
}

#[test]
fn loading_the_demo_twice_adds_it_once() {
    let db = test_db();
    assert!(demo::load(&db, &clock()).unwrap());
    let n = sessions::list(&db, &clock()).unwrap().len();
    assert!(!demo::load(&db, &clock()).unwrap());
    assert_eq!(sessions::list(&db, &clock()).unwrap().len(), n);
}
