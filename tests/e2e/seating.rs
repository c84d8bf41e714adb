//! The seating plan and the invitation letters as an organizer uses them: a guest dragged
//! to another seat is there after a restart; the letters and the seating chart preview in
//! the Documents tab, in Russian and Chinese.

use std::time::Duration;

use crate::harness::{App, Home};
use crate::tour::shot;

async fn open_eighth_seating(app: &App) {
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th session
    app.click("[data-testid=tab-seating]").await;
    app.find("[data-testid=seat-1]").await;
}

/// The name a seat shows (its title: "3. Name").
async fn seat_title(app: &App, n: usize) -> String {
    app.find(&format!("[data-testid=seat-{n}]"))
        .await
        .attr("title")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn wait_seat(app: &App, n: usize, name: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let title = seat_title(app, n).await;
        if title.contains(name) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "seat {n} shows {title:?}, not {name:?}\n{}",
            app.screen_text().await
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

fn name_of(title: &str) -> String {
    title
        .split_once(". ")
        .map(|(_, n)| n)
        .unwrap_or(title)
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn drag_a_guest_to_another_seat_and_find_the_plan_as_left_after_a_restart() {
    let home = Home::new();
    let app = App::launch(&home).await;
    open_eighth_seating(&app).await;
    app.wait_for_text("[data-testid=seating-status]", "предложение")
        .await;
    let fifth = name_of(&seat_title(&app, 5).await);
    let third = name_of(&seat_title(&app, 3).await);
    assert!(!fifth.is_empty() && !third.is_empty() && fifth != third);

    // Drag the fifth guest onto seat 3 with the mouse, as a person does.
    let from = app.find("[data-testid=seat-5]").await;
    let to = app.find("[data-testid=seat-3]").await;
    app.drag(from, to, 0.0, 0.0).await;
    wait_seat(&app, 3, &fifth).await;
    wait_seat(&app, 5, &third).await;
    app.wait_for_text("[data-testid=seating-status]", "План сохранён")
        .await;
    shot(&app, "seating-ru").await;

    // The chart and the letters in the Documents tab.
    app.click("[data-testid=tab-documents]").await;
    app.click("[data-testid=doc-seating]").await;
    app.find("[data-testid=doc-pages] img").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    shot(&app, "seating-chart-ru").await;
    app.click("[data-testid=doc-letters]").await;
    app.find("[data-testid=doc-pages] img").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    shot(&app, "letters-ru").await;
    app.quit().await;

    let app = App::launch(&home).await;
    open_eighth_seating(&app).await;
    wait_seat(&app, 3, &fifth).await;
    wait_seat(&app, 5, &third).await;
    // In Chinese: the same plan, the interface and the names in Chinese.
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.find("[data-testid=session-card]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-seating]").await;
    app.wait_for_text("[data-testid=seating-status]", "座次已保存")
        .await;
    shot(&app, "seating-zh").await;
    app.click("[data-testid=tab-documents]").await;
    app.click("[data-testid=doc-letters]").await;
    app.find("[data-testid=doc-pages] img").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    shot(&app, "letters-zh").await;
    app.quit().await;
}
