//! Demonstration data: the Club's 8th session as told in the press report
//! (shared/seed), with the sessions around it. Every row is marked `is_demo`
//! so Settings can remove it all at once. People other than the ambassador named
//! in the report are fictional.

use rusqlite::{params, Transaction};

use crate::clock::{stamp, Clock};
use crate::error::Result;
use crate::ids::new_id;
use crate::store::db::Db;
use crate::store::settings;
use crate::text::{Lang, Text};

fn t(ru: &str, kk: &str, zh: &str, en: &str) -> Text {
    Text::new()
        .with(Lang::Ru, ru)
        .with(Lang::Kk, kk)
        .with(Lang::Zh, zh)
        .with(Lang::En, en)
}

/// Loads the demo when the database has never been started before and holds no sessions.
/// Returns whether it did.
pub fn load_on_first_start(db: &Db, clock: &dyn Clock) -> Result<bool> {
    db.write(|tx| {
        if settings::was_initialised(tx)? {
            return Ok(false);
        }
        settings::mark_initialised(tx)?;
        let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM session)", [], |r| {
            r.get(0)
        })?;
        if empty {
            insert_all(tx, clock)?;
        }
        Ok(empty)
    })
}

/// Loads the demo (unless it is already there). Returns whether it did.
pub fn load(db: &Db, clock: &dyn Clock) -> Result<bool> {
    db.write(|tx| {
        settings::mark_initialised(tx)?;
        let present: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM session WHERE is_demo = 1)",
            [],
            |r| r.get(0),
        )?;
        if !present {
            insert_all(tx, clock)?;
        }
        Ok(!present)
    })
}

/// Removes every demo row; the schema's cascades take their agendas, invitations and minutes.
pub fn remove(db: &Db) -> Result<()> {
    db.write(|tx| {
        for table in [
            "session",
            "person",
            "organisation",
            "theme",
            "precedence_category",
        ] {
            tx.execute(&format!("DELETE FROM {table} WHERE is_demo = 1"), [])?;
        }
        Ok(())
    })
}

/// kind, minutes, title, description, (person, role) pairs
type AgendaRow<'a> = (&'a str, i64, Text, Text, &'a [(&'a String, &'a str)]);

struct Person<'a> {
    names: [(Lang, &'a str, &'a str, bool); 4],
    honorific: Text,
    organisation: &'a str,
    country: &'a str,
    category: usize,
    rank: i64,
    position: Text,
    since: &'a str,
    until: Option<&'a str>,
}

fn insert_all(tx: &Transaction, clock: &dyn Clock) -> Result<()> {
    let now = stamp(clock);

    let categories = [
        t(
            "Действующие послы",
            "Қазіргі елшілер",
            "现任大使",
            "Serving ambassadors",
        ),
        t(
            "Бывшие послы",
            "Бұрынғы елшілер",
            "前任大使",
            "Former ambassadors",
        ),
        t(
            "Должностные лица",
            "Лауазымды тұлғалар",
            "政府官员",
            "Officials",
        ),
        t(
            "Руководители институтов",
            "Институт басшылары",
            "研究机构负责人",
            "Heads of institutes",
        ),
        t(
            "Учёные и эксперты",
            "Ғалымдар мен сарапшылар",
            "学者和专家",
            "Scholars and experts",
        ),
        t(
            "Сотрудники посольства",
            "Елшілік қызметкерлері",
            "使馆工作人员",
            "Embassy staff",
        ),
        t("Пресса", "Баспасөз", "媒体", "Press"),
    ];
    let mut category_ids = Vec::new();
    for (rank, name) in categories.iter().enumerate() {
        let id = new_id();
        tx.execute(
            "INSERT INTO precedence_category (id, name, rank, is_demo) VALUES (?1, ?2, ?3, 1)",
            params![id, name.to_json(), rank as i64 + 1],
        )?;
        category_ids.push(id);
    }

    let organisations = [
        (
            "embassy",
            "KZ",
            t(
                "Посольство Республики Казахстан в КНР",
                "Қазақстан Республикасының ҚХР-дағы Елшілігі",
                "哈萨克斯坦共和国驻华大使馆",
                "Embassy of the Republic of Kazakhstan in China",
            ),
        ),
        (
            "government",
            "CN",
            t(
                "Министерство иностранных дел КНР",
                "ҚХР Сыртқы істер министрлігі",
                "中华人民共和国外交部",
                "Ministry of Foreign Affairs of China",
            ),
        ),
        (
            "institute",
            "CN",
            t(
                "Институт России, Восточной Европы и Центральной Азии АОН Китая",
                "ҚХҒА Ресей, Шығыс Еуропа және Орталық Азия институты",
                "中国社会科学院俄罗斯东欧中亚研究所",
                "Institute of Russian, East European and Central Asian Studies, CASS",
            ),
        ),
        (
            "university",
            "CN",
            t(
                "Пекинский университет иностранных языков",
                "Бейжің шет тілдер университеті",
                "北京外国语大学",
                "Beijing Foreign Studies University",
            ),
        ),
        (
            "media",
            "KZ",
            t("DKNews.kz", "DKNews.kz", "DKNews.kz", "DKNews.kz"),
        ),
    ];
    let mut org_ids = Vec::new();
    for (kind, country, name) in &organisations {
        let id = new_id();
        tx.execute(
            "INSERT INTO organisation (id, name, country, kind, is_demo, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)",
            params![id, name.to_json(), country, kind, now],
        )?;
        org_ids.push(id);
    }
    let org = |key: &str| -> &str {
        let i = match key {
            "embassy" => 0,
            "mfa" => 1,
            "cass" => 2,
            "bfsu" => 3,
            _ => 4,
        };
        &org_ids[i]
    };

    let he = t("Его Превосходительство", "Мәртебелі", "阁下", "H.E.");
    let people = [
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
    ];
    let mut person_ids = Vec::new();
    for p in &people {
        let id = new_id();
        tx.execute(
            "INSERT INTO person (id, honorific, organisation_id, country, languages,
                                 precedence_category_id, precedence_rank, notes, is_demo,
                                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)",
            params![
                id,
                p.honorific.to_json(),
                org(p.organisation),
                p.country,
                if p.country == "KZ" {
                    r#"["kk","ru","zh"]"#
                } else {
                    r#"["zh","ru"]"#
                },
                category_ids[p.category],
                p.rank,
                if p.category == 0 {
                    ""
                } else {
                    "Demo person (fictional)."
                },
                now,
            ],
        )?;
        for (lang, family, given, family_first) in p.names {
            tx.execute(
                "INSERT INTO person_name (person_id, lang, family, given, family_first)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, lang.code(), family, given, family_first],
            )?;
        }
        crate::store::search::index_people(tx, Some(&[id.as_str()]))?;
        tx.execute(
            "INSERT INTO person_position (id, person_id, title, organisation_id, started_on, ended_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![new_id(), id, p.position.to_json(), org(p.organisation), p.since, p.until],
        )?;
        person_ids.push(id);
    }
    let [nuryshev, wang, li, liu, chen, zhao, sarsenova, kaliyev, omarova] =
        <[String; 9]>::try_from(person_ids).expect("nine demo people");

    let themes = [
        t(
            "Новые точки роста в двустороннем сотрудничестве",
            "Екіжақты ынтымақтастықтың жаңа өсу нүктелері",
            "双边合作的新增长点",
            "New growth points in bilateral cooperation",
        ),
        t(
            "Сопряжение национальных стратегий развития",
            "Ұлттық даму стратегияларын ұштастыру",
            "国家发展战略对接",
            "Aligning national development strategies",
        ),
        t(
            "Участие Казахстана в региональных и международных инициативах",
            "Қазақстанның өңірлік және халықаралық бастамаларға қатысуы",
            "哈萨克斯坦参与地区和国际倡议",
            "Kazakhstan in regional and international initiatives",
        ),
        t(
            "Усиление экспертного диалога между Казахстаном и Китаем",
            "Қазақстан мен Қытай арасындағы сараптамалық диалогты күшейту",
            "加强哈中专家对话",
            "Strengthening the expert dialogue between Kazakhstan and China",
        ),
        t(
            "Транспортно-логистическая связанность",
            "Көлік-логистикалық байланыс",
            "交通物流互联互通",
            "Transport and logistics connectivity",
        ),
        t(
            "Промышленная кооперация",
            "Өнеркәсіптік кооперация",
            "产业合作",
            "Industrial cooperation",
        ),
    ];
    let mut theme_ids = Vec::new();
    for name in &themes {
        let id = new_id();
        tx.execute(
            "INSERT INTO theme (id, name, is_demo) VALUES (?1, ?2, 1)",
            params![id, name.to_json()],
        )?;
        theme_ids.push(id);
    }

    let venue = t(
        "Культурный центр Казахстана, Пекин",
        "Қазақстан мәдени орталығы, Бейжің",
        "哈萨克斯坦文化中心，北京",
        "Kazakhstan Cultural Centre, Beijing",
    );
    let sessions = [
        (5u32, "2022-11-17", "held",
         t("Казахстан после реформ 2022 года", "2022 жылғы реформалардан кейінгі Қазақстан", "2022年改革后的哈萨克斯坦", "Kazakhstan after the 2022 reforms"),
         t("Политическая модернизация и новая Конституция", "Саяси жаңғырту және жаңа Конституция", "政治现代化与新宪法", "Political modernisation and the new Constitution")),
        (6u32, "2023-10-26", "held",
         t("Десять лет инициативе «Пояс и путь»", "«Белдеу және жол» бастамасына он жыл", "“一带一路”倡议十周年", "Ten years of the Belt and Road Initiative"),
         t("Казахстан как транзитный мост Евразии", "Қазақстан — Еуразияның транзиттік көпірі", "哈萨克斯坦作为欧亚过境桥梁", "Kazakhstan as Eurasia's transit bridge")),
        (7u32, "2024-11-14", "minutes_approved",
         t("Центральная Азия в меняющемся мире", "Өзгермелі әлемдегі Орталық Азия", "变化世界中的中亚", "Central Asia in a changing world"),
         t("Региональная интеграция и водно-энергетическое сотрудничество", "Өңірлік интеграция және су-энергетикалық ынтымақтастық", "地区一体化与水资源能源合作", "Regional integration and water-energy cooperation")),
        (8u32, "2025-11-20", "held",
         t("Казахстан как опора стабильности в регионе", "Қазақстан — өңірдегі тұрақтылықтың тірегі", "哈萨克斯坦：地区稳定的支柱", "Kazakhstan as a pillar of stability in the region"),
         t("Роль Казахстана в обеспечении устойчивости и безопасности в Центральной Азии", "Қазақстанның Орталық Азиядағы тұрақтылық пен қауіпсіздікті қамтамасыз етудегі рөлі", "哈萨克斯坦在维护中亚稳定与安全中的作用", "Kazakhstan's role in the stability and security of Central Asia")),
        (9u32, "2026-12-10", "planned",
         t("Итоги года и перспективы сотрудничества", "Жыл қорытындысы және ынтымақтастық болашағы", "年度总结与合作前景", "The year in review and prospects for cooperation"),
         t("Торговля, инвестиции и культурно-гуманитарные обмены", "Сауда, инвестиция және мәдени-гуманитарлық алмасу", "贸易、投资与人文交流", "Trade, investment and cultural exchange")),
    ];
    let mut eighth = String::new();
    for (number, date, status, title, theme) in &sessions {
        let id = new_id();
        tx.execute(
            "INSERT INTO session (id, number, title, theme, venue, date, start_time, end_time,
                                  time_zone, status, notes, is_demo, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '15:00', '17:30', 'Asia/Shanghai', ?7, ?8, 1, ?9, ?9)",
            params![
                id,
                number,
                title.to_json(),
                theme.to_json(),
                venue.to_json(),
                date,
                status,
                "",
                now
            ],
        )?;
        if *number == 8 {
            eighth = id;
        }
    }

    for (pos, theme) in theme_ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO session_theme (session_id, theme_id, position) VALUES (?1, ?2, ?3)",
            params![eighth, theme, pos as i64],
        )?;
    }

    let agenda: [AgendaRow; 6] = [
        ("opening", 10,
         t("Открытие заседания", "Отырыстың ашылуы", "会议开幕", "Opening of the session"),
         t("Приветственное слово ведущего", "Жүргізушінің құттықтау сөзі", "主持人致欢迎辞", "Welcome by the moderator"),
         &[(&sarsenova, "moderator")]),
        ("report", 30,
         t("Доклад Посла Республики Казахстан в КНР", "Қазақстан Республикасының ҚХР-дағы Елшісінің баяндамасы", "哈萨克斯坦驻华大使报告", "Report by the Ambassador of Kazakhstan to China"),
         t("Политические и социально-экономические реформы в Казахстане: модернизация госуправления, верховенство закона, концепция «Справедливого Казахстана»; динамика казахстанско-китайских отношений",
           "Қазақстандағы саяси және әлеуметтік-экономикалық реформалар: мемлекеттік басқаруды жаңғырту, заң үстемдігі, «Әділетті Қазақстан» тұжырымдамасы; қазақ-қытай қатынастарының серпіні",
           "哈萨克斯坦的政治和社会经济改革：国家治理现代化、法治、“公正的哈萨克斯坦”理念；哈中关系发展态势",
           "Political and socio-economic reforms in Kazakhstan: modernising public administration, the rule of law, the “Just Kazakhstan” concept; the course of Kazakhstan–China relations"),
         &[(&nuryshev, "speaker")]),
        ("remarks", 30,
         t("Выступления бывших послов Китая в Казахстане", "Қытайдың Қазақстандағы бұрынғы елшілерінің сөздері", "中国前驻哈萨克斯坦大使发言", "Remarks by former Ambassadors of China to Kazakhstan"),
         t("Последовательность внешнеполитического курса Казахстана и высокий уровень политического доверия",
           "Қазақстанның сыртқы саяси бағытының дәйектілігі және саяси сенімнің жоғары деңгейі",
           "哈萨克斯坦外交政策的连续性与高水平政治互信",
           "The consistency of Kazakhstan's foreign policy and the high level of political trust"),
         &[(&wang, "speaker"), (&li, "speaker")]),
        ("break", 10,
         t("Перерыв на чай", "Шай үзілісі", "茶歇", "Tea break"),
         Text::new(), &[]),
        ("discussion", 50,
         t("Дискуссия: Казахстан как опора стабильности в Центральной Азии", "Пікірталас: Қазақстан — Орталық Азиядағы тұрақтылықтың тірегі", "讨论：哈萨克斯坦是中亚稳定的支柱", "Discussion: Kazakhstan as a pillar of stability in Central Asia"),
         t("Новые точки роста, сопряжение стратегий развития, региональные инициативы, экспертный диалог",
           "Жаңа өсу нүктелері, даму стратегияларын ұштастыру, өңірлік бастамалар, сараптамалық диалог",
           "新增长点、发展战略对接、地区倡议、专家对话",
           "New growth points, aligned development strategies, regional initiatives, expert dialogue"),
         &[(&sarsenova, "moderator"), (&liu, "speaker"), (&chen, "speaker"), (&zhao, "speaker")]),
        ("closing", 10,
         t("Подведение итогов и закрытие", "Қорытынды және жабылу", "总结与闭幕", "Conclusions and closing"),
         Text::new(), &[(&nuryshev, "chair")]),
    ];
    let mut item_ids = Vec::new();
    for (pos, (kind, minutes, title, description, roles)) in agenda.iter().enumerate() {
        let item = new_id();
        item_ids.push(item.clone());
        tx.execute(
            "INSERT INTO agenda_item (id, session_id, position, kind, title, description,
                                      duration_min, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                item,
                eighth,
                pos as i64,
                kind,
                title.to_json(),
                description.to_json(),
                minutes,
                now
            ],
        )?;
        for (i, (person, role)) in roles.iter().enumerate() {
            tx.execute(
                "INSERT INTO agenda_role (agenda_item_id, person_id, role, position)
                 VALUES (?1, ?2, ?3, ?4)",
                params![item, person, role, i as i64],
            )?;
        }
    }

    insert_minutes(tx, &now, &eighth, &item_ids, &nuryshev, &wang, &li, &chen)?;

    let invitees: [(&String, &str, &str, &str, &str); 9] = [
        (&nuryshev, "speaker", "confirmed", "in_person", "present"),
        (&wang, "speaker", "confirmed", "letter", "present"),
        (&li, "speaker", "confirmed", "letter", "present"),
        (&liu, "guest", "confirmed", "letter", "late"),
        (&chen, "guest", "confirmed", "wechat", "present"),
        (&zhao, "guest", "confirmed", "phone", "present"),
        (&sarsenova, "moderator", "confirmed", "in_person", "present"),
        (&kaliyev, "organizer", "confirmed", "in_person", "present"),
        (&omarova, "press", "confirmed", "email", "present"),
    ];
    for (person, role, status, channel, attended) in invitees {
        let invitation = new_id();
        tx.execute(
            "INSERT INTO invitation (id, session_id, person_id, role, status, channel,
                                     invited_at, responded_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2025-10-30T02:00:00Z', '2025-11-05T06:00:00Z', ?7, ?7)",
            params![invitation, eighth, person, role, status, channel, now],
        )?;
        tx.execute(
            "INSERT INTO attendance (invitation_id, status, checked_in_at)
             VALUES (?1, ?2, ?3)",
            params![
                invitation,
                attended,
                if attended == "late" {
                    "2025-11-20T07:20:00Z"
                } else {
                    "2025-11-20T06:50:00Z"
                }
            ],
        )?;
    }
    Ok(())
}

/// The 8th session's minutes, written from the press report (shared/seed).
#[allow(clippy::too_many_arguments)]
fn insert_minutes(
    tx: &Transaction,
    now: &str,
    session: &str,
    items: &[String],
    nuryshev: &str,
    wang: &str,
    li: &str,
    chen: &str,
) -> Result<()> {
    let summary = t(
        "В Культурном центре Казахстана состоялось 8-е заседание Клуба друзей Казахстана. Участники — бывшие послы Китая в Казахстане, представители госорганов, академического сообщества и профильных институтов — обсудили роль Казахстана в обеспечении устойчивости и безопасности в Центральной Азии. Диалог был живым и содержательным.",
        "Қазақстан мәдени орталығында Қазақстан достары клубының 8-ші отырысы өтті. Қатысушылар Қазақстанның Орталық Азиядағы тұрақтылық пен қауіпсіздікті қамтамасыз етудегі рөлін талқылады.",
        "俱乐部第八次会议在哈萨克斯坦文化中心举行。中国前驻哈萨克斯坦大使、政府部门、学术界和研究机构代表讨论了哈萨克斯坦在维护中亚稳定与安全中的作用。对话生动而富有成果。",
        "The Club's 8th session met at the Kazakhstan Cultural Centre. Former Chinese ambassadors to Kazakhstan, officials, scholars and researchers discussed Kazakhstan's role in the stability and security of Central Asia. The dialogue was lively and substantive.",
    );
    tx.execute(
        "INSERT INTO minutes (session_id, summary, updated_at) VALUES (?1, ?2, ?3)",
        params![session, summary.to_json(), now],
    )?;
    let notes = [
        (1, t(
            "Посол Республики Казахстан в КНР Шахрат Нурышев представил обзор политических и социально-экономических реформ:\n\n- модернизация системы госуправления\n- укрепление верховенства закона\n- развитие институтов государственности\n- продвижение концепции **«Справедливого Казахстана»**\n\nВечное всестороннее стратегическое партнёрство развивается устойчиво и последовательно. Главные сферы взаимодействия: торговля и инвестиции, промышленная кооперация, энергетика, транспортно-логистическая связанность, культурно-гуманитарные обмены.",
            "Қазақстан Республикасының ҚХР-дағы Елшісі Шахрат Нұрышев саяси және әлеуметтік-экономикалық реформаларға шолу жасады:\n\n- мемлекеттік басқару жүйесін жаңғырту\n- заң үстемдігін нығайту\n- мемлекеттілік институттарын дамыту\n- **«Әділетті Қазақстан»** тұжырымдамасын ілгерілету\n\nМәңгілік жан-жақты стратегиялық серіктестік тұрақты әрі дәйекті дамып келеді. Өзара іс-қимылдың негізгі салалары: сауда және инвестиция, өнеркәсіптік кооперация, энергетика, көлік-логистикалық байланыс, мәдени-гуманитарлық алмасу.",
            "努雷舍夫大使介绍了哈萨克斯坦的政治和社会经济改革：\n\n- 国家治理现代化\n- 加强法治\n- 发展国家制度\n- 推进**“公正的哈萨克斯坦”**理念\n\n永久全面战略伙伴关系稳步发展。主要合作领域：贸易投资、产业合作、能源、交通物流互联互通、人文交流。",
            "Ambassador Shakhrat Nuryshev reviewed the political and socio-economic reforms:\n\n- modernising public administration\n- strengthening the rule of law\n- developing state institutions\n- the **“Just Kazakhstan”** concept\n\nThe Eternal Comprehensive Strategic Partnership develops steadily and consistently. The main fields of cooperation: trade and investment, industrial cooperation, energy, transport and logistics connectivity, cultural and people-to-people exchange.",
        ), t("Реформы создают новую основу для сотрудничества с Китаем.", "Реформалар Қытаймен ынтымақтастықтың жаңа негізін қалайды.", "改革为与中国合作奠定了新基础。", "The reforms lay a new basis for cooperation with China.")),
        (2, t(
            "Выступающие, включая бывших послов Китая в Казахстане, высоко оценили личный вклад Президента Казахстана Касым-Жомарта Токаева в развитие двусторонних отношений. Они подчеркнули:\n\n1. последовательность внешнеполитического курса Казахстана\n2. высокий уровень политического доверия между Астаной и Пекином\n3. особую роль Казахстана в Центральной Азии",
            "Сөз сөйлегендер, соның ішінде Қытайдың Қазақстандағы бұрынғы елшілері, Қазақстан Президенті Қасым-Жомарт Тоқаевтың екіжақты қатынастарды дамытуға қосқан жеке үлесін жоғары бағалады. Олар мыналарды атап өтті:\n\n1. Қазақстанның сыртқы саяси бағытының дәйектілігі\n2. Астана мен Бейжің арасындағы саяси сенімнің жоғары деңгейі\n3. Қазақстанның Орталық Азиядағы ерекше рөлі",
            "包括中国前驻哈萨克斯坦大使在内的发言者高度评价托卡耶夫总统对发展双边关系的个人贡献。他们强调：\n\n1. 哈萨克斯坦外交政策的连续性\n2. 阿斯塔纳与北京之间高水平的政治互信\n3. 哈萨克斯坦在中亚的特殊作用",
            "Speakers, including former Chinese Ambassadors to Kazakhstan, praised President Kassym-Jomart Tokayev's personal contribution to bilateral relations. They stressed:\n\n1. the consistency of Kazakhstan's foreign policy\n2. the high level of political trust between Astana and Beijing\n3. Kazakhstan's special role in Central Asia",
        ), Text::new()),
        (4, t(
            "Эксперты выделили несколько ключевых направлений: новые точки роста в двустороннем сотрудничестве, сопряжение национальных стратегий развития, участие Казахстана в региональных и международных инициативах, усиление экспертного диалога. Много внимания уделили тому, как Астана и Пекин видят *долгосрочное* развитие отношений.",
            "Сарапшылар бірнеше негізгі бағытты атап өтті: екіжақты ынтымақтастықтағы жаңа өсу нүктелері, ұлттық даму стратегияларын ұштастыру, Қазақстанның өңірлік және халықаралық бастамаларға қатысуы, сараптамалық диалогты күшейту. Астана мен Бейжің қатынастардың *ұзақ мерзімді* дамуын қалай көретініне көп көңіл бөлінді.",
            "专家们指出了几个关键方向：双边合作的新增长点、国家发展战略对接、哈萨克斯坦参与地区和国际倡议、加强专家对话。与会者着重讨论了阿斯塔纳和北京如何看待两国关系的*长期*发展。",
            "The experts singled out several key directions: new points of growth in bilateral cooperation, aligning national development strategies, Kazakhstan's part in regional and international initiatives, and a stronger expert dialogue. Much attention went to how Astana and Beijing see the *long-term* development of relations.",
        ), t("Сотрудничество Китая и Казахстана — важный фактор устойчивого развития всего региона.", "Қытай мен Қазақстанның ынтымақтастығы — бүкіл өңірдің тұрақты дамуының маңызды факторы.", "中哈合作是整个地区可持续发展的重要因素。", "Cooperation between China and Kazakhstan is an important factor in the sustainable development of the whole region.")),
    ];
    for (index, body, key_points) in notes {
        tx.execute(
            "INSERT INTO minutes_item (agenda_item_id, notes, key_points, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![items[index], body.to_json(), key_points.to_json(), now],
        )?;
    }
    let remarks = [
        (1, nuryshev, t("В текущем году состоялась серия важных визитов на высшем уровне, которые задали долгосрочные ориентиры и подтвердили высокий уровень доверия.", "Биыл ұзақ мерзімді бағдарларды айқындап, сенімнің жоғары деңгейін растаған жоғары деңгейдегі бірқатар маңызды сапарлар өтті.", "今年举行了一系列重要的高层访问，确立了长期方向，体现了高度互信。", "This year saw a series of important top-level visits that set long-term guidelines and confirmed the high level of trust.")),
        (2, wang, t("Казахстан последовательно проводит взвешенный внешнеполитический курс.", "Қазақстан байыпты сыртқы саясатты дәйекті түрде жүргізіп келеді.", "哈萨克斯坦始终奉行稳健的外交政策。", "Kazakhstan consistently pursues a balanced foreign policy.")),
        (2, li, t("Политическое доверие между Астаной и Пекином находится на высоком уровне.", "Астана мен Бейжің арасындағы саяси сенім жоғары деңгейде.", "阿斯塔纳与北京之间的政治互信处于高水平。", "Political trust between Astana and Beijing is at a high level.")),
        (4, chen, t("Нужен регулярный экспертный диалог между институтами двух стран.", "Екі елдің институттары арасында тұрақты сараптамалық диалог қажет.", "两国研究机构之间需要定期开展专家对话。", "A regular expert dialogue between the two countries' institutes is needed.")),
    ];
    for (pos, (index, person, body)) in remarks.into_iter().enumerate() {
        tx.execute(
            "INSERT INTO remark (id, agenda_item_id, person_id, position, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![new_id(), items[index], person, pos as i64, body.to_json(), now],
        )?;
    }
    let decision = new_id();
    tx.execute(
        "INSERT INTO decision (id, agenda_item_id, position, body, created_at, updated_at) VALUES (?1, ?2, 0, ?3, ?4, ?4)",
        params![
            decision,
            items[4],
            t("Продолжить экспертный диалог: подготовить к 9-му заседанию обзор по транспортно-логистической связанности.", "Сараптамалық диалогты жалғастыру: 9-шы отырысқа көлік-логистикалық байланыс бойынша шолу дайындау.", "继续专家对话：为第九次会议准备交通物流互联互通综述。", "Continue the expert dialogue: prepare a review of transport and logistics connectivity for the 9th session.").to_json(),
            now
        ],
    )?;
    tx.execute(
        "INSERT INTO follow_up (id, session_id, decision_id, owner_person_id, body, due_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '2026-12-01', ?6, ?6)",
        params![
            new_id(),
            session,
            decision,
            chen,
            t("Обзор по транспортно-логистической связанности к 9-му заседанию", "9-шы отырысқа көлік-логистикалық байланыс бойынша шолу", "为第九次会议准备交通物流互联互通综述", "Review of transport and logistics connectivity for the 9th session").to_json(),
            now
        ],
    )?;
    Ok(())
}
