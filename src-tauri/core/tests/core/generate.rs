//! The benchmark archive generator: the same archive for the same seed, the sizes the
//! benchmark promises, and data the app reads like its own. The generator is built only
//! with the feature `generator` (the benchmark tools turn it on): `cargo test -p
//! club-core --features generator`.
#![cfg(feature = "generator")]

use club_core::exchange::archive;
use club_core::store::dump;

use club_core::sample::generate;

use club_core::store::search;

use club_core::planning::sessions;

use crate::common::{clock, test_db};

#[test]
fn one_generated_year_is_the_same_for_a_seed_and_opens_like_the_clubs_own() {
    let a = test_db();
    let g = generate::generate(&a, 1, 7).unwrap();
    assert_eq!((g.sessions, g.people, g.invitations), (15, 500, 750));
    assert!(g.minutes_paragraphs > 4_000, "{g:?}");
    let b = test_db();
    assert_eq!(generate::generate(&b, 1, 7).unwrap(), g);
    assert_eq!(dump::tables(&a).unwrap(), dump::tables(&b).unwrap());
    let c = test_db();
    generate::generate(&c, 1, 8).unwrap();
    assert_ne!(dump::tables(&a).unwrap(), dump::tables(&c).unwrap());

    // An archive import reads everything back as the app's screens do, or refuses.
    let copy = test_db();
    archive::import(&copy, &archive::export(&a, &clock()).unwrap()).unwrap();
    let all = sessions::list(&copy, &clock()).unwrap();
    assert_eq!(all.len(), 15);
    assert!(!search::search(&copy, "сотрудничества")
        .unwrap()
        .hits
        .is_empty());
    assert!(!search::search(&copy, "专家").unwrap().hits.is_empty());

    // Only into an empty database, and only a sensible span.
    assert!(generate::generate(&a, 1, 7).is_err());
    assert!(generate::generate(&test_db(), 0, 1).is_err());
}

#[test]
fn a_busier_club_has_that_many_more_sessions_and_people_in_the_same_years() {
    let db = test_db();
    let g = generate::generate_at_scale(&db, 1, 3, 7).unwrap();
    assert_eq!((g.sessions, g.people, g.scale), (45, 1_500, 3));
    let all = sessions::list(&db, &clock()).unwrap();
    assert_eq!(all.len(), 45);
    // All in the one year, none on a day that does not exist.
    assert!(
        all.iter().all(|s| s.date.starts_with("2026-")),
        "{:?}",
        all.last()
    );
    assert!(generate::generate_at_scale(&test_db(), 1, 11, 7).is_err());
}

/// The benchmark's archive, timed (the speed of the generator matters to whoever makes
/// one): `cargo test -p club-core --features generator --test core twenty_years --
/// --ignored --nocapture`. Prints, never asserts on, the time.
#[test]
#[ignore = "a benchmark-size run"]
fn twenty_years_are_generated_in_one_go() {
    let db = test_db();
    let started = std::time::Instant::now();
    let g = generate::generate(&db, 20, 1).unwrap();
    eprintln!(
        "20 years generated in {:.1} s: {g:?}",
        started.elapsed().as_secs_f64()
    );
    assert_eq!((g.sessions, g.people), (300, 10_000));
}
