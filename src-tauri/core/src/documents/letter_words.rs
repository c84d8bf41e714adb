//! The letter's fixed wording in the Club's four languages: the opening and closing
//! sentences of each style, the reply-by line, and the salutation (which reads from the
//! honorific or the Russian and Kazakh names whether the guest is addressed as a woman).

use super::letters::LetterStyle;
use crate::people::{address, Person};
use crate::text::{Lang, Text};

pub(super) fn opening(l: Lang, style: LetterStyle, club: &str) -> String {
    match (style, l) {
        (LetterStyle::Personal, Lang::Ru) => format!(
            "{club} имеет честь пригласить Вас принять участие в очередном заседании Клуба."
        ),
        (LetterStyle::Personal, Lang::Kk) => {
            format!("{club} Сізді Клубтың кезекті отырысына қатысуға шақырады.")
        }
        (LetterStyle::Personal, Lang::Zh) => format!("{club}诚挚邀请您出席俱乐部例会。"),
        (LetterStyle::Personal, Lang::En) => format!(
            "{} has the honour to invite you to the next session of the Club.",
            the(club)
        ),
        (LetterStyle::Formal, Lang::Ru) => format!(
            "{club} свидетельствует своё уважение и имеет честь пригласить принять участие в \
             очередном заседании Клуба:"
        ),
        (LetterStyle::Formal, Lang::Kk) => format!(
            "{club} өзінің құрметін білдіріп, Клубтың кезекті отырысына қатысуға шақыруды \
             мәртебе санайды:"
        ),
        (LetterStyle::Formal, Lang::Zh) => {
            format!("{club}谨致意，并荣幸地邀请下列嘉宾出席俱乐部例会：")
        }
        (LetterStyle::Formal, Lang::En) => format!(
            "{} presents its compliments and has the honour to invite to the next session of \
             the Club:",
            the(club)
        ),
    }
}

pub(super) fn reply(l: Lang, by: &str, contact: &str) -> String {
    match (l, contact.is_empty()) {
        (Lang::Ru, true) => format!("Просим сообщить о Вашем участии до {by}."),
        (Lang::Ru, false) => format!("Просим сообщить о Вашем участии до {by}: {contact}."),
        (Lang::Kk, true) => format!("Қатысуыңыз туралы {by} дейін хабарлауыңызды сұраймыз."),
        (Lang::Kk, false) => {
            format!("Қатысуыңыз туралы {by} дейін хабарлауыңызды сұраймыз: {contact}.")
        }
        (Lang::Zh, true) => format!("请于{by}前告知是否出席。"),
        (Lang::Zh, false) => format!("请于{by}前告知是否出席：{contact}。"),
        (Lang::En, true) => format!("Kindly reply by {by}."),
        (Lang::En, false) => format!("Kindly reply by {by}: {contact}."),
    }
}

pub(super) fn closing(l: Lang, style: LetterStyle, club: &str) -> String {
    match (style, l) {
        (LetterStyle::Personal, Lang::Ru) => "Будем рады видеть Вас.".into(),
        (LetterStyle::Personal, Lang::Kk) => "Сізді күтеміз.".into(),
        (LetterStyle::Personal, Lang::Zh) => "期待您的光临。".into(),
        (LetterStyle::Personal, Lang::En) => "We look forward to welcoming you.".into(),
        (LetterStyle::Formal, Lang::Ru) => format!(
            "{club} пользуется случаем, чтобы возобновить уверения в своём высоком уважении."
        ),
        (LetterStyle::Formal, Lang::Kk) => {
            format!("{club} осы мүмкіндікті пайдаланып, өзінің жоғары құрметін растайды.")
        }
        (LetterStyle::Formal, Lang::Zh) => format!("{club}顺致崇高的敬意。"),
        (LetterStyle::Formal, Lang::En) => format!(
            "{} avails itself of this opportunity to renew the assurances of its highest \
             consideration.",
            the(club)
        ),
    }
}

/// "The Club of Friends …" (a name that begins with "The" keeps its own).
fn the(club: &str) -> String {
    if club.starts_with("The ") || club.starts_with("the ") {
        club.to_string()
    } else {
        format!("The {club}")
    }
}

/// The salutation in each language the person can be named in:
/// «Уважаемый Шахрат Нурышевич!», «Құрметті Шахрат мырза!», «尊敬的王立新先生：», "Dear Mr Wang,".
pub(super) fn salutation(p: &Person) -> Text {
    let fem = address::as_woman(p);
    let mut out = Text::new();
    for l in Lang::ALL {
        let name = p.names.iter().find(|n| n.lang == l);
        let display = p.display_name.get(l).unwrap_or_default();
        let honorific = p.honorific.get(l).unwrap_or_default().trim();
        let line = match l {
            Lang::Ru => {
                let dear = if fem {
                    "Уважаемая"
                } else {
                    "Уважаемый"
                };
                match name {
                    Some(n) if !n.patronymic.is_empty() && !n.given.is_empty() => {
                        format!("{dear} {} {}!", n.given, n.patronymic)
                    }
                    Some(n) if !n.family.is_empty() => {
                        let title = if fem { "г-жа" } else { "г-н" };
                        format!("{dear} {title} {}!", n.family)
                    }
                    _ if !display.is_empty() => format!("{dear} {display}!"),
                    _ => continue,
                }
            }
            Lang::Kk => {
                let title = if fem { "ханым" } else { "мырза" };
                match name {
                    Some(n) if !n.given.is_empty() => format!("Құрметті {} {title}!", n.given),
                    _ if !display.is_empty() => format!("Құрметті {display}!"),
                    _ => continue,
                }
            }
            Lang::Zh => {
                if display.is_empty() {
                    continue;
                }
                let title = match honorific {
                    "" => {
                        if fem {
                            "女士"
                        } else {
                            "先生"
                        }
                    }
                    h => h,
                };
                format!("尊敬的{display}{title}：")
            }
            Lang::En if honorific.starts_with("H.E.") || honorific.contains("Excellency") => {
                "Your Excellency,".to_string()
            }
            Lang::En => {
                let title = match honorific {
                    "" => {
                        if fem {
                            "Ms"
                        } else {
                            "Mr"
                        }
                    }
                    h => h,
                };
                match name {
                    Some(n) if !n.family.is_empty() => format!("Dear {title} {},", n.family),
                    _ if !display.is_empty() => format!("Dear {title} {display},"),
                    _ => continue,
                }
            }
        };
        out.set(l, &line);
    }
    out
}
