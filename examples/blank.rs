//! A blank Tauri window built from this workspace with the app's own configuration and
//! profile, loading an empty page (ui/public/blank.html) the way the app loads its UI:
//! the floor WebKitGTK sets for start-up time and memory. `club-dev bench run` starts it
//! beside the app; it notes "blank" in CLUB_PLANNER_READY_FILE when the page has loaded.
//!   cargo build --release --features custom-protocol --example blank

use tauri::webview::PageLoadEvent;

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(
                app,
                "blank",
                tauri::WebviewUrl::App("blank.html".into()),
            )
            .title("blank")
            .inner_size(1200.0, 800.0)
            .on_page_load(|_, payload| {
                if payload.event() == PageLoadEvent::Finished {
                    club_core::status::mark_ready("blank");
                }
            })
            .build()?;
            Ok(())
        })
        .run(context)
        .expect("the blank window failed");
}
