//! The bad-input corpus: invalid and impossible values, unknown and malformed ids, empty
//! and 1 MB fields, control characters, markup where names belong, broken files — over
//! every operation the app's commands and clubctl call, and every importer. Each case
//! must fail with an error naming its field or line, and leave the database unchanged
//! (compared table by table, row by row).

use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format, Layout, Paper};
use club_core::exchange::archive;
use club_core::exchange::import::{self, DuplicatePolicy, ImportRequest, ProblemPolicy};
use club_core::minutes::followups::{self, FollowUpInput};
use club_core::people::names::PersonName;
use club_core::people::positions::Position;
use club_core::people::{self, PersonInput};
use club_core::planning::agenda::{self, AgendaItemInput};
use club_core::planning::invitations::{self, InvitationPatch};
use club_core::planning::rsvp::InviteeRole;
use club_core::planning::sessions::{self, SessionInput};
use club_core::planning::themes;
use club_core::sample::demo;
use club_core::store::dump;
use club_core::store::settings::{self, SettingsPatch};
use club_core::{minutes, Db, Lang, Result, Text};

use crate::common::{clock, test_db};

type Run = Box<dyn Fn(&Db, &Ctx) -> Result<()>>;
type ById = Box<dyn Fn(&Db, &str) -> Result<()>>;

struct Case {
    name: String,
    /// What the error must name: a field, a line, a file part, or "not found".
    names: String,
    run: Run,
}

struct Ctx {
    session: String,
    item: String,
    person: String,
    invitation: String,
    followup: String,
}

const MISSING: &str = "0190c5e0-0000-7000-8000-000000000000";

fn mb() -> String {
    "ж".repeat(1024 * 1024)
}

fn case(
    name: impl Into<String>,
    names: impl Into<String>,
    run: impl Fn(&Db, &Ctx) -> Result<()> + 'static,
) -> Case {
    Case {
        name: name.into(),
        names: names.into(),
        run: Box::new(run),
    }
}

fn good_session() -> SessionInput {
    SessionInput {
        title: Text::new().with(Lang::Ru, "Заседание"),
        date: "2027-03-10".into(),
        start: "15:00".into(),
        end: "17:00".into(),
        time_zone: "Asia/Shanghai".into(),
        ..Default::default()
    }
}

fn good_person() -> PersonInput {
    PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: "Иванов".into(),
            given: "Иван".into(),
            patronymic: String::new(),
            family_first: false,
        }],
        ..Default::default()
    }
}

fn good_item() -> AgendaItemInput {
    AgendaItemInput {
        title: Text::new().with(Lang::Ru, "Пункт"),
        duration_min: "20".into(),
        ..Default::default()
    }
}

fn opts(langs: Vec<Lang>) -> DocumentOptions {
    DocumentOptions {
        langs,
        layout: Layout::Side,
        paper: Paper::A4,
    }
}

fn import_req(file_name: &str, bytes: &[u8]) -> ImportRequest {
    ImportRequest {
        file_name: file_name.into(),
        bytes: bytes.to_vec(),
        mapping: vec![],
        on_duplicate: DuplicatePolicy::Skip,
        on_problem: ProblemPolicy::Refuse,
    }
}

fn session_cases(out: &mut Vec<Case>) {
    let mut fields: Vec<(&str, String, &str)> = Vec::new();
    for d in [
        "",
        "2025-02-30",
        "2025-13-01",
        "20.11.2025",
        "1999-12-31",
        "2101-01-01",
        "2025-11-20T15:00",
        "<script>",
        "#set page()",
    ] {
        fields.push(("date", d.to_string(), "date"));
    }
    fields.push(("date", mb(), "date"));
    for t in ["", "25:00", "15:60", "3pm", "15", "-1:00", "１５:００"] {
        fields.push(("start", t.to_string(), "start"));
    }
    for t in ["14:00", "15:00", "99:99"] {
        fields.push(("end", t.to_string(), "end"));
    }
    for z in [
        "Mars/Olympus",
        "UTC+25",
        "<b>Asia</b>",
        "Asia/Shanghai\u{0}",
    ] {
        fields.push(("timeZone", z.to_string(), "timeZone"));
    }
    for n in ["0", "-1", "abc", "10001", "1.5", "８"] {
        fields.push(("number", n.to_string(), "number"));
    }
    for lang in ["ru", "kk", "zh", "en"] {
        fields.push(("title", format!("{lang}\u{1}{}", mb()), "title"));
        fields.push(("title", format!("{lang}\u{1}Итоги\u{7}года"), "title"));
        fields.push(("venue", format!("{lang}\u{1}{}", mb()), "venue"));
        fields.push(("theme", format!("{lang}\u{1}тема\u{0}"), "theme"));
    }
    fields.push(("title", "none".into(), "title"));
    fields.push(("notes", "\u{1b}[31m".into(), "notes"));
    fields.push(("notes", mb(), "notes"));
    for (field, value, names) in fields {
        let make = move |field: &str, value: &str| {
            let mut s = good_session();
            match field {
                "date" => s.date = value.into(),
                "start" => s.start = value.into(),
                "end" => s.end = value.into(),
                "timeZone" => s.time_zone = value.into(),
                "number" => s.number = value.into(),
                "notes" => s.notes = value.into(),
                "title" | "venue" | "theme" => {
                    let t = match value.split_once('\u{1}') {
                        Some((lang, text)) => {
                            Text::new().with(Lang::parse(lang, "lang").unwrap(), text)
                        }
                        None => Text::new(),
                    };
                    match field {
                        "title" => s.title = t,
                        "venue" => s.venue = t,
                        _ => s.theme = t,
                    }
                }
                _ => unreachable!(),
            }
            s
        };
        let short: String = value.chars().take(24).collect();
        let (f, v) = (field.to_string(), value.clone());
        out.push(case(
            format!("session create {field}={short:?}"),
            names,
            move |db, _| sessions::create(db, &clock(), &make(&f, &v)).map(|_| ()),
        ));
        let (f, v) = (field.to_string(), value.clone());
        out.push(case(
            format!("session update {field}={short:?}"),
            names,
            move |db, c| sessions::update(db, &clock(), &c.session, &make(&f, &v)).map(|_| ()),
        ));
    }
    out.push(case("session create number taken", "number", |db, _| {
        sessions::create(
            db,
            &clock(),
            &SessionInput {
                number: "8".into(),
                ..good_session()
            },
        )
        .map(|_| ())
    }));
}

fn id_cases(out: &mut Vec<Case>) {
    for (bad, names) in [
        ("not-a-uuid", "id"),
        (MISSING, "not found"),
        ("", "id"),
        ("'; DROP TABLE session; --", "id"),
    ] {
        let b = bad.to_string();
        let mut add = |name: &str, names: &str, f: ById| {
            let b = b.clone();
            let names = if names == "not found" || bad != MISSING {
                names.to_string()
            } else {
                "not found".into()
            };
            out.push(Case {
                name: format!("{name} with id {bad:?}"),
                names,
                run: Box::new(move |db, _| f(db, &b)),
            });
        };
        add(
            "session get",
            names,
            Box::new(|db, id| sessions::get(db, &clock(), id).map(|_| ())),
        );
        add(
            "session update",
            names,
            Box::new(|db, id| sessions::update(db, &clock(), id, &good_session()).map(|_| ())),
        );
        add("session delete", names, Box::new(sessions::delete));
        add(
            "agenda add",
            names,
            Box::new(|db, id| agenda::add(db, &clock(), id, &good_item(), None).map(|_| ())),
        );
        add(
            "agenda update",
            names,
            Box::new(|db, id| agenda::update(db, &clock(), id, &good_item()).map(|_| ())),
        );
        add(
            "agenda move",
            names,
            Box::new(|db, id| agenda::move_item(db, &clock(), id, 1).map(|_| ())),
        );
        add(
            "agenda remove",
            names,
            Box::new(|db, id| agenda::remove(db, &clock(), id).map(|_| ())),
        );
        add(
            "person update",
            names,
            Box::new(|db, id| people::update(db, &clock(), id, &good_person()).map(|_| ())),
        );
        add("person delete", names, Box::new(people::delete));
        add(
            "minutes set item",
            names,
            Box::new(|db, id| {
                minutes::set_item(db, &clock(), id, &Text::new(), &Text::new()).map(|_| ())
            }),
        );
        add(
            "minutes summary",
            names,
            Box::new(|db, id| {
                minutes::set_summary(db, &clock(), id, &Text::new().with(Lang::Ru, "x")).map(|_| ())
            }),
        );
        add(
            "invite into",
            names,
            Box::new(|db, id| {
                invitations::invite(db, &clock(), id, &[], InviteeRole::Guest).map(|_| ())
            }),
        );
        add(
            "invitation update",
            names,
            Box::new(|db, id| {
                invitations::update(db, &clock(), id, &InvitationPatch::default()).map(|_| ())
            }),
        );
        add(
            "invitation remove",
            names,
            Box::new(|db, id| invitations::remove(db, id).map(|_| ())),
        );
        add(
            "check in",
            names,
            Box::new(|db, id| invitations::check_in(db, &clock(), id).map(|_| ())),
        );
        add(
            "follow-up update",
            names,
            Box::new(|db, id| {
                followups::update(
                    db,
                    &clock(),
                    id,
                    &FollowUpInput {
                        body: Text::new().with(Lang::Ru, "x"),
                        ..Default::default()
                    },
                )
                .map(|_| ())
            }),
        );
        add(
            "themes of",
            names,
            Box::new(|db, id| themes::set_for_session(db, &clock(), id, &[]).map(|_| ())),
        );
        add(
            "document of",
            names,
            Box::new(|db, id| {
                documents::agenda_data(db, &clock(), id, &opts(vec![Lang::Ru])).map(|_| ())
            }),
        );
    }
    out.push(case("invite an unknown person", "personIds.0", |db, c| {
        invitations::invite(
            db,
            &clock(),
            &c.session,
            &[MISSING.to_string()],
            InviteeRole::Guest,
        )
        .map(|_| ())
    }));
    out.push(case("remark by an unknown person", "personId", |db, c| {
        minutes::save_remark(
            db,
            &clock(),
            &c.item,
            None,
            MISSING,
            &Text::new().with(Lang::Ru, "x"),
        )
        .map(|_| ())
    }));
    out.push(case(
        "invitation deputy unknown",
        "deputyPersonId",
        |db, c| {
            invitations::update(
                db,
                &clock(),
                &c.invitation,
                &InvitationPatch {
                    deputy_person_id: Some(MISSING.into()),
                    ..Default::default()
                },
            )
            .map(|_| ())
        },
    ));
    out.push(case("invitation bad channel", "channel", |db, c| {
        invitations::update(
            db,
            &clock(),
            &c.invitation,
            &InvitationPatch {
                channel: Some("pigeon".into()),
                ..Default::default()
            },
        )
        .map(|_| ())
    }));
}

fn agenda_cases(out: &mut Vec<Case>) {
    let mut inputs: Vec<(String, AgendaItemInput, &str)> = Vec::new();
    for d in ["-5", "601", "abc", "", "1e3", "20.5"] {
        inputs.push((
            format!("duration {d:?}"),
            AgendaItemInput {
                duration_min: d.into(),
                ..good_item()
            },
            "duration",
        ));
    }
    for p in ["24:00", "7", "x", "12:75"] {
        inputs.push((
            format!("pinned {p:?}"),
            AgendaItemInput {
                pinned_start: p.into(),
                ..good_item()
            },
            "pinned",
        ));
    }
    inputs.push((
        "no title".into(),
        AgendaItemInput {
            title: Text::new(),
            ..good_item()
        },
        "title",
    ));
    inputs.push((
        "1 MB title".into(),
        AgendaItemInput {
            title: Text::new().with(Lang::Zh, &mb()),
            ..good_item()
        },
        "title.zh",
    ));
    inputs.push((
        "control title".into(),
        AgendaItemInput {
            title: Text::new().with(Lang::Kk, "ә\u{0}"),
            ..good_item()
        },
        "title.kk",
    ));
    inputs.push((
        "1 MB description".into(),
        AgendaItemInput {
            description: Text::new().with(Lang::En, &mb()),
            ..good_item()
        },
        "description.en",
    ));
    for (name, input, names) in inputs {
        let i2 = input.clone();
        out.push(case(format!("agenda add {name}"), names, move |db, c| {
            agenda::add(db, &clock(), &c.session, &input, None).map(|_| ())
        }));
        out.push(case(
            format!("agenda update {name}"),
            names,
            move |db, c| agenda::update(db, &clock(), &c.item, &i2).map(|_| ()),
        ));
    }
}

fn person_cases(out: &mut Vec<Case>) {
    let named = |family: &str, given: &str| PersonInput {
        names: vec![PersonName {
            lang: Lang::Ru,
            family: family.into(),
            given: given.into(),
            patronymic: String::new(),
            family_first: false,
        }],
        ..good_person()
    };
    let mut inputs: Vec<(String, PersonInput, &str)> = Vec::new();
    for m in [
        "<b>Иванов</b>",
        "{Иванов}",
        "#set text(red)",
        "Ива\\нов",
        "Иванов\u{0}",
        "<script>alert(1)</script>",
    ] {
        inputs.push((format!("family {m:?}"), named(m, "Иван"), "family"));
        inputs.push((format!("given {m:?}"), named("Иванов", m), "given"));
    }
    inputs.push((
        "no names".into(),
        PersonInput {
            names: vec![],
            ..good_person()
        },
        "names",
    ));
    inputs.push(("1 MB family".into(), named(&mb(), "Иван"), "family"));
    for e in ["x", "a@", "@b.c", "a b@c.d", "<a@b.c>"] {
        inputs.push((
            format!("email {e:?}"),
            PersonInput {
                email: e.into(),
                ..good_person()
            },
            "email",
        ));
    }
    for p in ["abc", "+7 (701) abc", "☎"] {
        inputs.push((
            format!("phone {p:?}"),
            PersonInput {
                phone: p.into(),
                ..good_person()
            },
            "phone",
        ));
    }
    for c in ["KAZ", "k", "12"] {
        inputs.push((
            format!("country {c:?}"),
            PersonInput {
                country: c.into(),
                ..good_person()
            },
            "country",
        ));
    }
    for r in ["abc", "-1"] {
        inputs.push((
            format!("rank {r:?}"),
            PersonInput {
                precedence_rank: r.into(),
                ..good_person()
            },
            "precedenceRank",
        ));
    }
    let pos = |s: &str, e: &str| Position {
        title: Text::new().with(Lang::Ru, "Посол"),
        started_on: s.into(),
        ended_on: e.into(),
    };
    inputs.push((
        "position ends before it starts".into(),
        PersonInput {
            positions: vec![pos("2020-01-01", "2019-01-01")],
            ..good_person()
        },
        "positions",
    ));
    inputs.push((
        "position impossible date".into(),
        PersonInput {
            positions: vec![pos("2025-02-30", "")],
            ..good_person()
        },
        "positions",
    ));
    inputs.push((
        "honorific 1 MB".into(),
        PersonInput {
            honorific: Text::new().with(Lang::Ru, &mb()),
            ..good_person()
        },
        "honorific",
    ));
    inputs.push((
        "organisation unknown".into(),
        PersonInput {
            organisation_id: MISSING.into(),
            ..good_person()
        },
        "organisationId",
    ));
    for (name, input, names) in inputs {
        let i2 = input.clone();
        let i3 = input.clone();
        out.push(case(
            format!("person create {name}"),
            names,
            move |db, _| people::create(db, &clock(), &input).map(|_| ()),
        ));
        out.push(case(
            format!("person update {name}"),
            names,
            move |db, c| people::update(db, &clock(), &c.person, &i2).map(|_| ()),
        ));
        out.push(case(format!("walk-in {name}"), names, move |db, c| {
            invitations::walk_in(db, &clock(), &c.session, &i3).map(|_| ())
        }));
    }
}

fn minutes_cases(out: &mut Vec<Case>) {
    for (lang, text, names) in [
        (Lang::Ru, mb(), "summary.ru"),
        (Lang::Zh, "总结\u{0}".into(), "summary.zh"),
    ] {
        let t = Text::new().with(lang, &text);
        out.push(case(format!("summary {names}"), names, move |db, c| {
            minutes::set_summary(db, &clock(), &c.session, &t).map(|_| ())
        }));
    }
    for (lang, text, names) in [
        (Lang::Kk, mb(), "notes.kk"),
        (Lang::En, "a\u{8}b".into(), "notes.en"),
    ] {
        let t = Text::new().with(lang, &text);
        out.push(case(format!("item notes {names}"), names, move |db, c| {
            minutes::set_item(db, &clock(), &c.item, &t, &Text::new()).map(|_| ())
        }));
        let t2 = Text::new().with(lang, &text);
        out.push(case(
            format!("key points {names}"),
            names.replace("notes", "keyPoints"),
            move |db, c| minutes::set_item(db, &clock(), &c.item, &Text::new(), &t2).map(|_| ()),
        ));
    }
    out.push(case("remark 1 MB", "body", |db, c| {
        minutes::save_remark(
            db,
            &clock(),
            &c.item,
            None,
            &c.person,
            &Text::new().with(Lang::Ru, &mb()),
        )
        .map(|_| ())
    }));
    out.push(case("empty decision", "body", |db, c| {
        minutes::save_decision(db, &clock(), &c.item, None, &Text::new()).map(|_| ())
    }));
    for due in ["2025-02-30", "tomorrow", "2025/12/01"] {
        out.push(case(
            format!("follow-up due {due:?}"),
            "dueOn",
            move |db, c| {
                followups::update(
                    db,
                    &clock(),
                    &c.followup,
                    &FollowUpInput {
                        body: Text::new().with(Lang::Ru, "x"),
                        due_on: due.into(),
                        ..Default::default()
                    },
                )
                .map(|_| ())
            },
        ));
    }
    out.push(case("follow-up empty", "body", |db, c| {
        followups::update(db, &clock(), &c.followup, &FollowUpInput::default()).map(|_| ())
    }));
    out.push(case("follow-up owner unknown", "ownerPersonId", |db, c| {
        followups::update(
            db,
            &clock(),
            &c.followup,
            &FollowUpInput {
                body: Text::new().with(Lang::Ru, "x"),
                owner_person_id: MISSING.into(),
                ..Default::default()
            },
        )
        .map(|_| ())
    }));
    for z in ["Nowhere/Town", ""] {
        out.push(case(
            format!("settings zone {z:?}"),
            "timeZone",
            move |db, _| {
                settings::update(
                    db,
                    &SettingsPatch {
                        time_zone: Some(z.into()),
                        ..Default::default()
                    },
                )
                .map(|_| ())
            },
        ));
    }
    out.push(case("settings club name 1 MB", "clubName", |db, _| {
        settings::update(
            db,
            &SettingsPatch {
                club_name: Some(Text::new().with(Lang::Ru, &mb())),
                ..Default::default()
            },
        )
        .map(|_| ())
    }));
}

fn file_cases(out: &mut Vec<Case>) {
    let csv_files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("guests.csv", b"".to_vec(), "file"),
        (
            "guests.csv",
            "family.ru;given.ru\n\"Иванов;Иван\n".as_bytes().to_vec(),
            "line 2",
        ),
        (
            "guests.csv",
            "family.ru;given.ru;email\nИванов;Иван;not-an-email\n"
                .as_bytes()
                .to_vec(),
            "line 2",
        ),
        (
            "guests.csv",
            "family.ru;given.ru\n<b>Иванов</b>;Иван\n"
                .as_bytes()
                .to_vec(),
            "line 2",
        ),
        (
            "guests.csv",
            "family.ru;given.ru;phone\nИванов;Иван;abc\n"
                .as_bytes()
                .to_vec(),
            "line 2",
        ),
        (
            "guests.csv",
            "family.ru;given.ru;country\nИванов;Иван;KAZ\n"
                .as_bytes()
                .to_vec(),
            "line 2",
        ),
        (
            "guests.csv",
            format!("family.ru;given.ru\n{};Иван\n", mb()).into_bytes(),
            "line 2",
        ),
        (
            "guests.csv",
            "family.ru;given.ru\n{x};Иван\n".as_bytes().to_vec(),
            "line 2",
        ),
        ("guests.csv", vec![0u8; 64], "file"),
        (
            "guests.xlsx",
            b"PK\x03\x04 not really a workbook".to_vec(),
            "file",
        ),
        ("guests.xlsx", b"".to_vec(), "file"),
        (
            "guests.vcf",
            b"BEGIN:VCARD\nVERSION:3.0\nFN:x".to_vec(),
            "line",
        ),
        ("guests.vcf", b"END:VCARD\n".to_vec(), "line"),
        (
            "guests.vcf",
            "BEGIN:VCARD\nVERSION:3.0\nN:<b>x</b>;y;;;\nEND:VCARD\n"
                .as_bytes()
                .to_vec(),
            "line",
        ),
        ("guests.bin", vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "file"),
    ];
    for (name, bytes, names) in csv_files {
        let b2 = bytes.clone();
        out.push(case(
            format!(
                "import {name} ({names}) {:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(30)])
            ),
            names,
            move |db, _| import::commit(db, &clock(), &import_req(name, &bytes)).map(|_| ()),
        ));
        let _ = b2;
    }
    out.push(case(
        "import with an unknown column code",
        "mapping",
        |db, _| {
            let mut req = import_req("g.csv", "a;b\nИванов;Иван\n".as_bytes());
            req.mapping = vec!["family.ru".into(), "shoe_size".into()];
            import::commit(db, &clock(), &req).map(|_| ())
        },
    ));
    let fonts = Fonts::load(&Fonts::default_dir()).unwrap();
    for (langs, names) in [
        (vec![], "langs"),
        (vec![Lang::Ru, Lang::Ru], "langs"),
        (vec![Lang::Ru, Lang::Zh, Lang::En], "langs"),
    ] {
        let f = fonts.clone();
        out.push(case(
            format!("document langs {langs:?}"),
            names,
            move |db, c| {
                documents::export(
                    db,
                    &clock(),
                    &f,
                    &c.session,
                    DocumentKind::Agenda,
                    Format::Pdf,
                    &opts(langs.clone()),
                )
                .map(|_| ())
            },
        ));
    }
    for (kind, format) in [
        (DocumentKind::Cards, Format::Docx),
        (DocumentKind::Agenda, Format::Ics),
        (DocumentKind::Ics, Format::Pdf),
        (DocumentKind::Minutes, Format::Xlsx),
    ] {
        let f = fonts.clone();
        out.push(case(
            format!("document {kind:?} as {format:?}"),
            "format",
            move |db, c| {
                documents::export(
                    db,
                    &clock(),
                    &f,
                    &c.session,
                    kind,
                    format,
                    &opts(vec![Lang::Ru]),
                )
                .map(|_| ())
            },
        ));
    }
    for (bytes, names) in [(b"not a zip".to_vec(), "file"), (Vec::new(), "file")] {
        out.push(case(
            format!("archive import {names}"),
            names,
            move |db, _| archive::import(db, &bytes).map(|_| ()),
        ));
    }
    out.push(case("restore from a text file", "backup", |db, _| {
        let p = db.path().with_file_name("not-a-backup.txt");
        std::fs::write(&p, "hello").unwrap();
        db.restore(&clock(), &p)
    }));
}

#[test]
fn two_hundred_bad_inputs_each_get_a_clear_error_and_change_nothing() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let item = agenda::get(&db, &eighth.id).unwrap().items[0].id.clone();
    let list = invitations::list(&db, &eighth.id).unwrap();
    let m = minutes::save_decision(
        &db,
        &clock(),
        &item,
        None,
        &Text::new().with(Lang::Ru, "Решение"),
    )
    .unwrap();
    let decision = m.items[0].decisions[0].id.clone();
    let f = followups::create_from_decision(
        &db,
        &clock(),
        &decision,
        &FollowUpInput {
            body: Text::new().with(Lang::Ru, "Сделать"),
            ..Default::default()
        },
    )
    .unwrap();
    let ctx = Ctx {
        session: eighth.id.clone(),
        item,
        person: list.invitees[0].person.id.clone(),
        invitation: list.invitees[0].id.clone(),
        followup: f.id,
    };
    let mut cases = Vec::new();
    session_cases(&mut cases);
    id_cases(&mut cases);
    agenda_cases(&mut cases);
    person_cases(&mut cases);
    minutes_cases(&mut cases);
    file_cases(&mut cases);
    assert!(cases.len() >= 200, "{} cases", cases.len());

    let mut failures = Vec::new();
    for c in &cases {
        let before = dump::tables(&db).unwrap();
        match (c.run)(&db, &ctx) {
            Ok(()) => failures.push(format!("{}: accepted", c.name)),
            Err(e) => {
                let text = e.to_string();
                if !text.contains(&c.names) {
                    failures.push(format!("{}: {text:?} does not name {:?}", c.name, c.names));
                }
            }
        }
        if dump::tables(&db).unwrap() != before {
            failures.push(format!("{}: the database changed", c.name));
        }
    }
    eprintln!("{} bad inputs tried", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
