//! The press note: drafted from the demo's 8th session in each language, holding what the
//! seed report says (checked through every exported format), edited, drafted again only
//! when asked, its revisions; markup in a name stays text.

use std::io::Read;

use club_core::documents::fonts::Fonts;
use club_core::documents::press_doc::{self, PressFormat};
use club_core::error::Error;
use club_core::minutes::press;
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::{FixedClock, Lang};

use crate::common::{clock, pdftotext, squeeze, test_db, TestDb};

fn eighth() -> (TestDb, String) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let id = sessions::find_by_number(&db, &clock(), 8).unwrap().id;
    (db, id)
}

fn fonts() -> Fonts {
    Fonts::load(&Fonts::default_dir()).expect("the shipped fonts")
}

/// The text of a DOCX: every run of word/document.xml.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    markup_text(&xml)
}

/// XML or HTML as the reader sees it: tags dropped, entities read.
fn markup_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every format's text, squeezed (line breaks and table spacing differ between them).
fn every_format(db: &TestDb, id: &str, lang: Lang) -> Vec<(PressFormat, String)> {
    let fonts = fonts();
    [
        PressFormat::Pdf,
        PressFormat::Docx,
        PressFormat::Html,
        PressFormat::Txt,
    ]
    .into_iter()
    .map(|f| {
        let bytes = press_doc::export(db, &clock(), &fonts, id, lang, f).unwrap();
        let text = match f {
            PressFormat::Pdf => pdftotext(&bytes),
            PressFormat::Docx => docx_text(&bytes),
            PressFormat::Html => markup_text(&String::from_utf8(bytes).unwrap()),
            PressFormat::Txt => String::from_utf8(bytes).unwrap(),
        };
        (f, squeeze(&text))
    })
    .collect()
}

fn assert_holds(db: &TestDb, id: &str, lang: Lang, facts: &[&str]) {
    for (format, text) in every_format(db, id, lang) {
        for fact in facts {
            assert!(
                text.contains(&squeeze(fact)),
                "{lang:?} {format:?} lacks «{fact}»:\n{text}"
            );
        }
    }
}

#[test]
fn the_russian_draft_holds_what_the_seed_report_says() {
    let (db, id) = eighth();
    press::draft(&db, &clock(), &id, &[Lang::Ru], false).unwrap();
    assert_holds(
        &db,
        &id,
        Lang::Ru,
        &[
            "Состоялось 8-е заседание Клуба друзей Казахстана в Китае",
            "20 ноября 2025 года состоялось 8-е заседание",
            "Место встречи — Культурный центр Казахстана, Пекин.",
            // The ambassador, his position and his report.
            "С основным докладом выступил Посол Республики Казахстан в КНР Шахрат Нурышев.",
            "«Справедливого Казахстана»",
            // Former Chinese ambassadors' remarks, in the order of precedence.
            "Посол КНР в Республике Казахстан в 2010–2014 гг. Ван Лисинь отметил: «Казахстан последовательно проводит взвешенный внешнеполитический курс».",
            "Ли Цзяньго отметил: «Политическое доверие между Астаной и Пекином находится на высоком уровне».",
            // The themes and the decision.
            "Сопряжение национальных стратегий развития",
            "Усиление экспертного диалога между Казахстаном и Китаем",
            "Продолжить экспертный диалог",
            "9-е заседание Клуба запланировано на 10 декабря 2026 года.",
        ],
    );
    // The chair and the order: the ambassador's report comes before the remarks.
    let note = press::one(&db, &id, Lang::Ru).unwrap();
    assert!(note
        .body
        .contains("Заседание вёл Посол Республики Казахстан в КНР Шахрат Нурышев."));
    let report = note.body.find("С основным докладом").unwrap();
    let wang = note.body.find("Ван Лисинь").unwrap();
    let li = note.body.find("Ли Цзяньго").unwrap();
    assert!(report < wang && wang < li, "{}", note.body);
    assert!(!note.edited);
}

#[test]
fn kazakh_chinese_and_english_drafts_write_names_dates_and_ordinals_their_way() {
    let (db, id) = eighth();
    press::draft(&db, &clock(), &id, &[], false).unwrap();
    assert_eq!(press::get(&db, &id).unwrap().len(), 4);
    assert_holds(
        &db,
        &id,
        Lang::Kk,
        &[
            "Қытайдағы Қазақстан достары клубының 8-ші отырысы өтті",
            "2025 жылғы 20 қараша күні",
            "Кездесу орны — Қазақстан мәдени орталығы, Бейжің.",
            "Негізгі баяндаманы Қазақстан Республикасының ҚХР-дағы Елшісі Шахрат Нұрышев жасады.",
            "Клубтың 9-шы отырысы 2026 жылғы 10 желтоқсан күні өтеді деп жоспарланған.",
        ],
    );
    assert_holds(
        &db,
        &id,
        Lang::Zh,
        &[
            "中国哈萨克斯坦之友俱乐部举行第八次会议",
            "2025年11月20日，中国哈萨克斯坦之友俱乐部第八次会议在北京哈萨克斯坦文化中心举行。",
            // Position, the name as Chinese writes a foreign one, then the honorific.
            "哈萨克斯坦共和国驻华大使沙赫拉特·努雷舍夫阁下作主旨报告。",
            "王立新阁下表示：“哈萨克斯坦始终奉行稳健的外交政策。”",
            "俱乐部第九次会议定于2026年12月10日举行。",
        ],
    );
    assert_holds(
        &db,
        &id,
        Lang::En,
        &[
            "The Club of Friends of Kazakhstan in China holds its 8th session",
            "On 20 November 2025 the Club of Friends of Kazakhstan in China held its 8th session at the Kazakhstan Cultural Centre, Beijing.",
            "The main report was given by H.E. Shakhrat Nuryshev, Ambassador of the Republic of Kazakhstan to China.",
            "H.E. Wang Lixin, former Ambassador of China to Kazakhstan, 2010–2014, said: “Kazakhstan consistently pursues a balanced foreign policy.”",
            "The Club's 9th session is planned for 10 December 2026.",
        ],
    );
}

#[test]
fn drafting_again_asks_before_it_replaces_an_edited_note() {
    let (db, id) = eighth();
    let first = press::draft(&db, &clock(), &id, &[Lang::Ru, Lang::Zh], false).unwrap();
    assert_eq!(first.len(), 2);
    // An unedited note is drafted again without a question.
    press::draft(&db, &clock(), &id, &[Lang::Ru], false).unwrap();
    let edited = press::save(
        &db,
        &clock(),
        &id,
        Lang::Ru,
        "Клуб друзей Казахстана провёл 8-е заседание",
        "Текст пресс-секретаря.",
    )
    .unwrap();
    assert!(edited.edited);
    let err = press::draft(&db, &clock(), &id, &[Lang::Zh, Lang::Ru], false).unwrap_err();
    assert!(
        matches!(&err, Error::Conflict { field, .. } if field == "press.ru"),
        "{err:?}"
    );
    // Nothing was written, in any language: the Chinese note is the first draft still.
    assert_eq!(
        press::one(&db, &id, Lang::Ru).unwrap().body,
        "Текст пресс-секретаря."
    );
    assert_eq!(
        press::one(&db, &id, Lang::Zh).unwrap().revision,
        first[1].revision
    );
    let replaced = press::draft(&db, &clock(), &id, &[Lang::Ru], true).unwrap();
    assert!(!replaced[0].edited);
    // The edited text is kept among the revisions and can be put back.
    let revisions = press::revisions(&db, &id, Lang::Ru).unwrap();
    let saved = revisions
        .iter()
        .find(|r| r.body == "Текст пресс-секретаря.")
        .expect("the edit is a revision");
    let back = press::restore(&db, &clock(), &id, Lang::Ru, saved.number).unwrap();
    assert_eq!(back.body, "Текст пресс-секретаря.");
    assert!(back.edited);
    assert_eq!(revisions[0].reason, "drafted");
    assert_eq!(saved.reason, "saved");
}

#[test]
fn saves_keep_a_revision_at_most_every_ten_minutes() {
    let (db, id) = eighth();
    press::draft(&db, &clock(), &id, &[Lang::En], false).unwrap();
    let later = |min: i64| FixedClock(clock().0 + chrono::Duration::minutes(min));
    press::save(&db, &later(1), &id, Lang::En, "A", "one").unwrap();
    press::save(&db, &later(2), &id, Lang::En, "A", "two").unwrap();
    press::save(&db, &later(12), &id, Lang::En, "A", "three").unwrap();
    let reasons: Vec<String> = press::revisions(&db, &id, Lang::En)
        .unwrap()
        .into_iter()
        .map(|r| format!("{} {}", r.reason, r.body.len()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(press::one(&db, &id, Lang::En).unwrap().body, "three");
}

#[test]
fn markup_in_the_note_is_text_in_every_format_and_bad_input_names_the_field() {
    let (db, id) = eighth();
    let body = "<script>alert(1)</script> & #set page(fill: red) **важно**";
    press::save(&db, &clock(), &id, Lang::Ru, "<b>Заголовок</b>", body).unwrap();
    let fonts = fonts();
    let html = String::from_utf8(
        press_doc::export(&db, &clock(), &fonts, &id, Lang::Ru, PressFormat::Html).unwrap(),
    )
    .unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; #set page(fill: red) <strong>важно</strong>"), "{html}");
    assert!(
        html.contains("<h1>&lt;b&gt;Заголовок&lt;/b&gt;</h1>"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    let pdf = pdftotext(
        &press_doc::export(&db, &clock(), &fonts, &id, Lang::Ru, PressFormat::Pdf).unwrap(),
    );
    assert!(
        squeeze(&pdf).contains(&squeeze("#set page(fill: red)")),
        "{pdf}"
    );
    let err = press::save(&db, &clock(), &id, Lang::Ru, "  ", "x").unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { field, .. } if field == "headline"),
        "{err:?}"
    );
    let err = press::save(&db, &clock(), &id, Lang::Ru, "H", "a\u{7}b").unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { field, .. } if field == "body"),
        "{err:?}"
    );
    // No note yet in Kazakh: exporting it says so.
    let err =
        press_doc::export(&db, &clock(), &fonts, &id, Lang::Kk, PressFormat::Txt).unwrap_err();
    assert!(
        matches!(err, Error::NotFound { what: "press note" }),
        "{err:?}"
    );
}

#[test]
fn chosen_photos_go_with_the_note_and_into_the_websites_fragment() {
    use club_core::attachments::{self, AttachmentPatch, NewFile};
    let (db, id) = eighth();
    press::draft(&db, &clock(), &id, &[Lang::Ru], false).unwrap();
    let photo = crate::attachments::jpeg(900, 600, None);
    let mut chosen = Vec::new();
    for (name, press) in [("group.jpg", true), ("hall.jpg", false)] {
        let a = attachments::add(
            &db,
            &clock(),
            &NewFile {
                session_id: &id,
                agenda_item_id: None,
                name,
                bytes: &photo,
                added_by: "",
            },
        )
        .unwrap();
        attachments::update(
            &db,
            &a.id,
            &AttachmentPatch {
                caption: Some(club_core::Text::new().with(Lang::Ru, &format!("Фото {name} & <b>"))),
                in_press: Some(press),
                ..Default::default()
            },
        )
        .unwrap();
        chosen.push(a);
    }
    let fonts = fonts();
    let html = String::from_utf8(
        press_doc::export(&db, &clock(), &fonts, &id, Lang::Ru, PressFormat::Html).unwrap(),
    )
    .unwrap();
    assert_eq!(html.matches("<figure>").count(), 1, "only the chosen photo");
    assert!(
        html.contains("<figcaption>Фото group.jpg &amp; &lt;b&gt;</figcaption>"),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"data:image/jpeg;base64,"),
        "self-contained"
    );
    assert!(html.trim_end().ends_with("</article>"));
    let pdf = press_doc::export(&db, &clock(), &fonts, &id, Lang::Ru, PressFormat::Pdf).unwrap();
    assert_eq!(crate::common::pdf_image_pages(&pdf).len(), 1);
    assert!(squeeze(&pdftotext(&pdf)).contains(&squeeze("Фото group.jpg & <b>")));
}
