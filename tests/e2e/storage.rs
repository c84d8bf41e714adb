//! The data folder goes away while the app runs (a stick pulled out): saving is refused
//! with the cause and the folder named, on every screen, in the interface language; what
//! is on screen stays; once the folder is back, "Check again" and the same save works.

use crate::harness::{App, Home};
use crate::tour::shot;

async fn add_item(app: &App, title: &str) {
    app.click("[data-testid=add-item]").await;
    app.type_into("#title-ru", title).await;
    app.click("[data-testid=save-item]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_data_folder_gone_is_said_and_saving_resumes_when_it_is_back() {
    let home = Home::with_db_in("usb");
    let folder = home.db_path().parent().unwrap().to_path_buf();
    let away = home.dir.path().join("usb-away");
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=session-card]").await; // the 9th
    app.click("[data-testid=tab-agenda]").await;

    std::fs::rename(&folder, &away).unwrap();
    add_item(&app, "Обсуждение").await;
    app.wait_for_text(
        "[data-testid=storage-fault]",
        &format!("Папки с данными {} больше нет", folder.display()),
    )
    .await;
    assert!(!folder.exists(), "nothing made where the folder was");
    shot(&app, "storage-gone-ru").await;

    // Back: the check passes, the banner goes, and the same save goes through.
    std::fs::rename(&away, &folder).unwrap();
    app.click("[data-testid=storage-check]").await;
    app.wait_gone("[data-testid=storage-fault]", "the storage banner")
        .await;
    app.click("[data-testid=save-item]").await;
    app.wait_for_text("[data-testid=item-title]", "Обсуждение")
        .await;

    // The same in Chinese, on another screen.
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=session-card]").await;
    app.click("[data-testid=tab-agenda]").await;
    std::fs::rename(&folder, &away).unwrap();
    add_item(&app, "讨论").await;
    app.wait_for_text(
        "[data-testid=storage-fault]",
        &format!("数据文件夹 {} 已不存在", folder.display()),
    )
    .await;
    app.wait_for_text("[data-testid=item-title]", "Обсуждение")
        .await;
    shot(&app, "storage-gone-zh").await;
    std::fs::rename(&away, &folder).unwrap();
    app.click("[data-testid=storage-check]").await;
    app.wait_gone("[data-testid=storage-fault]", "the storage banner")
        .await;
    app.quit().await;
}

/// The daily backup failed at an earlier start (its banner was said then): Settings says
/// since when, every time it is opened, until a backup succeeds.
#[tokio::test(flavor = "multi_thread")]
async fn a_daily_backup_that_keeps_failing_is_said_in_settings() {
    let home = Home::new();
    let backups = club_core::store::backup::dir_for(&home.db_path());
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join(".daily-backup-failed"), b"").unwrap();
    // Today's backup is there already: the start takes none, and the mark stays.
    let today = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    std::fs::write(
        backups.join(format!("club-planner-{today}-manual.sqlite3")),
        b"",
    )
    .unwrap();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=nav-settings]").await;
    app.wait_for_text(
        "[data-testid=daily-failing]",
        "Ежедневная резервная копия не делается с",
    )
    .await;
    app.scroll_to("[data-testid=daily-failing]").await;
    shot(&app, "backups-daily-failing-ru").await;
    app.quit().await;
}
