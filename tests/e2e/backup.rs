use std::path::Path;
use std::time::Duration;

use crate::harness::{App, Home};
use crate::tour::shot;

/// Overwrites pages in the middle of the file, as a failing disk might.
fn damage(path: &Path) {
    // Everything into the main file first (the app was stopped without closing it).
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(c);
    let mut bytes = std::fs::read(path).unwrap();
    for b in &mut bytes[2 * 4096..5 * 4096] {
        *b = 0x5A;
    }
    std::fs::write(path, bytes).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_shows_its_backups_and_is_restored_from_one() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=backup-now]").await;
    app.wait_for_text("[data-testid=backup-row]", "вручную")
        .await;
    shot(&app, "settings-backups-ru").await;
    app.quit().await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    damage(&home.db_path());
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=damaged]", "База данных повреждена")
        .await;
    shot(&app, "damaged-database-ru").await;
    let rows = app.texts("[data-testid=backup-row]").await;
    assert!(!rows.is_empty(), "the backups are offered");
    app.click("[data-testid=backup-restore]").await;
    app.click("[data-testid=backup-restore-yes]").await;
    // The app starts again on the restored file: end this window's session and look.
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.kill_app(&home).await;
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    let kept = std::fs::read_dir(home.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect::<Vec<_>>();
    assert!(
        kept.iter().any(|n| n.starts_with("club.sqlite3.damaged-")),
        "the damaged file is kept aside: {kept:?}"
    );
    app.quit().await;
}

/// Starting the app again on the same database brings the first window forward; the
/// second process ends at once and the first goes on.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_on_the_same_database_leaves_one_app() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    let root = home.dir.path();
    let mut second = std::process::Command::new(crate::harness::app_binary())
        .env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CACHE_HOME", root.join("cache"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env(club_core::paths::DB_ENV, home.db_path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(s) = second.try_wait().unwrap() {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the second start did not step back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success());
    // The first window still answers.
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=backup-now]").await;
    // kill_app checks that exactly one app process runs on this database.
    app.kill_app(&home).await;
}
