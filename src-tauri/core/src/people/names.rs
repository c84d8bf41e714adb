//! A person's name in one language's script: how it is written in running text (Han
//! names run together, the family name first where the culture puts it), how it sorts,
//! and what a name part may hold. Owns no table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, InvalidReason, Result};
use crate::text::{fold, Lang, TextRule};

/// A person's name written in one language's script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonName {
    pub lang: Lang,
    pub family: String,
    pub given: String,
    #[serde(default)]
    pub patronymic: String,
    /// Chinese (and other East Asian) names put the family name first.
    #[serde(default)]
    pub family_first: bool,
}

fn is_han(s: &str) -> bool {
    s.chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·')
}

impl PersonName {
    /// The name as written in running text: 王立新, Wang Lixin, Шахрат Нурышев.
    pub fn display(&self) -> String {
        let parts: Vec<&str> = if self.family_first {
            vec![&self.family, &self.given, &self.patronymic]
        } else {
            vec![&self.given, &self.patronymic, &self.family]
        };
        let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        if parts.iter().all(|p| is_han(p)) {
            // Han names run together; transcribed foreign names take the interpunct.
            parts.join(if self.family_first { "" } else { "·" })
        } else {
            parts.join(" ")
        }
    }

    /// Family name first, for sorted lists: "Нурышев Шахрат", "王立新".
    pub fn sort_key(&self) -> String {
        fold(&format!(
            "{} {} {}",
            self.family, self.given, self.patronymic
        ))
    }
}

pub(crate) const NAME: TextRule = TextRule {
    required: false,
    max_chars: 100,
    multiline: false,
};

/// Person names carry no markup: "<", "{", "#" and "\" never belong in a name.
pub fn check_name_part(value: &str, field: &str) -> Result<String> {
    let v = NAME.check(value, field)?;
    if v.chars()
        .any(|c| matches!(c, '<' | '>' | '{' | '}' | '#' | '\\'))
    {
        return Err(Error::invalid(field, InvalidReason::Markup));
    }
    Ok(v)
}

/// The names as typed, checked: blank ones dropped, one per language, at least one.
pub(crate) fn validated(input: &[PersonName]) -> Result<Vec<PersonName>> {
    let mut names: Vec<PersonName> = Vec::new();
    for (i, n) in input.iter().enumerate() {
        let f = format!("names.{i}");
        let name = PersonName {
            lang: n.lang,
            family: check_name_part(&n.family, &format!("{f}.family"))?,
            given: check_name_part(&n.given, &format!("{f}.given"))?,
            patronymic: check_name_part(&n.patronymic, &format!("{f}.patronymic"))?,
            family_first: n.family_first,
        };
        if name.family.is_empty() && name.given.is_empty() {
            continue;
        }
        if names.iter().any(|x| x.lang == name.lang) {
            return Err(Error::invalid(
                format!("{f}.lang"),
                InvalidReason::Duplicate,
            ));
        }
        names.push(name);
    }
    if names.is_empty() {
        return Err(Error::invalid("names", InvalidReason::Required));
    }
    Ok(names)
}
