//! What the minutes show (the record of each item, who came, the follow-ups) and the
//! dossier that binds agenda, invitees and minutes into one document.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::data::{
    agenda_data, each, followup_status_label, frame, invitees_data, person_row, rich, t, AgendaDoc,
    Frame, InviteesDoc, Labels, PersonRow, Rich,
};
use super::{validate, DocumentOptions};
use crate::attachments::{self, Attachment, Kind};
use crate::clock::long_date;
use crate::error::Result;
use crate::minutes::{self, followups};
use crate::planning::invitations::{self, Invitee};
use crate::planning::rsvp::AttendanceStatus;
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::{Lang, Text};
use crate::Clock;

// --------------------------------------------------------------------------------- minutes

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RemarkRow {
    pub name: Text,
    pub body: Rich,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinutesRow {
    pub start: String,
    pub end: String,
    pub title: Text,
    pub notes: Rich,
    pub key_points: Rich,
    pub remarks: Vec<RemarkRow>,
    pub decisions: Vec<Rich>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpRow {
    pub body: Text,
    pub owner: Text,
    pub due: Text,
    pub status: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinutesDoc {
    #[serde(flatten)]
    pub frame: Frame,
    /// "Draft" or "Approved on …".
    pub state: Text,
    pub summary: Rich,
    pub items: Vec<MinutesRow>,
    pub present: Vec<PersonRow>,
    pub absent: Vec<Text>,
    pub excused: Vec<Text>,
    pub followups: Vec<FollowUpRow>,
    pub labels: Labels,
}

pub fn minutes_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<MinutesDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let m = minutes::get(db, &s.id)?;
    let list = invitations::list(db, &s.id)?;
    let follow = followups::for_session(db, &s.id)?;
    let heading = t(
        "Протокол заседания",
        "Отырыс хаттамасы",
        "会议纪要",
        "Minutes",
    );
    let state = approval(m.approved_at.as_deref());
    let names = |wanted: &[AttendanceStatus]| -> Vec<&Invitee> {
        list.invitees
            .iter()
            .filter(|i| i.attendance.is_some_and(|a| wanted.contains(&a)))
            .collect()
    };
    Ok(MinutesDoc {
        frame: frame(db, &s, options, heading)?,
        state,
        summary: rich(&m.summary),
        items: m.items.iter().map(minutes_row).collect(),
        present: names(&[
            AttendanceStatus::Present,
            AttendanceStatus::Late,
            AttendanceStatus::LeftEarly,
        ])
        .into_iter()
        .map(person_row)
        .collect(),
        absent: names(&[AttendanceStatus::Absent])
            .into_iter()
            .map(|i| i.person.display_name.clone())
            .collect(),
        excused: names(&[AttendanceStatus::Excused])
            .into_iter()
            .map(|i| i.person.display_name.clone())
            .collect(),
        followups: follow.iter().map(followup_row).collect(),
        labels: minutes_labels(),
    })
}

/// "Draft", or "Approved on 20 November 2025" in each language.
fn approval(approved_at: Option<&str>) -> Text {
    match approved_at.and_then(|a| NaiveDate::parse_from_str(a.get(..10)?, "%Y-%m-%d").ok()) {
        Some(d) => each(|l| {
            let label = t("Утверждён", "Бекітілді", "批准日期：", "Approved on")
                .best(l)
                .to_string();
            let sep = if l == Lang::Zh { "" } else { " " };
            format!("{label}{sep}{}", long_date(d, l))
        }),
        None => t("Проект", "Жоба", "草案", "Draft"),
    }
}

fn minutes_row(i: &minutes::MinutesItem) -> MinutesRow {
    MinutesRow {
        start: i.start.clone(),
        end: i.end.clone(),
        title: i.title.clone(),
        notes: rich(&i.notes),
        key_points: rich(&i.key_points),
        remarks: i
            .remarks
            .iter()
            .map(|r| RemarkRow {
                name: r.person_name.clone(),
                body: rich(&r.body),
            })
            .collect(),
        decisions: i.decisions.iter().map(|d| rich(&d.body)).collect(),
    }
}

fn followup_row(f: &followups::FollowUp) -> FollowUpRow {
    FollowUpRow {
        body: f.body.clone(),
        owner: f.owner.clone(),
        due: f
            .due_on
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| each(|l| long_date(d, l)))
            .unwrap_or_default(),
        status: followup_status_label(f.status),
    }
}

fn minutes_labels() -> Labels {
    BTreeMap::from([
        ("summary", t("Итоги", "Қорытынды", "会议总结", "Summary")),
        (
            "present",
            t("Присутствовали", "Қатысқандар", "出席人员", "Present"),
        ),
        (
            "absent",
            t("Отсутствовали", "Қатыспағандар", "缺席人员", "Absent"),
        ),
        (
            "excused",
            t(
                "Отсутствовали по уважительной причине",
                "Себепті қатыспағандар",
                "请假人员",
                "Excused",
            ),
        ),
        (
            "key_points",
            t(
                "Основные положения",
                "Негізгі тұжырымдар",
                "要点",
                "Key points",
            ),
        ),
        ("decisions", t("Решения", "Шешімдер", "决定", "Decisions")),
        (
            "followups",
            t("Поручения", "Тапсырмалар", "后续事项", "Follow-ups"),
        ),
        ("task", t("Поручение", "Тапсырма", "事项", "Task")),
        ("owner", t("Ответственный", "Жауапты", "负责人", "Owner")),
        ("due", t("Срок", "Мерзімі", "期限", "Due")),
        ("status", t("Состояние", "Күйі", "状态", "Status")),
        ("none", t("—", "—", "—", "—")),
    ])
}

// --------------------------------------------------------------------------------- dossier

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub agenda: AgendaDoc,
    pub invitees: InviteesDoc,
    pub minutes: MinutesDoc,
    /// The files marked for the dossier, in their order: appended after the minutes.
    pub annexes: Vec<AnnexRow>,
    pub labels: Labels,
}

/// An annex as the dossier lists and appends it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnexRow {
    /// The file Typst reads it from ("annex-1.pdf").
    pub file: String,
    /// pdf | image
    pub kind: &'static str,
    /// A PDF's pages (each becomes a page of the dossier).
    pub pages: u32,
    /// The caption, else the file's name.
    pub title: Text,
}

/// The name Typst reads an annex by: its attachment's id and the kind sniffed from the
/// bytes ("annex-<id>.pdf"), never the name given. The data and the files are read one
/// after the other; named by id, an annex changed between the two reads can only be
/// missing (the layout says so), never another file's bytes under its title.
fn annex_name(a: &Attachment) -> String {
    let ext = match a.kind {
        Kind::Pdf => "pdf",
        Kind::Png => "png",
        Kind::Webp => "webp",
        _ => "jpg",
    };
    format!("annex-{}.{ext}", a.id)
}

fn annexes(db: &Db, session_id: &str) -> Result<Vec<Attachment>> {
    Ok(attachments::list(db, session_id)?
        .into_iter()
        .filter(|a| a.in_dossier && (a.kind == Kind::Pdf || a.kind.is_picture()))
        .collect())
}

/// The bytes of each annex under the name the dossier's data gives it.
pub(super) fn annex_files(db: &Db, session_id: &str) -> Result<Vec<(String, Vec<u8>)>> {
    annexes(db, session_id)?
        .iter()
        .map(|a| Ok((annex_name(a), attachments::bytes(db, &a.id)?.1)))
        .collect()
}

pub fn dossier_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<DossierDoc> {
    let agenda = agenda_data(db, clock, session_id, options)?;
    let s = sessions::get(db, clock, session_id)?;
    let heading = t(
        "Досье заседания",
        "Отырыс досьесі",
        "会议资料汇编",
        "Session dossier",
    );
    Ok(DossierDoc {
        frame: frame(db, &s, options, heading)?,
        agenda,
        invitees: invitees_data(db, clock, session_id, options)?,
        minutes: minutes_data(db, clock, session_id, options)?,
        annexes: annexes(db, session_id)?
            .iter()
            .map(|a| AnnexRow {
                file: annex_name(a),
                kind: if a.kind == Kind::Pdf { "pdf" } else { "image" },
                pages: a.pages.unwrap_or(1),
                title: if a.caption.is_empty() {
                    Text::new().with(options.langs[0], &a.name)
                } else {
                    a.caption.clone()
                },
            })
            .collect(),
        labels: [
            ("annexes", t("Приложения", "Қосымшалар", "附件", "Annexes")),
            ("annex", t("Приложение", "Қосымша", "附件", "Annex")),
            ("page", t("с.", "б.", "页", "p.")),
        ]
        .into_iter()
        .collect(),
    })
}
