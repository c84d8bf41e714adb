//! The native menu (File, Edit, View, Session, Help) with the usual shortcuts. Its labels
//! come from the UI, in the interface language (the UI's translations are the only ones);
//! choosing an item sends its id to the UI as a "menu" event, which does what the same
//! shortcut does inside the window.

use std::collections::HashMap;
use std::sync::Mutex;

use tauri::menu::{
    Menu, MenuBuilder, MenuId, MenuItemBuilder, MenuItemKind, PredefinedMenuItem, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// (id, accelerator) of every item the UI handles, by menu.
const FILE: [(&str, Option<&str>); 3] = [
    ("new-session", Some("CmdOrCtrl+N")),
    ("export", Some("CmdOrCtrl+E")),
    ("print", Some("CmdOrCtrl+P")),
];
const VIEW: [(&str, Option<&str>); 6] = [
    ("nav-sessions", Some("CmdOrCtrl+1")),
    ("nav-people", Some("CmdOrCtrl+2")),
    ("nav-followups", Some("CmdOrCtrl+3")),
    ("nav-search", Some("CmdOrCtrl+4")),
    ("nav-stats", Some("CmdOrCtrl+5")),
    ("nav-settings", Some("CmdOrCtrl+,")),
];
const SESSION: [(&str, Option<&str>); 4] = [
    ("tab-agenda", Some("CmdOrCtrl+Alt+1")),
    ("tab-invitees", Some("CmdOrCtrl+Alt+2")),
    ("tab-minutes", Some("CmdOrCtrl+Alt+3")),
    ("tab-documents", Some("CmdOrCtrl+Alt+4")),
];

/// The predefined items (cut, copy…) get ids of their own: which label each one takes.
static PREDEFINED: Mutex<Vec<(MenuId, &'static str)>> = Mutex::new(Vec::new());

/// Sets the menu with `labels` (id → text; a missing label shows the id): the first time
/// it is built; after that (another interface language) its items are relabelled in
/// place — rebuilding would make GTK tear down every accelerator (and warn for each).
pub fn set<R: Runtime>(app: &AppHandle<R>, labels: &HashMap<String, String>) -> tauri::Result<()> {
    match app.menu() {
        // Ours (macOS starts with Tauri's default menu, which is replaced).
        Some(menu) if menu.get("menu-file").is_some() => relabel(app, &menu, labels),
        _ => build(app, labels),
    }
}

fn relabel<R: Runtime>(
    app: &AppHandle<R>,
    menu: &Menu<R>,
    labels: &HashMap<String, String>,
) -> tauri::Result<()> {
    let predefined = PREDEFINED.lock().unwrap_or_else(|e| e.into_inner());
    let label = |id: &MenuId| {
        labels.get(id.as_ref()).or_else(|| {
            let key = predefined.iter().find(|(p, _)| p == id)?.1;
            labels.get(key)
        })
    };
    let mut titles = Vec::new();
    for top in menu.items()? {
        let Some(submenu) = top.as_submenu() else {
            continue;
        };
        // One title per submenu, so they line up with the menu bar's widgets below.
        match label(submenu.id()) {
            Some(text) => {
                submenu.set_text(text)?;
                titles.push(text.clone());
            }
            None => titles.push(submenu.text()?),
        }
        for item in submenu.items()? {
            match &item {
                MenuItemKind::MenuItem(i) => {
                    if let Some(text) = label(i.id()) {
                        i.set_text(text)?;
                    }
                }
                MenuItemKind::Predefined(p) => {
                    if let Some(text) = label(p.id()) {
                        p.set_text(text)?;
                    }
                }
                _ => {}
            }
        }
    }
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let w = window.clone();
        window.run_on_main_thread(move || gtk_titles(&w, &titles))?;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = titles;
    Ok(())
}

/// muda draws a menu-bar title as a label inside a box, and its set_text relabels only a
/// plain label: on GTK the titles are set on the widgets themselves, in menu order.
#[cfg(target_os = "linux")]
fn gtk_titles<R: Runtime>(window: &tauri::WebviewWindow<R>, titles: &[String]) {
    use gtk::prelude::*;
    let Ok(vbox) = window.default_vbox() else {
        return;
    };
    for bar in vbox.children() {
        let Ok(bar) = bar.downcast::<gtk::MenuBar>() else {
            continue;
        };
        for (item, title) in bar.children().into_iter().zip(titles) {
            let Some(inner) = item.downcast_ref::<gtk::MenuItem>().and_then(|i| i.child()) else {
                continue;
            };
            let labels = match inner.downcast::<gtk::Box>() {
                Ok(b) => b.children(),
                Err(other) => vec![other],
            };
            for l in labels {
                if let Ok(l) = l.downcast::<gtk::Label>() {
                    l.set_text_with_mnemonic(title);
                }
            }
        }
    }
}

fn build<R: Runtime>(app: &AppHandle<R>, labels: &HashMap<String, String>) -> tauri::Result<()> {
    let label = |id: &str| labels.get(id).cloned().unwrap_or_else(|| id.to_string());
    let item = |id: &str, accelerator: Option<&str>| {
        let mut b = MenuItemBuilder::with_id(id, label(id));
        if let Some(a) = accelerator {
            b = b.accelerator(a);
        }
        b.build(app)
    };
    let mut file = SubmenuBuilder::with_id(app, "menu-file", label("menu-file"));
    for (id, acc) in FILE {
        file = file.item(&item(id, acc)?);
    }
    let file = file
        .separator()
        // Not the predefined Quit (it exits at once): this one closes the window, which
        // asks first when a form holds unsaved work.
        .item(&item("quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let cut = PredefinedMenuItem::cut(app, Some(&label("cut")))?;
    let copy = PredefinedMenuItem::copy(app, Some(&label("copy")))?;
    let paste = PredefinedMenuItem::paste(app, Some(&label("paste")))?;
    let select_all = PredefinedMenuItem::select_all(app, Some(&label("select-all")))?;
    *PREDEFINED.lock().unwrap_or_else(|e| e.into_inner()) = vec![
        (cut.id().clone(), "cut"),
        (copy.id().clone(), "copy"),
        (paste.id().clone(), "paste"),
        (select_all.id().clone(), "select-all"),
    ];
    // Undo and redo are the UI's own on Linux and Windows (no native ones there): in a
    // text field the field's, elsewhere the last removal's.
    let edit = SubmenuBuilder::with_id(app, "menu-edit", label("menu-edit"))
        .item(&item("undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&cut)
        .item(&copy)
        .item(&paste)
        .item(&select_all)
        .separator()
        .item(&item("find", Some("CmdOrCtrl+F"))?)
        .build()?;
    let mut view = SubmenuBuilder::with_id(app, "menu-view", label("menu-view"));
    for (id, acc) in VIEW {
        view = view.item(&item(id, acc)?);
    }
    let mut session = SubmenuBuilder::with_id(app, "menu-session", label("menu-session"));
    for (id, acc) in SESSION {
        session = session.item(&item(id, acc)?);
    }
    let help = SubmenuBuilder::with_id(app, "menu-help", label("menu-help"))
        .item(&item("about", None)?)
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view.build()?, &session.build()?, &help])
        .build()?;
    app.set_menu(menu)?;
    Ok(())
}

/// Sends a chosen item to the UI; Quit closes the main window (which may ask first).
pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == "quit" {
        close_main(app);
        return;
    }
    let _ = app.emit("menu", id);
}

/// Asks the main window to close: its CloseRequested runs (the unsaved-work question),
/// then the app ends with its last window.
pub fn close_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.close();
    }
}
