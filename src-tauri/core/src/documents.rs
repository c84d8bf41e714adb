//! Printed documents: the agenda and the sign-in sheet as PDF, rendered with Typst from
//! templates in src-tauri/core/templates. The data goes in as JSON (sys.inputs) — user
//! text is never spliced into markup — in one language or a pair, side by side or stacked.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

use crate::agenda::{self, ItemKind, RoleKind};
use crate::db::Db;
use crate::error::{Error, InvalidReason, Result};
use crate::fonts::Fonts;
use crate::invitations::{self, InvitationStatus};
use crate::sessions::{self, Session};
use crate::settings;
use crate::text::{Lang, Text};
use crate::Clock;

const COMMON: &str = include_str!("../templates/common.typ");
const AGENDA: &str = include_str!("../templates/agenda.typ");
const SIGNIN: &str = include_str!("../templates/signin.typ");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    Agenda,
    Signin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Layout {
    #[default]
    Side,
    Stacked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DocumentOptions {
    /// One language, or two for a bilingual document.
    pub langs: Vec<Lang>,
    pub layout: Layout,
    pub paper: Paper,
}

fn t(ru: &str, kk: &str, zh: &str, en: &str) -> Text {
    Text::new()
        .with(Lang::Ru, ru)
        .with(Lang::Kk, kk)
        .with(Lang::Zh, zh)
        .with(Lang::En, en)
}

/// A date as each language writes it: «20 ноября 2025 г.», «2025 жылғы 20 қараша», 2025年11月20日.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const KK: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = d.month0() as usize;
    match lang {
        Lang::Ru => format!("{} {} {} г.", d.day(), RU[m], d.year()),
        Lang::Kk => format!("{} жылғы {} {}", d.year(), d.day(), KK[m]),
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!("{} {} {}", d.day(), EN[m], d.year()),
    }
}

fn kind_label(k: ItemKind) -> Text {
    match k {
        ItemKind::Opening => t("Открытие", "Ашылу", "开幕", "Opening"),
        ItemKind::Report => t("Доклад", "Баяндама", "报告", "Report"),
        ItemKind::Remarks => t("Выступления", "Сөз сөйлеу", "发言", "Remarks"),
        ItemKind::Discussion => t("Дискуссия", "Пікірталас", "讨论", "Discussion"),
        ItemKind::Break => t("Перерыв", "Үзіліс", "茶歇", "Break"),
        ItemKind::Closing => t("Закрытие", "Жабылу", "闭幕", "Closing"),
        ItemKind::Other => t("", "", "", ""),
    }
}

fn role_label(r: RoleKind) -> Text {
    match r {
        RoleKind::Chair => t("председатель", "төраға", "主席", "chair"),
        RoleKind::Moderator => t("модератор", "модератор", "主持人", "moderator"),
        RoleKind::Speaker => t("выступающий", "баяндамашы", "发言人", "speaker"),
    }
}

fn validate(options: &DocumentOptions) -> Result<()> {
    let n = options.langs.len();
    if n == 0 || n > 2 || (n == 2 && options.langs[0] == options.langs[1]) {
        return Err(Error::invalid("langs", InvalidReason::BadLanguage));
    }
    Ok(())
}

/// The header and title data every document shares.
fn frame(db: &Db, s: &Session, options: &DocumentOptions, heading: Text) -> Result<Value> {
    let club = settings::get(db)?.club_name;
    let date = sessions::parse_date(&s.date, "date")?;
    let mut when = Text::new();
    for l in Lang::ALL {
        when.set(l, &format!("{}, {}–{}", long_date(date, l), s.start, s.end));
    }
    Ok(json!({
        "langs": options.langs.iter().map(|l| l.code()).collect::<Vec<_>>(),
        "layout": match options.layout { Layout::Side => "side", Layout::Stacked => "stacked" },
        "paper": match options.paper { Paper::A4 => "a4", Paper::Letter => "us-letter" },
        "document_title": heading.best(options.langs[0]),
        "club": club,
        "footer": club,
        "heading": heading,
        "session": {
            "ordinal": s.ordinal,
            "title": s.title,
            "when": when,
            "venue": s.venue,
            "theme": s.theme,
        },
    }))
}

/// The agenda's data as the template reads it (also what snapshot tests compare).
pub fn agenda_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<Value> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let a = agenda::get(db, &s.id)?;
    let mut data = frame(
        db,
        &s,
        options,
        t("Повестка дня", "Күн тәртібі", "会议议程", "Agenda"),
    )?;
    let mut planned = Text::new();
    for l in Lang::ALL {
        let label = t(
            "Окончание по плану",
            "Жоспар бойынша аяқталуы",
            "计划结束",
            "Planned end",
        )
        .best(l)
        .to_string();
        planned.set(l, &format!("{label}: {}", a.planned_end));
    }
    data["items"] = json!(a.items.iter().map(|i| json!({
        "start": i.start,
        "end": i.end,
        "kind": kind_label(i.kind),
        "title": i.title,
        "description": i.description,
        "people": i.roles.iter().map(|r| json!({ "name": r.name, "role": role_label(r.role) })).collect::<Vec<_>>(),
    })).collect::<Vec<_>>());
    data["labels"] = json!({
        "time": t("Время", "Уақыты", "时间", "Time"),
        "item": t("Пункт повестки", "Күн тәртібінің тармағы", "议项", "Item"),
        "theme": t("Тема", "Тақырып", "主题", "Theme"),
        "planned_end": planned,
    });
    Ok(data)
}

/// The sign-in sheet's data: everyone expected, in order of precedence.
pub fn signin_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<Value> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let list = invitations::list(db, &s.id)?;
    let mut data = frame(
        db,
        &s,
        options,
        t(
            "Лист регистрации",
            "Тіркеу парағы",
            "签到表",
            "Sign-in sheet",
        ),
    )?;
    data["people"] = json!(list
        .invitees
        .iter()
        .filter(|i| i.status != InvitationStatus::Declined)
        .map(|i| json!({
            "name": i.person.display_name,
            "honorific": i.person.honorific,
            "position": if i.person.position.is_empty() { i.person.organisation.clone() } else { i.person.position.clone() },
        }))
        .collect::<Vec<_>>());
    data["labels"] = json!({
        "name": t("Имя", "Аты-жөні", "姓名", "Name"),
        "position": t("Должность", "Лауазымы", "职务", "Position"),
        "signature": t("Подпись", "Қолы", "签名", "Signature"),
    });
    Ok(data)
}

/// Renders `data` with a template into PDF bytes.
pub fn render(kind: DocumentKind, data: &Value, fonts: &Fonts) -> Result<Vec<u8>> {
    let template = match kind {
        DocumentKind::Agenda => AGENDA,
        DocumentKind::Signin => SIGNIN,
    };
    render_source(&format!("{COMMON}\n{template}"), data, fonts)
}

/// Renders Typst `source` with `data`; layout errors name their line.
pub fn render_source(source: &str, data: &Value, fonts: &Fonts) -> Result<Vec<u8>> {
    let engine = TypstEngine::builder()
        .main_file(source.to_string())
        .fonts(fonts.files.iter().map(|f| f.as_slice()))
        .build();
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.to_string().into_value());
    let doc: PagedDocument = engine.compile_with_input(inputs).output.map_err(|e| {
        Error::Io(std::io::Error::other(format!(
            "document layout failed: {}",
            describe(&e, source)
        )))
    })?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
        .map_err(|e| Error::Io(std::io::Error::other(format!("PDF export failed: {e:?}"))))
}

/// The document for a session as PDF bytes.
pub fn pdf(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Result<Vec<u8>> {
    let data = match kind {
        DocumentKind::Agenda => agenda_data(db, clock, session_id, options)?,
        DocumentKind::Signin => signin_data(db, clock, session_id, options)?,
    };
    render(kind, &data, fonts)
}

/// Typst's diagnostics, one message each (they concern the templates, not user text).
fn describe(e: &typst_as_lib::TypstAsLibError, _source: &str) -> String {
    match e {
        typst_as_lib::TypstAsLibError::TypstSource(diags) => diags
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
        other => format!("{other:?}"),
    }
}
