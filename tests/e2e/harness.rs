//! Starts the real app through tauri-driver (which runs WebKitWebDriver) with its own
//! temporary data directory, and gives the test a WebDriver client.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub struct App {
    pub client: Client,
    driver: Child,
    /// The database this app runs on: its process is found by it.
    db: PathBuf,
    /// The X display of a test that has one of its own (None: the tests' shared one).
    display: Option<String>,
}

/// A data directory for one test: XDG dirs (WebKit's storage and caches) and the database.
pub struct Home {
    pub dir: tempfile::TempDir,
    /// A display of the test's own, for tests that use X's mouse: a popup list holds X's
    /// pointer grab, and windows of tests running side by side would take the clicks.
    screen: Option<Screen>,
    /// A folder the database lies in, below the home ("Dropbox"); none: the home itself.
    folder: Option<&'static str>,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
            screen: None,
            folder: None,
        }
    }

    /// A home whose database lies in `folder` (created), e.g. a cloud client's folder.
    pub fn with_db_in(folder: &'static str) -> Home {
        let home = Home {
            folder: Some(folder),
            ..Home::new()
        };
        std::fs::create_dir_all(home.dir.path().join(folder)).unwrap();
        home
    }

    /// A home whose app runs on an Xvfb display of its own.
    pub fn with_own_display() -> Home {
        Home {
            screen: Some(Screen::start()),
            ..Home::new()
        }
    }

    pub fn db_path(&self) -> PathBuf {
        match self.folder {
            Some(f) => self.dir.path().join(f).join("club.sqlite3"),
            None => self.dir.path().join("club.sqlite3"),
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The app under test: this build's binary, or CLUB_APP_BINARY (the installed .deb's,
/// which scripts/test checks after installing it).
/// A running tauri-driver and the port it listens on.
struct Driver {
    child: std::process::Child,
    port: u16,
}

pub fn app_binary() -> String {
    std::env::var("CLUB_APP_BINARY")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_club-planner").to_string())
}

impl App {
    /// Launches the app on `home`; the first launch on an empty database loads the demo.
    /// A driver that does not answer (its port taken by a test starting beside it between
    /// our choosing and its binding, or a loaded machine) is replaced: three tries.
    pub async fn launch(home: &Home) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under Xvfb (scripts/test does)"
        );
        let mut last = String::new();
        for _ in 0..3 {
            let mut driver = Self::driver(home);
            match Self::session(&driver).await {
                Ok(client) => {
                    return App {
                        client,
                        driver: driver.child,
                        db: home.db_path(),
                        display: home.screen.as_ref().map(|s| s.display.clone()),
                    }
                }
                // The driver goes too: a failed launch must not leave it running.
                Err(e) => {
                    terminate(&mut driver.child);
                    last = e;
                }
            }
        }
        panic!("could not start the app through tauri-driver (three tries): {last}");
    }

    /// tauri-driver for `home`'s app, on ports of its own.
    fn driver(home: &Home) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let root = home.dir.path();
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env(club_core::paths::DB_ENV, home.db_path())
            .env(
                "DISPLAY",
                home.screen
                    .as_ref()
                    .map(|s| s.display.clone().into())
                    .or_else(|| std::env::var_os("DISPLAY"))
                    .unwrap_or_default(),
            )
            .stdout(Stdio::null())
            // CLUB_E2E_LOG=FILE keeps what the driver and the app print (to debug a test).
            .stderr(match std::env::var_os("CLUB_E2E_LOG") {
                Some(path) => Stdio::from(
                    std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(path)
                        .expect("CLUB_E2E_LOG: a writable file"),
                ),
                None => Stdio::null(),
            });
        let child = command
            .spawn()
            .expect("tauri-driver not found: run scripts/test, which installs it");
        Driver { child, port }
    }

    /// A WebDriver session with the app through `driver`, or why there is none.
    async fn session(driver: &Driver) -> Result<Client, String> {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app_binary() }
        });
        let caps = caps.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{}", driver.port);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            // A session that never comes (the app gone at once) must fail, not hang.
            let attempt = tokio::time::timeout(
                Duration::from_secs(60),
                ClientBuilder::native()
                    .capabilities(caps.clone())
                    .connect(&url),
            )
            .await;
            match attempt {
                Ok(Ok(c)) => return Ok(c),
                Ok(Err(_)) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Ok(Err(e)) => return Err(e.to_string()),
                Err(_) => return Err("no WebDriver session within 60 s".into()),
            }
        }
    }

    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!("no element {css}: {e}\n{}", self.screen_text().await),
        }
    }

    /// What the window shows, for a failure's message: a test that fails on a loaded CI
    /// machine then says which screen it was on and what it said.
    pub async fn screen_text(&self) -> String {
        let shown = self
            .client
            .execute(
                "return (document.body && document.body.innerText || '').slice(0, 1500);",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "(the window's text could not be read)".into());
        format!("the window showed:\n{shown}")
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        el.clear().await.unwrap();
        // WebKitWebDriver refuses an empty key sequence; clearing is all there is to do.
        if !text.is_empty() {
            el.send_keys(text)
                .await
                .unwrap_or_else(|e| panic!("type into {css}: {e}"));
        }
    }

    /// Sets a date or time input the way a picker does (WebKitGTK's pickers do not take keys
    /// reliably), firing the input event React listens to.
    /// A form that re-renders with its earlier value (the value did not reach React's state,
    /// or the form was filled again) is set again, so the step after it sees the value.
    pub async fn set_value(&self, css: &str, value: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let el = self.find(css).await;
            self.client
                .execute(
                    "const [el, v] = arguments;
                     const proto = Object.getPrototypeOf(el);
                     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
                     el.dispatchEvent(new Event('input', { bubbles: true }));",
                    vec![serde_json::to_value(&el).unwrap(), json!(value)],
                )
                .await
                .unwrap();
            // Two frames later the field shows what React holds.
            tokio::time::sleep(Duration::from_millis(200)).await;
            let shown = self
                .client
                .execute(
                    "const el = document.querySelector(arguments[0]);
                     return el ? el.value : null;",
                    vec![json!(css)],
                )
                .await
                .unwrap();
            if shown.as_str() == Some(value) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "{css} shows {shown} after setting {value:?}\n{}",
                    self.screen_text().await
                );
            }
        }
    }

    /// Drags `from` onto `to` with the mouse as a person does: press on `from`, move near
    /// the point (`x`, `y` from `to`'s centre), then onto it, release.
    pub async fn drag(&self, from: Element, to: Element, x: f64, y: f64) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let step = |x, y, ms| PointerAction::MoveToElement {
            element: to.clone(),
            duration: Some(Duration::from_millis(ms)),
            x,
            y,
        };
        let drag = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: from,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(step(x - 3.0, y - 3.0, 200))
            .then(step(x, y, 200))
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(drag).await.unwrap();
    }

    /// Presses Ctrl+`key` (as a person does: Ctrl down, the key, both up) on whatever has
    /// the focus.
    pub async fn press_ctrl(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        use fantoccini::key::Key;
        let ctrl: char = Key::Control.into();
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: ctrl })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: ctrl });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("press Ctrl+{key}: {e}"));
    }

    /// Opens the `n`-th card of the sessions list (in the demo: 0 the 9th, upcoming;
    /// 1 the 8th, the most recent past one).
    pub async fn open_card(&self, n: usize) {
        let cards = self
            .client
            .find_all(Locator::Css("[data-testid=session-card]"))
            .await
            .unwrap();
        cards[n]
            .click()
            .await
            .unwrap_or_else(|e| panic!("open session card {n}: {e}"));
    }

    /// Presses one key (a character or a WebDriver key code such as Escape, U+E00C).
    pub async fn press_key(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// The `data-testid` (or id) of the focused element.
    pub async fn focused(&self) -> String {
        self.client
            .execute(
                "const el = document.activeElement;
                 return el ? (el.getAttribute('data-testid') || el.id || el.tagName) : '';",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until some element matching `css` shows `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) {
        self.wait_for_text_within(css, text, Duration::from_secs(15))
            .await;
    }

    /// Waits up to `limit` until some element matching `css` shows `text` (an archive of
    /// gigabytes in the debug build takes longer than the usual 15 s).
    pub async fn wait_for_text_within(&self, css: &str, text: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            let mut seen = Vec::new();
            for el in self
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default()
            {
                let t = el.text().await.unwrap_or_default();
                if t.contains(text) {
                    return;
                }
                seen.push(t);
            }
            if Instant::now() > deadline {
                panic!("no {css} showing {text:?}; saw {seen:?}");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until nothing matches `css` (a dialog closed, a panel answered); `what` says
    /// what should have gone.
    pub async fn wait_gone(&self, css: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
            .is_empty()
        {
            assert!(Instant::now() < deadline, "{what} stayed ({css})");
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.unwrap() {
            out.push(el.text().await.unwrap());
        }
        out
    }

    /// Zooms the webview as Ctrl+= does (1.0 = 100 %).
    pub async fn zoom(&self, value: f64) {
        let refused = self
            .client
            .execute_async(
                "const [value, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke('plugin:webview|set_webview_zoom', { value })
                   .then(() => done(''), (e) => done(String(e)));",
                vec![value.into()],
            )
            .await
            .unwrap();
        assert_eq!(refused, json!(""), "zoom refused");
    }

    /// The app's process id (tests side by side each run their own app).
    fn pid(&self) -> String {
        app_pids(&self.db)
            .into_iter()
            .next()
            .expect("the app is running")
    }

    /// Whether the app's process is still there (after its window was asked to close).
    pub fn is_running(&self) -> bool {
        !app_pids(&self.db).is_empty()
    }

    /// Presses `keys` (xdotool's names, e.g. "ctrl+q") on the app's window as the X server
    /// delivers them — so they reach GTK's menu accelerators, which WebDriver's keys
    /// (delivered inside the web page) do not. The window is found by this app's process:
    /// tests run side by side on one display, each app in a window of the same name.
    pub fn press_on_window(&self, keys: &str) {
        let pid = self.pid();
        // `search --sync` waits for the window: never longer than 20 s.
        let status = Command::new("timeout")
            .args(["20", "xdotool"])
            .args(["search", "--sync", "--onlyvisible", "--all", "--pid", &pid])
            .args(["--name", "^Club Planner$"])
            .args(["windowfocus", "--sync", "key", "--clearmodifiers", keys])
            .status()
            .expect("xdotool (scripts/setup --test installs it)");
        assert!(status.success(), "xdotool could not press {keys}");
    }

    /// This app's visible X windows (the main one, and a popup menu while one is open).
    fn windows(&self) -> Vec<String> {
        let pid = self.pid();
        self.xdotool(&["search", "--onlyvisible", "--pid", &pid])
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Scrolls the first element at `css` to the middle of the window (for a screenshot of
    /// what sits below the first screenful).
    pub async fn scroll_to(&self, css: &str) {
        let el = self.find(css).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await
            .unwrap();
    }

    /// Chooses option `index` of the `<select>` at `css` as a person does: a mouse click
    /// opens GTK's popup list, a click on the option chooses it. WebDriver's own click on
    /// an <option> sets the value in the page and never goes through the popup.
    pub async fn pick_with_mouse(&self, css: &str, index: usize) {
        let el = self.find(css).await;
        let rect = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });
                 const r = arguments[0].getBoundingClientRect();
                 return [r.left + r.width / 2, r.top + r.height / 2,
                         window.outerHeight - window.innerHeight, arguments[0].options.length];",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await
            .unwrap();
        let v: Vec<f64> = serde_json::from_value(rect).unwrap();
        // Window coordinates: the page sits under the native menu bar.
        let (x, y, count) = (v[0], v[1] + v[2], v[3] as usize);
        let main = self.main_window();
        self.xdotool(&[
            "mousemove",
            "--window",
            &main,
            &format!("{x:.0}"),
            &format!("{y:.0}"),
        ]);
        self.xdotool(&["click", "1"]);
        // The popup list is a window of its own: wait for it, then click the option's row.
        let deadline = Instant::now() + Duration::from_secs(10);
        let popup = loop {
            if let Some(w) = self.windows().into_iter().find(|w| *w != main) {
                break w;
            }
            assert!(Instant::now() < deadline, "no popup list opened for {css}");
            std::thread::sleep(Duration::from_millis(100));
        };
        std::thread::sleep(Duration::from_millis(300)); // its opening animation
        let geometry = self.xdotool(&["getwindowgeometry", "--shell", &popup]);
        let field = |name: &str| -> f64 {
            geometry
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {geometry}"))
        };
        let (px, py, pw, ph) = (field("X"), field("Y"), field("WIDTH"), field("HEIGHT"));
        let row = ph / count as f64;
        let target_y = py + row * (index as f64 + 0.5);
        self.xdotool(&[
            "mousemove",
            &format!("{:.0}", px + pw / 2.0),
            &format!("{target_y:.0}"),
        ]);
        std::thread::sleep(Duration::from_millis(150));
        self.xdotool(&["click", "1"]);
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.windows().contains(&popup) {
            assert!(
                Instant::now() < deadline,
                "the popup list of {css} stayed open"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        xdotool(self.display.as_deref(), args)
    }

    /// The X id of the app's main window.
    fn main_window(&self) -> String {
        let pid = self.pid();
        self.xdotool(&[
            "search",
            "--sync",
            "--onlyvisible",
            "--pid",
            &pid,
            "--name",
            "^Club Planner$",
        ])
        .lines()
        .next()
        .expect("the app's window")
        .to_string()
    }

    /// Closes the session and stops the driver with SIGTERM so WebKitWebDriver goes too.
    /// Ends the session and makes sure the app is gone (the next launch on the same data
    /// would otherwise meet the single-instance lock): SIGTERM, then SIGKILL after 5 s.
    pub async fn quit(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        terminate(&mut self.driver);
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let left = app_pids(&self.db);
            // Gone, and its hold on the database too (an exiting process can vanish from
            // /proc's view a moment before its lock is let go).
            if left.is_empty() && lock_is_free(&self.db) {
                return;
            }
            assert!(
                Instant::now() < deadline + Duration::from_secs(10),
                "the app's lock on its database was not let go"
            );
            let signal = if Instant::now() < deadline {
                "-TERM"
            } else {
                "-KILL"
            };
            for pid in &left {
                let _ = Command::new("kill").args([signal, pid]).status();
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        terminate(&mut self.driver);
    }
}

/// The app processes running on the database `db` (found by CLUB_PLANNER_DB in their
/// environment): this test's, never another's.
/// Whether a new app could take `<db>.lock` (the single-instance lock) now.
fn lock_is_free(db: &std::path::Path) -> bool {
    let mut path = db.as_os_str().to_owned();
    path.push(".lock");
    match std::fs::File::open(&path) {
        Ok(f) => match f.try_lock() {
            Ok(()) => {
                let _ = f.unlock();
                true
            }
            Err(_) => false,
        },
        Err(_) => true,
    }
}

fn app_pids(db: &std::path::Path) -> Vec<String> {
    let marker = format!("{}={}", club_core::paths::DB_ENV, db.display());
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().to_string();
        if !pid.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        let env_has = environ.split(|b| *b == 0).any(|v| v == marker.as_bytes());
        if env_has && exe.to_string_lossy().contains("club-planner") {
            out.push(pid);
        }
    }
    out
}

fn terminate(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match cargo_home.map(|h| h.join("bin/tauri-driver")) {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

impl App {
    /// Kills the app process of `home` with SIGKILL, as a power cut or a crash would, then
    /// ends the WebDriver session. Other tests' apps (other data directories) live on.
    pub async fn kill_app(mut self, home: &Home) {
        let mut killed = 0;
        for pid in app_pids(&home.db_path()) {
            Command::new("kill").args(["-KILL", &pid]).status().unwrap();
            killed += 1;
        }
        assert_eq!(
            killed, 1,
            "exactly one app process runs on this data directory"
        );
        let _ = tokio::time::timeout(Duration::from_secs(3), self.client.clone().close()).await;
        terminate(&mut self.driver);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !(app_pids(&home.db_path()).is_empty() && lock_is_free(&home.db_path())) {
            assert!(Instant::now() < deadline, "the killed app did not go");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Runs xdotool (bounded to 20 s) on `display` (None: the tests' own) and returns what
/// it printed.
fn xdotool(display: Option<&str>, args: &[&str]) -> String {
    let mut command = Command::new("timeout");
    if let Some(d) = display {
        command.env("DISPLAY", d);
    }
    let out = command
        .arg("20")
        .arg("xdotool")
        .args(args)
        .output()
        .expect("xdotool (scripts/setup --test installs it)");
    assert!(out.status.success(), "xdotool {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An Xvfb display of one test's own, gone with it.
struct Screen {
    display: String,
    xvfb: Child,
}

impl Screen {
    fn start() -> Screen {
        use std::io::{BufRead, BufReader};
        // -displayfd: Xvfb picks a free display number and writes it once it is ready.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x860x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (scripts/setup --test installs it)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap())
            .read_line(&mut line)
            .expect("Xvfb's display number");
        Screen {
            display: format!(":{}", line.trim()),
            xvfb,
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        terminate(&mut self.xvfb);
    }
}
