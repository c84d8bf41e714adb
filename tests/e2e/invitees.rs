//! The invitee table driven with the mouse, as organizers use it.

use crate::harness::{App, Home};
use crate::tour::shot;

/// The `n`th field (1: role, 2: answer) of the second invitee row.
fn field(n: usize) -> String {
    format!("[data-testid=invitee-row]:nth-child(2) .invitee-fields > :nth-child({n}) select")
}

/// Role and answer chosen with the mouse through GTK's popup list are saved. Before the
/// fix the mutation read the <select>'s value only when it ran — after React had put the
/// controlled select back — so the old answer was sent and the choice "snapped back".
#[tokio::test(flavor = "multi_thread")]
async fn answer_and_role_chosen_with_the_mouse_are_saved() {
    let home = Home::with_own_display();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th, with the demo's invitees
    app.click("[data-testid=tab-invitees]").await;
    app.wait_for_text("[data-testid=invitee-counts]", "9").await;

    // Row 2: answer → "declined" (index 4), role → "observer" (index 5).
    app.pick_with_mouse(&field(2), 4).await;
    app.pick_with_mouse(&field(1), 5).await;
    // Both saves may still be under way (the list is read again after each): the row
    // settles on what was chosen, or, with the old bug, snaps back for good.
    let wanted = serde_json::json!(["declined", "observer"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let values = loop {
        let values = app
            .client
            .execute(
                "const row = document.querySelectorAll('[data-testid=invitee-row]')[1];
                 const selects = row.querySelectorAll('.invitee-fields select');
                 return [selects[1].value, selects[0].value];",
                vec![],
            )
            .await
            .unwrap();
        if values == wanted || std::time::Instant::now() > deadline {
            break values;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    shot(&app, "invitees-mouse-ru").await;
    // Adding someone new from the search: a short form to confirm the split name.
    app.type_into("[data-testid=person-search]", "Марат").await;
    app.click("[data-testid=create-person]").await;
    app.find("[data-testid=new-person-form]").await;
    shot(&app, "new-person-ru").await;
    // Check-in for the 8th, long past, says it is not the session's day.
    app.click("[data-testid=check-in-mode]").await;
    app.find("[data-testid=checkin-not-today]").await;
    shot(&app, "checkin-not-today-ru").await;
    app.quit().await;
    assert_eq!(values, wanted);

    let db = rusqlite::Connection::open(home.db_path()).unwrap();
    // The demo's 8th session has nobody who declined as an observer: only the row chosen.
    let n: i64 = db
        .query_row(
            "SELECT count(*) FROM invitation i JOIN session s ON s.id = i.session_id
             WHERE s.number = 8 AND i.status = 'declined' AND i.role = 'observer'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        n, 1,
        "the answer and role chosen with the mouse are in the database"
    );
}
