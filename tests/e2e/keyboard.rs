//! Desktop habits through the keyboard: Ctrl+N starts a new session, Ctrl+F opens the
//! archive search with the cursor in its field, Ctrl+Z undoes typing in a field and,
//! outside one, the last removal.

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_n_starts_a_new_session_and_ctrl_f_searches_the_archive() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Казахстан как опора")
        .await;

    app.press_ctrl('n').await;
    app.find("[data-testid=session-form]").await;

    app.press_ctrl('f').await;
    app.find("[data-testid=search-input]").await;
    assert_eq!(
        app.focused().await,
        "search-input",
        "the cursor is in the field"
    );
    // Typing goes straight into the search.
    app.find("[data-testid=search-input]")
        .await
        .send_keys("верховенства")
        .await
        .unwrap();
    app.wait_for_text("[data-testid=search-results]", "8").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_z_undoes_typing_in_a_field_and_elsewhere_the_last_removal() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Казахстан как опора")
        .await;

    // In a field: the typing goes, the field is as it was.
    app.press_ctrl('n').await;
    app.type_into("#title-ru", "Проба").await;
    app.press_ctrl('z').await;
    let value = app.find("#title-ru").await.prop("value").await.unwrap();
    assert_ne!(value.as_deref(), Some("Проба"), "Ctrl+Z undid the typing");

    // Outside a field: an agenda item removed comes back. (The form was typed in:
    // leaving it asks first.)
    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=ask-yes]").await;
    crate::agenda::delete_the_eighths_opening(&app).await;
    app.find("[data-testid=undo]").await;
    app.click("[data-testid=agenda-summary]").await; // the focus off any field
    app.press_ctrl('z').await;
    app.wait_for_text("[data-testid=item-title]", "Открытие заседания")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn help_about_shows_the_licences_and_esc_closes_it() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    // What the native menu's Help → About sends (the menu bar itself is GTK's, out of
    // WebDriver's reach).
    app.client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'menu', payload: 'about' });",
            vec![],
        )
        .await
        .unwrap();
    app.wait_for_text("[data-testid=about]", "SIL Open Font License")
        .await;
    crate::tour::shot(&app, "about-ru").await;
    app.press_key('\u{e00c}').await; // Escape
    app.wait_gone("[data-testid=about]", "About after Esc")
        .await;
    app.quit().await;
}
