//! The press note's fixed wording in the Club's four languages, written the way each
//! language's press writes it: names in their own order and script (the directory's
//! display name), Russian verbs agreeing with the speaker, Chinese honorifics after the
//! name, English appositions after it, dates per language.

use chrono::NaiveDate;

use super::press_draft::Speaker;
use crate::clock::long_date;
use crate::text::Lang;

/// «Состоялось 8-е заседание Клуба друзей Казахстана в Китае» and the like.
pub(super) fn headline(lang: Lang, club: &str, ordinal: &str) -> String {
    match lang {
        Lang::Ru => format!("Состоялось {} {}", ordinal, genitive_ru(club)),
        Lang::Kk => format!("{} {}ы өтті", genitive_kk(club), ordinal),
        Lang::Zh => format!("{club}举行{ordinal}"),
        Lang::En => format!("{} holds its {}", the(club), ordinal),
    }
}

/// The first sentences: when, what, where.
pub(super) fn lead(lang: Lang, date: NaiveDate, club: &str, ordinal: &str, venue: &str) -> String {
    let day = prose_date(date, lang);
    let venue = venue.trim();
    match lang {
        Lang::Ru => {
            let mut s = format!("{day} состоялось {} {}.", ordinal, genitive_ru(club));
            if !venue.is_empty() {
                s.push_str(&format!(" Место встречи — {venue}."));
            }
            s
        }
        Lang::Kk => {
            let mut s = format!("{day} күні {} {}ы өтті.", genitive_kk(club), ordinal);
            if !venue.is_empty() {
                s.push_str(&format!(" Кездесу орны — {venue}."));
            }
            s
        }
        Lang::Zh => {
            if venue.is_empty() {
                format!("{day}，{club}{ordinal}举行。")
            } else {
                format!("{day}，{club}{ordinal}在{}举行。", venue_zh(venue))
            }
        }
        Lang::En => {
            if venue.is_empty() {
                format!("On {day} {} held its {ordinal}.", the_lower(club))
            } else {
                format!(
                    "On {day} {} held its {ordinal} at {}.",
                    the_lower(club),
                    the_lower(venue)
                )
            }
        }
    }
}

pub(super) fn chaired(lang: Lang, chair: &Speaker) -> String {
    match lang {
        Lang::Ru => format!(
            "Заседание {} {}.",
            if chair.woman { "вела" } else { "вёл" },
            intro(lang, chair)
        ),
        Lang::Kk => format!("Отырысты {} жүргізді.", intro(lang, chair)),
        Lang::Zh => format!("会议由{}主持。", intro(lang, chair)),
        Lang::En => format!("The session was chaired by {}.", intro(lang, chair)),
    }
}

pub(super) fn theme(lang: Lang, theme: &str) -> String {
    let theme = theme.trim().trim_end_matches(['.', '。']);
    match lang {
        Lang::Ru => format!("Тема заседания — «{theme}»."),
        Lang::Kk => format!("Отырыстың тақырыбы — «{theme}»."),
        Lang::Zh => format!("会议主题为“{theme}”。"),
        Lang::En => format!("The theme of the session was “{theme}”."),
    }
}

/// Who gave the main report.
pub(super) fn reported(lang: Lang, speakers: &[Speaker]) -> String {
    let names: Vec<String> = speakers.iter().map(|s| intro(lang, s)).collect();
    let all_women = speakers.iter().all(|s| s.woman);
    match lang {
        Lang::Ru => {
            let verb = match (speakers.len(), all_women) {
                (1, true) => "выступила",
                (1, false) => "выступил",
                _ => "выступили",
            };
            format!("С основным докладом {verb} {}.", and(lang, &names))
        }
        Lang::Kk => format!("Негізгі баяндаманы {} жасады.", and(lang, &names)),
        Lang::Zh => format!("{}作主旨报告。", and(lang, &names)),
        Lang::En => format!("The main report was given by {}.", and(lang, &names)),
    }
}

/// What a speaker said, quoted; `again` for a second word of someone already named.
pub(super) fn said(lang: Lang, s: &Speaker, words: &str, again: bool) -> String {
    let quoted = words.trim().trim_end_matches(['.', '。']);
    // A question or an exclamation keeps its own mark; a statement gets the full stop.
    let asks = quoted.ends_with(['?', '!', '？', '！']);
    let who = if again {
        short(lang, s)
    } else {
        intro(lang, s)
    };
    match lang {
        Lang::Ru => {
            let verb = match (again, s.woman) {
                (true, true) => "также отметила",
                (true, false) => "также отметил",
                (false, true) => "отметила",
                (false, false) => "отметил",
            };
            format!("{} {verb}: «{quoted}».", capital(&who))
        }
        Lang::Kk => format!(
            "{}{} «{quoted}» деп атап өтті.",
            capital(&who),
            if again { " сондай-ақ" } else { "" }
        ),
        Lang::Zh => format!(
            "{who}{}表示：“{quoted}{}”",
            if again { "还" } else { "" },
            if asks { "" } else { "。" }
        ),
        Lang::En => format!(
            "{} {}said: “{quoted}{}”",
            capital(&subject_en(&who)),
            if again { "also " } else { "" },
            if asks { "" } else { "." }
        ),
    }
}

/// A speaker on the agenda of whom the minutes keep no words.
pub(super) fn spoke(lang: Lang, s: &Speaker) -> String {
    match lang {
        Lang::Ru => format!(
            "{} {}.",
            capital(&intro(lang, s)),
            if s.woman {
                "также выступила"
            } else {
                "также выступил"
            }
        ),
        Lang::Kk => format!("Сондай-ақ {} сөз сөйледі.", intro(lang, s)),
        Lang::Zh => format!("{}也作了发言。", intro(lang, s)),
        Lang::En => format!("{} also spoke.", capital(&subject_en(&intro(lang, s)))),
    }
}

pub(super) fn themes_intro(lang: Lang) -> String {
    match lang {
        Lang::Ru => "Участники обсудили темы:",
        Lang::Kk => "Қатысушылар мына тақырыптарды талқылады:",
        Lang::Zh => "与会者讨论了以下议题：",
        Lang::En => "The participants discussed:",
    }
    .to_string()
}

pub(super) fn decisions_intro(lang: Lang) -> String {
    match lang {
        Lang::Ru => "По итогам заседания участники договорились:",
        Lang::Kk => "Отырыс қорытындысы бойынша қатысушылар мынаған келісті:",
        Lang::Zh => "会议商定：",
        Lang::En => "The participants agreed:",
    }
    .to_string()
}

/// The closing line when the next session is on the calendar.
pub(super) fn next(lang: Lang, ordinal: &str, date: NaiveDate) -> String {
    let day = prose_date(date, lang);
    match lang {
        Lang::Ru => format!("{} Клуба запланировано на {day}.", capital(ordinal)),
        Lang::Kk => format!("Клубтың {ordinal}ы {day} күні өтеді деп жоспарланған."),
        Lang::Zh => format!("俱乐部{ordinal}定于{day}举行。"),
        Lang::En => format!("The Club's {ordinal} is planned for {day}."),
    }
}

/// The closing line when it is not.
pub(super) fn closing(lang: Lang, club: &str) -> String {
    match lang {
        Lang::Ru => format!("{club} продолжит работу на следующих заседаниях."),
        Lang::Kk => format!("{club} жұмысын келесі отырыстарда жалғастырады."),
        Lang::Zh => format!("{club}将在今后的会议中继续交流。"),
        Lang::En => format!("{} will continue its work at its next sessions.", the(club)),
    }
}

/// A speaker named the first time: position, honorific and name as the language puts
/// them («Посол … Шахрат Нурышев», «哈萨克斯坦共和国驻华大使努雷舍夫阁下», "H.E. Shakhrat
/// Nuryshev, Ambassador …").
fn intro(lang: Lang, s: &Speaker) -> String {
    let name = s.name.best(lang).trim();
    let position = s.position.get(lang).unwrap_or_default().trim();
    let honorific = s.honorific.get(lang).unwrap_or_default().trim();
    let joined = |parts: &[&str], sep: &str| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(sep)
    };
    match lang {
        // Russian and Kazakh press leave "Его Превосходительство" to protocol documents.
        Lang::Ru | Lang::Kk => joined(&[position, name], " "),
        Lang::Zh => format!("{position}{name}{honorific}"),
        Lang::En => {
            let named = joined(&[honorific, name], " ");
            if position.is_empty() {
                named
            } else {
                format!("{named}, {position},")
            }
        }
    }
    .trim_end_matches(',')
    .to_string()
}

/// An English subject with an apposition closes it with a comma before the verb: "H.E.
/// Wang Lixin, former Ambassador …, 2010–2014, said".
fn subject_en(who: &str) -> String {
    if who.contains(", ") {
        format!("{who},")
    } else {
        who.to_string()
    }
}

/// A speaker named again: the name alone (Chinese keeps the honorific).
fn short(lang: Lang, s: &Speaker) -> String {
    let name = s.name.best(lang).trim();
    match lang {
        Lang::Zh => format!("{name}{}", s.honorific.get(lang).unwrap_or_default().trim()),
        _ => name.to_string(),
    }
}

/// "A и B", "A, B және C", "A、B和C", "A, B and C".
fn and(lang: Lang, names: &[String]) -> String {
    let (list_sep, last) = match lang {
        Lang::Ru => (", ", " и "),
        Lang::Kk => (", ", " және "),
        Lang::Zh => ("、", "和"),
        Lang::En => (", ", " and "),
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., end] => format!("{}{last}{end}", rest.join(list_sep)),
    }
}

/// A date in running text: «20 ноября 2025 года», «2025 жылғы 20 қараша», 2025年11月20日,
/// "20 November 2025".
fn prose_date(d: NaiveDate, lang: Lang) -> String {
    let written = long_date(d, lang);
    match lang {
        Lang::Ru => match written.strip_suffix(" г.") {
            Some(s) => format!("{s} года"),
            None => written,
        },
        _ => written,
    }
}

/// «Клуб друзей Казахстана в Китае» → «Клуба друзей Казахстана в Китае»: the head noun
/// declined; a name of another shape is quoted after «клуба».
fn genitive_ru(club: &str) -> String {
    let club = club.trim();
    match club.split_once(' ') {
        Some(("Клуб", rest)) => format!("Клуба {rest}"),
        _ if club == "Клуб" => "Клуба".into(),
        _ => format!("клуба «{club}»"),
    }
}

/// «Қытайдағы Қазақстан достары клубы» → «… клубының»; another shape is quoted.
fn genitive_kk(club: &str) -> String {
    let club = club.trim();
    match club.strip_suffix("клубы") {
        Some(head) => format!("{head}клубының"),
        None => format!("«{club}» клубының"),
    }
}

/// «哈萨克斯坦文化中心，北京» → «北京哈萨克斯坦文化中心»: Chinese puts the city first.
fn venue_zh(venue: &str) -> String {
    match venue.rsplit_once(['，', ',']) {
        Some((place, city)) if !city.trim().is_empty() => {
            format!("{}{}", city.trim(), place.trim())
        }
        _ => venue.to_string(),
    }
}

/// "The Club of Friends …" (a name that begins with "The" keeps its own).
fn the(name: &str) -> String {
    if name.starts_with("The ") || name.starts_with("the ") {
        name.to_string()
    } else {
        format!("The {name}")
    }
}

/// "the Kazakhstan Cultural Centre, Beijing" inside a sentence.
fn the_lower(name: &str) -> String {
    let with = the(name);
    match with.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => with,
    }
}

fn capital(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clubs_name_is_declined_or_quoted() {
        assert_eq!(
            genitive_ru("Клуб друзей Казахстана в Китае"),
            "Клуба друзей Казахстана в Китае"
        );
        assert_eq!(
            genitive_ru("Евразийский форум"),
            "клуба «Евразийский форум»"
        );
        assert_eq!(
            genitive_kk("Қытайдағы Қазақстан достары клубы"),
            "Қытайдағы Қазақстан достары клубының"
        );
        assert_eq!(
            venue_zh("哈萨克斯坦文化中心，北京"),
            "北京哈萨克斯坦文化中心"
        );
        assert_eq!(venue_zh("大使馆"), "大使馆");
    }

    #[test]
    fn lists_join_the_way_each_language_does() {
        let names = ["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(and(Lang::Ru, &names), "A, B и C");
        assert_eq!(and(Lang::Zh, &names), "A、B和C");
        assert_eq!(and(Lang::En, &names[..2]), "A and B");
    }
}
