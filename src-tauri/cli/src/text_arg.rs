//! Parsing of multilingual flags: `--title ru=Итоги --title zh=总结`.

use club_core::{Lang, Text};

/// One `LANG=TEXT` value; a value without a known language prefix is in `fallback`.
pub fn parse(raw: &str, fallback: Lang) -> (Lang, String) {
    if let Some((code, text)) = raw.split_once('=') {
        if let Some(lang) = Lang::from_code(code) {
            return (lang, text.to_string());
        }
    }
    (fallback, raw.to_string())
}

/// Applies repeated `LANG=TEXT` values over `base`; `LANG=` (empty) removes that language.
pub fn apply(base: &mut Text, values: &[String], fallback: Lang) {
    for raw in values {
        let (lang, text) = parse(raw, fallback);
        base.0.insert(lang, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_prefix_or_fallback() {
        assert_eq!(
            parse("zh=第八次会议", Lang::Ru),
            (Lang::Zh, "第八次会议".into())
        );
        assert_eq!(parse("KK=Отырыс", Lang::Ru), (Lang::Kk, "Отырыс".into()));
        assert_eq!(
            parse("Культурный центр", Lang::Ru),
            (Lang::Ru, "Культурный центр".into())
        );
        assert_eq!(parse("x=y", Lang::En), (Lang::En, "x=y".into()));
    }
}
