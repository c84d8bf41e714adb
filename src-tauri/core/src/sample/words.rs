//! The words of the generated archive: name parts in their scripts and spellings, and
//! the pieces its sentences are put together from, in Russian, Kazakh, Chinese and
//! English. Tables of data and the few functions that draw from them; owns no table.

use crate::people::names::PersonName;
use crate::rng::Rng;
use crate::text::{Lang, Text};

// Name parts: Kazakh (Cyrillic, with its own letters, and a Latin spelling), Chinese
// (characters, the Russian Palladius spelling, pinyin) and others (Latin, Cyrillic).
const KZ_FAMILY: [(&str, &str); 16] = [
    ("Нұрышев", "Nurysh"),
    ("Әбенов", "Abenov"),
    ("Қасымов", "Kassymov"),
    ("Сәрсенова", "Sarsenova"),
    ("Ғабитов", "Gabitov"),
    ("Өтебаев", "Otebayev"),
    ("Үсенова", "Ussenova"),
    ("Жұмабеков", "Zhumabekov"),
    ("Тоқаев", "Tokayev"),
    ("Бекмұхамбетов", "Bekmukhambetov"),
    ("Иманғалиева", "Imangaliyeva"),
    ("Құдайбергенов", "Kudaibergenov"),
    ("Һашимов", "Khashimov"),
    ("Ісмайылова", "Ismaiylova"),
    ("Ахметов", "Akhmetov"),
    ("Оңғарова", "Ongarova"),
];
const KZ_GIVEN: [(&str, &str); 14] = [
    ("Шахрат", "Shakhrat"),
    ("Әлия", "Aliya"),
    ("Ерлан", "Yerlan"),
    ("Гүлнар", "Gulnar"),
    ("Дәулет", "Daulet"),
    ("Айгерім", "Aigerim"),
    ("Нұрлан", "Nurlan"),
    ("Сәуле", "Saule"),
    ("Бауыржан", "Bauyrzhan"),
    ("Мәдина", "Madina"),
    ("Асқар", "Askar"),
    ("Жанар", "Zhanar"),
    ("Қайрат", "Kairat"),
    ("Ұлан", "Ulan"),
];
const ZH_FAMILY: [(&str, &str, &str); 16] = [
    ("王", "Ван", "Wang"),
    ("李", "Ли", "Li"),
    ("张", "Чжан", "Zhang"),
    ("刘", "Лю", "Liu"),
    ("陈", "Чэнь", "Chen"),
    ("杨", "Ян", "Yang"),
    ("赵", "Чжао", "Zhao"),
    ("黄", "Хуан", "Huang"),
    ("周", "Чжоу", "Zhou"),
    ("吴", "У", "Wu"),
    ("徐", "Сюй", "Xu"),
    ("孙", "Сунь", "Sun"),
    ("马", "Ма", "Ma"),
    ("胡", "Ху", "Hu"),
    ("郭", "Го", "Guo"),
    ("林", "Линь", "Lin"),
];
const ZH_GIVEN: [(&str, &str, &str); 16] = [
    ("立新", "Лисинь", "Lixin"),
    ("明", "Мин", "Ming"),
    ("海燕", "Хайянь", "Haiyan"),
    ("建国", "Цзяньго", "Jianguo"),
    ("晓东", "Сяодун", "Xiaodong"),
    ("丽华", "Лихуа", "Lihua"),
    ("伟", "Вэй", "Wei"),
    ("静", "Цзин", "Jing"),
    ("志强", "Чжицян", "Zhiqiang"),
    ("春梅", "Чуньмэй", "Chunmei"),
    ("国华", "Гохуа", "Guohua"),
    ("秀英", "Сюин", "Xiuying"),
    ("学军", "Сюэцзюнь", "Xuejun"),
    ("文", "Вэнь", "Wen"),
    ("红", "Хун", "Hong"),
    ("涛", "Тао", "Tao"),
];
const OTHER: [(&str, &str, &str, &str); 10] = [
    ("Smith", "Смит", "Anna", "Анна"),
    ("Müller", "Мюллер", "Jonas", "Йонас"),
    ("Dubois", "Дюбуа", "Claire", "Клэр"),
    ("Rossi", "Росси", "Marco", "Марко"),
    ("Petrov", "Петров", "Ivan", "Иван"),
    ("Kowalski", "Ковальский", "Piotr", "Пётр"),
    ("Tanaka", "Танака", "Yuki", "Юки"),
    ("Karimov", "Каримов", "Timur", "Тимур"),
    ("O'Brien", "О’Брайен", "Sean", "Шон"),
    ("García", "Гарсия", "Lucía", "Лусия"),
];

// Sentences are put together from these, in each language.
const RU: [&[&str]; 3] = [
    &[
        "Участники отметили",
        "Посол подчеркнул",
        "Эксперты обсудили",
        "Выступающий напомнил",
        "Было предложено рассмотреть",
        "Стороны высоко оценили",
    ],
    &[
        "динамику торгово-экономического сотрудничества",
        "развитие транспортно-логистических коридоров",
        "сопряжение национальных стратегий развития",
        "роль экспертного диалога",
        "расширение культурно-гуманитарных обменов",
        "устойчивость и безопасность в Центральной Азии",
        "промышленную кооперацию и инвестиции",
        "водно-энергетическое сотрудничество в регионе",
    ],
    &[
        "в текущем году.",
        "на ближайшую перспективу.",
        "с учётом новых вызовов.",
        "в рамках двусторонних договорённостей.",
        "как основу долгосрочного партнёрства.",
    ],
];
const KK: [&[&str]; 3] = [
    &[
        "Қатысушылар атап өтті:",
        "Елші ерекше тоқталды:",
        "Сарапшылар талқылады:",
        "Баяндамашы еске салды:",
        "Тараптар жоғары бағалады:",
    ],
    &[
        "сауда-экономикалық ынтымақтастықтың серпіні",
        "көлік-логистикалық дәліздердің дамуы",
        "ұлттық даму стратегияларын ұштастыру",
        "сараптамалық диалогтың рөлі",
        "мәдени-гуманитарлық алмасуды кеңейту",
        "Орталық Азиядағы тұрақтылық пен қауіпсіздік",
        "өңірдегі су-энергетикалық ынтымақтастық",
    ],
    &[
        "биылғы жылы.",
        "жақын болашақта.",
        "жаңа сын-қатерлерді ескере отырып.",
        "ұзақ мерзімді әріптестіктің негізі ретінде.",
        "екіжақты келісімдер аясында.",
    ],
];
const ZH: [&[&str]; 3] = [
    &[
        "与会者指出",
        "大使强调",
        "专家们讨论了",
        "发言者回顾了",
        "双方高度评价",
    ],
    &[
        "经贸合作的发展态势",
        "交通物流走廊的建设",
        "国家发展战略对接",
        "专家对话的作用",
        "人文交流的扩大",
        "中亚的稳定与安全",
        "产业合作与投资",
        "地区水资源能源合作",
    ],
    &[
        "，并对今年的成果表示满意。",
        "，认为前景广阔。",
        "，同时考虑到新的挑战。",
        "，视之为长期伙伴关系的基础。",
    ],
];
const EN: [&[&str]; 3] = [
    &[
        "Participants noted",
        "The Ambassador stressed",
        "The experts discussed",
        "The speaker recalled",
        "Both sides praised",
    ],
    &[
        "the growth of trade and economic cooperation",
        "the development of transport and logistics corridors",
        "the alignment of national development strategies",
        "the role of the expert dialogue",
        "wider cultural and people-to-people exchange",
        "stability and security in Central Asia",
        "industrial cooperation and investment",
    ],
    &[
        "this year.",
        "in the years ahead.",
        "in the light of new challenges.",
        "as the basis of a lasting partnership.",
    ],
];

fn words(lang: Lang) -> &'static [&'static [&'static str]; 3] {
    match lang {
        Lang::Ru => &RU,
        Lang::Kk => &KK,
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

fn sentence(rng: &mut Rng, lang: Lang) -> String {
    let w = words(lang);
    let (a, b, c) = (rng.pick(w[0]), rng.pick(w[1]), rng.pick(w[2]));
    if lang == Lang::Zh {
        format!("{a}{b}{c}")
    } else {
        format!("{a} {b} {c}")
    }
}

pub(super) fn paragraph(rng: &mut Rng, lang: Lang) -> String {
    let n = 2 + rng.below(3);
    let sep = if lang == Lang::Zh { "" } else { " " };
    (0..n)
        .map(|_| sentence(rng, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn in_all(rng: &mut Rng, paragraphs: usize) -> Text {
    let mut t = Text::new();
    for lang in Lang::ALL {
        let text = (0..paragraphs)
            .map(|_| paragraph(rng, lang))
            .collect::<Vec<_>>()
            .join("\n\n");
        t = t.with(lang, &text);
    }
    t
}

pub(super) fn t4(ru: String, kk: String, zh: String, en: String) -> Text {
    Text::new()
        .with(Lang::Ru, &ru)
        .with(Lang::Kk, &kk)
        .with(Lang::Zh, &zh)
        .with(Lang::En, &en)
}

/// One of the four topics' words in every language: a title, a theme's name.
pub(super) fn topic(rng: &mut Rng) -> [&'static str; 4] {
    [
        *rng.pick(RU[1]),
        *rng.pick(KK[1]),
        *rng.pick(ZH[1]),
        *rng.pick(EN[1]),
    ]
}

/// A person's names: Kazakh (Kazakh, Russian and Latin spellings), Chinese (characters,
/// Palladius, pinyin, family name first) or another nation's (Latin and Cyrillic).
pub(super) fn names(rng: &mut Rng) -> Vec<PersonName> {
    let name = |lang, family: &str, given: &str, family_first| PersonName {
        lang,
        family: family.into(),
        given: given.into(),
        patronymic: String::new(),
        family_first,
    };
    match rng.below(20) {
        0..=7 => {
            let (f, fl) = *rng.pick(&KZ_FAMILY);
            let (g, gl) = *rng.pick(&KZ_GIVEN);
            vec![
                name(Lang::Kk, f, g, false),
                name(Lang::Ru, f, g, false),
                name(Lang::En, fl, gl, false),
            ]
        }
        8..=16 => {
            let (f, fr, fl) = *rng.pick(&ZH_FAMILY);
            let (g, gr, gl) = *rng.pick(&ZH_GIVEN);
            vec![
                name(Lang::Zh, f, g, true),
                name(Lang::Ru, fr, gr, true),
                name(Lang::En, fl, gl, true),
            ]
        }
        _ => {
            let (fl, fr, gl, gr) = *rng.pick(&OTHER);
            vec![name(Lang::En, fl, gl, false), name(Lang::Ru, fr, gr, false)]
        }
    }
}
