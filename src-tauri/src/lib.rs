//! The desktop shell: opens the database, registers the commands and starts the window.
//! All behaviour lives in club-core; commands here are one-line adapters.

mod commands;
mod fonts;
mod instance;
mod keychain;
mod menu;
mod state;
mod sync;

use tauri::{Emitter, Manager};

pub use state::AppState;

pub fn run() {
    // One app per database: a second start brings the first window forward instead.
    let listener = match club_core::paths::default_db_path().map(|p| instance::acquire(&p)) {
        Some(Ok(instance::Acquired::Other)) => return,
        Some(Ok(instance::Acquired::First(listener))) => Some(listener),
        // No lock to be had (read-only directory…): SQLite's own locking still guards the data.
        _ => None,
    };
    tauri::Builder::default()
        // Used from Rust only (the save dialog of exports); the window gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        // The window opens where and as large as it was left (Rust side only: no permission).
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .register_asynchronous_uri_scheme_protocol(fonts::SCHEME, fonts::serve)
        .on_menu_event(|app, event| menu::forward(app, event.id().as_ref()))
        // Closing with unsaved work in a form: the UI asks, and closes the window itself
        // if the user agrees (a UI that does not answer never keeps a clean window open).
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.unsaved.load(std::sync::atomic::Ordering::SeqCst) {
                    api.prevent_close();
                    let _ = window.emit("close-requested", ());
                }
            }
        })
        .setup(|app| {
            let state = AppState::open(
                app.path().app_data_dir().ok(),
                app.path().resource_dir().ok().map(|d| d.join("fonts")),
            );
            app.manage(state);
            if let Some(listener) = listener {
                let handle = app.handle().clone();
                instance::listen(listener, move || {
                    if let Some(w) = handle.get_webview_window("main") {
                        let _ = w.unminimize();
                        let _ = w.show();
                        let _ = w.set_focus();
                    }
                });
            }
            sync::start(app.handle());
            // The daily backup and the clearing of cut-off files, off the start-up path.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let state = handle.state::<AppState>();
                if let Ok(db) = state.db() {
                    if let Err(e) = club_core::store::backup::daily(db.path(), &state.clock) {
                        eprintln!("club-planner: the daily backup failed: {e}");
                        *state
                            .backup_failure
                            .lock()
                            .unwrap_or_else(|p| p.into_inner()) = Some(e.into());
                        let _ = handle.emit("status-changed", ());
                    }
                    // Parts of files whose adding was cut off, a day on.
                    if let Err(e) = club_core::attachments::collect(db, &state.clock) {
                        eprintln!("club-planner: collecting cut-off files failed: {e}");
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("error while starting Club Planner")
        .run(|_, event| {
            // The database is free for the next start at once, not after the teardown.
            if let tauri::RunEvent::Exit = event {
                instance::release();
            }
        });
}
