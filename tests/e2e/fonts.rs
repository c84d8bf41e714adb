//! The window shows Chinese and every Kazakh letter with the fonts shipped with the app,
//! whatever the system has: a fresh Debian has no Chinese font at all.

use std::process::Command;

use crate::harness::{App, Home};
use crate::tour::shot;

/// Draws a character with a font on a canvas and compares it with a character no font
/// has (U+E000, private use): equal pixels mean an empty box was drawn, not a glyph.
const CHECK: &str = r#"
const done = arguments[arguments.length - 1];
const family = arguments[0], sample = arguments[1];
document.fonts.load(`16px "${family}"`, sample).then(() => {
  const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, "") === family);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const g = canvas.getContext("2d");
  const draw = (ch) => {
    g.clearRect(0, 0, 64, 64);
    g.font = `48px "${family}"`;
    g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(",");
  };
  const glyphs = [...sample].filter((ch) => ch.trim()).map((ch) => draw(ch) !== draw("\uE000"));
  done({
    loaded: faces.filter((f) => f.status === "loaded").length,
    glyphs,
    body: getComputedStyle(document.body).fontFamily,
  });
}, (e) => done({ error: String(e) }));
"#;

async fn glyphs_of(app: &App, family: &str, sample: &str) -> serde_json::Value {
    app.client
        .execute_async(CHECK, vec![family.into(), sample.into()])
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn chinese_and_kazakh_letters_render_with_the_shipped_fonts() {
    // Say whether the system could have drawn them itself (the check holds either way).
    let system_cjk = Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .unwrap_or(0);
    eprintln!("fonts: {system_cjk} Chinese font(s) installed on this system");

    let home = Home::new();
    let app = App::launch(&home).await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=language-zh]").await;
    app.click("[data-testid=nav-sessions]").await;
    app.wait_for_text("[data-testid=session-card]", "哈萨克斯坦")
        .await;

    let cjk = glyphs_of(&app, "Club Sans CJK", "会议中文").await;
    assert!(cjk["loaded"].as_u64().unwrap_or(0) >= 1, "{cjk}");
    assert_eq!(
        cjk["glyphs"],
        serde_json::json!([true, true, true, true]),
        "{cjk}"
    );
    assert!(
        cjk["body"]
            .as_str()
            .unwrap()
            .starts_with("\"Club Sans\", \"Club Sans CJK\""),
        "{cjk}"
    );
    let kazakh = glyphs_of(&app, "Club Sans", "әғқңөұүһі").await;
    assert_eq!(
        kazakh["glyphs"],
        serde_json::json!([true, true, true, true, true, true, true, true, true]),
        "{kazakh}"
    );
    shot(&app, "fonts-zh").await;
    app.quit().await;
}
