//! Invitations out by e-mail as an organizer sends them: the account set up in the Mail
//! tab, a batch to a real SMTP server on the loopback (Python's aiosmtpd, slowed down so the
//! batch can be seen mid-way), every guest with an address gets exactly one message, and a
//! second batch has nobody left to send to; a guest sent to again only when chosen and
//! confirmed. WeChat and phone guests get their text to copy.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{App, Home};
use crate::tour::shot;

/// The loopback SMTP server of the core's mail tests, holding each message `delay` s.
struct Server {
    child: Child,
    port: u16,
    out: PathBuf,
}

impl Server {
    fn start(dir: &Path, delay: f64) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let out = dir.join("received");
        let script = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src-tauri/core/tests/fixtures/mail/smtp_server.py");
        let mut child = Command::new("/usr/bin/python3")
            .arg(script)
            .args(["--port", &port.to_string(), "--out"])
            .arg(&out)
            .args(["--delay", &delay.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with aiosmtpd (scripts/setup --test installs python3-aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Server { child, port, out }
    }

    /// The messages received so far: each one's recipients.
    fn received(&self) -> Vec<String> {
        let mut rcpts: Vec<String> = std::fs::read_dir(&self.out)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "rcpt"))
                    .map(|e| std::fs::read_to_string(e.path()).unwrap())
                    .collect()
            })
            .unwrap_or_default();
        rcpts.sort();
        rcpts
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn send_the_invitations_see_the_batch_mid_way_and_nobody_gets_two() {
    let home = Home::new();
    let server = Server::start(home.dir.path(), 0.7);
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.open_card(1).await; // the 8th session
    app.click("[data-testid=tab-mail]").await;
    app.find("[data-testid=mail-account-form]").await;

    // The account: a server on this computer, no login.
    app.set_value("[data-testid=smtp-host]", "127.0.0.1").await;
    app.click("[data-testid=smtp-security] option[value=none]")
        .await;
    app.set_value("[data-testid=smtp-port]", &server.port.to_string())
        .await;
    app.set_value("[data-testid=smtp-from]", "club@example.org")
        .await;
    app.set_value("[data-testid=smtp-fromName]", "Клуб друзей Казахстана")
        .await;
    app.click("[data-testid=smtp-save]").await;
    app.wait_for_text("[data-testid=mail-account]", "club@example.org")
        .await;

    // Who gets it: everyone with an address; Chen Jing (WeChat) and Zhao Ming (phone) not.
    let rows = app.texts("[data-testid=mail-recipient]").await;
    let with_address = rows.iter().filter(|r| r.contains('@')).count();
    assert!(with_address >= 5, "{rows:#?}");
    app.find("[data-testid=messenger-text]").await;
    shot(&app, "mail-ru").await;

    // The button is enabled once the saved account has been read back.
    let send = app.find("[data-testid=mail-send]").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while !send.is_enabled().await.unwrap() {
        assert!(Instant::now() < deadline, "the send button stayed disabled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    send.click().await.unwrap();
    app.wait_for_text("[data-testid=mail-progress]", "Отправлено 2 из")
        .await;
    shot(&app, "mail-sending-ru").await;
    app.find("[data-testid=mail-report]").await;
    app.wait_for_text(
        "[data-testid=mail-report]",
        &format!("Отправлено {with_address}"),
    )
    .await;
    let received = server.received();
    assert_eq!(received.len(), with_address, "{received:#?}");
    let mut unique = received.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        received.len(),
        "someone got two: {received:#?}"
    );

    // A second batch has nobody left; the rows say when each was sent.
    app.wait_for_text("[data-testid=mail-send]", "Все уже получили")
        .await;
    assert!(!app
        .find("[data-testid=mail-send]")
        .await
        .is_enabled()
        .await
        .unwrap());
    app.wait_for_text("[data-testid=mail-last]", "Отправлено")
        .await;
    shot(&app, "mail-sent-ru").await;

    // WeChat and phone guests: their text in their language, ready to copy.
    app.wait_for_text("[data-testid=messenger-text]", "WeChat")
        .await;
    app.scroll_to("[data-testid=messenger-text]").await;
    shot(&app, "mail-messengers-ru").await;

    // In Chinese, the same screen.
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.find("[data-testid=session-card]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-mail]").await;
    app.wait_for_text("[data-testid=mail-send]", "所有人都已收到")
        .await;
    shot(&app, "mail-zh").await;

    // Three guests chosen to get it again: the app says when each had it and asks first;
    // only they get a second message.
    for n in 0..3 {
        let boxes = app
            .client
            .find_all(fantoccini::Locator::Css(
                "[data-testid=mail-recipient] input[type=checkbox]",
            ))
            .await
            .unwrap();
        boxes[n].click().await.unwrap();
    }
    app.wait_for_text("[data-testid=mail-send]", "3").await;
    app.click("[data-testid=mail-send]").await;
    app.wait_for_text("[data-testid=mail-again-dialog]", "已于")
        .await;
    shot(&app, "mail-again-zh").await;
    app.click("[data-testid=mail-again-dialog] [data-testid=ask-yes]")
        .await;
    app.wait_for_text("[data-testid=mail-progress]", "1").await;
    shot(&app, "mail-sending-zh").await;
    app.find("[data-testid=mail-report]").await;
    app.quit().await;
    let started = Instant::now();
    while server.received().len() < with_address + 3 && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(server.received().len(), with_address + 3);
}

/// The signature's picture chosen in Settings is shown there and signs the letters in the
/// Documents tab; removed, it is gone. (The system's file dialog cannot be driven here:
/// the command is given the file, as the dialog would.)
#[tokio::test(flavor = "multi_thread")]
async fn the_signature_picture_chosen_in_settings_signs_the_letters() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.wait_for_text("[data-testid=session-card]", "Итоги года")
        .await;
    app.click("[data-testid=nav-settings]").await;
    app.wait_for_text("[data-testid=signature-picture]", "Подписи нет")
        .await;
    let png = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/documents/signature.png");
    let chosen = app
        .client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('letters_signature_choose', { path: arguments[0] });",
            vec![serde_json::json!(png.to_str().unwrap())],
        )
        .await
        .unwrap();
    assert_eq!(chosen, serde_json::json!(true));
    app.client.refresh().await.unwrap();
    app.click("[data-testid=nav-settings]").await;
    app.scroll_to("[data-testid=signature-image]").await;
    shot(&app, "settings-signature-ru").await;

    app.click("[data-testid=nav-sessions]").await;
    app.find("[data-testid=session-card]").await;
    app.open_card(1).await;
    app.click("[data-testid=tab-documents]").await;
    app.click("[data-testid=doc-letters]").await;
    app.find("[data-testid=doc-pages] img").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    shot(&app, "letters-signed-ru").await;
    // Below the options: one PDF, one file per guest, print.
    app.scroll_to("[data-testid=doc-save-each]").await;
    shot(&app, "letters-actions-ru").await;

    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=signature-remove]").await;
    app.wait_for_text("[data-testid=signature-picture]", "Подписи нет")
        .await;
    app.quit().await;
}
