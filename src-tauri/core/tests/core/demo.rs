use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::store::settings;
use club_core::Lang;

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

/// The demo reads in every interface language: the 8th session's minutes, remarks,
/// decisions and follow-ups have all four (a Kazakh or Chinese organizer saw Russian).
#[test]
fn the_demo_minutes_and_follow_ups_are_written_in_all_four_languages() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let m = club_core::minutes::get(&db, &eighth.id).unwrap();
    let mut texts = vec![("summary".to_string(), m.summary.clone())];
    for (n, item) in m.items.iter().enumerate() {
        texts.push((format!("item {n} notes"), item.notes.clone()));
        texts.push((format!("item {n} key points"), item.key_points.clone()));
        for r in &item.remarks {
            texts.push((format!("item {n} remark"), r.body.clone()));
        }
        for d in &item.decisions {
            texts.push((format!("item {n} decision"), d.body.clone()));
        }
    }
    for f in club_core::minutes::followups::list(&db).unwrap() {
        texts.push(("follow-up".into(), f.body));
    }
    assert!(texts.len() > 10);
    for (place, text) in texts.iter().filter(|(_, t)| !t.is_empty()) {
        for lang in Lang::ALL {
            assert!(text.get(lang).is_some(), "{place} lacks {lang:?}: {text:?}");
        }
    }
    assert!(
        eighth.notes.is_empty() || !eighth.notes.is_ascii(),
        "{:?}",
        eighth.notes
    );
}
