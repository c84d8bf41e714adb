use std::time::Duration;

use crate::harness::{App, Home};
use crate::tour::shot;

const WORDS: &str = "Решили подготовить обзор по **транспортно-логистической** связанности; Қазақстан және Қытай; 交通物流";

#[tokio::test(flavor = "multi_thread")]
async fn minutes_typed_then_the_app_is_killed_one_second_later_survive() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=session-card]").await; // the 9th
    app.click("[data-testid=tab-agenda]").await;
    app.click("[data-testid=add-item]").await;
    app.type_into("#title-ru", "Обсуждение").await;
    app.click("[data-testid=save-item]").await;
    app.wait_for_text("[data-testid=item-title]", "Обсуждение")
        .await;
    app.click("[data-testid=tab-minutes]").await;
    let notes = app.find("[data-testid=notes-0]").await;
    notes.send_keys(WORDS).await.unwrap();
    // One second after the last keystroke: no waiting for "saved", no closing the window.
    tokio::time::sleep(Duration::from_secs(1)).await;
    app.kill_app(&home).await;

    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=session-card]").await;
    app.click("[data-testid=tab-minutes]").await;
    let notes = app.find("[data-testid=notes-0]").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let value = notes.prop("value").await.unwrap().unwrap_or_default();
        if value == WORDS {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "after the kill the notes are {value:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_minutes_search_and_follow_ups_in_russian_and_chinese() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th
    app.click("[data-testid=tab-minutes]").await;
    app.wait_for_text("[data-testid=minutes-item]", "Справедливого Казахстана")
        .await;
    shot(&app, "minutes-ru").await;

    app.click("[data-testid=nav-search]").await;
    app.type_into("[data-testid=search-input]", "справедливого")
        .await;
    app.wait_for_text("[data-testid=search-results]", "Протокол")
        .await;
    shot(&app, "search-ru").await;
    app.click("[data-testid=nav-followups]").await;
    app.wait_for_text("[data-testid=followups]", "Чэнь Цзин")
        .await;
    shot(&app, "followups-ru").await;

    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-search]").await;
    app.type_into("[data-testid=search-input]", "合作").await;
    app.wait_for_text("[data-testid=search-results]", "纪要")
        .await;
    // Two characters are a word of their own index; the count is said.
    app.wait_for_text("[data-testid=search-found]", "找到")
        .await;
    shot(&app, "search-zh").await;
    app.click("[data-testid=nav-followups]").await;
    app.wait_for_text("[data-testid=followups]", "陈静").await;
    shot(&app, "followups-zh").await;
    app.click("[data-testid=nav-stats]").await;
    app.wait_for_text("[data-testid=stats]", "哈萨克斯坦共和国驻华大使馆")
        .await;
    shot(&app, "stats-zh").await;
    app.click("[data-testid=nav-sessions]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-minutes]").await;
    app.wait_for_text("[data-testid=minutes-item]", "公正的哈萨克斯坦")
        .await;
    shot(&app, "minutes-zh").await;
    // The 9th session shows the 8th's open follow-up for review.
    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=session-card]").await;
    app.wait_for_text("[data-testid=previous-decisions]", "交通物流")
        .await;
    app.quit().await;
}
