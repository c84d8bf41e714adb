//! A session's files as an organizer keeps them: the speaker's slides and two photos added
//! (as the system's dialog would give them), shown in the gallery and the documents list,
//! captioned and marked for the dossier; the same screen in Chinese.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::{App, Home};
use crate::tour::shot;

/// A 3-page PDF laid out by the app's own Typst.
fn slides(dir: &Path) -> String {
    let fonts = club_core::documents::fonts::Fonts::load(
        &club_core::documents::fonts::Fonts::default_dir(),
    )
    .unwrap();
    let doc = club_core::documents::layout_source(
        "#set text(font: \"Noto Sans\")\n#for i in range(1, 4) [Слайд #i #pagebreak(weak: true)]\n",
        &serde_json::json!({}),
        &fonts,
    )
    .unwrap();
    let path = dir.join("Доклад посла.pdf");
    std::fs::write(&path, club_core::documents::to_pdf(&doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

/// How many elements match now (their text is not read: the preview replaces its pages
/// while it renders, and an element read a moment later may be gone).
async fn how_many(app: &App, css: &str) -> usize {
    app.client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .map(|all| all.len())
        .unwrap_or(0)
}

async fn count(app: &App, css: &str, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = how_many(app, css).await;
        if found == n {
            return;
        }
        assert!(Instant::now() < deadline, "{found} of {n} {css}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The dossier's preview scrolled to its list of annexes (the 3-page slides follow it).
async fn annexes_shot(app: &App, name: &str) {
    app.click("[data-testid=tab-documents]").await;
    app.click("[data-testid=doc-dossier]").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let busy = how_many(app, "[data-testid=doc-rendering]").await;
        let pages = how_many(app, "[data-testid=doc-pages] img.page").await;
        if busy == 0 && pages >= 5 {
            break;
        }
        assert!(Instant::now() < deadline, "the dossier's preview");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.client
        .execute(
            "const p = document.querySelectorAll('[data-testid=doc-pages] img.page');
             p[p.length - 4].scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    shot(app, name).await;
    app.click("[data-testid=tab-files]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn slides_and_photos_kept_captioned_and_marked_for_the_dossier() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th
    app.click("[data-testid=tab-files]").await;
    app.wait_for_text(".files .empty-state", "Файлов пока нет")
        .await;
    let icons = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/icons");
    let paths = vec![
        slides(home.dir.path()),
        icons.join("icon.png").to_str().unwrap().to_string(),
        icons.join("128x128@2x.png").to_str().unwrap().to_string(),
    ];
    let session: String = rusqlite::Connection::open(home.db_path())
        .unwrap()
        .query_row("SELECT id FROM session WHERE number = 8", [], |r| r.get(0))
        .unwrap();
    // What the system's dialog hands over, given as paths.
    let added = app
        .client
        .execute(
            "const [sessionId, paths] = arguments;
             return window.__TAURI_INTERNALS__.invoke('attachments_add', { sessionId, agendaItemId: null, paths });",
            vec![serde_json::json!(session), serde_json::json!(paths)],
        )
        .await
        .unwrap();
    assert_eq!(added.as_array().map(Vec::len), Some(3), "{added}");
    app.click("[data-testid=tab-press]").await;
    app.click("[data-testid=tab-files]").await;
    count(&app, "[data-testid=photo]", 2).await;
    count(&app, "[data-testid=file-row]", 1).await;
    app.wait_for_text("[data-testid=documents-list]", "Доклад посла.pdf")
        .await;
    app.wait_for_text("[data-testid=documents-list]", "3 с.")
        .await;
    app.type_into(
        "[data-testid=photo] [data-testid=file-caption]",
        "Участники 8-го заседания",
    )
    .await;
    app.click("[data-testid=file-row] [data-testid=file-dossier]")
        .await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    shot(&app, "files-ru").await;
    annexes_shot(&app, "dossier-annexes-ru").await;

    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-files]").await;
    count(&app, "[data-testid=photo]", 2).await;
    app.wait_for_text("[data-testid=documents-list]", "3 页")
        .await;
    shot(&app, "files-zh").await;
    annexes_shot(&app, "dossier-annexes-zh").await;
    app.quit().await;
}
