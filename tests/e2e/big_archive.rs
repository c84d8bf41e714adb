//! Ten times the 20-year archive: 3,000 sessions and 100,000 people, made by
//! `club-dev bench generate --years 20 --scale 10` (docs/RELIABILITY.md). The app opens
//! it and every screen shows its data. The archive is a 1.9 GB file that takes a release
//! build of the developer tools (9 minutes) and 2 minutes to make, so CI does not make it:
//! the test runs where CLUB_BIG_ARCHIVE names one (scripts/big-archive does both) and
//! says SKIPPED elsewhere.

use std::time::Duration;

use crate::harness::{App, Home};
use crate::tour::shot;

/// Waits up to three minutes for an element matching `css` to show `text`.
async fn wait_long(app: &App, css: &str, text: &str) {
    app.wait_for_text_within(css, text, Duration::from_secs(180))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_times_the_twenty_year_archive_opens_and_every_screen_works() {
    let Some(archive) = std::env::var_os("CLUB_BIG_ARCHIVE") else {
        eprintln!(
            "SKIPPED: ten times the 20-year archive is a 1.9 GB file made by a release build; \
             set CLUB_BIG_ARCHIVE to one (bash scripts/big-archive makes it and runs this)"
        );
        return;
    };
    let home = Home::new();
    // A copy: the app writes (the day's backup, the search index's upkeep).
    std::fs::copy(&archive, home.db_path()).expect("CLUB_BIG_ARCHIVE: a readable file");
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "-е заседание")
        .await;
    shot(&app, "big-sessions").await;

    // The most recent held session, tab by tab.
    app.open_card(1).await;
    app.click("[data-testid=tab-agenda]").await;
    app.wait_for_text("[data-testid=item-title]", "").await;
    app.click("[data-testid=tab-invitees]").await;
    app.find("[data-testid=invitee-row]").await;
    shot(&app, "big-invitees").await;
    app.click("[data-testid=tab-minutes]").await;
    app.find("[data-testid=minutes-item]").await;
    app.click("[data-testid=tab-documents]").await;
    app.find("[data-testid=doc-pages]").await;
    shot(&app, "big-documents").await;

    // 100,000 people: the list and a search in it.
    app.click("[data-testid=nav-people]").await;
    app.find("[data-testid=people-list]").await;
    shot(&app, "big-people").await;
    // Typed as a person types: the screen asks once the typing pauses, not for every
    // prefix ("p", "pe", … match nearly all 100,000). A search reads everyone's searched
    // fields: about a second at this size (PERFORMANCE.md), far more in this debug build
    // than the harness's usual 15 s.
    app.type_into("[data-testid=people-search]", "person99999@")
        .await;
    wait_long(&app, "[data-testid=people-list]", "person99999@example.org").await;

    app.click("[data-testid=nav-followups]").await;
    app.find("[data-testid=followups]").await;
    app.click("[data-testid=nav-search]").await;
    app.set_value("[data-testid=search-input]", "сотрудничества")
        .await;
    wait_long(&app, "[data-testid=search-results]", "сотрудничества").await;
    // A word in most of the minutes: the latest 1,000 weighed, and said so.
    wait_long(&app, "[data-testid=search-found]", "больше").await;
    shot(&app, "big-search").await;
    app.click("[data-testid=nav-stats]").await;
    app.find("[data-testid=stats]").await;
    shot(&app, "big-stats").await;
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=settings-team]").await;
    app.quit().await;
}
