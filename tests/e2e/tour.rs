//! Every main screen opens and shows its content, in Russian, Kazakh, Chinese and English.
//! With CLUB_SHOTS=DIR set, a screenshot of each is saved there for a person to look at
//! (scripts/shots takes them in the light and the dark theme).

use std::path::PathBuf;

use crate::harness::{App, Home};

/// With CLUB_ZOOM (e.g. 1.5, as at 150 % scaling) the screen is zoomed for the shot only:
/// WebDriver's clicks do not follow a zoomed page.
pub async fn shot(app: &App, name: &str) {
    if let Some(dir) = std::env::var_os("CLUB_SHOTS") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let zoom = std::env::var("CLUB_ZOOM")
            .ok()
            .map(|z| z.parse::<f64>().expect("CLUB_ZOOM: a number such as 1.5"));
        if let Some(z) = zoom {
            app.zoom(z).await;
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        }
        // Two frames painted first: WebKit's screenshot is the last frame it drew.
        app.client
            .execute_async(
                "const done = arguments[0];
                 requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        let png = app.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
        if zoom.is_some() {
            app.zoom(1.0).await;
        }
    }
}

/// What each language's screens say: the Sessions label, the "upcoming" heading, the
/// venue, the ambassador's name, a search word, the settings' language heading.
const LANGS: [(&str, [&str; 6]); 4] = [
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
        "kk",
        [
            "Отырыстар",
            "Алдағы",
            "Қазақстан мәдени орталығы",
            "Нұрышев",
            "ТҰРАҚТЫЛЫҚ",
            "Интерфейс тілі",
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
    (
        "en",
        [
            "Sessions",
            "Upcoming",
            "Kazakhstan Cultural Centre",
            "Nuryshev",
            "stability",
            "Interface language",
        ],
    ),
];

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_russian_kazakh_chinese_and_english() {
    let home = Home::new();
    let app = App::launch(&home).await;
    // The first start welcomes with the demonstration.
    app.find("[data-testid=welcome]").await;
    shot(&app, "welcome-ru").await;
    for (lang, labels) in LANGS {
        let [sessions, upcoming, venue, ambassador, query, language] = labels;
        app.click("[data-testid=nav-settings]").await;
        app.click(&format!("[data-testid=language-{lang}]")).await;
        app.wait_for_text("[data-testid=nav-sessions]", sessions)
            .await;
        app.wait_for_text("h2", language).await;
        shot(&app, &format!("settings-{lang}")).await;
        // Removing the demonstration asks first; "no" leaves it.
        app.click("[data-testid=remove-demo]").await;
        app.find("dialog[open][data-testid=demo-dialog]").await;
        shot(&app, &format!("ask-{lang}")).await;
        app.click("[data-testid=ask-no]").await;

        app.click("[data-testid=nav-sessions]").await;
        app.wait_for_text("h2", upcoming).await;
        shot(&app, &format!("sessions-{lang}")).await;

        app.open_card(1).await; // the 8th session, the most recent past one
        app.wait_for_text("dd", venue).await;
        shot(&app, &format!("session-{lang}")).await;
        app.click("[data-testid=tab-agenda]").await;
        app.find("[data-testid=agenda-summary]").await;
        shot(&app, &format!("agenda-{lang}")).await;
        app.click("[data-testid=tab-invitees]").await;
        app.find("[data-testid=invitee-counts]").await;
        shot(&app, &format!("invitees-{lang}")).await;
        app.click("[data-testid=tab-minutes]").await;
        app.find("[data-testid=minutes-item]").await;
        shot(&app, &format!("minutes-{lang}")).await;
        app.click("[data-testid=tab-documents]").await;
        app.find("[data-testid=doc-pages] img").await;
        shot(&app, &format!("documents-{lang}")).await;

        app.click("[data-testid=tab-overview]").await;
        app.click("[data-testid=edit-session]").await;
        app.find("[data-testid=session-form]").await;
        app.set_value("#end", "14:00").await;
        app.click("[data-testid=save-session]").await;
        app.find("#end-error").await;
        shot(&app, &format!("form-error-{lang}")).await;

        // The form holds unsaved (refused) changes: leaving asks first.
        app.click("[data-testid=nav-people]").await;
        app.click("[data-testid=ask-yes]").await;
        app.wait_for_text("td", ambassador).await;
        shot(&app, &format!("people-{lang}")).await;
        app.click("[data-testid=open-import]").await;
        app.find("[data-testid=import-wizard]").await;
        shot(&app, &format!("import-{lang}")).await;

        app.click("[data-testid=nav-followups]").await;
        app.find("[data-testid=followups]").await;
        shot(&app, &format!("followups-{lang}")).await;

        app.click("[data-testid=nav-stats]").await;
        app.find("[data-testid=stats]").await;
        shot(&app, &format!("stats-{lang}")).await;

        app.click("[data-testid=nav-search]").await;
        app.type_into("[data-testid=search-input]", query).await;
        app.wait_for_text(".search-results li", "8").await;
        shot(&app, &format!("search-{lang}")).await;
    }
    app.quit().await;
}
