//! The native menu (File, Edit, View, Session, Help) with the usual shortcuts. Its labels
//! come from the UI, in the interface language (the UI's translations are the only ones);
//! choosing an item sends its id to the UI as a "menu" event, which does what the same
//! shortcut does inside the window.

use std::collections::HashMap;

use tauri::menu::{MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
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

/// Builds the menu with `labels` (id → text; a missing label shows the id) and sets it.
pub fn set<R: Runtime>(app: &AppHandle<R>, labels: &HashMap<String, String>) -> tauri::Result<()> {
    let label = |id: &str| labels.get(id).cloned().unwrap_or_else(|| id.to_string());
    let item = |id: &str, accelerator: Option<&str>| {
        let mut b = MenuItemBuilder::with_id(id, label(id));
        if let Some(a) = accelerator {
            b = b.accelerator(a);
        }
        b.build(app)
    };
    let mut file = SubmenuBuilder::new(app, label("menu-file"));
    for (id, acc) in FILE {
        file = file.item(&item(id, acc)?);
    }
    let file = file
        .separator()
        // Not the predefined Quit (it exits at once): this one closes the window, which
        // asks first when a form holds unsaved work.
        .item(&item("quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    // Undo and redo are the UI's own on Linux and Windows (no native ones there): in a
    // text field the field's, elsewhere the last removal's.
    let edit = SubmenuBuilder::new(app, label("menu-edit"))
        .item(&item("undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&PredefinedMenuItem::cut(app, Some(&label("cut")))?)
        .item(&PredefinedMenuItem::copy(app, Some(&label("copy")))?)
        .item(&PredefinedMenuItem::paste(app, Some(&label("paste")))?)
        .item(&PredefinedMenuItem::select_all(
            app,
            Some(&label("select-all")),
        )?)
        .separator()
        .item(&item("find", Some("CmdOrCtrl+F"))?)
        .build()?;
    let mut view = SubmenuBuilder::new(app, label("menu-view"));
    for (id, acc) in VIEW {
        view = view.item(&item(id, acc)?);
    }
    let mut session = SubmenuBuilder::new(app, label("menu-session"));
    for (id, acc) in SESSION {
        session = session.item(&item(id, acc)?);
    }
    let help = SubmenuBuilder::new(app, label("menu-help"))
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
        if let Some(w) = app.get_webview_window("main") {
            let _ = w.close();
        }
        return;
    }
    let _ = app.emit("menu", id);
}
