use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::harness::{App, Home};
use crate::tour::shot;

/// Waits until the preview shows `n` or more pages, and returns their labels.
async fn pages(app: &App, at_least: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let busy = app
            .client
            .find_all(Locator::Css("[data-testid=doc-rendering]"))
            .await
            .unwrap_or_default();
        let imgs = app
            .client
            .find_all(Locator::Css("[data-testid=doc-pages] img.page"))
            .await
            .unwrap_or_default();
        if busy.is_empty() && imgs.len() >= at_least {
            let mut alts = Vec::new();
            for i in imgs {
                alts.push(i.attr("alt").await.unwrap().unwrap_or_default());
            }
            return alts;
        }
        assert!(
            Instant::now() < deadline,
            "no {at_least} pages in the preview"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_preview_real_pages_in_one_language_and_a_pair() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th
    app.click("[data-testid=tab-documents]").await;
    let agenda = pages(&app, 1).await;
    assert_eq!(agenda[0], format!("Страница 1 из {}", agenda.len()));
    shot(&app, "documents-agenda-ru").await;

    app.click("[data-testid=doc-minutes]").await;
    app.click("[data-testid=doc-lang2] option[value=zh]").await;
    let minutes = pages(&app, 2).await;
    assert!(
        minutes.len() >= 2,
        "the bilingual minutes run over pages: {minutes:?}"
    );
    shot(&app, "documents-minutes-ru-zh").await;

    app.click("[data-testid=doc-cards]").await;
    let cards = pages(&app, 9).await;
    assert_eq!(cards.len(), 9, "a card for each of the nine guests");
    shot(&app, "documents-cards-ru-zh").await;

    app.click("[data-testid=doc-ics]").await;
    app.find("[data-testid=doc-save-ics]").await;
    app.quit().await;
}
