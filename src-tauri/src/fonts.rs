//! The shipped fonts for the window itself: a fresh system may have no Chinese font (a
//! fresh Debian has none) and the interface would show empty boxes. The webview loads
//! them from `clubfonts://localhost/<file>` (`http://clubfonts.localhost/` on Windows) —
//! read from the fonts directory on demand, never compiled into the binary.

use std::path::PathBuf;

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

pub const SCHEME: &str = "clubfonts";

/// Answers one font request off the main thread: only the shipped files, by name.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let name = request.uri().path().trim_start_matches('/').to_string();
    let dir: Option<PathBuf> = ctx
        .app_handle()
        .try_state::<AppState>()
        .map(|s| s.fonts_dir().to_path_buf());
    std::thread::spawn(move || {
        let dir = dir.unwrap_or_else(club_core::documents::fonts::Fonts::default_dir);
        responder.respond(response(&dir, &name))
    });
}

fn response(dir: &std::path::Path, name: &str) -> Response<Vec<u8>> {
    let known = club_core::documents::fonts::FILES.contains(&name);
    let bytes = if known {
        std::fs::read(dir.join(name)).ok()
    } else {
        None
    };
    let builder = Response::builder()
        // The page's origin differs from this scheme's: fonts need CORS to be used.
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    match bytes {
        Some(bytes) => builder
            .header(
                header::CONTENT_TYPE,
                if name.ends_with(".otf") {
                    "font/otf"
                } else {
                    "font/ttf"
                },
            )
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(bytes),
        None => builder.status(StatusCode::NOT_FOUND).body(Vec::new()),
    }
    .expect("a response of fixed headers always builds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_shipped_fonts_are_served() {
        let dir = club_core::documents::fonts::Fonts::default_dir();
        let ok = response(&dir, "NotoSansCJKsc-Regular.otf");
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()[header::CONTENT_TYPE], "font/otf");
        assert!(ok.body().len() > 1_000_000);
        for bad in [
            "../Cargo.toml",
            "OFL.txt",
            "",
            "NotoSans-Regular.ttf/../../README.md",
        ] {
            assert_eq!(response(&dir, bad).status(), StatusCode::NOT_FOUND, "{bad}");
        }
    }
}
