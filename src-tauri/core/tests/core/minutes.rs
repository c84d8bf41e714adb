use club_core::minutes;
use club_core::minutes::followups::{self, FollowUpInput, FollowUpStatus};
use club_core::planning::sessions::{self, SessionStatus};
use club_core::sample::demo;
use club_core::store::search::{self, HitKind};
use club_core::{Error, FixedClock, Lang, Text};

use crate::common::{clock, test_db, TestDb};

fn at(minutes_after: i64) -> FixedClock {
    FixedClock(clock().0 + chrono::Duration::minutes(minutes_after))
}

fn eighth(db: &TestDb) -> sessions::Session {
    sessions::find_by_number(db, &clock(), 8).unwrap()
}

fn found(db: &TestDb, q: &str) -> Vec<HitKind> {
    search::search(db, q)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.kind)
        .collect()
}

#[test]
fn the_demo_eighth_session_has_minutes_from_the_report() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let m = minutes::get(&db, &eighth(&db).id).unwrap();
    assert!(m.summary.get(Lang::Ru).unwrap().contains("8-е заседание"));
    assert!(m.items[1]
        .notes
        .get(Lang::Ru)
        .unwrap()
        .contains("«Справедливого Казахстана»"));
    assert_eq!(
        m.items[1].remarks[0].person_name.get(Lang::Ru),
        Some("Шахрат Нурышев")
    );
    assert_eq!(m.items[2].remarks.len(), 2, "two former ambassadors");
    assert_eq!(m.items[4].decisions.len(), 1);
}

#[test]
fn search_in_every_script_ignoring_case_with_snippets() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    // Russian, mixed case, ё/е.
    assert!(found(&db, "СПРАВЕДЛИВОГО").contains(&HitKind::Minutes));
    assert!(
        found(&db, "партнерство").contains(&HitKind::Minutes),
        "ё in the text, е in the query"
    );
    // Kazakh letters, upper case.
    assert!(found(&db, "ӘДІЛЕТТІ").contains(&HitKind::Minutes));
    // Chinese: a two-character word inside a longer run, and a three-character one.
    assert!(found(&db, "合作").contains(&HitKind::Minutes));
    assert!(found(&db, "稳定的").contains(&HitKind::Session));
    // English, and people by name in any script.
    assert!(found(&db, "rule of law").contains(&HitKind::Minutes));
    assert!(found(&db, "нұрышев").contains(&HitKind::Person));
    assert!(found(&db, "王立").contains(&HitKind::Person));
    // FTS5 syntax is text.
    assert!(search::search(&db, "\"OR AND* NEAR(")
        .unwrap()
        .hits
        .is_empty());
    // Control characters (pasted from elsewhere) separate words; a NUL inside a word once
    // cut FTS5's reading of the query short (found by the `fields` fuzz target).
    assert!(search::search(&db, "Asia/Sha\u{1}\0\0ghai")
        .unwrap()
        .hits
        .is_empty());
    assert!(found(&db, "\u{7}верховенства\0").contains(&HitKind::Minutes));
    let hit = search::search(&db, "верховенства").unwrap().hits.remove(0);
    assert_eq!(hit.session_number, Some(8));
    assert!(
        hit.snippet
            .iter()
            .any(|p| p.hit && p.text.to_lowercase() == "верховенства"),
        "{:?}",
        hit.snippet
    );
}

#[test]
fn a_paragraph_edited_after_indexing_is_found_by_its_new_words_only() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = eighth(&db);
    let m = minutes::get(&db, &s.id).unwrap();
    let item = &m.items[4];
    assert!(!found(&db, "водно-энергетическ").contains(&HitKind::Minutes));
    let notes = Text::new()
        .with(Lang::Ru, "Обсудили водно-энергетическое сотрудничество.")
        .with(Lang::Zh, "讨论了冰川保护。");
    minutes::set_item(
        &db,
        &clock(),
        &item.agenda_item_id,
        &notes,
        &item.key_points,
    )
    .unwrap();
    assert!(found(&db, "ВОДНО-ЭНЕРГЕТИЧЕСК").contains(&HitKind::Minutes));
    assert!(found(&db, "冰川保护").contains(&HitKind::Minutes));
    assert!(
        !found(&db, "точки роста").contains(&HitKind::Minutes),
        "the old text is gone from the index"
    );
    sessions::delete(&db, &s.id).unwrap();
    let left = search::search(&db, "冰川保护").unwrap().hits;
    assert!(
        left.is_empty(),
        "deleting the session empties its entries: {left:?}"
    );
    // Entries are kept by key (search_doc): none left of the session, one per key.
    let (of_session, entries, keys): (i64, i64, i64) = db
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM search_index WHERE session = ?1),
                        (SELECT count(*) FROM search_index), (SELECT count(*) FROM search_doc)",
                [&s.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!(of_session, 0);
    assert_eq!(entries, keys);
}

#[test]
fn revisions_edit_compare_restore_approve_reopen() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = eighth(&db);
    let item = minutes::get(&db, &s.id).unwrap().items[0]
        .agenda_item_id
        .clone();
    let v1 = Text::new().with(Lang::Ru, "Первая редакция.");
    let m = minutes::set_item(&db, &at(0), &item, &v1, &Text::new()).unwrap();
    assert_eq!(m.revision, 1, "the first edit starts the history");
    // Within ten minutes, edits go into the same revision; after, a new one starts.
    minutes::set_item(
        &db,
        &at(5),
        &item,
        &Text::new().with(Lang::Ru, "Вторая редакция."),
        &Text::new(),
    )
    .unwrap();
    assert_eq!(minutes::revisions::list(&db, &s.id).unwrap().len(), 1);
    let m = minutes::set_item(
        &db,
        &at(20),
        &item,
        &Text::new().with(Lang::Ru, "Третья редакция."),
        &Text::new(),
    )
    .unwrap();
    assert_eq!(m.revision, 2);
    let changes = minutes::changes::compare(&db, &s.id, 1, 2).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "notes");
    assert_eq!(changes[0].before.get(Lang::Ru), Some("Первая редакция."));
    assert_eq!(changes[0].after.get(Lang::Ru), Some("Третья редакция."));

    let m = minutes::restore(&db, &at(21), &s.id, 1).unwrap();
    assert_eq!(m.items[0].notes.get(Lang::Ru), Some("Первая редакция."));
    assert_eq!(
        minutes::revisions::list(&db, &s.id).unwrap()[0].reason,
        "restored"
    );

    let m = minutes::approve(&db, &at(30), &s.id).unwrap();
    assert!(m.approved_at.is_some());
    assert_eq!(
        sessions::get(&db, &clock(), &s.id).unwrap().status,
        SessionStatus::MinutesApproved
    );
    let err = minutes::set_item(
        &db,
        &at(31),
        &item,
        &Text::new().with(Lang::Ru, "Поздняя правка."),
        &Text::new(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Conflict { ref field, .. } if field == "minutes"));
    assert_eq!(
        minutes::get(&db, &s.id).unwrap().items[0]
            .notes
            .get(Lang::Ru),
        Some("Первая редакция."),
        "locked"
    );

    let m = minutes::reopen(&db, &at(40), &s.id).unwrap();
    assert!(m.approved_at.is_none());
    let history = minutes::revisions::list(&db, &s.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| r.reason.as_str())
            .collect::<Vec<_>>()[..2],
        ["reopened", "approved"]
    );
    assert_eq!(
        sessions::get(&db, &clock(), &s.id).unwrap().status,
        SessionStatus::Held
    );
    minutes::set_item(
        &db,
        &at(41),
        &item,
        &Text::new().with(Lang::Ru, "После повторного открытия."),
        &Text::new(),
    )
    .unwrap();
}

#[test]
fn remarks_and_decisions_name_their_person_and_bad_ones_are_refused() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = eighth(&db);
    let item = minutes::get(&db, &s.id).unwrap().items[3]
        .agenda_item_id
        .clone();
    let err = minutes::save_remark(&db, &clock(), &item, None, "", &Text::new()).unwrap_err();
    assert!(matches!(err, Error::Invalid { ref field, .. } if field == "body"));
    let err = minutes::save_remark(
        &db,
        &clock(),
        &item,
        None,
        &uuid::Uuid::now_v7().to_string(),
        &Text::new().with(Lang::Ru, "x"),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Invalid { ref field, .. } if field == "personId"));
    let m = minutes::save_decision(
        &db,
        &clock(),
        &item,
        None,
        &Text::new().with(Lang::Zh, "<b>不是标记</b>"),
    )
    .unwrap();
    assert_eq!(
        m.items[3].decisions[0].body.get(Lang::Zh),
        Some("<b>不是标记</b>"),
        "kept as text"
    );
    let id = m.items[3].decisions[0].id.clone();
    let m = minutes::remove_entry(&db, &clock(), "decision", &id).unwrap();
    assert!(m.items[3].decisions.is_empty());
}

#[test]
fn follow_ups_come_back_at_the_next_session_until_done() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let ninth = sessions::find_by_number(&db, &clock(), 9).unwrap();
    let open = followups::open_before(&db, &ninth.id).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].owner.get(Lang::Zh), Some("陈静"));
    assert_eq!(open[0].session_ordinal.get(Lang::Ru), Some("8-е заседание"));
    let decision = open[0].decision_id.clone().unwrap();
    let extra = followups::create_from_decision(
        &db,
        &clock(),
        &decision,
        &FollowUpInput {
            body: Text::new().with(Lang::En, "Send the review to the embassy"),
            due_on: "2026-12-05".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(followups::list(&db).unwrap().len(), 2);
    let done = FollowUpInput {
        body: extra.body.clone(),
        status: Some(FollowUpStatus::Done),
        ..Default::default()
    };
    let closed = followups::update(&db, &clock(), &extra.id, &done).unwrap();
    assert!(closed.closed_at.is_some());
    assert_eq!(followups::open_before(&db, &ninth.id).unwrap().len(), 1);
    let bad = FollowUpInput {
        body: extra.body,
        due_on: "2026-13-01".into(),
        ..Default::default()
    };
    assert!(
        matches!(followups::update(&db, &clock(), &extra.id, &bad), Err(Error::Invalid { ref field, .. }) if field == "dueOn")
    );
}

#[test]
fn statistics_count_sessions_people_institutions_and_themes() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let s = club_core::planning::stats::get(&db).unwrap();
    let years: Vec<(&str, u32)> = s
        .sessions_per_year
        .iter()
        .map(|y| (y.year.as_str(), y.count))
        .collect();
    assert_eq!(
        years,
        [
            ("2022", 1),
            ("2023", 1),
            ("2024", 1),
            ("2025", 1),
            ("2026", 1)
        ]
    );
    assert_eq!(s.people.len(), 9, "everyone at the 8th session");
    assert!(s.people.iter().all(|p| p.sessions == 1));
    let embassy = s
        .institutions
        .iter()
        .find(|i| {
            i.organisation.get(Lang::En) == Some("Embassy of the Republic of Kazakhstan in China")
        })
        .unwrap();
    assert_eq!((embassy.people, embassy.attendances), (3, 3));
    assert_eq!(s.themes.len(), 6);
    assert_eq!(s.themes[0].years[0].year, "2025");
}
