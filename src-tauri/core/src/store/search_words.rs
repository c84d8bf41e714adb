//! The words of the archive search: a query's words, folded as the index folds them, and
//! the tokens of the short-word index (`search_short`), where each Han, kana or Hangul
//! character is a word and other words of one or two letters are kept whole.

/// One word of a query, folded, without the punctuation around it («ЕС,» is ЕС): three
/// characters or more are looked up in the trigram index, shorter ones in search_short.
#[derive(Debug)]
pub(super) struct Word {
    pub(super) folded: String,
    /// The word's search_short tokens ("合 作", "ес"); None for a long word.
    pub(super) short: Option<String>,
    /// `folded`, character by character as `fold_char` folds them.
    pub(super) chars: Vec<char>,
    /// Found only as a word of its own (a short word not of ideographs).
    pub(super) whole: bool,
}

impl Word {
    pub(super) fn new(raw: &str) -> Option<Word> {
        let chars: Vec<char> = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .map(fold_char)
            .collect();
        let folded: String = chars.iter().collect();
        if chars.is_empty() {
            return None;
        }
        if chars.len() >= 3 {
            return Some(Word {
                folded,
                short: None,
                chars,
                whole: false,
            });
        }
        let terms = short_terms(&folded);
        (!terms.is_empty()).then(|| Word {
            folded,
            whole: !terms.chars().any(is_ideograph),
            short: Some(terms),
            chars,
        })
    }

    /// Where the word first occurs in `text` (as folded, character by character): a short
    /// word other than Chinese only as a word of its own (ЕС in «ЕС и КНР», not in «месяц»).
    pub(super) fn first_in(&self, text: &[char]) -> Option<usize> {
        (0..text.len()).find(|&i| self.is_at(text, i))
    }

    /// Whether the word occurs in `text` at `i`.
    pub(super) fn is_at(&self, text: &[char], i: usize) -> bool {
        let n = &self.chars;
        let apart =
            |i: usize| i >= text.len() || !text[i].is_alphanumeric() || is_ideograph(text[i]);
        !n.is_empty()
            && i + n.len() <= text.len()
            && n.iter().zip(&text[i..]).all(|(a, b)| *a == fold_char(*b))
            && (!self.whole || ((i == 0 || apart(i - 1)) && apart(i + n.len())))
    }
}

/// A character as `fold` folds it, one for one (so that positions stay those of the text).
fn fold_char(c: char) -> char {
    match c {
        // The scripts of the Club's texts without the general case tables: a snippet reads
        // a whole body up to its first hit, character by character.
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'а'..='я' | '\u{3000}'..='\u{9fff}' => c,
        'Ё' | 'ё' => 'е',
        // As FTS5 folds it: a word's last sigma is a sigma.
        'Σ' | 'ς' => 'σ',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether `c` is written as a word of its own in the short-word index: Han characters,
/// kana and Hangul, where words are not set apart by spaces.
pub(super) fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'     // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}'   // Hangul syllables
        | '\u{f900}'..='\u{faff}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{3134f}' // CJK extensions B–G
    )
}

/// The tokens `text` gives search_short: every ideograph on its own, every other word of one
/// or two letters or digits, and `_` between two ideographs that something else parts.
pub(super) fn short_terms(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut parted = false;
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if (1..=2).contains(&word.chars().count()) {
            out.push(word.clone());
        }
        word.clear();
    };
    for ch in text.chars().map(fold_char) {
        if is_ideograph(ch) {
            flush(&mut word, &mut out);
            if parted {
                out.push("_".into());
            }
            out.push(ch.to_string());
            parted = false;
        } else {
            parted = true;
            if ch.is_alphanumeric() {
                word.push(ch);
            } else {
                flush(&mut word, &mut out);
            }
        }
    }
    flush(&mut word, &mut out);
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn short_words_and_each_ideograph_are_tokens() {
        assert_eq!(short_terms("经贸合作"), "经 贸 合 作");
        // Something between two ideographs parts them: 合作 is not in «合。作».
        assert_eq!(short_terms("合。作"), "合 _ 作");
        assert_eq!(short_terms("ЕС и КНР: 王 Ли"), "ес и _ 王 ли");
        assert_eq!(short_terms("Ёж в G20"), "еж в");
        // A query word loses the punctuation around it.
        assert_eq!(Word::new("«ЕС,»").unwrap().short.as_deref(), Some("ес"));
        assert_eq!(Word::new("合作。").unwrap().short.as_deref(), Some("合 作"));
        assert!(Word::new("—").is_none());
    }

    #[test]
    fn folding_a_character_agrees_with_folding_the_text() {
        let text = "ЁЖ ӘҒҚҢӨҰҮҺІ Straße ÀÉ 王 Ǆ АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
        let one_by_one: String = text.chars().map(fold_char).collect();
        assert_eq!(one_by_one, fold(text));
        // Where lowercasing gives two characters (İ) or depends on the place in the word
        // (Σ), one for one as FTS5 folds them.
        let one_by_one: String = "İSTANBUL ΟΔΟΣ".chars().map(fold_char).collect();
        assert_eq!(one_by_one, "istanbul οδοσ");
    }
}
