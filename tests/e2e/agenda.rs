use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Locator;

use crate::harness::{App, Home};
use crate::tour::shot;

const ITEMS: [(&str, &str, &str); 6] = [
    ("opening", "Открытие", "10"),
    ("report", "Доклад посла", "30"),
    ("remarks", "Выступления бывших послов", "30"),
    ("break", "Чай", "10"),
    ("discussion", "Дискуссия", "50"),
    ("closing", "Итоги", "10"),
];

async fn open_ninth_agenda(app: &App) {
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=session-card]").await; // the next upcoming session, the 9th
    app.wait_for_text("[data-testid=session-ordinal]", "9-е заседание")
        .await;
    app.click("[data-testid=tab-agenda]").await;
}

async fn rows(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for el in app
        .client
        .find_all(Locator::Css("[data-testid=agenda-item]"))
        .await
        .unwrap()
    {
        let time = el
            .find(Locator::Css("[data-testid=item-time]"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let title = el
            .find(Locator::Css("[data-testid=item-title]"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        out.push((time.replace(" 📌", ""), title));
    }
    out
}

async fn wait_rows(app: &App, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let now = rows(app).await;
        if now == expected {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "agenda is {now:?}, expected {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn build_a_six_item_agenda_drag_an_item_and_find_it_after_a_restart() {
    let home = Home::new();
    let app = App::launch(&home).await;
    open_ninth_agenda(&app).await;

    for (i, (kind, title, minutes)) in ITEMS.iter().enumerate() {
        app.click("[data-testid=add-item]").await;
        app.find("[data-testid=item-form]").await;
        app.client
            .execute(
                "const s = document.getElementById('item-kind');
                 Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, arguments[0]);
                 s.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![serde_json::json!(kind)],
            )
            .await
            .unwrap();
        app.type_into("#title-ru", title).await;
        app.type_into("#item-duration", minutes).await;
        app.click("[data-testid=save-item]").await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while rows(&app).await.len() != i + 1 {
            assert!(
                std::time::Instant::now() < deadline,
                "item {title} did not appear"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    wait_rows(
        &app,
        &[
            ("15:00–15:10", "Открытие"),
            ("15:10–15:40", "Доклад посла"),
            ("15:40–16:10", "Выступления бывших послов"),
            ("16:10–16:20", "Чай"),
            ("16:20–17:10", "Дискуссия"),
            ("17:10–17:20", "Итоги"),
        ],
    )
    .await;
    app.wait_for_text("[data-testid=agenda-summary]", "17:20")
        .await;

    // Drag the discussion by its handle above the tea break.
    let handles = app
        .client
        .find_all(Locator::Css("[data-testid=drag-handle]"))
        .await
        .unwrap();
    let items = app
        .client
        .find_all(Locator::Css("[data-testid=agenda-item]"))
        .await
        .unwrap();
    app.drag(handles[4].clone(), items[3].clone(), 0.0, -12.0)
        .await;
    let after_drag = [
        ("15:00–15:10", "Открытие"),
        ("15:10–15:40", "Доклад посла"),
        ("15:40–16:10", "Выступления бывших послов"),
        ("16:10–17:00", "Дискуссия"),
        ("17:00–17:10", "Чай"),
        ("17:10–17:20", "Итоги"),
    ];
    wait_rows(&app, &after_drag).await;

    // And by keyboard: Alt+↓ on the opening's handle, then Alt+↑ brings it back.
    let handle = app.find("[data-testid=drag-handle]").await;
    handle.send_keys(&(Key::Alt + &Key::Down)).await.unwrap();
    app.wait_for_text("[data-testid=item-title]", "Открытие")
        .await;
    wait_rows(
        &app,
        &[
            ("15:00–15:30", "Доклад посла"),
            ("15:30–15:40", "Открытие"),
            ("15:40–16:10", "Выступления бывших послов"),
            ("16:10–17:00", "Дискуссия"),
            ("17:00–17:10", "Чай"),
            ("17:10–17:20", "Итоги"),
        ],
    )
    .await;
    let focused = app.client.active_element().await.unwrap();
    focused.send_keys(&(Key::Alt + &Key::Up)).await.unwrap();
    wait_rows(&app, &after_drag).await;
    shot(&app, "agenda-ru").await;
    app.quit().await;

    let app = App::launch(&home).await;
    open_ninth_agenda(&app).await;
    wait_rows(&app, &after_drag).await;
    app.quit().await;
}

/// From the sessions list: the 8th session's agenda, its opening item deleted (the undo
/// offer is on screen, the next item starts at 15:00).
pub async fn delete_the_eighths_opening(app: &App) {
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th session
    app.click("[data-testid=tab-agenda]").await;
    app.wait_for_text("[data-testid=agenda-summary]", "17:20")
        .await;
    app.click("[data-testid=delete-item]").await; // the opening
    app.wait_for_text("[data-testid=item-time]", "15:00–15:30")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn delete_then_undo_and_see_the_overrun_warning() {
    let home = Home::new();
    let app = App::launch(&home).await;
    crate::agenda::delete_the_eighths_opening(&app).await;
    app.click("[data-testid=undo]").await;
    app.wait_for_text("[data-testid=item-title]", "Открытие заседания")
        .await;
    wait_first(&app, "15:00–15:10").await;
    // Lengthen the discussion past the session's end.
    let edits = app
        .client
        .find_all(Locator::Css(".agenda-actions button:first-child"))
        .await
        .unwrap();
    edits[4].click().await.unwrap();
    app.type_into("[data-testid=person-search]", "Чэн").await;
    app.wait_for_text(".picker-results", "Чэнь Цзин").await;
    shot(&app, "item-form-ru").await;
    app.type_into("[data-testid=person-search]", "").await;
    app.type_into("#item-duration", "70").await;
    app.click("[data-testid=save-item]").await;
    app.wait_for_text("[data-testid=agenda-summary]", "на 10 мин")
        .await;
    shot(&app, "agenda-overrun-ru").await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-agenda]").await;
    app.wait_for_text("[data-testid=agenda-summary]", "10 分钟")
        .await;
    shot(&app, "agenda-zh").await;
    app.click("[data-testid=tab-overview]").await;
    app.wait_for_text(".workflow", "已举行").await;
    shot(&app, "overview-zh").await;
    app.quit().await;
}

async fn wait_first(app: &App, time: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if rows(app).await.first().map(|r| r.0.as_str()) == Some(time) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "first item is not at {time}: {:?}",
            rows(app).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
