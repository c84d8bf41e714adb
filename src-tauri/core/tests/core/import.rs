use club_core::exchange::export;
use club_core::exchange::import::{
    self, DuplicatePolicy, ImportRequest, ProblemPolicy, RowAction, RowStatus,
};
use club_core::sample::demo;
use club_core::{people, Error, InvalidReason, Lang};

use crate::common::{clock, test_db, TestDb};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn request(name: &str, bytes: Vec<u8>) -> ImportRequest {
    ImportRequest {
        file_name: name.into(),
        bytes,
        ..Default::default()
    }
}

fn people_count(db: &TestDb) -> usize {
    people::list(db).unwrap().len()
}

fn name_in(p: &people::Person, lang: Lang) -> String {
    p.display_name.get(lang).unwrap_or_default().to_string()
}

/// Imports a fixture into an empty directory and returns everyone in it.
fn import_fixture(
    name: &str,
) -> (
    club_core::exchange::import::ImportReport,
    Vec<people::Person>,
) {
    let db = test_db();
    let report = import::commit(&db, &clock(), &request(name, fixture(name))).unwrap();
    assert_eq!(report.counts.errors, 0, "{:?}", report.rows);
    (report, people::list(&db).unwrap())
}

#[test]
fn excel_utf8_with_bom_and_semicolons_keeps_kazakh_letters() {
    let (report, people) = import_fixture("excel-utf8-bom-semicolon.csv");
    assert_eq!(
        (report.encoding.as_str(), report.delimiter.as_str()),
        ("UTF-8 with BOM", ";")
    );
    assert_eq!(report.mapping[..3], ["family", "given", "patronymic"]);
    assert_eq!(report.counts.created, 3);
    let s = people
        .iter()
        .find(|p| p.email == "a.sarsenova@example.kz")
        .unwrap();
    assert_eq!(
        s.names[0].lang,
        Lang::Kk,
        "Kazakh letters say which language it is"
    );
    assert_eq!(name_in(s, Lang::Kk), "Әйгерім Ғалымқызы Сәрсенова");
    assert_eq!(
        s.organisation.best(Lang::Ru),
        "Посольство Республики Казахстан"
    );
    let ivanov = people
        .iter()
        .find(|p| p.email == "ivanov@example.ru")
        .unwrap();
    assert_eq!(ivanov.names[0].lang, Lang::Ru);
    assert_eq!(ivanov.names[0].patronymic, "Сергеевич");
}

#[test]
fn windows_1251_is_decoded() {
    let (report, people) = import_fixture("excel-cp1251-semicolon.csv");
    assert_eq!(report.encoding, "windows-1251");
    assert!(people
        .iter()
        .any(|p| name_in(p, Lang::Ru) == "Анна Ивановна Петрова"));
}

#[test]
fn chinese_headers_and_full_names_split_family_first() {
    let (report, people) = import_fixture("utf8-comma.csv");
    assert_eq!(
        report.mapping,
        [
            "name",
            "organisation",
            "position",
            "phone",
            "email",
            "wechat"
        ]
    );
    let wang = people.iter().find(|p| p.wechat == "wanglixin").unwrap();
    assert_eq!(
        (wang.names[0].family.as_str(), wang.names[0].given.as_str()),
        ("王", "立新")
    );
    assert!(wang.names[0].family_first);
    assert_eq!(name_in(wang, Lang::Zh), "王立新");
}

#[test]
fn tab_separated_and_utf16_unicode_text() {
    let (report, _) = import_fixture("tab-separated.txt");
    assert_eq!(report.delimiter, "\t");
    let (report, people) = import_fixture("excel-unicode-utf16.txt");
    assert_eq!(report.encoding, "UTF-16LE");
    assert!(people
        .iter()
        .any(|p| name_in(p, Lang::Kk).contains("Нұрышев")));
}

#[test]
fn outlook_and_google_exports_are_recognised() {
    let (report, people) = import_fixture("outlook-contacts.csv");
    assert_eq!(report.mapping[0], "honorific");
    let n = people
        .iter()
        .find(|p| p.email == "nuryshev@example.kz")
        .unwrap();
    assert_eq!(name_in(n, Lang::En), "Shakhrat Nuryshev");
    assert_eq!(n.honorific.get(Lang::En), Some("H.E."));
    assert_eq!(n.positions[0].title.best(Lang::En), "Ambassador");
    let z = people
        .iter()
        .find(|p| p.email == "zhao.ming@example.cn")
        .unwrap();
    assert_eq!(z.notes, "Speaks Kazakh, \"fluently\"");

    let (_, people) = import_fixture("google-contacts.csv");
    let liu = &people[0];
    assert_eq!(name_in(liu, Lang::En), "Yang Liu");
    assert_eq!(
        liu.phone, "+86 10 1111 2222; +86 135 0000 0000",
        "both phones kept"
    );
    assert!(liu.tags.contains(&"Officials".to_string()));
}

#[test]
fn vcards_3_and_4_and_2_1() {
    let (report, people) = import_fixture("contacts-v3.vcf");
    assert_eq!(report.counts.created, 2);
    let k = people
        .iter()
        .find(|p| p.email == "kaliyev@example.kz")
        .unwrap();
    assert_eq!(k.phone, "+86 10 6532 6183; +86 137 0000 2222");
    assert!(
        k.notes.contains("переносится на следующую строку"),
        "folded line joined: {}",
        k.notes
    );

    let (_, people) = import_fixture("contacts-v4.vcf");
    let w = &people[0];
    assert_eq!(name_in(w, Lang::Zh), "王立新");
    assert_eq!(name_in(w, Lang::Ru), "Лисинь Ван");
    assert_eq!(w.phone, "+86-10-6596-1114");
    assert!(
        w.notes.contains("wlx@example.org"),
        "a second e-mail is not lost"
    );

    let (_, people) = import_fixture("contacts-v21.vcf");
    assert_eq!(name_in(&people[0], Lang::Kk), "Әйгерім Сәрсенова");
}

#[test]
fn xlsx_sheets_are_read() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Гости").unwrap();
    for (c, h) in ["姓名", "单位", "电话"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "赵明").unwrap();
    sheet.write_string(1, 1, "北京外国语大学").unwrap();
    sheet.write_number(1, 2, 13912345678.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let db = test_db();
    let report = import::commit(&db, &clock(), &request("guests.xlsx", bytes)).unwrap();
    assert_eq!(report.counts.created, 1);
    let p = &people::list(&db).unwrap()[0];
    assert_eq!(name_in(p, Lang::Zh), "赵明");
    assert_eq!(p.phone, "13912345678", "a number cell is not 1.39e10");
}

#[test]
fn duplicates_are_flagged_and_skipped_merged_or_created() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let before = people_count(&db);
    // The Outlook file has Nuryshev by name (en); the demo has him in four scripts.
    let report = import::dry_run(&db, &request("o.csv", fixture("outlook-contacts.csv"))).unwrap();
    let row = report
        .rows
        .iter()
        .find(|r| r.name == "Shakhrat Nuryshev")
        .unwrap();
    assert_eq!(row.status, RowStatus::Duplicate);
    assert_eq!(people_count(&db), before, "a dry run writes nothing");

    let skip = import::commit(
        &db,
        &clock(),
        &request("o.csv", fixture("outlook-contacts.csv")),
    )
    .unwrap();
    assert_eq!(
        (skip.counts.created, skip.counts.skipped),
        (0, 2),
        "Zhao Ming is in the demo too"
    );
    assert_eq!(people_count(&db), before);

    let merge = ImportRequest {
        on_duplicate: DuplicatePolicy::Merge,
        ..request("o.csv", fixture("outlook-contacts.csv"))
    };
    let report = import::commit(&db, &clock(), &merge).unwrap();
    assert_eq!(report.counts.merged, 2);
    assert_eq!(people_count(&db), before);
    let n = people::search(&db, "Nuryshev").unwrap().remove(0);
    // He has an address already: it stays, the one that came in is kept in his notes.
    assert_eq!(n.email, "embassy.beijing@example.org");
    assert!(
        n.notes.contains("E-mail: nuryshev@example.kz"),
        "{}",
        n.notes
    );
    assert_eq!(n.names.len(), 4, "his names in four scripts stay");
}

#[test]
fn bad_inputs_give_a_clear_error_naming_the_place_and_write_nothing() {
    let long = format!(
        "Фамилия,Имя,Примечание\nИванов,Иван,{}\n",
        "я".repeat(1_000_001)
    );
    let cases: Vec<(&str, Vec<u8>, &str, InvalidReason)> = vec![
        (
            "broken.csv",
            "Фамилия,Имя\nИванов,Иван\n\"Петров,Пётр\nСидоров,Сидор\n".into(),
            "line 3",
            InvalidReason::UnclosedQuote,
        ),
        (
            "utf16-no-bom.csv",
            "Фамилия,Имя\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect(),
            "byte 16",
            InvalidReason::BadFile,
        ),
        (
            "garbage.csv",
            (0x80u8..0xC0).cycle().take(300).collect(),
            "file",
            InvalidReason::BadFile,
        ),
        (
            "broken.xlsx",
            b"PK\x03\x04not really a zip".to_vec(),
            "file",
            InvalidReason::BadFile,
        ),
        (
            "unfinished.vcf",
            b"BEGIN:VCARD\nVERSION:3.0\nN:Ivanov;Ivan\n".to_vec(),
            "line 1",
            InvalidReason::BadFile,
        ),
        (
            "no-colon.vcf",
            b"BEGIN:VCARD\nVERSION 3.0\nEND:VCARD\n".to_vec(),
            "line 2",
            InvalidReason::BadFile,
        ),
        ("empty.csv", Vec::new(), "file", InvalidReason::Required),
        (
            "no-name-column.csv",
            b"Email,Phone\na@b.cn,123456\n".to_vec(),
            "mapping",
            InvalidReason::Required,
        ),
        (
            "missing-name.csv",
            "Фамилия,Имя,Эл. почта\nИванов,Иван,i@example.ru\n,,nobody@example.ru\n".into(),
            "line 3",
            InvalidReason::Required,
        ),
        (
            "huge-cell.csv",
            long.into_bytes(),
            "line 2, column Примечание",
            InvalidReason::TooLong,
        ),
        (
            "markup.csv",
            "Фамилия,Имя\n<script>alert(1)</script>,Иван\n".into(),
            "line 2, column Фамилия",
            InvalidReason::Markup,
        ),
        (
            "typst.csv",
            "Фамилия,Имя\n#set page(width: 1cm),Иван\n".into(),
            "line 2, column Фамилия",
            InvalidReason::Markup,
        ),
        (
            "bad-email.csv",
            "Фамилия,Эл. почта\nИванов,ivanov-at-example\n".into(),
            "line 2, column Эл. почта",
            InvalidReason::BadEmail,
        ),
        (
            "bad-phone.csv",
            "Фамилия,Телефон\nИванов,позвонить вечером\n".into(),
            "line 2, column Телефон",
            InvalidReason::BadPhone,
        ),
        (
            "twice.csv",
            "Фамилия,Имя,Эл. почта\nИванов,Иван,i@example.ru\nИванов,Иван,i@example.ru\n".into(),
            "line 3",
            InvalidReason::Duplicate,
        ),
        (
            "control.csv",
            "Фамилия,Имя\nИва\u{7}нов,Иван\n".into(),
            "line 2, column Фамилия",
            InvalidReason::ControlCharacters,
        ),
    ];
    for (name, bytes, place, reason) in cases {
        let db = test_db();
        demo::load(&db, &clock()).unwrap();
        let before = people_count(&db);
        match import::commit(&db, &clock(), &request(name, bytes)) {
            Err(Error::Invalid { field, reason: r }) => {
                assert_eq!((field.as_str(), r), (place, reason), "{name}");
            }
            other => panic!("{name}: expected an error at {place}, got {other:?}"),
        }
        assert_eq!(people_count(&db), before, "{name}: nothing written");
    }
}

#[test]
fn a_dry_run_reports_every_problem_with_its_line() {
    let db = test_db();
    let csv = "Фамилия,Имя,Эл. почта\nИванов,Иван,ok@example.ru\n<b>Петров</b>,Пётр,p@example.ru\n,,x@example.ru\nСидоров,Сидор,bad\n";
    let report = import::dry_run(&db, &request("r.csv", csv.into())).unwrap();
    let errors: Vec<(u32, String)> = report
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Error)
        .map(|r| (r.line, r.problems[0].column.clone()))
        .collect();
    assert_eq!(
        errors,
        [
            (3, "Фамилия".to_string()),
            (4, "".to_string()),
            (5, "Эл. почта".to_string())
        ]
    );
    assert_eq!((report.counts.new, report.counts.errors), (1, 3));
}

#[test]
fn an_explicit_mapping_overrides_the_guess_and_unknown_codes_are_refused() {
    let db = test_db();
    let csv = "A,B\nZhang,Ming\n";
    let req = ImportRequest {
        mapping: vec!["family.en".into(), "given.en".into()],
        ..request("m.csv", csv.into())
    };
    let report = import::commit(&db, &clock(), &req).unwrap();
    assert_eq!(report.counts.created, 1);
    let bad = ImportRequest {
        mapping: vec!["family.fr".into(), "".into()],
        ..request("m.csv", csv.into())
    };
    assert!(
        matches!(import::dry_run(&db, &bad), Err(Error::Invalid { ref field, reason: InvalidReason::UnknownColumn }) if field == "mapping.0")
    );
}

#[test]
fn the_exported_list_imports_again_unchanged() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let csv = export::people_csv(&db).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "a BOM so Excel reads UTF-8"
    );
    let xlsx = export::people_xlsx(&db).unwrap();
    for (name, bytes) in [("people.csv", csv), ("people.xlsx", xlsx)] {
        let fresh = test_db();
        import::commit(&fresh, &clock(), &request(name, bytes)).unwrap();
        let a: Vec<_> = people::list(&db)
            .unwrap()
            .into_iter()
            .map(|p| (p.display_name, p.email))
            .collect();
        let mut b: Vec<_> = people::list(&fresh)
            .unwrap()
            .into_iter()
            .map(|p| (p.display_name, p.email))
            .collect();
        let mut a = a;
        a.sort_by(|x, y| {
            x.1.cmp(&y.1)
                .then(format!("{:?}", x.0).cmp(&format!("{:?}", y.0)))
        });
        b.sort_by(|x, y| {
            x.1.cmp(&y.1)
                .then(format!("{:?}", x.0).cmp(&format!("{:?}", y.0)))
        });
        assert_eq!(a, b, "{name}");
    }
}

/// Contacts as Apple, Google and Outlook export them: one e-mail field holding a name, one
/// phone written in words; extensions and notes written the ru/kk/zh ways.
const REAL_VCF: &str = "contacts-real-world.vcf";
/// The same contacts as a Russian Excel writes them, and a business card that names nobody.
const REAL_CSV: &str = "contacts-real-world.csv";
const PHONE_IN_WORDS: &str = "восемь семьсот один сто двадцать три сорок пять шестьдесят семь";

fn with_policy(name: &str, on_problem: ProblemPolicy) -> ImportRequest {
    ImportRequest {
        on_problem,
        ..request(name, fixture(name))
    }
}

fn person_with_email<'a>(people: &'a [people::Person], email: &str) -> &'a people::Person {
    people
        .iter()
        .find(|p| p.email == email)
        .unwrap_or_else(|| panic!("{email} imported"))
}

fn person_named<'a>(people: &'a [people::Person], family: &str) -> Option<&'a people::Person> {
    people
        .iter()
        .find(|p| p.names.iter().any(|n| n.family == family))
}

#[test]
fn a_dry_run_of_real_address_books_lists_the_odd_rows_with_line_and_column() {
    for (file, odd) in [
        (
            REAL_VCF,
            vec![
                (24, "email", InvalidReason::BadEmail, "Айгерім Сейтқали"),
                (33, "phone", InvalidReason::BadPhone, PHONE_IN_WORDS),
            ],
        ),
        (
            REAL_CSV,
            vec![
                (4, "Эл. почта", InvalidReason::BadEmail, "Айгерім Сейтқали"),
                (5, "Моб. телефон", InvalidReason::BadPhone, PHONE_IN_WORDS),
                (9, "", InvalidReason::Required, ""),
            ],
        ),
    ] {
        let db = test_db();
        let report = import::dry_run(&db, &request(file, fixture(file))).unwrap();
        let listed: Vec<_> = report
            .rows
            .iter()
            .filter(|r| r.status == RowStatus::Error)
            .map(|r| {
                let p = &r.problems[0];
                (r.line, p.column.as_str(), p.reason, p.value.as_str())
            })
            .collect();
        assert_eq!(listed, odd, "{file}");
        assert!(
            report
                .rows
                .iter()
                .filter(|r| r.status == RowStatus::Error)
                .all(|r| r.action == RowAction::Blocks),
            "{file}: by default they hold the import back"
        );
        assert!(import::commit(&db, &clock(), &request(file, fixture(file))).is_err());
        assert_eq!(people_count(&db), 0, "{file}: nothing written");
    }
}

#[test]
fn skip_imports_every_other_row_and_reports_the_skipped_ones() {
    for (file, skipped_lines) in [(REAL_VCF, vec![24, 33]), (REAL_CSV, vec![4, 5, 9])] {
        let db = test_db();
        let req = with_policy(file, ProblemPolicy::Skip);
        let dry = import::dry_run(&db, &req).unwrap();
        let done = import::commit(&db, &clock(), &req).unwrap();
        assert_eq!(
            dry.counts, done.counts,
            "{file}: the dry run said what happens"
        );
        assert_eq!(
            (
                done.counts.created,
                done.counts.skipped,
                done.counts.kept_in_notes
            ),
            (5, skipped_lines.len() as u32, 0),
            "{file}"
        );
        let skipped: Vec<u32> = done
            .rows
            .iter()
            .filter(|r| r.action == RowAction::Skip)
            .map(|r| r.line)
            .collect();
        assert_eq!(skipped, skipped_lines, "{file}");
        let people = people::list(&db).unwrap();
        assert_eq!(people.len(), 5, "{file}");
        assert!(person_named(&people, "Сейтқали").is_none(), "{file}");
        assert!(person_named(&people, "Омаров").is_none(), "{file}");
        assert!(person_named(&people, "Әбенов").is_some(), "{file}");
    }
}

#[test]
fn keep_in_notes_imports_the_odd_rows_with_every_unreadable_value_in_the_notes() {
    for file in [REAL_VCF, REAL_CSV] {
        let db = test_db();
        let req = with_policy(file, ProblemPolicy::KeepInNotes);
        let dry = import::dry_run(&db, &req).unwrap();
        assert_eq!(people_count(&db), 0, "a dry run writes nothing");
        let done = import::commit(&db, &clock(), &req).unwrap();
        assert_eq!(
            dry.counts, done.counts,
            "{file}: the dry run said what happens"
        );
        assert_eq!(
            (done.counts.created, done.counts.kept_in_notes),
            (7, 2),
            "{file}"
        );
        let people = people::list(&db).unwrap();
        assert_eq!(people.len(), 7, "{file}");
        let seitqali = person_named(&people, "Сейтқали").unwrap();
        assert_eq!(seitqali.email, "", "{file}");
        assert_eq!(seitqali.phone, "+7 701 765 4321", "{file}");
        assert!(
            seitqali
                .notes
                .contains("Познакомились на приёме 12 апреля.")
                && seitqali.notes.contains("(не распознано): Айгерім Сейтқали"),
            "{file}: {}",
            seitqali.notes
        );
        let omarov = person_named(&people, "Омаров").unwrap();
        assert_eq!(
            omarov.phone, "+7 7172 55-66-77",
            "the readable number stays a phone"
        );
        assert!(
            omarov
                .notes
                .contains(&format!("(не распознано): {PHONE_IN_WORDS}")),
            "{file}: {}",
            omarov.notes
        );
        // Every value the dry run called unreadable is in some person's notes, verbatim.
        for row in dry.rows.iter().filter(|r| r.kept_in_notes) {
            for p in &row.problems {
                assert!(
                    people.iter().any(|person| person.notes.contains(&p.value)),
                    "{file} line {}: {:?} kept",
                    row.line,
                    p.value
                );
            }
        }
        // The notes written beside numbers are not lost either.
        let kim = person_named(&people, "Ким").unwrap();
        assert_eq!(kim.phone, "+7 701 123 4567");
        assert!(
            kim.notes.contains("+7 701 123 4567: WhatsApp"),
            "{}",
            kim.notes
        );
        let chen = person_with_email(&people, "chen.jing@example.cn");
        assert!(chen.notes.contains("微信"), "{}", chen.notes);
    }
}

#[test]
fn a_row_that_names_nobody_is_skipped_even_when_values_are_kept() {
    let db = test_db();
    let report = import::commit(
        &db,
        &clock(),
        &with_policy(REAL_CSV, ProblemPolicy::KeepInNotes),
    )
    .unwrap();
    let nameless = report.rows.iter().find(|r| r.line == 9).unwrap();
    assert_eq!(nameless.action, RowAction::Skip);
    assert!(!nameless.kept_in_notes);
    assert_eq!(nameless.problems[0].reason, InvalidReason::Required);
    assert_eq!(report.counts.skipped, 1);
    assert!(people::list(&db)
        .unwrap()
        .iter()
        .all(|p| p.email != "info@astana-logistic.kz"));
}

#[test]
fn extensions_written_the_ru_kk_zh_and_en_ways_import_as_phones() {
    let db = test_db();
    import::commit(&db, &clock(), &with_policy(REAL_VCF, ProblemPolicy::Skip)).unwrap();
    let people = people::list(&db).unwrap();
    assert_eq!(
        person_with_email(&people, "n.abenov@example.kz").phone,
        "+7 (727) 123-45-67 ext. 12"
    );
    assert_eq!(
        person_with_email(&people, "li.hua@example.cn").phone,
        "+86 10 6532 6182 ext. 8005"
    );

    // Different numbers: the same one twice would be the same person twice.
    let forms = [
        ("+7 727 2501231 доб. 12", "+7 727 2501231"),
        ("+7 727 2501232 доб 12", "+7 727 2501232"),
        ("+7 727 2501233 вн. 12", "+7 727 2501233"),
        ("+7 727 2501234 внутр. 12", "+7 727 2501234"),
        ("+7 7172 741234 қос. 12", "+7 7172 741234"),
        ("010-6532 6181 转 12", "010-6532 6181"),
        ("010-6532 6182 分机 12", "010-6532 6182"),
        ("010-6532 6183 分机号12", "010-6532 6183"),
        ("+1 202 555 0101 ext 12", "+1 202 555 0101"),
        ("+1 202 555 0102 x12", "+1 202 555 0102"),
        ("+1 202 555 0103 #12", "+1 202 555 0103"),
    ];
    let mut csv = String::from("Фамилия,Имя,Телефон\n");
    for (i, (form, _)) in forms.iter().enumerate() {
        csv.push_str(&format!("Абонент{i},Тест,{form}\n"));
    }
    let db = test_db();
    let report = import::commit(&db, &clock(), &request("ext.csv", csv.into_bytes())).unwrap();
    assert_eq!(
        report.counts.created as usize,
        forms.len(),
        "{:?}",
        report.rows
    );
    for (i, (form, number)) in forms.iter().enumerate() {
        let p = people::search(&db, &format!("Абонент{i}"))
            .unwrap()
            .remove(0);
        assert_eq!(p.phone, format!("{number} ext. 12"), "{form:?}");
    }
}
