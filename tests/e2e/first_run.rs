//! The first start: the welcome with the demonstration, and a document rendered with the
//! shipped fonts. scripts/test runs this once more against the installed .deb
//! (CLUB_APP_BINARY=/usr/bin/club-planner), so the package is proven to install and start.

use crate::harness::{App, Home};
use crate::tour::shot;

#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_welcomes_with_the_demo_and_renders_a_document() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.find("[data-testid=welcome]").await;
    app.wait_for_text("[data-testid=session-card]", "Казахстан как опора")
        .await;
    shot(&app, "first-run").await;
    // The fonts came along: the agenda's pages render.
    app.open_card(1).await;
    app.click("[data-testid=tab-documents]").await;
    app.find("[data-testid=doc-pages] img").await;
    // Keeping the demonstration answers the welcome for good.
    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=welcome-keep]").await;
    app.wait_gone("[data-testid=welcome]", "the welcome").await;
    app.quit().await;
}
