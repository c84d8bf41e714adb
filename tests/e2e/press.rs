//! The press note as the press officer makes it: drafted from the 8th session's minutes in
//! Russian, edited (and kept after the app is killed), drafted again only after a
//! question, copied for the website; the Chinese draft in the Chinese interface.

use std::time::{Duration, Instant};

use crate::harness::{App, Home};
use crate::tour::shot;

/// Waits until the element's value holds `text`, and returns the value.
async fn value_with(app: &App, css: &str, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let value = app
            .find(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        if value.contains(text) {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "{css} is {value:?}, without {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn draft_edit_and_draft_again_the_press_note_in_russian_and_chinese() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th
    app.click("[data-testid=tab-press]").await;
    app.wait_for_text(".press .empty-state", "ещё нет").await;
    shot(&app, "press-empty-ru").await;
    app.click("[data-testid=press-draft]").await;
    value_with(
        &app,
        "[data-testid=press-headline]",
        "Состоялось 8-е заседание",
    )
    .await;
    let body = value_with(&app, "[data-testid=press-body]", "Шахрат Нурышев").await;
    assert!(body.contains("Ван Лисинь"), "{body}");
    app.wait_for_text("[data-testid=press-state]", "как составлен")
        .await;
    shot(&app, "press-ru").await;

    // The press officer edits the text; the app is killed a second later.
    app.find("[data-testid=press-body]")
        .await
        .send_keys(" Фото: пресс-служба Клуба.")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    app.kill_app(&home).await;

    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await;
    app.click("[data-testid=tab-press]").await;
    value_with(
        &app,
        "[data-testid=press-body]",
        "Фото: пресс-служба Клуба.",
    )
    .await;
    app.wait_for_text("[data-testid=press-state]", "исправлен вручную")
        .await;
    // Drafting again asks first; cancelled, the edit stays.
    app.click("[data-testid=press-redraft]").await;
    app.wait_for_text("[data-testid=ask-dialog]", "останется в версиях")
        .await;
    shot(&app, "press-redraft-ru").await;
    app.click("[data-testid=ask-dialog] button:not(.danger)")
        .await;
    value_with(
        &app,
        "[data-testid=press-body]",
        "Фото: пресс-служба Клуба.",
    )
    .await;
    // Confirmed, the draft comes back and the edit is among the revisions.
    app.click("[data-testid=press-redraft]").await;
    app.click("[data-testid=ask-yes]").await;
    app.wait_for_text("[data-testid=press-state]", "как составлен")
        .await;
    let body = value_with(&app, "[data-testid=press-body]", "Шахрат Нурышев").await;
    assert!(!body.contains("пресс-служба"), "{body}");
    let revisions = app.texts("[data-testid=press-revisions] option").await;
    assert!(
        revisions.iter().any(|r| r.contains("сохранён")),
        "the edit is a revision: {revisions:?}"
    );

    // The Chinese note in the Chinese interface.
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-press]").await;
    app.click("[data-testid=press-draft]").await;
    value_with(&app, "[data-testid=press-headline]", "第八次会议").await;
    value_with(&app, "[data-testid=press-body]", "王立新阁下表示").await;
    shot(&app, "press-zh").await;
    app.quit().await;
}
