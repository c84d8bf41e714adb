//! Invitation letters: one per guest in the guest's own language, every Kazakh letter and
//! Chinese intact, markup in names printed as written, the order of precedence.

use club_core::documents::fonts::Fonts;
use club_core::documents::letters::{letter_files, letters_pdf};
use club_core::documents::{letters_data, DocumentOptions, Layout, LetterStyle, Paper};
use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::invitations::{self, InvitationPatch};
use club_core::planning::rsvp::{InvitationStatus, InviteeRole};
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::store::settings::{self, SettingsPatch};
use club_core::{Lang, Text};

use crate::common::{clock, pdf_image_pages, pdftotext, squeeze, test_db, TestDb};

const KAZAKH: &str = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

pub fn fonts() -> Fonts {
    Fonts::load(&Fonts::default_dir()).expect("the shipped fonts")
}

fn ru() -> DocumentOptions {
    DocumentOptions {
        langs: vec![Lang::Ru],
        layout: Layout::Stacked,
        paper: Paper::A4,
    }
}

pub fn name(lang: Lang, family: &str, given: &str, patronymic: &str) -> PersonName {
    PersonName {
        lang,
        family: family.into(),
        given: given.into(),
        patronymic: patronymic.into(),
        family_first: lang == Lang::Zh,
    }
}

/// The demo's 8th session with four new guests, one per language, whose names hold every
/// Kazakh letter, Chinese, and markup that must print as written (names refuse < > { } #,
/// so the markup is Typst's * [ ] ( ) $).
fn eighth_with_guests() -> (TestDb, String, Vec<String>) {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    settings::update(
        &db,
        &SettingsPatch {
            signatory_name: Some(
                Text::new()
                    .with(Lang::Ru, "Айгерим Сарсенова")
                    .with(Lang::Zh, "艾格琳·萨尔先诺娃"),
            ),
            signatory_position: Some(Text::new().with(Lang::Ru, "Секретарь Клуба")),
            reply_contact: Some("club@example.org, +86 10 6532 6182".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let guests = [
        (
            vec![name(Lang::Kk, "Әбілқасымова", "Гүлнәр", "Ұлықбекқызы")],
            Text::new().with(Lang::Kk, &format!("ханым {KAZAKH}")),
            vec![Lang::Kk],
        ),
        (
            vec![name(Lang::Zh, "欧阳", "修", "")],
            Text::new().with(Lang::Zh, "教授"),
            vec![Lang::Zh],
        ),
        (
            vec![name(
                Lang::Ru,
                "Петров *не жирный* [ссылка](x)",
                "Иван",
                "Сергеевич",
            )],
            Text::new().with(Lang::Ru, "г-н"),
            vec![Lang::Ru],
        ),
        (
            vec![name(Lang::En, "Smith *bold*", "Anna", "")],
            Text::new().with(Lang::En, "Ms"),
            vec![Lang::En, Lang::Zh],
        ),
    ];
    let mut ids = Vec::new();
    for (names, honorific, languages) in guests {
        let p = people::create(
            &db,
            &clock(),
            &PersonInput {
                names,
                honorific,
                languages,
                ..Default::default()
            },
        )
        .unwrap();
        ids.push(p.id);
    }
    invitations::invite(&db, &clock(), &eighth.id, &ids, InviteeRole::Guest).unwrap();
    (db, eighth.id, ids)
}

#[test]
fn each_guest_gets_one_letter_in_their_own_language_with_every_letter_intact() {
    let (db, session, ids) = eighth_with_guests();
    let doc = letters_data(&db, &clock(), &session, &ru(), LetterStyle::Personal, None).unwrap();
    let s = sessions::get(&db, &clock(), &session).unwrap();
    let files = letter_files(&doc, &s, &fonts()).unwrap();
    assert_eq!(files.len(), doc.letters.len());
    let expect: [(&[&str], &str); 4] = [
        (
            &[
                "Әбілқасымова",
                "Құрметті Гүлнәр ханым!",
                "2025 жылғы 20 қараша",
                "8-ші отырыс",
            ],
            "kk",
        ),
        (
            &[
                "欧阳修",
                "尊敬的欧阳修教授：",
                "2025年11月20日",
                "第八次会议",
            ],
            "zh",
        ),
        (
            &[
                "Петров *не жирный* [ссылка](x)",
                "Уважаемый Иван Сергеевич!",
                "20 ноября 2025 г.",
                "по местному времени, UTC+8",
                "до 13 ноября 2025 г.: club@example.org",
                "Секретарь Клуба",
                "Айгерим Сарсенова",
            ],
            "ru",
        ),
        (
            &[
                "Dear Ms Smith *bold*,",
                "20 November 2025",
                "诚挚邀请您出席俱乐部例会",
            ],
            "en+zh",
        ),
    ];
    for (id, (pieces, what)) in ids.iter().zip(expect) {
        let i = doc
            .letters
            .iter()
            .position(|l| &l.person_id == id)
            .unwrap_or_else(|| panic!("no letter for the {what} guest"));
        let (file, pdf) = &files[i];
        assert!(file.ends_with(".pdf") && file.is_ascii(), "{file}");
        let text = pdftotext(pdf);
        let flat = squeeze(&text);
        for piece in pieces {
            assert!(
                flat.contains(&squeeze(piece)),
                "the {what} letter lacks {piece:?}:\n{text}"
            );
        }
        if what == "kk" {
            for letter in KAZAKH.split(' ') {
                assert!(text.contains(letter), "Kazakh {letter} missing:\n{text}");
            }
            assert!(
                !text.contains("Уважаем"),
                "a Kazakh reader's letter is in Kazakh only"
            );
        }
    }
    // All in one PDF: one letter per sheet at least.
    let all = pdftotext(&letters_pdf(&doc, &fonts()).unwrap());
    assert!(all.matches('\u{c}').count() + 1 >= doc.letters.len());
}

#[test]
fn letters_follow_the_order_of_precedence_and_skip_who_declined() {
    let (db, session, ids) = eighth_with_guests();
    let list = invitations::list(&db, &session).unwrap();
    let declined = list
        .invitees
        .iter()
        .find(|i| i.person.id == ids[1])
        .unwrap();
    invitations::update(
        &db,
        &clock(),
        &declined.id,
        &InvitationPatch {
            status: Some(InvitationStatus::Declined),
            ..Default::default()
        },
    )
    .unwrap();
    let doc = letters_data(&db, &clock(), &session, &ru(), LetterStyle::Personal, None).unwrap();
    let list = invitations::list(&db, &session).unwrap();
    let order: Vec<&String> = list
        .invitees
        .iter()
        .filter(|i| !i.walk_in && i.status != InvitationStatus::Declined)
        .map(|i| &i.person.id)
        .collect();
    let letters: Vec<&String> = doc.letters.iter().map(|l| &l.person_id).collect();
    assert_eq!(letters, order);
    assert!(!letters.contains(&&ids[1]), "who declined gets no letter");
}

#[test]
fn the_formal_note_speaks_in_the_third_person_without_a_salutation() {
    let (db, session, ids) = eighth_with_guests();
    let doc = letters_data(
        &db,
        &clock(),
        &session,
        &ru(),
        LetterStyle::Formal,
        Some("2025-11-15"),
    )
    .unwrap();
    let letter = doc.letters.iter().find(|l| l.person_id == ids[2]).unwrap();
    assert!(letter.salutation.is_empty());
    let text = pdftotext(
        &letters_pdf(
            &club_core::documents::LettersDoc {
                letters: vec![letter.clone()],
                ..doc.clone()
            },
            &fonts(),
        )
        .unwrap(),
    );
    let flat = squeeze(&text);
    for piece in [
        "свидетельствует своё уважение",
        "возобновить уверения в своём высоком уважении",
        "до 15 ноября 2025 г.",
    ] {
        assert!(flat.contains(&squeeze(piece)), "{piece:?} missing:\n{text}");
    }
    assert!(!text.contains("Уважаемый"));
}

#[test]
fn a_bad_reply_by_date_is_refused_naming_the_field() {
    let (db, session, _) = eighth_with_guests();
    let e = letters_data(
        &db,
        &clock(),
        &session,
        &ru(),
        LetterStyle::Personal,
        Some("2025-02-30"),
    )
    .unwrap_err();
    assert!(format!("{e:?}").contains("replyBy"), "{e:?}");
}

/// Snapshot of what the letters say, on the fixed clock (review with `cargo insta review`).
#[test]
fn letters_data_snapshot() {
    let (db, session, _) = eighth_with_guests();
    let doc = letters_data(&db, &clock(), &session, &ru(), LetterStyle::Personal, None).unwrap();
    let mut data = serde_json::to_value(&doc).unwrap();
    for letter in data["letters"].as_array_mut().unwrap() {
        letter["person_id"] = "[id]".into();
    }
    insta::assert_json_snapshot!("letters_personal", data);
}

/// The signature's picture, once chosen, is under every personal letter (and in the files
/// per guest); a formal note stays without it.
#[test]
fn the_signature_picture_signs_the_personal_letters_only() {
    use club_core::documents::signature;
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let pdf = |style| {
        let doc = letters_data(&db, &clock(), &eighth.id, &ru(), style, None).unwrap();
        (letters_pdf(&doc, &fonts()).unwrap(), doc)
    };
    let (unsigned, _) = pdf(LetterStyle::Personal);
    assert!(pdf_image_pages(&unsigned).is_empty());

    let png = include_bytes!("../fixtures/documents/signature.png");
    signature::set(&db, &fonts(), png).unwrap();
    let (signed, doc) = pdf(LetterStyle::Personal);
    assert_eq!(doc.signature.as_deref(), Some(&png[..]));
    // Signed once on every page that ends a letter in one of its languages.
    let pages: usize = doc.letters.iter().map(|l| l.langs.len()).sum();
    let signed_pages = pdf_image_pages(&signed);
    assert_eq!(signed_pages.len(), pages, "{signed_pages:?}");
    signed_pages.windows(2).for_each(|w| assert!(w[0] < w[1]));
    let files = letter_files(&doc, &eighth, &fonts()).unwrap();
    assert!(files.iter().all(|(_, f)| !pdf_image_pages(f).is_empty()));
    let (formal, _) = pdf(LetterStyle::Formal);
    assert!(pdf_image_pages(&formal).is_empty());
    // The text around it is as before.
    assert_eq!(squeeze(&pdftotext(&signed)), squeeze(&pdftotext(&unsigned)));
}
