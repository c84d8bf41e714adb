use club_core::import::{self, DuplicatePolicy, ImportRequest, RowStatus};
use club_core::{demo, export, people, Error, InvalidReason, Lang};

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
fn import_fixture(name: &str) -> (club_core::import::ImportReport, Vec<people::Person>) {
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
    assert_eq!(n.email, "nuryshev@example.kz", "the e-mail came over");
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
