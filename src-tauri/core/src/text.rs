//! Multilingual text: one value, written in any of the Club's working languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};

code_enum! {
    /// The Club's working languages.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "lowercase")]
    #[ts(export)]
    pub enum Lang {
        Ru = "ru",
        Kk = "kk",
        Zh = "zh",
        En = "en",
    }
    invalid = BadLanguage, ignore_ascii_case;
}

/// Text in several languages. Empty translations are not stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export)]
pub struct Text(pub BTreeMap<Lang, String>);

impl Text {
    pub fn new() -> Self {
        Self::default()
    }

    /// A text in the Club's four languages at once (the app's own fixed wording).
    pub fn in_four(ru: &str, kk: &str, zh: &str, en: &str) -> Text {
        Text::new()
            .with(Lang::Ru, ru)
            .with(Lang::Kk, kk)
            .with(Lang::Zh, zh)
            .with(Lang::En, en)
    }

    pub fn with(mut self, lang: Lang, value: &str) -> Self {
        self.set(lang, value);
        self
    }

    pub fn set(&mut self, lang: Lang, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            self.0.remove(&lang);
        } else {
            self.0.insert(lang, value.to_string());
        }
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }

    /// The text in `lang`, or else in the first language that has it (ru, kk, zh, en order).
    pub fn best(&self, lang: Lang) -> &str {
        self.get(lang)
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or("")
    }

    /// Trims every translation, drops empty ones and checks each against `rule`.
    /// An emptied translation is removed, never refused: `required` asks for the text in
    /// at least one language, not in every language it once had.
    pub fn validated(&self, field: &str, rule: TextRule) -> Result<Text> {
        let each = TextRule {
            required: false,
            ..rule
        };
        let mut out = Text::new();
        for (lang, value) in &self.0 {
            let f = format!("{field}.{}", lang.code());
            out.set(*lang, &each.check(value, &f)?);
        }
        if rule.required && out.is_empty() {
            return Err(Error::invalid(field, InvalidReason::Required));
        }
        Ok(out)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a map of strings always serializes")
    }

    pub fn from_json(raw: &str) -> Result<Text> {
        Ok(serde_json::from_str(raw)?)
    }
}

/// Folds text for matching: case-insensitive in every script, ё = е (the search index
/// is folded the same way).
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

/// How a piece of user text is checked: a length limit, and whether line breaks are allowed.
#[derive(Debug, Clone, Copy)]
pub struct TextRule {
    pub required: bool,
    pub max_chars: usize,
    pub multiline: bool,
}

impl TextRule {
    pub const LINE: TextRule = TextRule {
        required: false,
        max_chars: 500,
        multiline: false,
    };
    pub const REQUIRED_LINE: TextRule = TextRule {
        required: true,
        ..TextRule::LINE
    };
    pub const PARAGRAPHS: TextRule = TextRule {
        required: false,
        max_chars: 100_000,
        multiline: true,
    };

    /// Trimmed text that respects the rule, or an error naming `field`.
    pub fn check(&self, value: &str, field: &str) -> Result<String> {
        let value = value.trim();
        if self.required && value.is_empty() {
            return Err(Error::invalid(field, InvalidReason::Required));
        }
        if value.chars().count() > self.max_chars {
            return Err(Error::invalid(field, InvalidReason::TooLong));
        }
        let bad = |c: char| c.is_control() && !(self.multiline && (c == '\n' || c == '\t'));
        if value.replace("\r\n", "\n").chars().any(bad) {
            return Err(Error::invalid(field, InvalidReason::ControlCharacters));
        }
        Ok(value.replace("\r\n", "\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_translations_are_dropped_and_required_is_enforced() {
        let t = Text::new()
            .with(Lang::Ru, "  ")
            .with(Lang::Zh, " 第八次会议 ");
        let ok = t.validated("title", TextRule::REQUIRED_LINE).unwrap();
        assert_eq!(ok.get(Lang::Zh), Some("第八次会议"));
        assert_eq!(ok.get(Lang::Ru), None);
        let err = Text::new()
            .with(Lang::Ru, " ")
            .validated("title", TextRule::REQUIRED_LINE)
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { ref field, reason: InvalidReason::Required } if field == "title")
        );
    }

    #[test]
    fn clearing_one_language_removes_it_while_another_remains() {
        let t = Text::new()
            .with(Lang::Ru, "Зелёная энергетика")
            .with(Lang::Zh, "绿色能源");
        let mut edited = t.clone();
        edited.0.insert(Lang::Zh, String::new());
        let ok = edited.validated("title", TextRule::REQUIRED_LINE).unwrap();
        assert_eq!(ok.get(Lang::Zh), None);
        assert_eq!(ok.get(Lang::Ru), Some("Зелёная энергетика"));
        edited.0.insert(Lang::Ru, "  ".into());
        let err = edited
            .validated("title", TextRule::REQUIRED_LINE)
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { ref field, reason: InvalidReason::Required } if field == "title")
        );
    }

    #[test]
    fn control_characters_and_overlong_text_name_the_language() {
        let bell = Text::new().with(Lang::Kk, "Отырыс\u{7}");
        let err = bell.validated("title", TextRule::LINE).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { ref field, reason: InvalidReason::ControlCharacters } if field == "title.kk")
        );
        let long = Text::new().with(Lang::En, &"x".repeat(501));
        let err = long.validated("venue", TextRule::LINE).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { ref field, reason: InvalidReason::TooLong } if field == "venue.en")
        );
    }

    #[test]
    fn best_falls_back_to_another_language() {
        let t = Text::new().with(Lang::Zh, "会议");
        assert_eq!(t.best(Lang::Ru), "会议");
        assert_eq!(Text::new().best(Lang::Ru), "");
    }
}
