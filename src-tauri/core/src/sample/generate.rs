//! A generated Club archive for benchmarks: `years` of sessions with everything the app
//! records, the same for the same seed. At 20 years: 300 sessions, 10,000 people with
//! names in Cyrillic, Latin and Chinese, 15,000 invitations, about 100,000 minutes
//! paragraphs in Russian, Kazakh, Chinese and English, decisions and follow-ups, themes.
//! Written in one transaction through the schema's own triggers (the search index
//! included), into an empty database.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::error::{Error, InvalidReason, Result};
use crate::rng::Rng;
use crate::store::db::Db;
use crate::text::{Lang, Text};

pub const SESSIONS_PER_YEAR: u32 = 15;
pub const PEOPLE_PER_YEAR: u32 = 500;
pub const INVITEES_PER_SESSION: usize = 50;
/// Agenda items per session; all but the break get minutes.
const AGENDA: [(&str, u32); 8] = [
    ("opening", 10),
    ("report", 30),
    ("remarks", 20),
    ("discussion", 25),
    ("discussion", 25),
    ("break", 10),
    ("discussion", 20),
    ("closing", 10),
];
/// Paragraphs per language in each item's notes.
const PARAGRAPHS: usize = 10;
/// The archive ends in this year (its last sessions still planned).
const LAST_YEAR: i32 = 2026;
const TODAY: &str = "2026-11-26";

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Generated {
    pub years: u32,
    pub seed: u64,
    pub sessions: u32,
    pub people: u32,
    pub invitations: u32,
    pub agenda_items: u32,
    pub minutes_paragraphs: u32,
    pub remarks: u32,
    pub decisions: u32,
    pub follow_ups: u32,
    pub themes: u32,
}

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

fn paragraph(rng: &mut Rng, lang: Lang) -> String {
    let n = 2 + rng.below(3);
    let sep = if lang == Lang::Zh { "" } else { " " };
    (0..n)
        .map(|_| sentence(rng, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

fn in_all(rng: &mut Rng, paragraphs: usize) -> Text {
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

fn t4(ru: String, kk: String, zh: String, en: String) -> Text {
    Text::new()
        .with(Lang::Ru, &ru)
        .with(Lang::Kk, &kk)
        .with(Lang::Zh, &zh)
        .with(Lang::En, &en)
}

fn ms(date: NaiveDate) -> u64 {
    date.and_hms_opt(6, 0, 0)
        .map(|d| d.and_utc().timestamp_millis().max(0) as u64)
        .unwrap_or(0)
}

fn stamp_of(date: NaiveDate) -> String {
    format!("{date}T06:00:00Z")
}

/// The span an archive can be generated for: 1 to 50 years.
pub fn check_years(years: u32) -> Result<()> {
    if (1..=50).contains(&years) {
        Ok(())
    } else {
        Err(Error::invalid("years", InvalidReason::OutOfRange))
    }
}

/// Fills the empty database `db` with `years` of Club life.
pub fn generate(db: &Db, years: u32, seed: u64) -> Result<Generated> {
    check_years(years)?;
    db.write(|tx| {
        let empty: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM session) AND NOT EXISTS (SELECT 1 FROM person)",
            [],
            |r| r.get(0),
        )?;
        if !empty {
            return Err(Error::invalid("database", InvalidReason::NotEmpty));
        }
        crate::store::settings::mark_initialised(tx)?;
        let made = fill(tx, years, seed)?;
        // Twenty years of saves leave the search index merged; written in one go it is a
        // heap of small segments, and the first saves measured would pay for merging them
        // (save an agenda item: p99 14 ms instead of 2 ms).
        tx.execute(
            "INSERT INTO search_index (search_index) VALUES ('optimize')",
            [],
        )?;
        Ok(made)
    })
}

fn fill(tx: &Transaction, years: u32, seed: u64) -> Result<Generated> {
    let mut rng = Rng::new(seed);
    let mut g = Generated {
        years,
        seed,
        ..Generated::default()
    };
    let first_year = LAST_YEAR - years as i32 + 1;
    let start = NaiveDate::from_ymd_opt(first_year, 1, 10).expect("a valid first day");
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a valid day");
    let created = stamp_of(start);
    let t0 = ms(start);

    let kinds = [
        "embassy",
        "government",
        "institute",
        "university",
        "media",
        "company",
    ];
    let mut orgs = Vec::new();
    for i in 0..(20 + 2 * years) {
        let id = rng.id(t0);
        let n = i + 1;
        let name = t4(
            format!("Организация № {n}"),
            format!("№ {n} ұйым"),
            format!("第{n}机构"),
            format!("Organisation No. {n}"),
        );
        tx.prepare_cached(
            "INSERT INTO organisation (id, name, country, kind, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        )?
        .execute(params![
            id,
            name.to_json(),
            if i % 2 == 0 { "KZ" } else { "CN" },
            rng.pick(&kinds),
            created
        ])?;
        orgs.push(id);
    }
    let mut categories = Vec::new();
    for (rank, (ru, en)) in [
        ("Послы", "Ambassadors"),
        ("Бывшие послы", "Former ambassadors"),
        ("Официальные лица", "Officials"),
        ("Учёные", "Scholars"),
        ("Гости", "Guests"),
    ]
    .iter()
    .enumerate()
    {
        let id = rng.id(t0);
        tx.prepare_cached("INSERT INTO precedence_category (id, name, rank) VALUES (?1, ?2, ?3)")?
            .execute(params![
                id,
                Text::new().with(Lang::Ru, ru).with(Lang::En, en).to_json(),
                rank as i64
            ])?;
        categories.push(id);
    }

    let mut people = Vec::new();
    for i in 0..(PEOPLE_PER_YEAR * years) {
        let id = rng.id(t0 + u64::from(i));
        let names: Vec<(Lang, String, String, bool)> = match rng.below(20) {
            0..=7 => {
                let (f, fl) = *rng.pick(&KZ_FAMILY);
                let (g, gl) = *rng.pick(&KZ_GIVEN);
                vec![
                    (Lang::Kk, f.into(), g.into(), false),
                    (Lang::Ru, f.into(), g.into(), false),
                    (Lang::En, fl.into(), gl.into(), false),
                ]
            }
            8..=16 => {
                let (f, fr, fl) = *rng.pick(&ZH_FAMILY);
                let (g, gr, gl) = *rng.pick(&ZH_GIVEN);
                vec![
                    (Lang::Zh, f.into(), g.into(), true),
                    (Lang::Ru, fr.into(), gr.into(), true),
                    (Lang::En, fl.into(), gl.into(), true),
                ]
            }
            _ => {
                let (fl, fr, gl, gr) = *rng.pick(&OTHER);
                vec![
                    (Lang::En, fl.into(), gl.into(), false),
                    (Lang::Ru, fr.into(), gr.into(), false),
                ]
            }
        };
        let country = match names[0].0 {
            Lang::Kk => "KZ",
            Lang::Zh => "CN",
            _ => "DE",
        };
        tx.prepare_cached(
            "INSERT INTO person (id, organisation_id, country, email, languages,
                                 precedence_category_id, precedence_rank, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '[\"ru\"]', ?5, ?6, ?7, ?7)",
        )?
        .execute(params![
            id,
            rng.pick(&orgs),
            country,
            format!("person{i}@example.org"),
            rng.pick(&categories),
            rng.below(100) as i64,
            created
        ])?;
        for (lang, family, given, family_first) in names {
            tx.prepare_cached(
                "INSERT INTO person_name (person_id, lang, family, given, family_first)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![id, lang.code(), family, given, family_first])?;
        }
        crate::store::search::index_people(tx, Some(&[id.as_str()]))?;
        tx.prepare_cached(
            "INSERT INTO person_position (id, person_id, title, organisation_id, started_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            rng.id(t0),
            id,
            t4(
                "Эксперт".into(),
                "Сарапшы".into(),
                "专家".into(),
                "Expert".into()
            )
            .to_json(),
            rng.pick(&orgs),
            start.to_string()
        ])?;
        people.push(id);
    }
    g.people = people.len() as u32;

    let mut themes = Vec::new();
    for i in 0..(30 + 2 * years) {
        let id = rng.id(t0);
        let n = i + 1;
        let (ru, kk, zh, en) = (
            rng.pick(RU[1]).to_string(),
            rng.pick(KK[1]).to_string(),
            rng.pick(ZH[1]).to_string(),
            rng.pick(EN[1]).to_string(),
        );
        let name = t4(
            format!("{ru} ({n})"),
            format!("{kk} ({n})"),
            format!("{zh}（{n}）"),
            format!("{en} ({n})"),
        );
        tx.prepare_cached("INSERT INTO theme (id, name) VALUES (?1, ?2)")?
            .execute(params![id, name.to_json()])?;
        themes.push(id);
    }
    g.themes = themes.len() as u32;

    let venue = t4(
        "Культурный центр Казахстана, Пекин".into(),
        "Қазақстан мәдени орталығы, Бейжің".into(),
        "哈萨克斯坦文化中心，北京".into(),
        "Kazakhstan Cultural Centre, Beijing".into(),
    );
    let total = SESSIONS_PER_YEAR * years;
    for n in 1..=total {
        let year = first_year + ((n - 1) / SESSIONS_PER_YEAR) as i32;
        let in_year = (n - 1) % SESSIONS_PER_YEAR;
        let date = NaiveDate::from_ymd_opt(year, 1, 15).expect("a valid day")
            + Duration::days(i64::from(in_year) * 23 + rng.below(4) as i64);
        let stamp = stamp_of(date);
        let t = ms(date);
        let held = date < today;
        let status = if !held {
            "planned"
        } else if date + Duration::days(60) < today {
            "minutes_approved"
        } else {
            "held"
        };
        let session = rng.id(t);
        let (ru, kk, zh, en) = (
            rng.pick(RU[1]),
            rng.pick(KK[1]),
            rng.pick(ZH[1]),
            rng.pick(EN[1]),
        );
        let title = t4(
            format!("{n}-е заседание: {ru}"),
            format!("{n}-отырыс: {kk}"),
            format!("第{n}次会议：{zh}"),
            format!("Session {n}: {en}"),
        );
        tx.prepare_cached(
            "INSERT INTO session (id, number, title, theme, venue, date, start_time, end_time,
                                  time_zone, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '15:00', '17:30', 'Asia/Shanghai', ?7, ?8, ?8)",
        )?
        .execute(params![
            session,
            n,
            title.to_json(),
            title.to_json(),
            venue.to_json(),
            date.to_string(),
            status,
            stamp
        ])?;
        g.sessions += 1;
        let a = rng.below(themes.len());
        let b = (a + 1 + rng.below(themes.len() - 1)) % themes.len();
        for (pos, theme) in [a, b].iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO session_theme (session_id, theme_id, position) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![session, themes[*theme], pos as i64])?;
        }

        // Invitees: distinct people, the speakers among the first.
        let mut invited: Vec<&String> = Vec::with_capacity(INVITEES_PER_SESSION);
        while invited.len() < INVITEES_PER_SESSION.min(people.len()) {
            let p = rng.pick(&people);
            if !invited.contains(&p) {
                invited.push(p);
            }
        }
        for (i, person) in invited.iter().enumerate() {
            let invitation = rng.id(t);
            let role = match i {
                0..=3 => "speaker",
                4 => "moderator",
                5 => "organizer",
                6 => "press",
                _ => "guest",
            };
            let status = *rng.pick(&[
                "confirmed",
                "confirmed",
                "confirmed",
                "declined",
                "tentative",
                "invited",
            ]);
            let channel = *rng.pick(&["letter", "phone", "wechat", "email", "in_person"]);
            tx.prepare_cached(
                "INSERT INTO invitation (id, session_id, person_id, role, status, channel,
                                         invited_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)",
            )?
            .execute(params![
                invitation,
                session,
                person,
                role,
                status,
                channel,
                stamp_of(date - Duration::days(20))
            ])?;
            g.invitations += 1;
            if held && status == "confirmed" {
                let attended = *rng.pick(&["present", "present", "present", "late", "absent"]);
                tx.prepare_cached(
                    "INSERT INTO attendance (invitation_id, status, checked_in_at)
                     VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    invitation,
                    attended,
                    (attended != "absent").then(|| format!("{date}T06:55:00Z"))
                ])?;
            }
        }

        if held {
            let summary = in_all(&mut rng, 1);
            tx.prepare_cached(
                "INSERT INTO minutes (session_id, summary, approved_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                session,
                summary.to_json(),
                (status == "minutes_approved").then(|| stamp.clone()),
                stamp
            ])?;
            g.minutes_paragraphs += 4;
        }
        for (pos, (kind, minutes)) in AGENDA.iter().enumerate() {
            let item = rng.id(t);
            let (ru, kk, zh, en) = (
                rng.pick(RU[1]),
                rng.pick(KK[1]),
                rng.pick(ZH[1]),
                rng.pick(EN[1]),
            );
            let title = t4(
                ru.to_string(),
                kk.to_string(),
                zh.to_string(),
                en.to_string(),
            );
            tx.prepare_cached(
                "INSERT INTO agenda_item (id, session_id, position, kind, title, description,
                                          duration_min, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )?
            .execute(params![
                item,
                session,
                pos as i64,
                kind,
                title.to_json(),
                in_all(&mut rng, 1).to_json(),
                minutes,
                stamp
            ])?;
            g.agenda_items += 1;
            if *kind == "break" {
                continue;
            }
            let speaker = invited[pos % 4];
            tx.prepare_cached(
                "INSERT INTO agenda_role (agenda_item_id, person_id, role, position)
                 VALUES (?1, ?2, 'speaker', 0)",
            )?
            .execute(params![item, speaker])?;
            if !held {
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO minutes_item (agenda_item_id, notes, key_points, updated_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                item,
                in_all(&mut rng, PARAGRAPHS).to_json(),
                in_all(&mut rng, 1).to_json(),
                stamp
            ])?;
            g.minutes_paragraphs += (PARAGRAPHS as u32 + 1) * 4;
            for r in 0..2 {
                let body = Text::new()
                    .with(Lang::Ru, &paragraph(&mut rng, Lang::Ru))
                    .with(Lang::Zh, &paragraph(&mut rng, Lang::Zh));
                tx.prepare_cached(
                    "INSERT INTO remark (id, agenda_item_id, person_id, position, body,
                                         created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                )?
                .execute(params![
                    rng.id(t),
                    item,
                    invited[4 + rng.below(invited.len() - 4)],
                    r,
                    body.to_json(),
                    stamp
                ])?;
                g.remarks += 1;
                g.minutes_paragraphs += 2;
            }
            if *kind == "discussion" {
                let decision = rng.id(t);
                let body = in_all(&mut rng, 1);
                tx.prepare_cached(
                    "INSERT INTO decision (id, agenda_item_id, position, body, created_at, updated_at)
                     VALUES (?1, ?2, 0, ?3, ?4, ?4)",
                )?
                .execute(params![decision, item, body.to_json(), stamp])?;
                g.decisions += 1;
                let due = date + Duration::days(45);
                let done = due < today;
                tx.prepare_cached(
                    "INSERT INTO follow_up (id, session_id, decision_id, owner_person_id, body,
                                            due_on, status, created_at, updated_at, closed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                )?
                .execute(params![
                    rng.id(t),
                    session,
                    decision,
                    speaker,
                    body.to_json(),
                    due.to_string(),
                    if done { "done" } else { "open" },
                    stamp,
                    done.then(|| stamp_of(due))
                ])?;
                g.follow_ups += 1;
            }
        }
    }
    Ok(g)
}
