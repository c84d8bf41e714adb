//! The archive search: short words through their own index, a word found everywhere
//! bounded and said, and the order of what is found.

use club_core::store::search::{self, HitKind, CANDIDATES};

use crate::common::test_db;

/// Sessions numbered from `first`, titled `title` (ru) and dated a day apart from 2020,
/// written in one transaction as an import would.
fn sessions(db: &club_core::Db, first: usize, count: usize, title: &str, notes: &str) {
    db.write(|c| {
        for n in first..first + count {
            c.execute(
                "INSERT INTO session (id, number, title, venue, date, start_time, end_time, time_zone, status, notes,
                     created_at, updated_at)
                 VALUES (?1, ?2, json_object('ru', ?3), '{}', date('2020-01-01', ?4), '15:00', '17:00',
                     'Asia/Shanghai', 'held', ?5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                rusqlite::params![
                    uuid::Uuid::new_v4().to_string(),
                    n as i64 + 1000,
                    title,
                    format!("+{n} days"),
                    notes
                ],
            )?;
        }
        Ok(())
    })
    .unwrap();
}

#[test]
fn one_and_two_character_words_are_found_through_their_index_and_not_across_punctuation() {
    let db = test_db();
    sessions(
        &db,
        0,
        1,
        "Встреча",
        "经贸合作。ЕС и КНР; 合。作 в этом месяце",
    );
    sessions(&db, 1, 1, "Встреча", "合。作 — и ничего больше");
    let found = |q: &str| search::search(&db, q).unwrap();

    let both = found("合作");
    assert_eq!(both.total, 1, "{both:?}");
    assert_eq!(both.hits[0].kind, HitKind::Session);
    let marked: Vec<&str> = both.hits[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["合作"], "marked where it is, not in 合。作");

    // A one-character word: both sessions hold 合.
    assert_eq!(found("合").total, 2);
    // A short word elsewhere is a word of its own: ЕС, never the ес of «месяце».
    assert_eq!(found("ес").total, 1);
    assert_eq!(found("ЕС КНР").total, 1, "a short word beside a long one");
    assert_eq!(found("ес ничего").total, 0);
    // A word repeated (a pasted paragraph) is the word once.
    assert_eq!(found(&"ЕС合作 ".repeat(2000)).total, 0);
    assert_eq!(found(&"合作 ес ".repeat(2000)).total, 1);
    // Nothing of it: an answer, not a scan of the archive.
    assert_eq!(found("鹰").total, 0);
}

#[test]
fn an_edit_and_a_delete_reach_the_short_word_index_in_the_same_transaction() {
    let db = test_db();
    sessions(&db, 0, 1, "Встреча", "专家对话");
    assert_eq!(search::search(&db, "对话").unwrap().total, 1);
    db.write(|c| {
        c.execute("UPDATE session SET notes = '丝绸之路'", [])?;
        Ok(())
    })
    .unwrap();
    assert_eq!(
        search::search(&db, "对话").unwrap().total,
        0,
        "the old text"
    );
    assert_eq!(search::search(&db, "丝绸").unwrap().total, 1);
    db.write(|c| {
        c.execute("DELETE FROM session", [])?;
        Ok(())
    })
    .unwrap();
    assert_eq!(search::search(&db, "丝绸").unwrap().total, 0);
    let (short, stale): (i64, i64) = db
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM search_short), (SELECT count(*) FROM search_stale)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    assert_eq!((short, stale), (0, 0));
}

#[test]
fn a_word_found_everywhere_says_more_and_puts_titles_and_the_latest_first() {
    let db = test_db();
    sessions(
        &db,
        0,
        CANDIDATES + 50,
        "Заседание",
        "сотрудничество и 合作",
    );
    sessions(&db, 2000, 1, "Сотрудничество в регионе", "");
    for q in ["сотрудничество", "合作", "合作 сотрудничество"] {
        let found = search::search(&db, q).unwrap();
        assert!(found.more, "{q}");
        assert_eq!(found.total as usize, CANDIDATES, "{q}");
        assert_eq!(found.hits.len(), search::MAX_HITS, "{q}");
        if q == "сотрудничество" {
            assert_eq!(found.hits[0].session_number, Some(3000), "the title first");
        }
        let dates: Vec<&str> = found.hits[1..]
            .iter()
            .map(|h| h.session_date.as_str())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "{q}: the latest first");
    }
}

#[test]
fn an_entry_written_by_another_program_reaches_the_short_word_index_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.sqlite3");
    drop(club_core::Db::open(&path).unwrap());
    {
        // An SQLite shell: the triggers run, nothing of the app's Rust does.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute(
            "INSERT INTO session (id, number, title, venue, date, start_time, end_time,
                 time_zone, status, notes, created_at, updated_at)
             VALUES ('01a21715-3199-7426-a048-50d47058bb01', 1, '{\"zh\":\"丝路论坛\"}', '{}',
                 '2026-01-10', '15:00', '17:00', 'Asia/Shanghai', 'planned', '',
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    let db = club_core::Db::open(&path).unwrap();
    let found = search::search(&db, "丝路").unwrap();
    assert_eq!(found.total, 1, "{found:?}");
    assert_eq!(found.hits[0].session_number, Some(1));
}
