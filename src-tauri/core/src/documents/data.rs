//! What each document shows, gathered from the database into plain values: labels in the
//! four languages, dates and ordinals localized, minutes text read into blocks.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{validate, DocumentOptions, Layout, Paper};
use crate::clock::long_date;
use crate::error::Result;
use crate::minutes::followups::FollowUpStatus;
use crate::minutes::text::{self as minutes_text, Block};
use crate::planning::agenda::{self, ItemKind};
use crate::planning::agenda_roles::RoleKind;
use crate::planning::invitations::{self, Invitee};
use crate::planning::rsvp::{AttendanceStatus, Channel, InvitationStatus, InviteeRole};
use crate::planning::seating_plan;
use crate::planning::sessions::{self, Session};
use crate::store::db::Db;
use crate::store::settings;
use crate::text::{Lang, Text};
use crate::Clock;

/// Minutes text per language, read into blocks.
pub type Rich = BTreeMap<Lang, Vec<Block>>;

pub(super) fn rich(text: &Text) -> Rich {
    text.0
        .iter()
        .map(|(l, s)| (*l, minutes_text::parse(s)))
        .filter(|(_, b)| !b.is_empty())
        .collect()
}

/// A text in the four languages.
pub(super) fn t(ru: &str, kk: &str, zh: &str, en: &str) -> Text {
    Text::in_four(ru, kk, zh, en)
}

/// A value written the same in every language, made from each language's form.
pub(super) fn each(f: impl Fn(Lang) -> String) -> Text {
    let mut out = Text::new();
    for l in Lang::ALL {
        out.set(l, &f(l));
    }
    out
}

fn kind_label(k: ItemKind) -> Text {
    match k {
        ItemKind::Opening => t("Открытие", "Ашылу", "开幕", "Opening"),
        ItemKind::Report => t("Доклад", "Баяндама", "报告", "Report"),
        ItemKind::Remarks => t("Выступления", "Сөз сөйлеу", "发言", "Remarks"),
        ItemKind::Discussion => t("Дискуссия", "Пікірталас", "讨论", "Discussion"),
        ItemKind::Break => t("Перерыв", "Үзіліс", "茶歇", "Break"),
        ItemKind::Closing => t("Закрытие", "Жабылу", "闭幕", "Closing"),
        ItemKind::Other => Text::new(),
    }
}

fn role_label(r: RoleKind) -> Text {
    match r {
        RoleKind::Chair => t("председатель", "төраға", "主席", "chair"),
        RoleKind::Moderator => t("модератор", "модератор", "主持人", "moderator"),
        RoleKind::Speaker => t("выступающий", "баяндамашы", "发言人", "speaker"),
    }
}

fn invitee_role_label(r: InviteeRole) -> Text {
    match r {
        InviteeRole::Guest => t("гость", "қонақ", "嘉宾", "guest"),
        InviteeRole::Speaker => t("выступающий", "баяндамашы", "发言人", "speaker"),
        InviteeRole::Moderator => t("модератор", "модератор", "主持人", "moderator"),
        InviteeRole::Organizer => t("организатор", "ұйымдастырушы", "组织者", "organizer"),
        InviteeRole::Press => t("пресса", "баспасөз", "媒体", "press"),
        InviteeRole::Observer => t("наблюдатель", "бақылаушы", "观察员", "observer"),
    }
}

fn status_label(s: InvitationStatus) -> Text {
    match s {
        InvitationStatus::ToInvite => t("не приглашён", "шақырылмаған", "待邀请", "to invite"),
        InvitationStatus::Invited => t("приглашён", "шақырылды", "已邀请", "invited"),
        InvitationStatus::Confirmed => t("подтвердил", "растады", "已确认", "confirmed"),
        InvitationStatus::Tentative => t("под вопросом", "белгісіз", "待定", "tentative"),
        InvitationStatus::Declined => t("отказался", "бас тартты", "谢绝", "declined"),
        InvitationStatus::Deputy => t(
            "направит заместителя",
            "орынбасарын жібереді",
            "派代表",
            "sends a deputy",
        ),
        InvitationStatus::NoReply => t("нет ответа", "жауап жоқ", "未回复", "no reply"),
    }
}

fn channel_label(c: Channel) -> Text {
    match c {
        Channel::Email => t("эл. почта", "эл. пошта", "电子邮件", "e-mail"),
        Channel::Letter => t("письмо", "хат", "信函", "letter"),
        Channel::Phone => t("телефон", "телефон", "电话", "phone"),
        Channel::Wechat => t("WeChat", "WeChat", "微信", "WeChat"),
        Channel::InPerson => t("лично", "жеке", "当面", "in person"),
    }
}

fn attendance_label(a: AttendanceStatus) -> Text {
    match a {
        AttendanceStatus::Present => t("присутствовал", "қатысты", "出席", "present"),
        AttendanceStatus::Absent => t("отсутствовал", "қатыспады", "缺席", "absent"),
        AttendanceStatus::Excused => t("по уважительной причине", "себепті", "请假", "excused"),
        AttendanceStatus::Late => t("опоздал", "кешікті", "迟到", "late"),
        AttendanceStatus::LeftEarly => t("ушёл раньше", "ерте кетті", "早退", "left early"),
    }
}

pub(super) fn followup_status_label(s: FollowUpStatus) -> Text {
    match s {
        FollowUpStatus::Open => t("открыто", "ашық", "待办", "open"),
        FollowUpStatus::InProgress => t("в работе", "орындалуда", "进行中", "in progress"),
        FollowUpStatus::Done => t("выполнено", "орындалды", "已完成", "done"),
        FollowUpStatus::Dropped => t("снято", "алынып тасталды", "已取消", "dropped"),
    }
}

/// The part every document shares: page, header, footer and the session's heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frame {
    pub langs: Vec<Lang>,
    pub layout: Layout,
    pub paper: Paper,
    /// The PDF's title, in the first language.
    pub document_title: String,
    pub club: Text,
    pub heading: Text,
    pub session: SessionHead,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionHead {
    pub ordinal: Text,
    pub title: Text,
    /// Date and times, each language's way.
    pub when: Text,
    pub venue: Text,
    pub theme: Text,
}

pub(super) fn frame(
    db: &Db,
    s: &Session,
    options: &DocumentOptions,
    heading: Text,
) -> Result<Frame> {
    let club = settings::get(db)?.club_name;
    let date = crate::clock::parse_date(&s.date, "date")?;
    Ok(Frame {
        langs: options.langs.clone(),
        layout: options.layout,
        paper: options.paper,
        document_title: format!(
            "{} — {}",
            s.ordinal.best(options.langs[0]),
            heading.best(options.langs[0])
        ),
        club,
        heading,
        session: SessionHead {
            ordinal: s.ordinal.clone(),
            title: s.title.clone(),
            when: each(|l| format!("{}, {}–{}", long_date(date, l), s.start, s.end)),
            venue: s.venue.clone(),
            theme: s.theme.clone(),
        },
    })
}

pub(super) type Labels = BTreeMap<&'static str, Text>;

// ---------------------------------------------------------------------------------- agenda

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaPerson {
    pub name: Text,
    pub role: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaRow {
    pub start: String,
    pub end: String,
    pub kind: Text,
    pub title: Text,
    pub description: Text,
    pub people: Vec<AgendaPerson>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub items: Vec<AgendaRow>,
    pub planned_end: String,
    pub labels: Labels,
}

pub fn agenda_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<AgendaDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let a = agenda::get(db, &s.id)?;
    let heading = t("Повестка дня", "Күн тәртібі", "会议议程", "Agenda");
    let planned_label = t(
        "Окончание по плану",
        "Жоспар бойынша аяқталуы",
        "计划结束",
        "Planned end",
    );
    // Printed in time order: an item pinned earlier than its place in the list (a
    // report fixed at 15:30) prints where it happens, not where it was entered.
    let mut items: Vec<&agenda::AgendaItem> = a.items.iter().collect();
    items.sort_by(|x, y| x.start.cmp(&y.start));
    Ok(AgendaDoc {
        frame: frame(db, &s, options, heading)?,
        items: items
            .into_iter()
            .map(|i| AgendaRow {
                start: i.start.clone(),
                end: i.end.clone(),
                kind: kind_label(i.kind),
                title: i.title.clone(),
                description: i.description.clone(),
                people: i
                    .roles
                    .iter()
                    .map(|r| AgendaPerson {
                        name: r.name.clone(),
                        role: role_label(r.role),
                    })
                    .collect(),
            })
            .collect(),
        planned_end: a.planned_end.clone(),
        labels: BTreeMap::from([
            ("time", t("Время", "Уақыты", "时间", "Time")),
            (
                "item",
                t("Пункт повестки", "Күн тәртібінің тармағы", "议项", "Item"),
            ),
            ("theme", t("Тема", "Тақырып", "主题", "Theme")),
            (
                "planned_end",
                each(|l| format!("{}: {}", planned_label.best(l), a.planned_end)),
            ),
        ]),
    })
}

// ------------------------------------------------------------------------------ the lists

/// A person as the lists, the sign-in sheet and the cards show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    pub name: Text,
    pub honorific: Text,
    /// The current position, else the organisation.
    pub position: Text,
}

pub(super) fn person_row(i: &Invitee) -> PersonRow {
    PersonRow {
        name: i.person.display_name.clone(),
        honorific: i.person.honorific.clone(),
        position: if i.person.position.is_empty() {
            i.person.organisation.clone()
        } else {
            i.person.position.clone()
        },
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InviteeRow {
    #[serde(flatten)]
    pub person: PersonRow,
    pub role: Text,
    pub status: Text,
    pub channel: Text,
    pub attendance: Text,
    /// The deputy's name when one comes instead.
    pub deputy: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InviteesDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub people: Vec<InviteeRow>,
    pub summary: Text,
    pub labels: Labels,
}

pub fn invitees_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<InviteesDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let list = invitations::list(db, &s.id)?;
    let c = &list.counts;
    let heading = t(
        "Список приглашённых",
        "Шақырылғандар тізімі",
        "邀请名单",
        "Invitee list",
    );
    let summary = t(
        &format!(
            "Всего {}: подтвердили {}, отказались {}, присутствовали {}",
            c.total, c.confirmed, c.declined, c.attended
        ),
        &format!(
            "Барлығы {}: растағандар {}, бас тартқандар {}, қатысқандар {}",
            c.total, c.confirmed, c.declined, c.attended
        ),
        &format!(
            "共 {} 人：确认 {}，谢绝 {}，出席 {}",
            c.total, c.confirmed, c.declined, c.attended
        ),
        &format!(
            "{} in all: {} confirmed, {} declined, {} attended",
            c.total, c.confirmed, c.declined, c.attended
        ),
    );
    Ok(InviteesDoc {
        frame: frame(db, &s, options, heading)?,
        people: list
            .invitees
            .iter()
            .map(|i| InviteeRow {
                person: person_row(i),
                role: invitee_role_label(i.role),
                status: status_label(i.status),
                channel: i.channel.map(channel_label).unwrap_or_default(),
                attendance: i.attendance.map(attendance_label).unwrap_or_default(),
                deputy: i
                    .deputy
                    .as_ref()
                    .map(|d| d.display_name.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        summary,
        labels: BTreeMap::from([
            ("name", t("Имя", "Аты-жөні", "姓名", "Name")),
            ("position", t("Должность", "Лауазымы", "职务", "Position")),
            ("role", t("Роль", "Рөлі", "身份", "Role")),
            ("status", t("Ответ", "Жауап", "答复", "Reply")),
            ("channel", t("Канал", "Арна", "方式", "Channel")),
            (
                "attendance",
                t("Присутствие", "Қатысуы", "出席", "Attendance"),
            ),
            ("deputy", t("заместитель", "орынбасар", "代表", "deputy")),
        ]),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SigninDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub people: Vec<PersonRow>,
    pub labels: Labels,
}

/// Who is expected: everyone on the list but those who declined, in order of precedence.
fn expected(list: &invitations::InviteeList) -> Vec<PersonRow> {
    list.invitees
        .iter()
        .filter(|i| i.status != InvitationStatus::Declined)
        .map(|i| match (&i.deputy, i.status) {
            (Some(d), InvitationStatus::Deputy) => PersonRow {
                name: d.display_name.clone(),
                honorific: d.honorific.clone(),
                position: if d.position.is_empty() {
                    d.organisation.clone()
                } else {
                    d.position.clone()
                },
            },
            _ => person_row(i),
        })
        .collect()
}

pub fn signin_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<SigninDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let list = invitations::list(db, &s.id)?;
    let heading = t(
        "Лист регистрации",
        "Тіркеу парағы",
        "签到表",
        "Sign-in sheet",
    );
    Ok(SigninDoc {
        frame: frame(db, &s, options, heading)?,
        people: expected(&list),
        labels: BTreeMap::from([
            ("name", t("Имя", "Аты-жөні", "姓名", "Name")),
            ("position", t("Должность", "Лауазымы", "职务", "Position")),
            ("signature", t("Подпись", "Қолы", "签名", "Signature")),
        ]),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardsDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub cards: Vec<PersonRow>,
}

/// Folded name cards (one per page): everyone expected, in order of precedence.
pub fn cards_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<CardsDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let mut list = invitations::list(db, &s.id)?;
    // In the order they go on the table once a seating plan is saved.
    let plan = seating_plan::get(db, &s.id)?;
    if plan.saved {
        let seat_of: BTreeMap<&str, u32> = plan
            .seats
            .iter()
            .filter_map(|p| p.invitation_id.as_deref().map(|id| (id, p.seat.index)))
            .collect();
        list.invitees
            .sort_by_key(|i| seat_of.get(i.id.as_str()).copied().unwrap_or(u32::MAX));
    }
    let heading = t(
        "Именные карточки",
        "Есімі жазылған карточкалар",
        "桌签",
        "Name cards",
    );
    Ok(CardsDoc {
        frame: frame(db, &s, options, heading)?,
        cards: expected(&list),
    })
}
