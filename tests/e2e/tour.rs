//! Every screen opens and shows its content, in Russian and in Chinese. With
//! CLUB_SHOTS=DIR set, a screenshot of each is saved there for a person to look at.

use std::path::PathBuf;

use crate::harness::{App, Home};

pub async fn shot(app: &App, name: &str) {
    if let Some(dir) = std::env::var_os("CLUB_SHOTS") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let png = app.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_russian_and_chinese() {
    let home = Home::new();
    let app = App::launch(&home).await;
    for (lang, labels) in [
        (
            "ru",
            [
                "Заседания",
                "Предстоящие",
                "Культурный центр Казахстана",
                "Нурышев",
                "ОПОРА",
                "Язык интерфейса",
            ],
        ),
        (
            "zh",
            [
                "会议",
                "即将举行",
                "哈萨克斯坦文化中心",
                "努雷舍夫",
                "稳定",
                "界面语言",
            ],
        ),
    ] {
        let [sessions, upcoming, venue, ambassador, query, language] = labels;
        app.click("[data-testid=nav-settings]").await;
        app.click(&format!("[data-testid=language-{lang}]")).await;
        app.wait_for_text("[data-testid=nav-sessions]", sessions)
            .await;
        app.wait_for_text("h2", language).await;
        shot(&app, &format!("settings-{lang}")).await;

        app.click("[data-testid=nav-sessions]").await;
        app.wait_for_text("h2", upcoming).await;
        shot(&app, &format!("sessions-{lang}")).await;

        let cards = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=session-card]"))
            .await
            .unwrap();
        cards[1].click().await.unwrap(); // the 8th session, the most recent past one
        app.wait_for_text("dd", venue).await;
        shot(&app, &format!("session-{lang}")).await;

        app.click("[data-testid=edit-session]").await;
        app.find("[data-testid=session-form]").await;
        app.set_value("#end", "14:00").await;
        app.click("[data-testid=save-session]").await;
        app.find("#end-error").await;
        shot(&app, &format!("form-error-{lang}")).await;

        app.click("[data-testid=nav-people]").await;
        app.wait_for_text("td", ambassador).await;
        shot(&app, &format!("people-{lang}")).await;

        app.click("[data-testid=nav-search]").await;
        app.type_into("[data-testid=search-input]", query).await;
        app.wait_for_text(".search-results li", "8").await;
        shot(&app, &format!("search-{lang}")).await;
    }
    app.quit().await;
}
