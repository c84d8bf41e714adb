//! Desktop habits beyond the keyboard: a contacts file dropped on the People screen starts
//! the import; leaving a form with unsaved work — to another screen, or closing the window
//! through File → Quit — asks first; so does deleting a session, and Esc means "no".

use std::time::{Duration, Instant};

use crate::harness::{App, Home};
use crate::tour::shot;

const CSV: &str = "Фамилия;Имя;Должность\r\n\
Әбілқасымова;Гүлнар;Исследователь\r\n\
Sun;Wei;Researcher\r\n";

/// Sends `kind` ("dragenter", "dragover", "drop") to the People screen carrying a file, as
/// the webview does for a file dragged from the desktop (Tauri's own drop handling is off).
async fn drag(app: &App, kind: &str) {
    app.client
        .execute(
            "const [kind, text] = arguments;
             const data = new DataTransfer();
             data.items.add(new File([text], 'Контакты клуба.csv', { type: 'text/csv' }));
             document.querySelector('[data-testid=people-screen]')
               .dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));",
            vec![kind.into(), CSV.into()],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contacts_file_dropped_on_the_people_screen_is_imported() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=nav-people]").await;
    app.find("[data-testid=people-screen]").await;

    drag(&app, "dragenter").await;
    drag(&app, "dragover").await;
    app.wait_for_text("[data-testid=drop-hint]", "Отпустите файл")
        .await;
    shot(&app, "drop-hint-ru").await;
    drag(&app, "drop").await;

    app.wait_for_text("[data-testid=import-file-name]", "Контакты клуба.csv")
        .await;
    app.wait_for_text("[data-testid=import-counts]", "новых 2")
        .await;
    app.click("[data-testid=import-commit]").await;
    app.wait_for_text("[data-testid=toast-done]", "новых 2")
        .await;
    app.wait_for_text("[data-testid=people-list]", "Гүлнар Әбілқасымова")
        .await;
    shot(&app, "import-dropped-ru").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_or_closing_with_unsaved_work_asks_first() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.press_ctrl('n').await;
    app.find("[data-testid=session-form]").await;
    app.type_into("#notes", "Черновик: пригласить послов").await;

    // Another screen: asked; "stay" keeps the form and what was typed.
    app.click("[data-testid=nav-people]").await;
    app.wait_for_text("[data-testid=unsaved-dialog]", "Уйти без сохранения?")
        .await;
    app.find("dialog[open][data-testid=unsaved-dialog]").await;
    shot(&app, "unsaved-ru").await;
    assert_eq!(app.focused().await, "ask-no", "Enter keeps the work");
    app.click("[data-testid=ask-no]").await;
    let notes = app.find("#notes").await.prop("value").await.unwrap();
    assert_eq!(notes.as_deref(), Some("Черновик: пригласить послов"));

    // File → Quit (Ctrl+Q, GTK's accelerator): asked too; "stay" keeps the window open.
    app.press_on_window("ctrl+q");
    app.wait_for_text("[data-testid=unsaved-dialog]", "Уйти без сохранения?")
        .await;
    app.click("[data-testid=ask-no]").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(app.is_running(), "the app stayed open");
    app.find("[data-testid=session-form]").await;

    // Asked again and answered "leave": the window closes and the app ends.
    app.press_on_window("ctrl+q");
    let leave = app.find("[data-testid=ask-yes]").await;
    // The window may be gone before WebDriver answers the click.
    let _ = leave.click().await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.is_running() {
        assert!(
            Instant::now() < deadline,
            "the app did not end after 'leave'"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_session_asks_first_and_esc_keeps_it() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(0).await; // the 9th, upcoming
    app.wait_for_text("[data-testid=session-title]", "Итоги года")
        .await;

    app.click("[data-testid=delete-session]").await;
    app.find("dialog[open][data-testid=delete-dialog]").await;
    assert_eq!(app.focused().await, "ask-no", "Enter keeps the session");
    app.press_key('\u{e00c}').await; // Escape
    app.wait_gone("dialog[open]", "the question after Esc")
        .await;
    app.find("[data-testid=session-title]").await;

    app.click("[data-testid=delete-session]").await;
    app.click("[data-testid=confirm-delete]").await;
    app.wait_for_text("[data-testid=session-card]", "Казахстан как опора")
        .await;
    let cards = app.texts("[data-testid=session-card]").await;
    assert!(cards.iter().all(|c| !c.contains("Итоги года")), "{cards:?}");
    app.quit().await;
}
