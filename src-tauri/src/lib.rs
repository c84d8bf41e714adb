//! The desktop shell: opens the database, registers the commands and starts the window.
//! All behaviour lives in club-core; commands here are one-line adapters.

mod commands;
mod fonts;
mod instance;
mod menu;
mod state;

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
            // The daily backup, off the start-up path.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let state = handle.state::<AppState>();
                if let Ok(db) = state.db() {
                    if let Err(e) = club_core::store::backup::daily(db.path(), &state.clock) {
                        eprintln!("club-planner: the daily backup failed: {e}");
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::agenda::agenda_get,
            commands::agenda::agenda_add,
            commands::agenda::agenda_update,
            commands::agenda::agenda_move,
            commands::agenda::agenda_duplicate,
            commands::agenda::agenda_remove,
            commands::agenda::agenda_restore,
            commands::app::app_status,
            commands::app::app_ready,
            commands::app::menu_set,
            commands::app::unsaved_set,
            commands::app::app_close,
            commands::backup::backups_list,
            commands::backup::backup_now,
            commands::backup::backup_restore,
            commands::backup::archive_export,
            commands::documents::document_preview,
            commands::documents::document_save,
            commands::documents::document_warnings,
            commands::people::people_list,
            commands::people::people_search,
            commands::people::person_get,
            commands::people::person_create,
            commands::people::person_update,
            commands::people::person_delete,
            commands::people::person_duplicates,
            commands::people::person_merge,
            commands::people::organisations_list,
            commands::people::precedence_categories,
            commands::people::import_dry_run,
            commands::people::import_commit,
            commands::people::people_export,
            commands::minutes::minutes_get,
            commands::minutes::minutes_set_summary,
            commands::minutes::minutes_set_item,
            commands::minutes::minutes_save_remark,
            commands::minutes::minutes_save_decision,
            commands::minutes::minutes_remove_entry,
            commands::minutes::minutes_approve,
            commands::minutes::minutes_reopen,
            commands::minutes::minutes_save_revision,
            commands::minutes::minutes_revisions,
            commands::minutes::minutes_compare,
            commands::minutes::minutes_restore,
            commands::minutes::followups_list,
            commands::minutes::followups_open_before,
            commands::minutes::followup_create,
            commands::minutes::followup_update,
            commands::minutes::archive_search,
            commands::minutes::stats_get,
            commands::invitations::invitees_list,
            commands::invitations::invite,
            commands::invitations::invite_tag,
            commands::invitations::invite_from_session,
            commands::invitations::invitation_update,
            commands::invitations::invitation_remove,
            commands::invitations::invitees_reorder,
            commands::invitations::invitees_reset_order,
            commands::invitations::attendance_set,
            commands::invitations::check_in,
            commands::invitations::check_in_undo,
            commands::invitations::walk_in,
            commands::templates::session_copy,
            commands::templates::session_suggested_date,
            commands::templates::templates_list,
            commands::templates::template_save,
            commands::templates::template_start,
            commands::templates::template_delete,
            commands::templates::themes_list,
            commands::templates::session_themes,
            commands::templates::session_set_themes,
            commands::templates::session_readiness,
            commands::templates::session_advance,
            commands::templates::session_step_back,
            commands::sessions::sessions_list,
            commands::sessions::session_get,
            commands::sessions::session_create,
            commands::sessions::session_update,
            commands::sessions::session_delete,
            commands::sessions::session_next_number,
            commands::settings::settings_get,
            commands::settings::settings_update,
            commands::settings::demo_remove,
        ])
        .build(tauri::generate_context!())
        .expect("error while starting Club Planner")
        .run(|_, event| {
            // The database is free for the next start at once, not after the teardown.
            if let tauri::RunEvent::Exit = event {
                instance::release();
            }
        });
}
