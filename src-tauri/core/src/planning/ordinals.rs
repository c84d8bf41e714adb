//! Session ordinals in the four working languages: "8-е заседание", "8-ші отырыс",
//! "第八次会议", "8th session".

use crate::text::{Lang, Text};

/// "8-е заседание" / "8-ші отырыс" / "第八次会议" / "8th session".
pub fn session_ordinal(n: u32, lang: Lang) -> String {
    match lang {
        // The neuter ordinal abbreviates to "-е" for every number: первое → 1-е, третье → 3-е.
        Lang::Ru => format!("{n}-е заседание"),
        Lang::Kk => format!("{n}-{} отырыс", kazakh_ordinal_suffix(n)),
        Lang::Zh => format!("第{}次会议", chinese_numeral(n)),
        Lang::En => format!("{n}{} session", english_ordinal_suffix(n)),
    }
}

/// The ordinal in all four languages.
pub fn session_ordinals(n: u32) -> Text {
    let mut t = Text::new();
    for lang in Lang::ALL {
        t.set(lang, &session_ordinal(n, lang));
    }
    t
}

/// Kazakh ordinals follow vowel harmony of the numeral's last word:
/// бірінші → 1-ші, алтыншы → 6-шы, оныншы → 10-шы, жиырмасыншы → 20-шы, жүзінші → 100-ші.
fn kazakh_ordinal_suffix(n: u32) -> &'static str {
    // Whether the last spoken word of the numeral has back vowels (→ "шы").
    const UNITS_BACK: [bool; 10] = [
        false, false, false, false, false, false, true, false, false, true,
    ];
    //                        0      10    20    30    40    50     60    70     80     90
    const TENS_BACK: [bool; 10] = [
        false, true, true, true, true, false, true, false, false, true,
    ];
    let back = if !n.is_multiple_of(10) {
        UNITS_BACK[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS_BACK[((n / 10) % 10) as usize]
    } else {
        false // жүз (hundred) and мың (thousand) are front-vowel words
    };
    if back {
        "шы"
    } else {
        "ші"
    }
}

fn english_ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Chinese numerals for ordinals (第…): 八, 十一, 二十, 一百零一, 一千零五; digits past 9999.
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return DIGITS[0].into();
    }
    if n > 9999 {
        return n.to_string();
    }
    let digits: Vec<usize> = n.to_string().bytes().map(|b| (b - b'0') as usize).collect();
    let len = digits.len();
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &d) in digits.iter().enumerate() {
        let unit = len - 1 - i;
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        // 十一, not 一十一, when ten leads the number.
        if !(d == 1 && unit == 1 && out.is_empty()) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(UNITS[unit]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_four_languages() {
        let table: &[(u32, &str, &str, &str, &str)] = &[
            (
                1,
                "1-е заседание",
                "1-ші отырыс",
                "第一次会议",
                "1st session",
            ),
            (
                2,
                "2-е заседание",
                "2-ші отырыс",
                "第二次会议",
                "2nd session",
            ),
            (
                3,
                "3-е заседание",
                "3-ші отырыс",
                "第三次会议",
                "3rd session",
            ),
            (
                4,
                "4-е заседание",
                "4-ші отырыс",
                "第四次会议",
                "4th session",
            ),
            (
                5,
                "5-е заседание",
                "5-ші отырыс",
                "第五次会议",
                "5th session",
            ),
            (
                6,
                "6-е заседание",
                "6-шы отырыс",
                "第六次会议",
                "6th session",
            ),
            (
                7,
                "7-е заседание",
                "7-ші отырыс",
                "第七次会议",
                "7th session",
            ),
            (
                8,
                "8-е заседание",
                "8-ші отырыс",
                "第八次会议",
                "8th session",
            ),
            (
                9,
                "9-е заседание",
                "9-шы отырыс",
                "第九次会议",
                "9th session",
            ),
            (
                10,
                "10-е заседание",
                "10-шы отырыс",
                "第十次会议",
                "10th session",
            ),
            (
                11,
                "11-е заседание",
                "11-ші отырыс",
                "第十一次会议",
                "11th session",
            ),
            (
                12,
                "12-е заседание",
                "12-ші отырыс",
                "第十二次会议",
                "12th session",
            ),
            (
                13,
                "13-е заседание",
                "13-ші отырыс",
                "第十三次会议",
                "13th session",
            ),
            (
                16,
                "16-е заседание",
                "16-шы отырыс",
                "第十六次会议",
                "16th session",
            ),
            (
                19,
                "19-е заседание",
                "19-шы отырыс",
                "第十九次会议",
                "19th session",
            ),
            (
                20,
                "20-е заседание",
                "20-шы отырыс",
                "第二十次会议",
                "20th session",
            ),
            (
                21,
                "21-е заседание",
                "21-ші отырыс",
                "第二十一次会议",
                "21st session",
            ),
            (
                22,
                "22-е заседание",
                "22-ші отырыс",
                "第二十二次会议",
                "22nd session",
            ),
            (
                23,
                "23-е заседание",
                "23-ші отырыс",
                "第二十三次会议",
                "23rd session",
            ),
            (
                30,
                "30-е заседание",
                "30-шы отырыс",
                "第三十次会议",
                "30th session",
            ),
            (
                40,
                "40-е заседание",
                "40-шы отырыс",
                "第四十次会议",
                "40th session",
            ),
            (
                50,
                "50-е заседание",
                "50-ші отырыс",
                "第五十次会议",
                "50th session",
            ),
            (
                60,
                "60-е заседание",
                "60-шы отырыс",
                "第六十次会议",
                "60th session",
            ),
            (
                70,
                "70-е заседание",
                "70-ші отырыс",
                "第七十次会议",
                "70th session",
            ),
            (
                80,
                "80-е заседание",
                "80-ші отырыс",
                "第八十次会议",
                "80th session",
            ),
            (
                90,
                "90-е заседание",
                "90-шы отырыс",
                "第九十次会议",
                "90th session",
            ),
            (
                99,
                "99-е заседание",
                "99-шы отырыс",
                "第九十九次会议",
                "99th session",
            ),
            (
                100,
                "100-е заседание",
                "100-ші отырыс",
                "第一百次会议",
                "100th session",
            ),
            (
                101,
                "101-е заседание",
                "101-ші отырыс",
                "第一百零一次会议",
                "101st session",
            ),
            (
                110,
                "110-е заседание",
                "110-шы отырыс",
                "第一百一十次会议",
                "110th session",
            ),
            (
                111,
                "111-е заседание",
                "111-ші отырыс",
                "第一百一十一次会议",
                "111th session",
            ),
            (
                1005,
                "1005-е заседание",
                "1005-ші отырыс",
                "第一千零五次会议",
                "1005th session",
            ),
        ];
        for &(n, ru, kk, zh, en) in table {
            assert_eq!(session_ordinal(n, Lang::Ru), ru, "ru {n}");
            assert_eq!(session_ordinal(n, Lang::Kk), kk, "kk {n}");
            assert_eq!(session_ordinal(n, Lang::Zh), zh, "zh {n}");
            assert_eq!(session_ordinal(n, Lang::En), en, "en {n}");
        }
    }

    #[test]
    fn every_number_to_a_hundred_follows_the_rules() {
        // Kazakh: spelled-out ordinals 1..=100, built from the words, must agree with the
        // suffix rule (the suffix after the hyphen is the ordinal ending's last syllable).
        let units = [
            "",
            "бір",
            "екі",
            "үш",
            "төрт",
            "бес",
            "алты",
            "жеті",
            "сегіз",
            "тоғыз",
        ];
        let tens = [
            "",
            "он",
            "жиырма",
            "отыз",
            "қырық",
            "елу",
            "алпыс",
            "жетпіс",
            "сексен",
            "тоқсан",
        ];
        let back_vowels = |w: &str| {
            // у and и are neutral in Kazakh harmony; the last harmonic vowel decides.
            let last = w.chars().rev().find(|c| "аоұыәеөүі".contains(*c)).unwrap();
            "аоұы".contains(last)
        };
        for n in 1..=100u32 {
            let word = if n == 100 {
                "жүз"
            } else if n % 10 != 0 {
                units[(n % 10) as usize]
            } else {
                tens[(n / 10) as usize]
            };
            let expected = if back_vowels(word) { "шы" } else { "ші" };
            assert_eq!(kazakh_ordinal_suffix(n), expected, "kk {n} ({word})");

            let zh = chinese_numeral(n);
            assert!(!zh.starts_with("一十"), "{n}: {zh}");
            assert!(!zh.contains("两"), "{n}: {zh}");
            assert!(
                zh.chars().all(|c| "零一二三四五六七八九十百".contains(c)),
                "{n}: {zh}"
            );
        }
    }
}
