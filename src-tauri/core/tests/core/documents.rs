use std::process::Command;

use club_core::agenda::{self, AgendaItemInput, ItemKind};
use club_core::documents::{self, DocumentKind, DocumentOptions, Layout, Paper};
use club_core::fonts::Fonts;
use club_core::people::{self, PersonInput, PersonName};
use club_core::{demo, invitations, sessions, Lang, Text};

use crate::common::{clock, test_db};

const KAZAKH: &str = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

fn fonts() -> Fonts {
    Fonts::load(&Fonts::default_dir()).expect("the shipped fonts")
}

/// The text of a PDF as pdftotext reads it (poppler-utils; scripts/setup installs it).
fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed: run scripts/setup --test");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn opts(langs: &[Lang], layout: Layout) -> DocumentOptions {
    DocumentOptions {
        langs: langs.to_vec(),
        layout,
        paper: Paper::A4,
    }
}

/// The demo with an item and a guest whose names hold every Kazakh letter, Russian,
/// Chinese, and markup that must print literally.
fn archive() -> (crate::common::TestDb, String) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let title = Text::new()
        .with(Lang::Kk, &format!("Қазақ әріптері: {KAZAKH}"))
        .with(
            Lang::Ru,
            "Щука, ёж и «кавычки» #set page(width: 1cm) *не жирный* <b>тег</b>",
        )
        .with(Lang::Zh, "交通物流互联互通 $x^2$ [链接](http://x)");
    agenda::add(
        &db,
        &clock(),
        &eighth.id,
        &AgendaItemInput {
            kind: Some(ItemKind::Other),
            title,
            duration_min: "5".into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let guest = people::create(
        &db,
        &clock(),
        &PersonInput {
            names: vec![
                PersonName {
                    lang: Lang::Kk,
                    family: "Әбілқасымова".into(),
                    given: "Гүлнәр Ұлықбекқызы Һ Ө Ң".into(),
                    patronymic: String::new(),
                    family_first: false,
                },
                PersonName {
                    lang: Lang::Zh,
                    family: "欧".into(),
                    given: "阳修".into(),
                    patronymic: String::new(),
                    family_first: true,
                },
            ],
            ..Default::default()
        },
    )
    .unwrap();
    invitations::invite(
        &db,
        &clock(),
        &eighth.id,
        &[guest.id],
        invitations::InviteeRole::Guest,
    )
    .unwrap();
    (db, eighth.id)
}

#[test]
fn the_agenda_prints_every_kazakh_letter_russian_and_chinese_and_markup_literally() {
    let (db, session) = archive();
    for (langs, layout) in [
        (vec![Lang::Kk, Lang::Zh], Layout::Side),
        (vec![Lang::Ru, Lang::Zh], Layout::Stacked),
        (vec![Lang::Ru], Layout::Side),
    ] {
        let pdf = documents::pdf(
            &db,
            &clock(),
            &fonts(),
            &session,
            DocumentKind::Agenda,
            &opts(&langs, layout),
        )
        .unwrap();
        let text = pdftotext(&pdf);
        if langs.contains(&Lang::Kk) {
            for letter in KAZAKH.split(' ') {
                assert!(text.contains(letter), "{langs:?}: Kazakh {letter} missing");
            }
            assert!(text.contains("2025 жылғы 20 қараша"), "{text}");
        }
        if langs.contains(&Lang::Ru) {
            for s in [
                "Щука, ёж",
                "#set page(width: 1cm)",
                "*не жирный*",
                "<b>тег</b>",
                "20 ноября 2025 г.",
                "8-е заседание",
            ] {
                assert!(
                    text.contains(s),
                    "{langs:?}: {s:?} not printed literally in\n{text}"
                );
            }
        }
        if langs.contains(&Lang::Zh) {
            for s in [
                "交通物流互联互通",
                "$x^2$",
                "[链接](http://x)",
                "第八次会议",
                "沙赫拉特·努雷舍夫",
                "2025年11月20日",
            ] {
                assert!(text.contains(s), "{langs:?}: {s:?} missing in\n{text}");
            }
        }
        // "1 / 2": pdftotext drops the thin spaces around the slash.
        let pages = text
            .lines()
            .filter(|l| {
                l.trim()
                    .split('/')
                    .map(str::trim)
                    .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                    && l.contains('/')
            })
            .count();
        assert!(pages >= 1, "page numbers in the footer: {text}");
    }
}

#[test]
fn the_sign_in_sheet_lists_the_invitees_in_precedence_order() {
    let (db, session) = archive();
    let pdf = documents::pdf(
        &db,
        &clock(),
        &fonts(),
        &session,
        DocumentKind::Signin,
        &opts(&[Lang::Kk, Lang::Zh], Layout::Stacked),
    )
    .unwrap();
    let text = pdftotext(&pdf);
    // pdftotext breaks lines inside table cells, so names are looked for by their parts.
    let nuryshev = text.find("Нұрышев").expect("the ambassador");
    let guest = text
        .find("Әбілқасымова")
        .expect("the guest with Kazakh letters");
    for part in ["Гүлнәр", "Ұлықбекқызы", "Һ Ө Ң"] {
        assert!(text.contains(part), "{part} of the guest's name in\n{text}");
    }
    assert!(nuryshev < guest, "precedence: the serving ambassador first");
    assert!(text.contains("欧阳修"));
    assert!(text.contains("Қолы") && text.contains("签名"));
}

#[test]
fn bad_language_choices_are_refused() {
    let (db, session) = archive();
    for langs in [
        vec![],
        vec![Lang::Ru, Lang::Ru],
        vec![Lang::Ru, Lang::Zh, Lang::En],
    ] {
        assert!(documents::pdf(
            &db,
            &clock(),
            &fonts(),
            &session,
            DocumentKind::Agenda,
            &opts(&langs, Layout::Side)
        )
        .is_err());
    }
}

#[test]
fn the_agenda_data_is_stable_on_a_fixed_clock() {
    let (db, session) = archive();
    let data = documents::agenda_data(
        &db,
        &clock(),
        &session,
        &opts(&[Lang::Ru, Lang::Zh], Layout::Side),
    )
    .unwrap();
    assert_eq!(data["session"]["ordinal"]["zh"], "第八次会议");
    assert_eq!(
        data["session"]["when"]["ru"],
        "20 ноября 2025 г., 15:00–17:30"
    );
    assert_eq!(data["items"][1]["start"], "15:10");
    assert_eq!(
        data["items"][1]["people"][0]["name"]["zh"],
        "沙赫拉特·努雷舍夫"
    );
    assert_eq!(
        data["labels"]["planned_end"]["ru"],
        "Окончание по плану: 17:25"
    );
    assert_eq!(
        data,
        documents::agenda_data(
            &db,
            &clock(),
            &session,
            &opts(&[Lang::Ru, Lang::Zh], Layout::Side)
        )
        .unwrap()
    );
}
