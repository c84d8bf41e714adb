//! The minutes text reader (docs/minutes-text.md), which every document shares.
//! Properties: no panic on any text; no text is lost — every character that is not a
//! mark or list/line syntax comes out in some span, in order.
#![no_main]

use club_core::minutes::text::{self, Block};
use libfuzzer_sys::fuzz_target;

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii_digit())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let blocks = text::parse(text);
    let mut out = String::new();
    for block in &blocks {
        let lines = match block {
            Block::Paragraph { lines } => lines,
            Block::Bullets { items } | Block::Numbered { items } => items,
        };
        for spans in lines {
            for span in spans {
                assert!(!span.text.is_empty(), "an empty span");
                out.push_str(&span.text);
            }
        }
    }
    // Letters are never syntax (digits may number a list item), so they all survive.
    assert_eq!(letters(&out), letters(text), "letters lost or reordered");
    for line in text.lines() {
        let spans = text::spans(line);
        let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(letters(&joined), letters(line));
    }
});
