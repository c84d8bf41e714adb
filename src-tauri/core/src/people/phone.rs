//! Phone numbers as people write them in address books: the number, an extension in the
//! ways ru, kk, zh and en write it ("доб. 12", "вн. 12", "қос. 12", "转 12", "分机 12",
//! "ext. 12", "x12", "#12"), and a note beside it ("(WhatsApp)", "(моб.)", "（微信）").
//! A number keeps its digits as typed; an extension is written "ext. N" so every
//! reader (and the duplicate check) sees one form. Owns no table.

/// One number read from what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// The number as typed, without extension or note: "+7 (727) 123-45-67".
    pub number: String,
    /// Digits only: "12".
    pub extension: String,
    /// What was written beside the number: "WhatsApp", "моб.", "微信".
    pub note: String,
}

impl Phone {
    /// The number with its extension: "+7 (727) 123-45-67 ext. 12".
    pub fn normalized(&self) -> String {
        if self.extension.is_empty() {
            self.number.clone()
        } else {
            format!("{} ext. {}", self.number, self.extension)
        }
    }
}

/// Extension markers, longer before their prefixes. A Latin or Cyrillic marker starts a
/// word (the "x" of "Fax 12" is not one); Han markers are not written between spaces.
const EXTENSION_MARKERS: [&str; 22] = [
    "分机号",
    "分機號",
    "分机",
    "分機",
    "转",
    "轉",
    "extension",
    "ext",
    "внутренний",
    "внутр",
    "вн",
    "добавочный",
    "доб",
    "доп",
    "қосымша",
    "қос",
    "ішкі",
    "x",
    "х", // Cyrillic "х", typed on a Russian layout
    "×",
    "#",
    "№",
];

/// What a number itself may hold besides digits.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || " +-–‑().\u{a0}/".contains(c)
}

/// The rule numbers were held to before extensions and notes were read: digits and
/// " +-().,;/" (with "ext"/"x" extensions). What passes it is kept exactly as typed.
fn plain(raw: &str) -> bool {
    raw.chars().filter(char::is_ascii_digit).count() >= 5
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().,;/ext".contains(c))
}

/// Several numbers in one field: "a; b", a Google export's "a ::: b", or "a, b" when what
/// follows the comma is a number of its own (not "a, моб.").
fn split_numbers(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in raw.split([';', '；']).flat_map(|p| p.split(":::")) {
        let mut rest = part;
        while let Some(at) = rest.char_indices().find_map(|(i, c)| {
            let next = rest[i + c.len_utf8()..].trim_start();
            let own_number = next.starts_with(|d: char| d == '+' || d.is_ascii_digit())
                && next
                    .chars()
                    .take_while(|&d| is_number_char(d))
                    .filter(char::is_ascii_digit)
                    .count()
                    >= 5;
            (matches!(c, ',' | '，') && own_number).then_some(i)
        }) {
            out.push(&rest[..at]);
            rest = &rest[at + 1..];
            rest = rest.trim_start_matches('，');
        }
        out.push(rest);
    }
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Takes out every bracketed group that holds words ("(WhatsApp)", "（微信）"); a group of
/// digits such as "(727)" is part of the number and stays.
fn take_bracket_notes(raw: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(open) = rest.find(['(', '（', '[']) {
        let close_char = match rest[open..].chars().next() {
            Some('(') => [')', '）'],
            Some('（') => ['）', ')'],
            _ => [']', ']'],
        };
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(len) = rest[inner_start..].find(close_char) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + len];
        let close_len = rest[inner_start + len..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let after = inner_start + len + close_len;
        if inner.chars().any(char::is_alphabetic) {
            out.push_str(&rest[..open]);
            out.push(' ');
            let inner = inner.trim();
            if !inner.is_empty() {
                notes.push(inner.to_string());
            }
        } else {
            out.push_str(&rest[..after]);
        }
        rest = &rest[after..];
    }
    out.push_str(rest);
    out
}

/// Where an extension marker starts and where its digits start and end.
fn find_extension(s: &str) -> Option<(usize, usize, usize)> {
    let lower = s.to_lowercase();
    // Lower-casing keeps byte offsets only when it keeps lengths.
    if lower.len() != s.len() {
        return None;
    }
    let separator = |c: char| " .:：\u{a0}-".contains(c);
    for (at, _) in lower.char_indices() {
        if !lower[..at].chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let before = lower[..at].chars().next_back();
        for marker in EXTENSION_MARKERS {
            if !lower[at..].starts_with(marker) {
                continue;
            }
            let han = marker
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if !han && before.is_some_and(char::is_alphabetic) {
                continue;
            }
            let after_marker = at + marker.len();
            let start = lower[after_marker..]
                .char_indices()
                .find(|(_, c)| !separator(*c))
                .map_or(lower.len(), |(i, _)| after_marker + i);
            let end = lower[start..]
                .char_indices()
                .find(|(_, c)| !c.is_ascii_digit())
                .map_or(lower.len(), |(i, _)| start + i);
            if end > start {
                return Some((at, start, end));
            }
        }
    }
    None
}

/// Trims what separates a note from the number: spaces, dashes, commas, colons.
fn note_text(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ",;:：—–-/".contains(c))
}

/// One number with its extension and note, or None when there is no number in it
/// (fewer than five digits before anything else: "восемь семьсот один…").
pub fn parse(raw: &str) -> Option<Phone> {
    let mut notes = Vec::new();
    let s = take_bracket_notes(raw.trim(), &mut notes);
    // "WhatsApp: +7 …" — a label before the number, set off with a colon.
    let s = match s.split_once([':', '：']) {
        Some((label, rest))
            if !label.chars().any(|c| c.is_ascii_digit())
                && label.chars().any(char::is_alphabetic) =>
        {
            notes.insert(0, note_text(label).to_string());
            rest.to_string()
        }
        _ => s,
    };
    let s = s.trim();
    let (head, extension, tail) = match find_extension(s) {
        Some((marker, start, end)) => (&s[..marker], &s[start..end], &s[end..]),
        None => (s, "", ""),
    };
    let number_end = head
        .char_indices()
        .find(|(_, c)| !is_number_char(*c))
        .map_or(head.len(), |(i, _)| i);
    let number = head[..number_end]
        .trim_end_matches(|c: char| c.is_whitespace() || "-–‑(/.".contains(c))
        .trim();
    if number.chars().filter(char::is_ascii_digit).count() < 5
        || number.chars().filter(|c| *c == '(').count()
            != number.chars().filter(|c| *c == ')').count()
    {
        return None;
    }
    for rest in [&head[number_end..], tail] {
        let rest = note_text(rest);
        if !rest.is_empty() {
            notes.push(rest.to_string());
        }
    }
    Some(Phone {
        number: number.to_string(),
        extension: extension.to_string(),
        note: notes.join("; "),
    })
}

/// Each number in a field: read, or the part as typed when it holds no number.
pub fn parse_all(raw: &str) -> Vec<Result<Phone, String>> {
    // A vCard 4.0 "tel:" URI writes its extension as a parameter (RFC 3966).
    let raw = &raw.replace(";ext=", " ext. ");
    if plain(raw) && find_extension(raw).is_none() {
        return vec![Ok(Phone {
            number: raw.trim().to_string(),
            extension: String::new(),
            note: String::new(),
        })];
    }
    split_numbers(raw)
        .into_iter()
        .map(|part| parse(part).ok_or_else(|| part.to_string()))
        .collect()
}

/// The field as stored: numbers without an extension that passed the old rule stay
/// exactly as typed; otherwise every number with its extension in one form ("ext. 12"),
/// "; " between them. None when any part is not
/// a number or carries a note (a form has a notes field of its own for that).
pub fn normalize(raw: &str) -> Option<String> {
    let mut out = Vec::new();
    for phone in parse_all(raw) {
        match phone {
            Ok(p) if p.note.is_empty() => out.push(p.normalized()),
            _ => return None,
        }
    }
    Some(out.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> (String, String, String) {
        let p = parse(raw).unwrap_or_else(|| panic!("{raw:?} is a number"));
        (p.number, p.extension, p.note)
    }

    fn t(number: &str, extension: &str, note: &str) -> (String, String, String) {
        (number.into(), extension.into(), note.into())
    }

    #[test]
    fn russian_extensions() {
        assert_eq!(
            read("+7 (727) 123-45-67 доб. 12"),
            t("+7 (727) 123-45-67", "12", "")
        );
        assert_eq!(read("+7 727 1234567 доб 12"), t("+7 727 1234567", "12", ""));
        assert_eq!(read("+7 727 1234567 доб.12"), t("+7 727 1234567", "12", ""));
        assert_eq!(
            read("8 (495) 123-45-67 вн. 12"),
            t("8 (495) 123-45-67", "12", "")
        );
        assert_eq!(
            read("8 495 1234567 внутр. 12"),
            t("8 495 1234567", "12", "")
        );
        assert_eq!(
            read("8 495 1234567, доп. 305"),
            t("8 495 1234567", "305", "")
        );
        assert_eq!(
            read("8 495 1234567 добавочный 305"),
            t("8 495 1234567", "305", "")
        );
    }

    #[test]
    fn kazakh_extensions() {
        assert_eq!(
            read("+7 7172 74-12-34 қос. 12"),
            t("+7 7172 74-12-34", "12", "")
        );
        assert_eq!(
            read("+7 7172 74-12-34 қосымша 12"),
            t("+7 7172 74-12-34", "12", "")
        );
        assert_eq!(read("+7 7172 741234 ішкі 7"), t("+7 7172 741234", "7", ""));
    }

    #[test]
    fn chinese_extensions() {
        assert_eq!(
            read("+86 10 6532 6182 转 8005"),
            t("+86 10 6532 6182", "8005", "")
        );
        assert_eq!(read("010-65326182转8005"), t("010-65326182", "8005", ""));
        assert_eq!(read("010-65326182 分机 12"), t("010-65326182", "12", ""));
        assert_eq!(read("010-65326182 分机号12"), t("010-65326182", "12", ""));
        assert_eq!(read("010-65326182 分機 12"), t("010-65326182", "12", ""));
    }

    #[test]
    fn english_extensions() {
        assert_eq!(
            read("+1 202 555 0100 ext 12"),
            t("+1 202 555 0100", "12", "")
        );
        assert_eq!(
            read("+1 202 555 0100 ext. 12"),
            t("+1 202 555 0100", "12", "")
        );
        assert_eq!(read("+1 202 555 0100 x12"), t("+1 202 555 0100", "12", ""));
        assert_eq!(read("+1 202 555 0100 #12"), t("+1 202 555 0100", "12", ""));
        assert_eq!(
            read("+1 202 555 0100 extension 12"),
            t("+1 202 555 0100", "12", "")
        );
    }

    #[test]
    fn notes_beside_the_number_are_kept() {
        assert_eq!(
            read("+7 701 123 4567 (WhatsApp)"),
            t("+7 701 123 4567", "", "WhatsApp")
        );
        assert_eq!(
            read("+7 701 123 4567 (Telegram)"),
            t("+7 701 123 4567", "", "Telegram")
        );
        assert_eq!(
            read("8 701 123 45 67 (моб.)"),
            t("8 701 123 45 67", "", "моб.")
        );
        assert_eq!(
            read("138 0000 1234（微信）"),
            t("138 0000 1234", "", "微信")
        );
        assert_eq!(read("138 0000 1234 (微信)"), t("138 0000 1234", "", "微信"));
        assert_eq!(
            read("+7 701 123 4567 WhatsApp"),
            t("+7 701 123 4567", "", "WhatsApp")
        );
        assert_eq!(
            read("+7 701 123 4567, только вечером"),
            t("+7 701 123 4567", "", "только вечером")
        );
        assert_eq!(
            read("WhatsApp: +7 701 123 4567"),
            t("+7 701 123 4567", "", "WhatsApp")
        );
        assert_eq!(
            read("+7 (727) 123-45-67 доб. 12 (приёмная)"),
            t("+7 (727) 123-45-67", "12", "приёмная")
        );
        assert_eq!(
            read("+7 701 123 4567 (Telegram) x 5"),
            t("+7 701 123 4567", "5", "Telegram")
        );
    }

    #[test]
    fn words_are_not_a_number() {
        for raw in [
            "восемь семьсот один сто двадцать три",
            "позвонить вечером",
            "8 семьсот один",
            "abc",
            "+7 (701) abc",
            "☎",
            "",
        ] {
            assert_eq!(parse(raw), None, "{raw:?}");
            assert_eq!(normalize(raw).filter(|_| !raw.is_empty()), None, "{raw:?}");
        }
    }

    #[test]
    fn plain_numbers_stay_as_typed_and_extensions_take_one_form() {
        assert_eq!(
            normalize("+86 10 1111 2222; +86 135 0000 0000").as_deref(),
            Some("+86 10 1111 2222; +86 135 0000 0000")
        );
        assert_eq!(
            normalize("+1 202 555 0100 ext. 203").as_deref(),
            Some("+1 202 555 0100 ext. 203")
        );
        assert_eq!(
            normalize("+1 202 555 0100 x203").as_deref(),
            Some("+1 202 555 0100 ext. 203")
        );
        assert_eq!(
            normalize("+7 (727) 123-45-67 доб. 12").as_deref(),
            Some("+7 (727) 123-45-67 ext. 12")
        );
        assert_eq!(
            normalize("+86 10 6532 6182 转 8005; +86 138 0000 1234").as_deref(),
            Some("+86 10 6532 6182 ext. 8005; +86 138 0000 1234")
        );
        assert_eq!(normalize("+7 701 123 4567 (WhatsApp)"), None, "a note");
    }

    #[test]
    fn several_numbers_in_one_field() {
        let parts: Vec<_> = parse_all("+7 701 111 2233 (WhatsApp) ::: восемь семьсот")
            .into_iter()
            .map(|p| p.map(|p| p.normalized()))
            .collect();
        assert_eq!(
            parts,
            [
                Ok("+7 701 111 2233".to_string()),
                Err("восемь семьсот".to_string())
            ]
        );
        assert_eq!(
            normalize("+1-202-555-0100;ext=5555").as_deref(),
            Some("+1-202-555-0100 ext. 5555")
        );
        let parts = parse_all("+7 701 111 2233 (моб.), +7 727 222 3344 доб. 5");
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[1].as_ref().unwrap().normalized(),
            "+7 727 222 3344 ext. 5"
        );
    }
}
