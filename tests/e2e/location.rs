//! A database in a folder a cloud client copies: the app says so on every screen, why it
//! is not safe and what to do, in the interface language; it still works.

use crate::harness::{App, Home};
use crate::tour::shot;

#[tokio::test(flavor = "multi_thread")]
async fn a_database_in_a_dropbox_folder_is_warned_about_in_russian_and_chinese() {
    let home = Home::with_db_in("Dropbox");
    let app = App::launch(&home).await;
    app.wait_for_text(
        "[data-testid=location-warning]",
        "База данных лежит в папке Dropbox.",
    )
    .await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    shot(&app, "location-cloud-ru").await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.wait_for_text(
        "[data-testid=location-warning]",
        "数据库位于 Dropbox 同步文件夹中。",
    )
    .await;
    shot(&app, "location-cloud-zh").await;
    app.quit().await;
}
