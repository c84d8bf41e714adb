//! The portable minutes text (docs/minutes-text.md) read into blocks and styled spans, the
//! one reading every output shares: PDF (as data for Typst), DOCX and the UI's own copy of
//! these rules in ui/src/components/RichText.tsx. Everything that is not one of the few
//! marks is text.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub italic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Lines of one paragraph (kept as written: a line break inside a paragraph stays).
    Paragraph {
        lines: Vec<Vec<Span>>,
    },
    Bullets {
        items: Vec<Vec<Span>>,
    },
    Numbered {
        items: Vec<Vec<Span>>,
    },
}

/// `**bold**` and `*italic*`, left to right, shortest match; an unclosed mark is text.
pub fn spans(line: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut plain = String::new();
    let mut rest = line;
    let push = |out: &mut Vec<Span>, text: &str, bold: bool, italic: bool| {
        if !text.is_empty() {
            out.push(Span {
                text: text.to_string(),
                bold,
                italic,
            });
        }
    };
    while let Some(star) = rest.find('*') {
        let (before, from) = rest.split_at(star);
        plain.push_str(before);
        let bold = from.starts_with("**");
        let mark = if bold { 2 } else { 1 };
        let inner_from = &from[mark..];
        // A mark needs at least one character inside (".+?" in the UI's rule).
        let close = inner_from
            .char_indices()
            .skip(1)
            .find(|&(i, _)| inner_from[i..].starts_with(if bold { "**" } else { "*" }))
            .map(|(i, _)| i);
        match close {
            Some(end) if !inner_from.is_empty() => {
                push(&mut out, &plain, false, false);
                plain.clear();
                push(&mut out, &inner_from[..end], bold, !bold);
                rest = &inner_from[end + mark..];
            }
            _ => {
                plain.push('*');
                rest = &from[1..];
            }
        }
    }
    plain.push_str(rest);
    push(&mut out, &plain, false, false);
    out
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    for bullet in ["- ", "• "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some((false, rest.trim_start()));
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let after = &t[digits..];
        for mark in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(mark) {
                return Some((true, rest.trim_start()));
            }
        }
    }
    None
}

/// The text read into paragraphs and lists.
pub fn parse(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open_paragraph = false;
    for raw in text.split('\n') {
        let line = raw.trim_end();
        if let Some((numbered, item)) = list_item(line) {
            open_paragraph = false;
            let item = spans(item);
            match (out.last_mut(), numbered) {
                (Some(Block::Numbered { items }), true)
                | (Some(Block::Bullets { items }), false) => items.push(item),
                _ if numbered => out.push(Block::Numbered { items: vec![item] }),
                _ => out.push(Block::Bullets { items: vec![item] }),
            }
        } else if line.trim().is_empty() {
            open_paragraph = false;
        } else if open_paragraph {
            if let Some(Block::Paragraph { lines }) = out.last_mut() {
                lines.push(spans(line));
            }
        } else {
            out.push(Block::Paragraph {
                lines: vec![spans(line)],
            });
            open_paragraph = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn marks_are_bold_and_italic_and_everything_else_is_text() {
        assert_eq!(
            spans("a **b** *c* #set [x](y) <b>"),
            vec![
                s("a ", false, false),
                s("b", true, false),
                s(" ", false, false),
                s("c", false, true),
                s(" #set [x](y) <b>", false, false)
            ]
        );
        assert_eq!(spans("2 * 3 = 6"), vec![s("2 * 3 = 6", false, false)]);
        assert_eq!(spans("**"), vec![s("**", false, false)]);
        assert_eq!(spans("***"), vec![s("***", false, false)]);
        assert_eq!(
            spans("қ*ә*"),
            vec![s("қ", false, false), s("ә", false, true)]
        );
    }

    #[test]
    fn paragraphs_and_lists_follow_the_lines() {
        let blocks = parse("Первая строка\nвторая\n\n- один\n- два\n1. раз\n2) два\nпосле");
        assert_eq!(blocks.len(), 4);
        assert!(matches!(&blocks[0], Block::Paragraph { lines } if lines.len() == 2));
        assert!(matches!(&blocks[1], Block::Bullets { items } if items.len() == 2));
        assert!(matches!(&blocks[2], Block::Numbered { items } if items.len() == 2));
        assert!(matches!(&blocks[3], Block::Paragraph { lines } if lines.len() == 1));
        assert!(parse("\n \n").is_empty());
    }
}
