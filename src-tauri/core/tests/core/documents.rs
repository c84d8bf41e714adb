use std::process::Command;

use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format, Layout, Paper};
use club_core::minutes::followups::{self, FollowUpInput};
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput, ItemKind};
use club_core::planning::invitations;
use club_core::planning::rsvp;
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::{minutes, Lang, Text};

use crate::common::{clock, pdftotext, squeeze, test_db};

const KAZAKH: &str = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

fn fonts() -> Fonts {
    Fonts::load(&Fonts::default_dir()).expect("the shipped fonts")
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
            honorific: Text::new().with(Lang::Kk, KAZAKH),
            ..Default::default()
        },
    )
    .unwrap();
    let list = invitations::invite(
        &db,
        &clock(),
        &eighth.id,
        std::slice::from_ref(&guest.id),
        rsvp::InviteeRole::Guest,
    )
    .unwrap();
    let invitation = list
        .invitees
        .iter()
        .find(|i| i.person.id == guest.id)
        .unwrap();
    invitations::set_attendance(
        &db,
        &clock(),
        &invitation.id,
        Some(rsvp::AttendanceStatus::Present),
    )
    .unwrap();
    // Minutes of the new item: every Kazakh letter, Russian, Chinese, the minutes marks and
    // markup that must stay text.
    let agenda = agenda::get(&db, &eighth.id).unwrap();
    let item = agenda.items.last().unwrap();
    let notes = Text::new()
        .with(
            Lang::Kk,
            &format!("Хаттама: {KAZAKH}\n- **маңызды** тармақ\n1. *екінші*"),
        )
        .with(
            Lang::Ru,
            "Заметка #set text(red) <script>alert(1)</script> \\ $ x $",
        )
        .with(Lang::Zh, "纪要：**重点** 与 #let x = 1");
    minutes::set_item(&db, &clock(), &item.id, &notes, &Text::new()).unwrap();
    minutes::save_remark(
        &db,
        &clock(),
        &item.id,
        None,
        &guest.id,
        &Text::new()
            .with(Lang::Kk, "Сөз: ғылым мен өнер")
            .with(Lang::Zh, "发言：区域合作"),
    )
    .unwrap();
    let m = minutes::save_decision(
        &db,
        &clock(),
        &item.id,
        None,
        &Text::new()
            .with(Lang::Ru, "Решение: щедрость")
            .with(Lang::Kk, "Шешім: Һ һ")
            .with(Lang::Zh, "决定：下次会议"),
    )
    .unwrap();
    let decision = m.items.last().unwrap().decisions[0].id.clone();
    followups::create_from_decision(
        &db,
        &clock(),
        &decision,
        &FollowUpInput {
            body: Text::new()
                .with(Lang::Ru, "Подготовить обзор [ссылка](x)")
                .with(Lang::Zh, "准备综述"),
            owner_person_id: guest.id.clone(),
            due_on: "2026-01-15".into(),
            status: None,
        },
    )
    .unwrap();
    (db, eighth.id)
}

const PDF_KINDS: [DocumentKind; 6] = [
    DocumentKind::Agenda,
    DocumentKind::Minutes,
    DocumentKind::Invitees,
    DocumentKind::Signin,
    DocumentKind::Cards,
    DocumentKind::Dossier,
];

/// What each document must show, as pdftotext returns it: pieces short enough not to be
/// broken by a table cell's line breaks.
fn expected(kind: DocumentKind, lang: Lang) -> Vec<&'static str> {
    // The guest is on every list of people, not on the agenda.
    let mut out: Vec<&'static str> = match (lang, kind) {
        (_, DocumentKind::Agenda) => vec![],
        (Lang::Kk, _) => vec!["Әбілқасымова", "Гүлнәр"],
        (Lang::Zh, _) => vec!["欧阳修"],
        _ => vec![],
    };
    let names_only = matches!(
        kind,
        DocumentKind::Signin | DocumentKind::Cards | DocumentKind::Invitees
    );
    match (lang, names_only) {
        (Lang::Kk, false) => out.extend(["Қазақ әріптері", "2025 жылғы 20 қараша"]),
        (Lang::Ru, false) => out.extend([
            "Щука, ёж",
            "#set page(width: 1cm)",
            "*не жирный*",
            "<b>тег</b>",
            "20 ноября 2025 г.",
            "8-е заседание",
        ]),
        (Lang::Zh, false) => out.extend([
            "交通物流互联互通",
            "$x^2$",
            "[链接](http://x)",
            "第八次会议",
            "2025年11月20日",
        ]),
        (Lang::Ru, true) => out.extend(["Нурышев"]),
        (Lang::Zh, true) => out.extend(["沙赫拉特·努雷舍夫"]),
        _ => {}
    }
    if matches!(kind, DocumentKind::Minutes | DocumentKind::Dossier) {
        out.extend(match lang {
            Lang::Kk => vec!["Хаттама:", "маңызды", "Сөз: ғылым мен өнер", "Шешім: Һ һ"],
            Lang::Ru => vec![
                "Заметка #set text(red) <script>alert(1)</script> \\ $ x $",
                "Решение: щедрость",
                "Подготовить обзор [ссылка](x)",
                "15 января 2026 г.",
            ],
            Lang::Zh => vec![
                "纪要：重点 与 #let x = 1",
                "发言：区域合作",
                "决定：下次会议",
                "准备综述",
            ],
            Lang::En => vec![],
        });
    }
    out
}

#[test]
fn every_document_prints_every_kazakh_letter_russian_and_chinese_and_markup_literally() {
    let (db, session) = archive();
    for kind in PDF_KINDS {
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
                kind,
                &opts(&langs, layout),
            )
            .unwrap_or_else(|e| panic!("{kind:?} {langs:?}: {e}"));
            let text = pdftotext(&pdf);
            let flat = squeeze(&text);
            if langs.contains(&Lang::Kk) {
                for letter in KAZAKH.split(' ') {
                    assert!(
                        text.contains(letter),
                        "{kind:?} {langs:?}: Kazakh {letter} missing in\n{text}"
                    );
                }
            }
            for lang in &langs {
                for s in expected(kind, *lang) {
                    let s_flat = squeeze(s);
                    assert!(
                        flat.contains(&s_flat),
                        "{kind:?} {langs:?}: {s:?} not printed literally in\n{text}"
                    );
                }
            }
            if kind != DocumentKind::Cards {
                assert!(
                    page_numbers(&text) >= 1,
                    "{kind:?}: page numbers in the footer: {text}"
                );
            }
        }
    }
}

/// Footer lines "n / total" (pdftotext drops the thin spaces around the slash).
fn page_numbers(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            l.contains('/')
                && l.trim()
                    .split('/')
                    .map(str::trim)
                    .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .count()
}

#[test]
fn the_dossier_numbers_its_pages_through_all_three_parts() {
    let (db, session) = archive();
    let o = opts(&[Lang::Ru], Layout::Side);
    let pages = |kind| {
        let pdf = documents::pdf(&db, &clock(), &fonts(), &session, kind, &o).unwrap();
        page_numbers(&pdftotext(&pdf))
    };
    let parts =
        pages(DocumentKind::Agenda) + pages(DocumentKind::Invitees) + pages(DocumentKind::Minutes);
    let pdf = documents::pdf(&db, &clock(), &fonts(), &session, DocumentKind::Dossier, &o).unwrap();
    let text = pdftotext(&pdf);
    assert!(parts >= 3);
    assert!(
        text.contains(&format!("{parts} / {parts}")) || text.contains(&format!("{parts}/{parts}")),
        "the last page says {parts} / {parts}:\n{text}"
    );
    let agenda = text.find("Повестка дня").unwrap();
    let invitees = text.find("Список приглашённых").unwrap();
    let minutes = text.find("Протокол заседания").unwrap();
    assert!(agenda < invitees && invitees < minutes);
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
    let nuryshev = text.find("Нұрышев").expect("the ambassador");
    let guest = text
        .find("Әбілқасымова")
        .expect("the guest with Kazakh letters");
    assert!(nuryshev < guest, "precedence: the serving ambassador first");
    assert!(text.contains("Қолы") && text.contains("签名"));
}

#[test]
fn name_cards_are_one_folded_sheet_per_expected_guest() {
    let (db, session) = archive();
    let o = opts(&[Lang::Ru, Lang::Zh], Layout::Side);
    let cards = documents::cards_data(&db, &clock(), &session, &o).unwrap();
    let list = invitations::list(&db, &session).unwrap();
    let declined = list
        .invitees
        .iter()
        .filter(|i| i.status == rsvp::InvitationStatus::Declined)
        .count();
    assert_eq!(cards.cards.len(), list.invitees.len() - declined);
    let pdf = documents::pdf(&db, &clock(), &fonts(), &session, DocumentKind::Cards, &o).unwrap();
    let text = pdftotext(&pdf);
    assert_eq!(
        text.matches('\u{c}').count(),
        cards.cards.len(),
        "one page per card"
    );
    // Both faces of the fold carry the name.
    assert_eq!(text.matches("沙赫拉特·努雷舍夫").count(), 2, "{text}");
}

#[test]
fn bad_choices_are_refused_with_the_field_named() {
    let (db, session) = archive();
    for langs in [
        vec![],
        vec![Lang::Ru, Lang::Ru],
        vec![Lang::Ru, Lang::Zh, Lang::En],
    ] {
        let err = documents::pdf(
            &db,
            &clock(),
            &fonts(),
            &session,
            DocumentKind::Agenda,
            &opts(&langs, Layout::Side),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("langs"), "{err}");
    }
    for (kind, format) in [
        (DocumentKind::Cards, Format::Docx),
        (DocumentKind::Agenda, Format::Ics),
        (DocumentKind::Ics, Format::Pdf),
        (DocumentKind::Minutes, Format::Csv),
    ] {
        let err = documents::export(
            &db,
            &clock(),
            &fonts(),
            &session,
            kind,
            format,
            &opts(&[Lang::Ru], Layout::Side),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("format"),
            "{kind:?} as {format:?}: {err}"
        );
    }
    let err = documents::pdf(
        &db,
        &clock(),
        &fonts(),
        "0190c5e0-0000-7000-8000-000000000000",
        DocumentKind::Agenda,
        &opts(&[Lang::Ru], Layout::Side),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not found"), "{err}");
}

/// Snapshots of what every document shows, on the fixed clock (review changes with
/// `cargo insta review`).
#[test]
fn document_data_snapshots() {
    let (db, session) = archive();
    let o = opts(&[Lang::Ru, Lang::Zh], Layout::Side);
    for kind in PDF_KINDS {
        if kind == DocumentKind::Dossier {
            continue; // the three parts, each snapshotted
        }
        let data = documents::data(&db, &clock(), &session, kind, &o).unwrap();
        insta::assert_json_snapshot!(format!("document_{}", kind.code()), data);
    }
    let ics = documents::export(
        &db,
        &clock(),
        &fonts(),
        &session,
        DocumentKind::Ics,
        Format::Ics,
        &o,
    )
    .unwrap();
    let ics = String::from_utf8(ics).unwrap();
    let uid = ics
        .lines()
        .find(|l| l.starts_with("UID:"))
        .unwrap()
        .to_string();
    insta::assert_snapshot!(
        "document_ics",
        ics.replace(&uid, "UID:[session id]@club-planner")
            .replace("\r\n", "\n")
    );
}

#[test]
fn the_agenda_data_is_stable_on_a_fixed_clock() {
    let (db, session) = archive();
    let o = opts(&[Lang::Ru, Lang::Zh], Layout::Side);
    let data =
        serde_json::to_value(documents::agenda_data(&db, &clock(), &session, &o).unwrap()).unwrap();
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
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (scripts/setup --test installs it)"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Word files as LibreOffice reads them: converted headless to PDF, the text checked.
#[test]
fn the_docx_files_open_in_libreoffice_with_every_script() {
    let (db, session) = archive();
    let dir = tempfile::tempdir().unwrap();
    // LibreOffice finds the shipped fonts through a private home's ~/.fonts.
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".fonts")).unwrap();
    for f in std::fs::read_dir(Fonts::default_dir()).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "ttf" || e == "otf") {
            std::fs::copy(&f, home.join(".fonts").join(f.file_name().unwrap())).unwrap();
        }
    }
    let mut files = vec![];
    for (kind, langs, layout) in [
        (DocumentKind::Agenda, vec![Lang::Kk, Lang::Zh], Layout::Side),
        (
            DocumentKind::Minutes,
            vec![Lang::Ru, Lang::Zh],
            Layout::Stacked,
        ),
        (DocumentKind::Minutes, vec![Lang::Kk], Layout::Side),
    ] {
        let bytes = documents::export(
            &db,
            &clock(),
            &fonts(),
            &session,
            kind,
            Format::Docx,
            &opts(&langs, layout),
        )
        .unwrap();
        let path = dir.path().join(format!(
            "{}-{}.docx",
            kind.code(),
            langs.iter().map(|l| l.code()).collect::<String>()
        ));
        std::fs::write(&path, bytes).unwrap();
        files.push((path, kind, langs));
    }
    let out = dir.path().join("out");
    run(Command::new("soffice")
        .env("HOME", &home)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out)
        .args(files.iter().map(|(p, _, _)| p)));
    for (path, kind, langs) in files {
        let pdf = out.join(path.with_extension("pdf").file_name().unwrap());
        let text = pdftotext(&std::fs::read(&pdf).unwrap());
        let flat = squeeze(&text);
        if langs.contains(&Lang::Kk) {
            for letter in KAZAKH.split(' ') {
                assert!(
                    text.contains(letter),
                    "{path:?}: Kazakh {letter} missing in\n{text}"
                );
            }
        }
        for lang in &langs {
            for s in expected(kind, *lang) {
                let s_flat = squeeze(s);
                assert!(flat.contains(&s_flat), "{path:?}: {s:?} missing in\n{text}");
            }
        }
    }
}

/// The calendar file as Python's icalendar reads it: the start in the session's zone.
/// Debian's own Python, where apt installs python3-icalendar (not a pyenv shim's).
#[test]
fn the_ics_parses_with_a_real_calendar_parser_in_the_right_zone() {
    let (db, session) = archive();
    let berlin = sessions::create(
        &db,
        &clock(),
        &sessions::SessionInput {
            number: "40".into(),
            title: Text::new().with(Lang::En, "Summer session; with, commas"),
            date: "2026-06-10".into(),
            start: "15:00".into(),
            end: "17:00".into(),
            time_zone: "Europe/Berlin".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (id, lang, utc_start, summary) in [
        (
            &session,
            Lang::Zh,
            "2025-11-20T07:00:00+00:00",
            "第八次会议",
        ),
        (
            &berlin.id,
            Lang::En,
            "2026-06-10T13:00:00+00:00",
            "40th session — Summer session; with, commas",
        ),
    ] {
        let ics = documents::export(
            &db,
            &clock(),
            &fonts(),
            id,
            DocumentKind::Ics,
            Format::Ics,
            &opts(&[lang], Layout::Side),
        )
        .unwrap();
        let path = dir.path().join("s.ics");
        std::fs::write(&path, ics).unwrap();
        let out = run(Command::new("/usr/bin/python3")
            .arg("-c")
            .arg(
                "import sys, icalendar, datetime\n\
             cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
             ev = [c for c in cal.walk('VEVENT')][0]\n\
             start = ev.decoded('DTSTART')\n\
             assert start.tzinfo is not None\n\
             print(start.astimezone(datetime.timezone.utc).isoformat())\n\
             print(str(ev.get('SUMMARY')))\n\
             print(len([c for c in cal.walk('VTIMEZONE')]))",
            )
            .arg(&path));
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some(utc_start), "{out}");
        assert!(lines.next().unwrap().contains(summary), "{out}");
        assert_eq!(lines.next(), Some("1"), "one VTIMEZONE: {out}");
    }
}

/// The invitee list for spreadsheets: read back, every script intact, one column per language.
#[test]
fn the_invitee_list_exports_to_csv_and_xlsx_and_reads_back() {
    let (db, session) = archive();
    let o = opts(&[Lang::Kk, Lang::Zh], Layout::Side);
    for format in [Format::Csv, Format::Xlsx] {
        let bytes = documents::export(
            &db,
            &clock(),
            &fonts(),
            &session,
            DocumentKind::Invitees,
            format,
            &o,
        )
        .unwrap();
        let table =
            club_core::exchange::reader::read(&format!("list.{}", format.code()), &bytes).unwrap();
        assert_eq!(table.headers[1], "Аты-жөні (kk)");
        assert_eq!(table.headers[2], "姓名 (zh)");
        let guest = table
            .rows
            .iter()
            .find(|r| r.cells[1].contains("Әбілқасымова"))
            .expect("the guest");
        assert!(guest.cells[1].contains("Гүлнәр Ұлықбекқызы Һ Ө Ң"));
        assert_eq!(guest.cells[2], "欧阳修");
    }
}

/// The demo's 8th session with a report pinned at 15:30 but entered last.
fn eighth_with_a_pinned_report() -> (crate::common::TestDb, String) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    agenda::add(
        &db,
        &clock(),
        &eighth.id,
        &AgendaItemInput {
            kind: Some(ItemKind::Report),
            title: Text::new()
                .with(Lang::Ru, "Сообщение в 15:30")
                .with(Lang::Zh, "十五点半的报告"),
            duration_min: "10".into(),
            pinned_start: "15:30".into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    (db, eighth.id)
}

#[test]
fn the_agenda_prints_in_time_order_with_its_closing_line_beside_the_last_item() {
    let (db, session) = eighth_with_a_pinned_report();
    let o = opts(&[Lang::Ru, Lang::Zh], Layout::Side);
    let data = documents::agenda_data(&db, &clock(), &session, &o).unwrap();
    let starts: Vec<&str> = data.items.iter().map(|i| i.start.as_str()).collect();
    let mut in_order = starts.clone();
    in_order.sort();
    assert_eq!(starts, in_order, "printed in time order");
    assert_eq!(data.items[2].title.get(Lang::Ru), Some("Сообщение в 15:30"));

    for (db, session) in [eighth_with_a_pinned_report(), eighth_as_in_the_demo()] {
        closing_line_stays_with_the_table(&db, &session);
    }
}

fn eighth_as_in_the_demo() -> (crate::common::TestDb, String) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    (db, eighth.id)
}

/// In every language, pair, layout and paper, the closing line ("Planned end") stands on
/// a page with the last item, never on a page of its own.
fn closing_line_stays_with_the_table(db: &crate::common::TestDb, session: &str) {
    let mut choices: Vec<Vec<Lang>> = Lang::ALL.iter().map(|l| vec![*l]).collect();
    for a in Lang::ALL {
        for b in Lang::ALL {
            if a != b {
                choices.push(vec![a, b]);
            }
        }
    }
    let closing = |l: Lang| match l {
        Lang::Ru => "Окончание по плану",
        Lang::Kk => "Жоспар бойынша",
        Lang::Zh => "计划结束",
        Lang::En => "Planned end",
    };
    let mut wrong = Vec::new();
    for langs in &choices {
        for layout in [Layout::Side, Layout::Stacked] {
            for paper in [Paper::A4, Paper::Letter] {
                let o = DocumentOptions {
                    langs: langs.clone(),
                    layout,
                    paper,
                };
                let data = documents::agenda_data(db, &clock(), session, &o).unwrap();
                let last = data.items.last().unwrap();
                let last_time = format!("{}–{}", last.start, last.end);
                let pdf = documents::pdf(db, &clock(), &fonts(), session, DocumentKind::Agenda, &o)
                    .unwrap();
                let text = pdftotext(&pdf);
                let page = text
                    .split('\u{c}')
                    .find(|p| p.contains(closing(langs[0])))
                    .unwrap_or_else(|| panic!("{langs:?} {layout:?}: no closing line"));
                if !page.contains(&last_time) {
                    wrong.push(format!("{langs:?} {layout:?} {paper:?}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the closing line stands on a page without the last item: {wrong:?}"
    );
}

#[test]
fn before_saving_the_documents_tab_learns_what_a_language_lacks_and_what_collides() {
    let (db, session) = eighth_with_a_pinned_report();
    let o = opts(&[Lang::Ru, Lang::Zh], Layout::Side);
    let warnings = documents::warnings(&db, &clock(), &session, DocumentKind::Agenda, &o).unwrap();
    let collision = warnings
        .iter()
        .find_map(|w| match w {
            documents::DocumentWarning::Collision {
                item,
                start,
                minutes,
            } => Some((
                item.get(Lang::Ru).unwrap().to_string(),
                start.clone(),
                *minutes,
            )),
            _ => None,
        })
        .expect("the pinned report collides with the report before it");
    assert_eq!(collision.0, "Сообщение в 15:30");
    assert_eq!(collision.1, "15:30");
    assert!(collision.2 > 0);

    // Clearing the Chinese title of an item: that item is named as lacking Chinese.
    let a = agenda::get(&db, &session).unwrap();
    let item = &a.items[0];
    let mut input = agenda::AgendaItemInput::from(item);
    input.title.0.insert(Lang::Zh, String::new());
    agenda::update(&db, &clock(), &item.id, &input).unwrap();
    let warnings = documents::warnings(&db, &clock(), &session, DocumentKind::Agenda, &o).unwrap();
    let missing: Vec<String> = warnings
        .iter()
        .filter_map(|w| match w {
            documents::DocumentWarning::MissingText {
                lang: Lang::Zh,
                place,
            } => Some(place.get(Lang::Ru).unwrap().to_string()),
            _ => None,
        })
        .collect();
    let name = item.title.get(Lang::Ru).unwrap();
    assert!(
        missing.iter().any(|m| m == &format!("Пункт 1 «{name}»")),
        "{missing:?}"
    );
    // In Russian alone nothing of the item's is missing.
    let ru = documents::warnings(
        &db,
        &clock(),
        &session,
        DocumentKind::Agenda,
        &opts(&[Lang::Ru], Layout::Side),
    )
    .unwrap();
    assert!(!ru
        .iter()
        .any(|w| matches!(w, documents::DocumentWarning::MissingText { .. })));
}
