//! The demonstration's cast: the people of the 8th session's story, each with names in
//! the four languages, honorific, position and how they are reached. Only the ambassador
//! is named in the press report; the others are fictional.

use crate::text::{Lang, Text};

/// A text in the four languages.
pub(super) fn t(ru: &str, kk: &str, zh: &str, en: &str) -> Text {
    Text::in_four(ru, kk, zh, en)
}

pub(super) struct Person {
    /// language, family name, given name, family name first
    pub names: [(Lang, &'static str, &'static str, bool); 4],
    pub honorific: Text,
    pub organisation: &'static str,
    pub country: &'static str,
    /// Index into `categories()`.
    pub category: usize,
    pub rank: u32,
    pub position: Text,
    pub since: &'static str,
    pub until: Option<&'static str>,
}

// The people by their place in `people()`.
pub(super) const NURYSHEV: usize = 0;
pub(super) const WANG: usize = 1;
pub(super) const LI: usize = 2;
pub(super) const LIU: usize = 3;
pub(super) const CHEN: usize = 4;
pub(super) const ZHAO: usize = 5;
pub(super) const SARSENOVA: usize = 6;
pub(super) const KALIYEV: usize = 7;
pub(super) const OMAROVA: usize = 8;

/// How each person is reached: e-mail, phone, WeChat (fictional: example.org addresses and
/// numbers of no one). Chen Jing answers on WeChat only and Zhao Ming by phone, so the
/// Mail tab shows both ways.
pub(super) fn contact(person: usize) -> (&'static str, &'static str, &'static str) {
    match person {
        NURYSHEV => ("embassy.beijing@example.org", "", ""),
        WANG => ("wang.lixin@example.org", "", ""),
        LI => ("li.jianguo@example.org", "+86 10 5555 0117", ""),
        LIU => ("liu.yang@example.org", "", "liuyang_cass"),
        CHEN => ("", "", "chenjing_bfsu"),
        ZHAO => ("", "+86 10 5555 0142", ""),
        SARSENOVA => ("a.sarsenova@example.org", "", ""),
        KALIYEV => ("y.kaliyev@example.org", "", ""),
        _ => ("d.omarova@example.org", "", ""),
    }
}

pub(super) fn people() -> [Person; 9] {
    let he = t("Его Превосходительство", "Мәртебелі", "阁下", "H.E.");
    [
        Person {
            names: [
                (Lang::Ru, "Нурышев", "Шахрат", false),
                (Lang::Kk, "Нұрышев", "Шахрат", false),
                (Lang::Zh, "努雷舍夫", "沙赫拉特", false),
                (Lang::En, "Nuryshev", "Shakhrat", false),
            ],
            honorific: he.clone(),
            organisation: "embassy",
            country: "KZ",
            category: 0,
            rank: 1,
            position: t(
                "Посол Республики Казахстан в КНР",
                "Қазақстан Республикасының ҚХР-дағы Елшісі",
                "哈萨克斯坦共和国驻华大使",
                "Ambassador of the Republic of Kazakhstan to China",
            ),
            since: "2022-10-01",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Ван", "Лисинь", true),
                (Lang::Kk, "Ван", "Лисинь", true),
                (Lang::Zh, "王", "立新", true),
                (Lang::En, "Wang", "Lixin", true),
            ],
            honorific: he.clone(),
            organisation: "mfa",
            country: "CN",
            category: 1,
            rank: 1,
            position: t(
                "Посол КНР в Республике Казахстан",
                "ҚХР-дың Қазақстан Республикасындағы Елшісі",
                "中国驻哈萨克斯坦大使",
                "Ambassador of China to Kazakhstan",
            ),
            since: "2010-03-01",
            until: Some("2014-12-31"),
        },
        Person {
            names: [
                (Lang::Ru, "Ли", "Цзяньго", true),
                (Lang::Kk, "Ли", "Цзяньго", true),
                (Lang::Zh, "李", "建国", true),
                (Lang::En, "Li", "Jianguo", true),
            ],
            honorific: he.clone(),
            organisation: "mfa",
            country: "CN",
            category: 1,
            rank: 2,
            position: t(
                "Посол КНР в Республике Казахстан",
                "ҚХР-дың Қазақстан Республикасындағы Елшісі",
                "中国驻哈萨克斯坦大使",
                "Ambassador of China to Kazakhstan",
            ),
            since: "2015-01-01",
            until: Some("2019-06-30"),
        },
        Person {
            names: [
                (Lang::Ru, "Лю", "Ян", true),
                (Lang::Kk, "Лю", "Ян", true),
                (Lang::Zh, "刘", "洋", true),
                (Lang::En, "Liu", "Yang", true),
            ],
            honorific: t("г-н", "мырза", "先生", "Mr"),
            organisation: "mfa",
            country: "CN",
            category: 2,
            rank: 1,
            position: t(
                "Заместитель директора Департамента Европы и Центральной Азии",
                "Еуропа және Орталық Азия департаменті директорының орынбасары",
                "欧亚司副司长",
                "Deputy Director-General, Department of European-Central Asian Affairs",
            ),
            since: "2021-05-01",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Чэнь", "Цзин", true),
                (Lang::Kk, "Чэнь", "Цзин", true),
                (Lang::Zh, "陈", "静", true),
                (Lang::En, "Chen", "Jing", true),
            ],
            honorific: t("профессор", "профессор", "教授", "Prof."),
            organisation: "cass",
            country: "CN",
            category: 3,
            rank: 1,
            position: t(
                "Директор отдела Центральной Азии",
                "Орталық Азия бөлімінің директоры",
                "中亚研究室主任",
                "Head of the Central Asia Department",
            ),
            since: "2018-09-01",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Чжао", "Мин", true),
                (Lang::Kk, "Чжао", "Мин", true),
                (Lang::Zh, "赵", "明", true),
                (Lang::En, "Zhao", "Ming", true),
            ],
            honorific: t("доктор", "доктор", "博士", "Dr"),
            organisation: "bfsu",
            country: "CN",
            category: 4,
            rank: 1,
            position: t(
                "Доцент, исследователь казахского языка и истории",
                "Доцент, қазақ тілі мен тарихын зерттеуші",
                "副教授，哈萨克语言与历史研究者",
                "Associate Professor of Kazakh language and history",
            ),
            since: "2016-09-01",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Сарсенова", "Айгерим", false),
                (Lang::Kk, "Сәрсенова", "Әйгерім", false),
                (Lang::Zh, "萨尔谢诺娃", "艾格丽姆", false),
                (Lang::En, "Sarsenova", "Aigerim", false),
            ],
            honorific: t("г-жа", "ханым", "女士", "Ms"),
            organisation: "embassy",
            country: "KZ",
            category: 5,
            rank: 1,
            position: t(
                "Советник посольства",
                "Елшілік кеңесшісі",
                "使馆参赞",
                "Counsellor of the Embassy",
            ),
            since: "2023-01-15",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Калиев", "Ержан", false),
                (Lang::Kk, "Қалиев", "Ержан", false),
                (Lang::Zh, "卡利耶夫", "叶尔然", false),
                (Lang::En, "Kaliyev", "Yerzhan", false),
            ],
            honorific: t("г-н", "мырза", "先生", "Mr"),
            organisation: "embassy",
            country: "KZ",
            category: 5,
            rank: 2,
            position: t(
                "Первый секретарь посольства",
                "Елшіліктің бірінші хатшысы",
                "使馆一等秘书",
                "First Secretary of the Embassy",
            ),
            since: "2024-02-01",
            until: None,
        },
        Person {
            names: [
                (Lang::Ru, "Омарова", "Дана", false),
                (Lang::Kk, "Омарова", "Дана", false),
                (Lang::Zh, "奥马罗娃", "达娜", false),
                (Lang::En, "Omarova", "Dana", false),
            ],
            honorific: t("г-жа", "ханым", "女士", "Ms"),
            organisation: "press",
            country: "KZ",
            category: 6,
            rank: 1,
            position: t("Корреспондент", "Тілші", "记者", "Correspondent"),
            since: "2020-01-01",
            until: None,
        },
    ]
}
