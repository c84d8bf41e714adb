//! The positions a person held, with their dates, and the one the directory shows:
//! "Ambassador …" while it lasts, "former Ambassador …, 2016–2021" once it has ended.
//! Owns no table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, InvalidReason, Result};
use crate::text::{Lang, Text, TextRule};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Position {
    pub title: Text,
    /// YYYY-MM-DD or YYYY.
    #[serde(default)]
    pub started_on: String,
    #[serde(default)]
    pub ended_on: String,
}

fn check_date(raw: &str, field: &str) -> Result<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    let ok = match raw.len() {
        4 => raw.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)),
        10 => chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_ok(),
        _ => false,
    };
    if ok {
        Ok(raw.to_string())
    } else {
        Err(Error::invalid(field, InvalidReason::BadDate))
    }
}

/// The positions as typed, checked: a title, and dates (YYYY-MM-DD or YYYY) in order.
pub(crate) fn validated(input: &[Position]) -> Result<Vec<Position>> {
    let mut out = Vec::new();
    for (i, p) in input.iter().enumerate() {
        let f = format!("positions.{i}");
        let pos = Position {
            title: p
                .title
                .validated(&format!("{f}.title"), TextRule::REQUIRED_LINE)?,
            started_on: check_date(&p.started_on, &format!("{f}.startedOn"))?,
            ended_on: check_date(&p.ended_on, &format!("{f}.endedOn"))?,
        };
        if !pos.started_on.is_empty() && !pos.ended_on.is_empty() && pos.ended_on < pos.started_on {
            return Err(Error::invalid(
                format!("{f}.endedOn"),
                InvalidReason::EndBeforeStart,
            ));
        }
        out.push(pos);
    }
    Ok(out)
}

/// "Ambassador …" for a current position; an ended one says so, with its years.
pub fn describe(position: Option<&Position>) -> Text {
    let Some(p) = position else {
        return Text::new();
    };
    if p.ended_on.is_empty() {
        return p.title.clone();
    }
    let years = match (p.started_on.get(..4), p.ended_on.get(..4)) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (_, Some(b)) => b.to_string(),
        _ => String::new(),
    };
    let mut out = Text::new();
    for (lang, title) in &p.title.0 {
        let text = match lang {
            Lang::Ru => format!("{title} в {years} гг."),
            Lang::Kk => format!("бұрынғы {title}, {years} ж."),
            Lang::Zh => format!("前{title}（{years}年）"),
            Lang::En => format!("former {title}, {years}"),
        };
        out.set(*lang, &text);
    }
    out
}
