use rusqlite::Connection;

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn create_a_session_through_the_form_and_find_it_in_the_list_and_the_database() {
    let home = Home::new();
    let app = App::launch(&home).await;

    // First start: the demo sessions are listed, the 8th among them.
    app.wait_for_text(
        "[data-testid=session-card]",
        "Казахстан как опора стабильности",
    )
    .await;

    app.click("[data-testid=new-session]").await;
    app.find("[data-testid=session-form]").await;
    // The next number in the series is suggested (filled in once the app answered).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let number = app.find("#number").await.prop("value").await.unwrap();
        if number.as_deref() == Some("10") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "suggested number: {number:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.set_value("#date", "2027-03-18").await;
    app.set_value("#start", "14:30").await;
    app.set_value("#end", "17:00").await;
    app.type_into("#title-ru", "Зелёная энергетика и водные ресурсы")
        .await;
    app.type_into("#title-zh", "绿色能源与水资源").await;
    app.type_into("#title-kk", "Жасыл энергетика және су ресурстары")
        .await;
    app.type_into("#venue-ru", "Культурный центр Казахстана")
        .await;
    app.click("[data-testid=save-session]").await;

    app.wait_for_text("[data-testid=session-title]", "Зелёная энергетика")
        .await;
    app.click("[data-testid=nav-sessions]").await;
    app.wait_for_text(
        "[data-testid=session-card]",
        "Зелёная энергетика и водные ресурсы",
    )
    .await;
    let cards = app.texts("[data-testid=session-card]").await;
    assert!(
        cards[0].contains("№ 9"),
        "the next upcoming session comes first: {cards:?}"
    );
    assert!(
        cards[1].contains("№ 10") && cards[1].contains("14:30"),
        "{cards:?}"
    );
    app.quit().await;

    let db = Connection::open(home.db_path()).unwrap();
    let (title, date, start, zone): (String, String, String, String) = db
        .query_row(
            "SELECT title, date, start_time, time_zone FROM session WHERE number = 10",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    let title: serde_json::Value = serde_json::from_str(&title).unwrap();
    assert_eq!(title["zh"], "绿色能源与水资源");
    assert_eq!(title["kk"], "Жасыл энергетика және су ресурстары");
    assert_eq!(
        (date.as_str(), start.as_str(), zone.as_str()),
        ("2027-03-18", "14:30", "Asia/Shanghai")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_shows_the_cores_field_error_and_writes_nothing() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "№ 8").await;
    app.click("[data-testid=new-session]").await;
    app.set_value("#date", "2027-03-18").await;
    app.set_value("#start", "18:00").await;
    app.set_value("#end", "17:00").await;
    app.type_into("#title-ru", "Неверное время").await;
    app.click("[data-testid=save-session]").await;
    app.wait_for_text("#end-error", "Окончание должно быть позже начала")
        .await;
    let focused = app
        .client
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused,
        serde_json::json!("end"),
        "focus moves to the refused field"
    );
    app.quit().await;

    let db = Connection::open(home.db_path()).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM session WHERE number = 10", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_interface_language_persists_across_restarts() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=nav-sessions]", "Заседания")
        .await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.wait_for_text("[data-testid=nav-sessions]", "会议")
        .await;
    app.quit().await;

    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=nav-sessions]", "会议")
        .await;
    app.wait_for_text("[data-testid=session-card]", "第8次")
        .await;
    app.quit().await;
}
