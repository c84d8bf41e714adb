//! Two organizers' apps, each on a database of its own, synced through a hub on the
//! loopback: a check-in at one door shows at the other within two seconds, and a
//! conflict made in both apps shows on the Conflicts screen and is resolved there.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput, ItemKind};
use club_core::planning::invitations;
use club_core::planning::rsvp::InviteeRole;
use club_core::planning::sessions::{self, SessionInput};
use club_core::sync::{hub, team, wire, Role};
use club_core::{Db, Lang, SystemClock, Text};
use club_hub::{client, server};
use fantoccini::Locator;

use crate::harness::{App, Home};
use crate::tour::shot;

fn person(family: &str, given: &str) -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: given.into(),
            patronymic: String::new(),
            family_first: true,
        }],
        ..Default::default()
    }
}

/// The founding laptop's data: the 8th session today, its ambassador's report, two guests.
fn founder(path: &Path) -> Db {
    let db = Db::open(path).unwrap();
    // Today at the Club (Beijing time), so that the check-in screen is the day's.
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .format("%Y-%m-%d")
        .to_string();
    let s = sessions::create(
        &db,
        &SystemClock,
        &SessionInput {
            number: "8".into(),
            title: Text::new().with(Lang::Ru, "8-е заседание Клуба"),
            date: today,
            start: "15:00".into(),
            end: "17:30".into(),
            ..Default::default()
        },
    )
    .unwrap();
    agenda::add(
        &db,
        &SystemClock,
        &s.id,
        &AgendaItemInput {
            kind: Some(ItemKind::Report),
            title: Text::new().with(Lang::Ru, "Доклад посла"),
            duration_min: "20".into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let guests: Vec<String> = [("Иванов", "Пётр"), ("Сапаров", "Ерлан")]
        .iter()
        .map(|(f, g)| people::create(&db, &SystemClock, &person(f, g)).unwrap().id)
        .collect();
    invitations::invite(&db, &SystemClock, &s.id, &guests, InviteeRole::Guest).unwrap();
    db
}

/// Runs `f` on a thread of its own: the hub and the sync client make tokio runtimes of
/// their own, which cannot start inside the test's.
fn apart<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f).join().unwrap()
}

struct Hub {
    path: PathBuf,
    listen: String,
    fingerprint: String,
    running: Option<server::Running>,
}

impl Hub {
    fn start(dir: &Path) -> Hub {
        std::fs::create_dir_all(dir.join("hub")).unwrap();
        let path = dir.join("hub/hub.sqlite3");
        drop(hub::found(&founder(&dir.join("founder.sqlite3")), &path).unwrap());
        let at = path.clone();
        let running =
            apart(move || server::spawn(&at, "127.0.0.1:0", &["127.0.0.1".into()]).unwrap());
        Hub {
            listen: running.addr.to_string(),
            fingerprint: running.fingerprint.clone(),
            path,
            running: Some(running),
        }
    }

    /// The organizer `name` joins with a code into `home`'s database.
    fn join(&self, home: &Home, name: &str) {
        let db = Db::open(&self.path).unwrap();
        let secret = team::invite(&db, &SystemClock, name, Role::Organizer, 1).unwrap();
        let code = wire::join_code(&secret, &self.fingerprint);
        let (db, address) = (home.db_path(), format!("https://{}", self.listen));
        apart(move || drop(client::join(&db, &SystemClock, &address, &code).unwrap()));
    }

    fn stop(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop();
        }
    }

    fn restart(&mut self) {
        let (path, listen) = (self.path.clone(), self.listen.clone());
        self.running = Some(apart(move || server::spawn(&path, &listen, &[]).unwrap()));
    }
}

async fn open_eighth(app: &App, tab: &str) {
    app.wait_for_text("[data-testid=session-card]", "8-е заседание Клуба")
        .await;
    app.open_card(0).await; // the only session
    app.click(&format!("[data-testid=tab-{tab}]")).await;
}

async fn text(app: &App, css: &str) -> String {
    match app.client.find(Locator::Css(css)).await {
        Ok(el) => el.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The duration of the 8th session's one agenda item in `db`.
fn duration(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT duration_min FROM agenda_item", [], |r| r.get(0))
        .unwrap()
}

async fn set_duration(app: &App, minutes: &str) {
    app.click(".agenda-actions button:first-child").await;
    app.find("[data-testid=item-form]").await;
    app.type_into("#item-duration", minutes).await;
    app.click("[data-testid=save-item]").await;
    app.wait_gone("[data-testid=item-form]", "the item form")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_apps_see_each_others_check_ins_and_resolve_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut hub = Hub::start(dir.path());
    let (home_a, home_b) = (Home::with_own_display(), Home::with_own_display());
    hub.join(&home_a, "Айгерим");
    hub.join(&home_b, "Ли Вэй");
    let a = App::launch(&home_a).await;
    let b = App::launch(&home_b).await;
    a.find("[data-testid=sync-indicator]").await;

    // Both at the door of the 8th session.
    for app in [&a, &b] {
        open_eighth(app, "invitees").await;
        app.click("[data-testid=check-in-mode]").await;
        app.find("[data-testid=checkin-counter]").await;
    }
    // The session is today at the Club: no "not today" warning.
    assert_eq!(text(&b, "[data-testid=checkin-not-today]").await, "");
    let before = text(&b, "[data-testid=checkin-counter]").await;
    assert!(before.contains('0'), "{before}");
    a.type_into("[data-testid=checkin-input]", "Иванов").await;
    a.click(".checkin-results button").await;
    a.find("[data-testid=checkin-last]").await;
    let arrived = Instant::now();
    loop {
        let now = text(&b, "[data-testid=checkin-counter]").await;
        if now.contains('1') {
            break;
        }
        assert!(
            arrived.elapsed() < Duration::from_secs(2),
            "the check-in on A did not reach B's check-in screen within 2 s (it shows {now:?})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    shot(&b, "sync-checkin-arrived-ru").await;
    for app in [&a, &b] {
        app.click("[data-testid=check-in] header button").await;
        app.wait_gone("[data-testid=check-in]", "the check-in screen")
            .await;
    }

    // The hub goes away; both change the report's duration; it comes back.
    hub.stop();
    for (app, minutes) in [(&a, "30"), (&b, "45")] {
        app.click("[data-testid=tab-agenda]").await;
        set_duration(app, minutes).await;
    }
    hub.restart();
    // Both show the conflict; B resolves it by taking the other's version.
    for app in [&a, &b] {
        // The conflict's own button (the indicator's "1" could be "1 change waiting").
        app.find("[data-testid=sync-conflicts]").await;
        app.wait_for_text("[data-testid=sync-indicator]", "1").await;
    }
    // Settings → Team on B in Russian; A in Chinese: Team, then its Conflicts screen.
    b.click("[data-testid=nav-settings]").await;
    b.find("[data-testid=settings-team]").await;
    shot(&b, "sync-team-ru").await;
    a.click("[data-testid=nav-settings]").await;
    a.click("[data-testid=language-zh]").await;
    a.wait_for_text("[data-testid=nav-sessions]", "会议").await;
    a.find("[data-testid=settings-team]").await;
    shot(&a, "sync-team-zh").await;
    a.click("[data-testid=nav-conflicts]").await;
    a.find("[data-testid=conflict-row]").await;
    shot(&a, "sync-conflicts-zh").await;
    b.click("[data-testid=sync-conflicts]").await;
    b.find("[data-testid=conflict-row]").await;
    shot(&b, "sync-conflicts-ru").await;
    let standing = duration(&hub.path);
    b.click("[data-testid=conflict-take]").await;
    b.wait_gone("[data-testid=conflict-row]", "the resolved conflict")
        .await;
    let taken = if standing == 30 { 45 } else { 30 };
    let deadline = Instant::now() + Duration::from_secs(15);
    while [
        duration(&home_a.db_path()),
        duration(&home_b.db_path()),
        duration(&hub.path),
    ] != [taken; 3]
    {
        assert!(
            Instant::now() < deadline,
            "the resolution did not reach every database"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // On A the register empties too.
    a.click("[data-testid=nav-conflicts]").await;
    a.find("[data-testid=conflicts-empty]").await;
    a.quit().await;
    b.quit().await;
    hub.stop();
}
