//! A system clock set back or forward by years (a laptop's battery changed, a wrong
//! year typed): nothing is refused because "now" looks earlier than a stored time, and
//! revisions, backups, the next session's date and the workflow stay sensible.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use club_core::minutes;
use club_core::planning::templates::{self, StartOptions};
use club_core::planning::{sessions, workflow};
use club_core::sample::demo;
use club_core::store::backup::{self, BackupReason};
use club_core::{FixedClock, Lang, Text};

use crate::common::{clock, test_db};

const TEN_YEARS: i64 = 3652;

fn years_back() -> FixedClock {
    FixedClock(clock().0 - Duration::days(TEN_YEARS))
}

fn years_ahead() -> FixedClock {
    FixedClock(clock().0 + Duration::days(TEN_YEARS))
}

#[test]
fn minutes_saved_after_the_clock_went_back_are_kept_with_their_history() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let item = minutes::get(&db, &eighth.id).unwrap().items[0]
        .agenda_item_id
        .clone();
    let save = |c: &FixedClock, text: &str| {
        let notes = Text::new().with(Lang::Ru, text);
        minutes::set_item(&db, c, &item, &notes, &Text::new()).unwrap()
    };
    save(&years_ahead(), "записано, когда часы спешили на десять лет");
    let before = minutes::revisions::list(&db, &eighth.id).unwrap().len();

    // The clock is put right (ten years back): saving works, the new text is what is
    // shown, "last saved" says the clock's time, and the history goes on.
    let m = save(&clock(), "записано по верным часам");
    assert_eq!(
        m.items[0].notes.get(Lang::Ru),
        Some("записано по верным часам")
    );
    let history = minutes::revisions::list(&db, &eighth.id).unwrap();
    assert_eq!(
        history.len(),
        before + 1,
        "a revision of the edit after the jump"
    );
    // Edits a minute apart after that keep the usual grain: one revision per while.
    save(&FixedClock(clock().0 + Duration::minutes(1)), "ещё правка");
    assert_eq!(
        minutes::revisions::list(&db, &eighth.id).unwrap().len(),
        before + 1
    );
    // The newest revision comes first, by its number, whatever the clock said.
    assert!(history.windows(2).all(|w| w[0].number > w[1].number));

    // Ten years back from there: still saved, still kept.
    save(&years_back(), "часы отстали на десять лет");
    assert_eq!(
        minutes::revisions::list(&db, &eighth.id).unwrap().len(),
        before + 2
    );
}

#[test]
fn daily_backups_go_on_whichever_way_the_clock_jumped_and_rotation_keeps_the_new_one() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    // Fourteen days of backups taken with a clock ten years ahead.
    for day in 0..backup::KEEP_AUTOMATIC as i64 {
        let c = FixedClock(years_ahead().0 + Duration::days(day));
        assert!(backup::daily(db.path(), &c).unwrap().is_some());
    }
    // The clock is put right: the daily backup is taken (the newest no longer looks like
    // today's), and rotation keeps it — the ones named by the clock ahead go first.
    let today = backup::daily(db.path(), &clock()).unwrap().expect("taken");
    let tomorrow = FixedClock(clock().0 + Duration::days(1));
    let next = backup::daily(db.path(), &tomorrow).unwrap().expect("taken");
    let all = backup::list(db.path()).unwrap();
    assert_eq!(all.len(), backup::KEEP_AUTOMATIC);
    assert!(all.contains(&today) && all.contains(&next), "{all:?}");
    backup::verify(Path::new(&next.path)).unwrap();

    // Restoring works with the clock behind: the backup taken before it is found.
    db.restore(&years_back(), Path::new(&today.path)).unwrap();
    let kept = backup::list(db.path()).unwrap();
    assert!(kept.iter().any(|b| b.reason == BackupReason::BeforeRestore));
    assert!(
        backup::daily(db.path(), &years_back()).unwrap().is_none(),
        "the backup before the restore counts as today's"
    );
}

#[test]
fn a_session_can_be_marked_held_with_the_clock_set_back() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let s = templates::copy_session(&db, &clock(), &eighth.id, &StartOptions::default()).unwrap();
    let s = workflow::advance(&db, &clock(), &s.id).unwrap();
    // Marked held by a clock ten years behind what was saved: the clock is not trusted
    // to say the session has not begun.
    let s = workflow::advance(&db, &years_back(), &s.id).unwrap();
    assert_eq!(s.status, club_core::planning::sessions::SessionStatus::Held);
}

#[test]
fn the_next_date_follows_the_rhythm_whichever_way_the_clock_jumped() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // Quarterly on Thursdays: the last two on 2026-09-10 and 2026-12-10.
    let (previous, last) = (d("2026-09-10"), d("2026-12-10"));
    // The clock ten years behind: the next one follows the last, not "today".
    let behind = templates::suggest_next_date(Some(previous), last, d("2016-12-01"));
    assert_eq!(behind, d("2027-03-11"));
    // Ten years ahead: after that day, still quarterly, still a Thursday.
    let ahead = templates::suggest_next_date(Some(previous), last, d("2036-12-01"));
    assert!(
        ahead > d("2036-12-01") && ahead < d("2037-03-15"),
        "{ahead}"
    );
    assert_eq!(chrono::Datelike::weekday(&ahead), chrono::Weekday::Thu);
    // Weekly: a few weeks missed give next week, not a date a year out.
    let weekly =
        templates::suggest_next_date(Some(d("2026-11-05")), d("2026-11-12"), d("2026-12-01"));
    assert_eq!(weekly, d("2026-12-03"));
}
