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

    // From a page scrolled down (the long list of sessions), Ctrl+N: the form starts at the
    // top and what is typed lands in its first field (it once landed in "Venue").
    app.client
        .execute("window.scrollTo(0, document.body.scrollHeight);", vec![])
        .await
        .unwrap();
    app.press_ctrl('n').await;
    app.find("[data-testid=session-form]").await;
    settle().await;
    let scrolled = app
        .client
        .execute("return window.scrollY;", vec![])
        .await
        .unwrap();
    assert_eq!(
        scrolled.as_f64(),
        Some(0.0),
        "the new form starts at the top"
    );
    type_keys(&app, "12").await;
    let number = app.find("#number").await.prop("value").await.unwrap();
    assert!(
        number.as_deref().unwrap_or_default().contains("12"),
        "typing lands in the first field (the number), got {number:?}"
    );

    // Ctrl+F: the cursor is in the search box and stays there (the screen change used to
    // move the focus to the page a moment later). Keys go to whatever has the focus.
    app.click("[data-testid=nav-sessions]").await;
    app.click("[data-testid=ask-yes]").await; // the form was typed in
    app.press_ctrl('f').await;
    app.find("[data-testid=search-input]").await;
    settle().await;
    assert_eq!(
        app.focused().await,
        "search-input",
        "the cursor is in the field"
    );
    type_keys(&app, "верховенства").await;
    app.wait_for_text("[data-testid=search-results]", "8").await;
    app.quit().await;
}

/// Lets the screen finish what it does after a change (focus, scroll): a few frames.
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
}

/// Types `text` as key presses into whatever has the focus (never focusing anything itself,
/// unlike WebDriver's send_keys on an element).
async fn type_keys(app: &App, text: &str) {
    for c in text.chars() {
        app.press_key(c).await;
    }
}

/// The "item removed — Undo" offer goes by itself: it used to stay, covering "+ Add item".
#[tokio::test(flavor = "multi_thread")]
async fn the_undo_offer_goes_by_itself() {
    let home = Home::new();
    let app = App::launch(&home).await;
    crate::agenda::delete_the_eighths_opening(&app).await;
    app.find("[data-testid=undo]").await;
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    app.wait_gone("[data-testid=undo]", "the undo offer").await;
    app.click("[data-testid=add-item]").await;
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
