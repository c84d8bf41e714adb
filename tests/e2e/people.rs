use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::harness::{App, Home};
use crate::tour::shot;

const CSV: &str = "\u{feff}Фамилия;Имя;Должность;Организация;Эл. почта\r\n\
Ермеков;Ерлан;Директор;Институт мировой экономики;yermekov@example.kz\r\n\
Әбілқасымова;Гүлнар;Исследователь;КазНУ;gulnar@example.kz\r\n\
Петров;Игорь;Профессор;МГИМО;petrov@example.ru\r\n\
Sun;Wei;Researcher;CASS;sun.wei@example.cn\r\n\
Ли;Хуа;Переводчик;ЦКК;li.hua@example.cn\r\n";

async fn invite(app: &App, query: &str, expect: &str) {
    app.type_into("[data-testid=person-search]", query).await;
    app.wait_for_text(".picker-results", expect).await;
    // The results follow the typing: an option found a moment ago may have been replaced
    // (stale), so look again until the click lands.
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut clicked = false;
    while !clicked && Instant::now() < deadline {
        let options = app
            .client
            .find_all(Locator::Css(".picker-results button[role=option]"))
            .await
            .unwrap_or_default();
        for o in options {
            if o.text().await.is_ok_and(|t| t.contains(expect)) {
                clicked = o.click().await.is_ok();
                break;
            }
        }
        if !clicked {
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
    assert!(clicked, "no option {expect}");
    app.wait_for_text("[data-testid=invitee-list]", expect)
        .await;
}

async fn check_in(app: &App, letters: &str, who: &str) {
    app.type_into("[data-testid=checkin-input]", letters).await;
    app.wait_for_text(".checkin-results", who).await;
    app.find("[data-testid=checkin-input]")
        .await
        .send_keys("\u{e007}")
        .await
        .unwrap(); // Enter
    app.wait_for_text("[data-testid=checkin-last]", who).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn import_a_csv_invite_five_and_check_in_three() {
    let home = Home::new();
    let csv = home.dir.path().join("guests.csv");
    std::fs::write(&csv, CSV).unwrap();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;

    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=open-import]").await;
    app.find("[data-testid=import-file]")
        .await
        .send_keys(csv.to_str().unwrap())
        .await
        .unwrap();
    app.wait_for_text("[data-testid=import-counts]", "новых 5")
        .await;
    shot(&app, "import-ru").await;
    app.click("[data-testid=import-commit]").await;
    app.wait_for_text("[data-testid=import-done]", "новых 5")
        .await;
    app.wait_for_text("[data-testid=people-list]", "Гүлнар Әбілқасымова")
        .await;
    shot(&app, "people-ru").await;

    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=session-card]").await; // the 9th, upcoming
    app.click("[data-testid=tab-invitees]").await;
    for (query, name) in [
        ("Ерм", "Ерлан Ермеков"),
        ("гүл", "Гүлнар Әбілқасымова"),
        ("Петров", "Игорь Петров"),
        ("Sun", "Wei Sun"),
        ("Хуа", "Хуа Ли"),
    ] {
        invite(&app, query, name).await;
    }
    app.wait_for_text("[data-testid=invitee-counts]", "5").await;
    let rows = app
        .client
        .find_all(Locator::Css("[data-testid=invitee-row]"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 5);
    // Removing someone from the list asks first (their answer would go too); "no" keeps all.
    rows[0]
        .find(Locator::Css("button.danger"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text("dialog[open][data-testid=ask-dialog]", "Убрать")
        .await;
    app.click("[data-testid=ask-no]").await;
    assert_eq!(app.texts("[data-testid=invitee-row]").await.len(), 5);

    app.click("[data-testid=check-in-mode]").await;
    app.find("[data-testid=check-in]").await;
    check_in(&app, "ерла", "Ерлан Ермеков").await;
    check_in(&app, "ӘБІЛ", "Гүлнар Әбілқасымова").await; // upper case Kazakh letters
    check_in(&app, "wei", "Wei Sun").await;
    app.wait_for_text("[data-testid=checkin-counter]", "Прибыло 3 из 5")
        .await;
    shot(&app, "checkin-ru").await;
    // Enter on someone already in says so instead of checking in twice.
    app.type_into("[data-testid=checkin-input]", "ерла").await;
    app.wait_for_text(".checkin-results", "Ерлан Ермеков").await;
    app.find("[data-testid=checkin-input]")
        .await
        .send_keys("\u{e007}")
        .await
        .unwrap();
    app.wait_for_text("[data-testid=checkin-last]", "уже отмечен")
        .await;
    app.wait_for_text("[data-testid=checkin-counter]", "Прибыло 3 из 5")
        .await;
    app.click(".checkin header button").await;

    app.wait_for_text("[data-testid=attended-count]", "3").await;
    let values = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=attendance]')].map(s => s.value)",
            vec![],
        )
        .await
        .unwrap();
    let present = values
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v.as_str() == Some("present"))
        .count();
    assert_eq!(present, 3, "{values:?}");
    shot(&app, "invitees-ru").await;
    app.quit().await;
    tokio::time::sleep(Duration::from_millis(10)).await;

    let db = rusqlite::Connection::open(home.db_path()).unwrap();
    let n: i64 = db
        .query_row(
            "SELECT count(*) FROM attendance a JOIN invitation i ON i.id = a.invitation_id
             JOIN session s ON s.id = i.session_id WHERE s.number = 9 AND a.status = 'present' AND a.checked_in_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn people_invitees_and_check_in_in_chinese() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-people]").await;
    app.wait_for_text("[data-testid=people-list]", "沙赫拉特·努雷舍夫")
        .await;
    app.type_into("[data-testid=people-search]", "王").await;
    app.wait_for_text("[data-testid=people-list]", "王立新")
        .await;
    shot(&app, "people-zh").await;
    app.click("[data-testid=nav-sessions]").await;
    let cards = app
        .client
        .find_all(Locator::Css("[data-testid=session-card]"))
        .await
        .unwrap();
    cards[1].click().await.unwrap(); // the 8th: the demo's invitees and attendance
    app.click("[data-testid=tab-invitees]").await;
    app.wait_for_text("[data-testid=invitee-counts]", "9").await;
    app.wait_for_text("[data-testid=attended-count]", "9").await;
    shot(&app, "invitees-zh").await;
    app.click("[data-testid=check-in-mode]").await;
    app.type_into("[data-testid=checkin-input]", "李").await;
    app.wait_for_text(".checkin-results", "李建国").await;
    shot(&app, "checkin-zh").await;
    app.quit().await;
}
