use club_core::store::settings::{self, SettingsPatch};
use club_core::{Error, InvalidReason, Lang};

use crate::common::{clock, test_db};

#[test]
fn defaults_are_russian_and_beijing_time() {
    let db = test_db();
    let s = settings::get(&db).unwrap();
    assert_eq!(s.language, Lang::Ru);
    assert_eq!(s.time_zone, "Asia/Shanghai");
    assert_eq!(s.club_name.get(Lang::Zh), Some("中国哈萨克斯坦之友俱乐部"));
    assert!(!s.has_demo);
}

#[test]
fn language_and_time_zone_persist() {
    let db = test_db();
    settings::update(
        &db,
        &SettingsPatch {
            language: Some(Lang::Zh),
            time_zone: Some("Asia/Almaty".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let path = db.path().to_path_buf();
    drop(db.db);
    let again = club_core::Db::open(path).unwrap();
    let s = settings::get(&again).unwrap();
    assert_eq!(s.language, Lang::Zh);
    assert_eq!(s.time_zone, "Asia/Almaty");
}

#[test]
fn an_unknown_time_zone_is_refused_and_nothing_changes() {
    let db = test_db();
    let err = settings::update(
        &db,
        &SettingsPatch {
            language: Some(Lang::En),
            time_zone: Some("Mars/Olympus".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::Invalid { ref field, reason: InvalidReason::BadTimeZone } if field == "timeZone")
    );
    assert_eq!(
        settings::get(&db).unwrap().language,
        Lang::Ru,
        "whole patch rolled back"
    );
}

#[test]
fn the_welcome_shows_on_the_first_start_with_the_demo_until_it_is_answered() {
    let db = test_db();
    assert!(
        !settings::get(&db).unwrap().first_run,
        "no demo, nothing to welcome to"
    );
    club_core::sample::demo::load(&db, &clock()).unwrap();
    assert!(settings::get(&db).unwrap().first_run);
    let after = settings::update(
        &db,
        &SettingsPatch {
            welcomed: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!after.first_run);
    assert!(after.has_demo, "keeping the demo keeps it");
}
