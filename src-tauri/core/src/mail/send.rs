//! Sending a batch: to each guest with an address who has not had this message yet, in
//! the order of precedence, one at a time; each outcome written as it comes, so a batch
//! stopped (by the organizer, by a server that went away, by a crash) goes on later with
//! the rest and nobody gets it twice. Or the same messages saved as .eml files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use lettre::Message;
use serde::Serialize;
use ts_rs::TS;

use super::log::{self, LastMail, Outcome};
use super::message::{self, Parts, Values};
use super::smtp::{Failure, Outbox, SmtpAccount};
use super::{template, MailKind, MailTemplate};
use crate::clock::{stamp, Clock};
use crate::documents::fonts::Fonts;
use crate::documents::letters::{self, Letter, LettersDoc};
use crate::documents::{ics, letters_data, DocumentOptions, LetterStyle};
use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::planning::invitations::{self, InvitationPatch};
use crate::planning::rsvp::{Channel, InvitationStatus};
use crate::planning::sessions::{self, Session};
use crate::store::db::Db;
use crate::store::settings;
use crate::text::Lang;

/// One guest of the batch and what would happen to them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "MailRecipient")]
pub struct Recipient {
    pub invitation_id: String,
    pub person_id: String,
    pub name: crate::text::Text,
    pub address: String,
    pub lang: Lang,
    /// How the invitation went or goes to them, as recorded (None: not yet said).
    pub channel: Option<Channel>,
    /// Their phone and WeChat, for those reached that way.
    pub phone: String,
    pub wechat: String,
    /// The last message of this kind to them, if any.
    pub last: Option<LastMail>,
    /// Why nothing can go to them: no address, or one that is not an address.
    pub problem: Option<String>,
    /// A batch sends to them without being asked to send again (the window shows the
    /// same as the batch does).
    pub due: bool,
}

/// Whether a batch sends to them without being asked to send again: an address, and no
/// message of this kind sent, saved or cut off mid-way.
fn due(problem: &Option<String>, last: Option<&LastMail>) -> bool {
    problem.is_none()
        && !matches!(
            last.map(|l| l.outcome),
            Some(Outcome::Sent | Outcome::Sending | Outcome::Saved)
        )
}

/// Who a batch of `kind` is for, in the order of precedence: invitations to everyone
/// expected (not who declined, not walk-ins); reminders to who has not answered.
pub fn recipients(db: &Db, session_id: &str, kind: MailKind) -> Result<Vec<Recipient>> {
    let list = invitations::list(db, session_id)?;
    let last: BTreeMap<String, LastMail> = db
        .read(|c| log::last(c, &list.session_id, kind))?
        .into_iter()
        .map(|l| (l.invitation_id.clone(), l))
        .collect();
    Ok(list
        .invitees
        .iter()
        .filter(|i| !i.walk_in)
        .filter(|i| match kind {
            MailKind::Invitation => i.status != InvitationStatus::Declined,
            MailKind::Reminder => {
                matches!(
                    i.status,
                    InvitationStatus::Invited | InvitationStatus::NoReply
                )
            }
        })
        .map(|i| {
            let address = i.person.email.trim().to_string();
            let problem = if address.is_empty() {
                Some("no e-mail address".to_string())
            } else if message::address(&address, "email").is_err() {
                Some(format!("{address:?} is not an e-mail address"))
            } else {
                None
            };
            Recipient {
                invitation_id: i.id.clone(),
                person_id: i.person.id.clone(),
                name: i.person.display_name.clone(),
                address,
                lang: i.person.languages.first().copied().unwrap_or(Lang::Ru),
                channel: i.channel,
                phone: i.person.phone.clone(),
                wechat: i.person.wechat.clone(),
                due: due(&problem, last.get(&i.id)),
                last: last.get(&i.id).cloned(),
                problem,
            }
        })
        .collect())
}

/// What a batch is asked to do.
#[derive(Debug, Clone)]
pub struct Batch {
    pub kind: MailKind,
    /// The language for guests whose languages are not known, the paper of the letters.
    pub options: DocumentOptions,
    pub reply_by: Option<String>,
    /// Guests to send to again although they had it (the organizer said yes).
    pub again: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "MailBatchReport")]
pub struct BatchReport {
    pub sent: u32,
    /// Guests the server refused, with its reason.
    pub refused: Vec<(String, String)>,
    /// Guests who had it already, or whose sending was cut off: not sent again unless asked.
    pub skipped: u32,
    /// Why the batch stopped before the end (the organizer, the server): the rest waits.
    pub stopped: Option<String>,
    /// The same, for the window to say in the user's language.
    pub stop_reason: Option<StopReason>,
}

/// Why a batch stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "MailStopReason")]
pub enum StopReason {
    /// The organizer stopped it.
    Stopped,
    /// The server did not take the login.
    WrongPassword,
    /// The server could not be reached or went away.
    Unreachable,
}

/// Progress of a batch, for the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "MailProgress")]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub invitation_id: String,
    pub outcome: Outcome,
    pub detail: String,
}

/// Everything the messages of a session share, made once.
struct Ready {
    session: Session,
    letters: LettersDoc,
    ics: BTreeMap<Lang, Vec<u8>>,
    club: crate::text::Text,
    templates: BTreeMap<(MailKind, Lang), MailTemplate>,
}

fn ready(db: &Db, clock: &dyn Clock, session_id: &str, b: &Batch) -> Result<Ready> {
    let session = sessions::get(db, clock, session_id)?;
    let letters = letters_data(
        db,
        clock,
        &session.id,
        &b.options,
        LetterStyle::Personal,
        b.reply_by.as_deref(),
    )?;
    let mut ics = BTreeMap::new();
    for l in Lang::ALL {
        ics.insert(l, ics::session_ics(db, clock, &session.id, l)?);
    }
    let club = settings::get(db)?.club_name;
    let templates = db.read(|c| {
        let mut m = BTreeMap::new();
        for l in Lang::ALL {
            m.insert((b.kind, l), template(c, b.kind, l)?);
        }
        Ok(m)
    })?;
    Ok(Ready {
        session,
        letters,
        ics,
        club,
        templates,
    })
}

/// What one guest's message says, in the letter's first language: the language, the
/// guest's letter, the template's fields.
fn values<'r>(
    r: &'r Ready,
    b: &Batch,
    who: &Recipient,
) -> Result<(Lang, Option<&'r Letter>, Values)> {
    let letter: Option<&Letter> = r
        .letters
        .letters
        .iter()
        .find(|l| l.person_id == who.person_id);
    let lang = letter.map(|l| l.langs[0]).unwrap_or(who.lang);
    let (date, time) = letters::when(&r.session, lang)?;
    let reply_by = letters::reply_by_date(&r.session, b.reply_by.as_deref())?;
    let s = &r.session;
    let values = Values {
        honorific: letter
            .and_then(|l| l.honorific.get(lang))
            .unwrap_or_default()
            .into(),
        name: who.name.best(lang).into(),
        salutation: letter
            .and_then(|l| l.salutation.get(lang))
            .map(str::to_string)
            .unwrap_or_else(|| who.name.best(lang).to_string()),
        ordinal: s.ordinal.best(lang).into(),
        title: s.title.best(lang).into(),
        date,
        time,
        venue: s.venue.best(lang).into(),
        reply_by: crate::clock::long_date(reply_by, lang),
        club: r.club.best(lang).into(),
    };
    Ok((lang, letter, values))
}

/// One guest's message as plain text, to copy into WeChat or read out on the phone.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "MailText")]
pub struct GuestText {
    pub invitation_id: String,
    pub lang: Lang,
    pub text: String,
}

/// The batch's message to each guest as text (the template's body with its fields
/// filled), in the guest's language: for guests reached by messenger or phone.
pub fn texts(db: &Db, clock: &dyn Clock, session_id: &str, b: &Batch) -> Result<Vec<GuestText>> {
    let r = ready(db, clock, session_id, b)?;
    recipients(db, &r.session.id, b.kind)?
        .iter()
        .map(|who| {
            let (lang, _, v) = values(&r, b, who)?;
            Ok(GuestText {
                invitation_id: who.invitation_id.clone(),
                lang,
                text: message::text(&r.templates[&(b.kind, lang)], &v),
            })
        })
        .collect()
}

/// One guest's message, in the letter's first language, and the Message-ID it carries.
fn compose(
    r: &Ready,
    b: &Batch,
    who: &Recipient,
    account: &SmtpAccount,
    fonts: &Fonts,
) -> Result<(String, Message)> {
    let message_id = format!("<{}@club-planner>", new_id());
    let (lang, letter, values) = values(r, b, who)?;
    let s = &r.session;
    let attached = match letter {
        Some(l) if b.kind == MailKind::Invitation => {
            let one = r.letters.only(l);
            let index = r.letters.letters.iter().position(|x| x == l).unwrap_or(0);
            Some((
                letters::letter_file_name(s, index, l),
                letters::letters_pdf(&one, fonts)?,
            ))
        }
        _ => None,
    };
    message::build(
        &r.templates[&(b.kind, lang)],
        &values,
        &Parts {
            from: &account.from,
            from_name: &account.from_name,
            to: &who.address,
            to_name: &values.name,
            lang,
            letter: attached,
            ics: r.ics.get(&lang).cloned(),
            message_id: message_id.clone(),
        },
    )
    .map(|m| (message_id, m))
}

/// Notes on the invitation that its message went out by `channel`: the channel, and for
/// an invitation not yet sent, the status "invited" (an answer already given stays).
/// The invitation's session.
fn record_sent(
    tx: &rusqlite::Connection,
    clock: &dyn Clock,
    invitation_id: &str,
    kind: MailKind,
    channel: Channel,
) -> Result<String> {
    use rusqlite::OptionalExtension;
    let status = tx
        .query_row(
            "SELECT status FROM invitation WHERE id = ?1",
            [invitation_id],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "invitation" })?;
    let patch = InvitationPatch {
        status: (kind == MailKind::Invitation && status == InvitationStatus::ToInvite.code())
            .then_some(InvitationStatus::Invited),
        channel: Some(channel.code().to_string()),
        ..Default::default()
    };
    invitations::apply(tx, clock, invitation_id, &patch)
}

/// The organizer sent a guest's text by WeChat or phone (or any channel but e-mail): noted
/// as the batch notes an e-mail, in one transaction. The session's invitees afterwards.
pub fn mark_sent(
    db: &Db,
    clock: &dyn Clock,
    invitation_id: &str,
    kind: MailKind,
    channel: Channel,
) -> Result<invitations::InviteeList> {
    let session_id = db.write(|tx| record_sent(tx, clock, invitation_id, kind, channel))?;
    invitations::list(db, &session_id)
}

/// Sends the batch through `outbox`, one guest at a time, until done or `stop` is set;
/// `progress` hears of each guest as it is done.
#[allow(clippy::too_many_arguments)]
pub fn send(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    b: &Batch,
    account: &SmtpAccount,
    outbox: &mut dyn Outbox,
    stop: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<BatchReport> {
    message::address(&account.from, "from")?;
    let r = ready(db, clock, session_id, b)?;
    let all = recipients(db, &r.session.id, b.kind)?;
    let mut report = BatchReport::default();
    let todo: Vec<&Recipient> = all
        .iter()
        .filter(|x| x.problem.is_none())
        .filter(|x| {
            let go = x.due || b.again.contains(&x.invitation_id);
            if !go {
                report.skipped += 1;
            }
            go
        })
        .collect();
    let total = todo.len() as u32;
    for (n, who) in todo.into_iter().enumerate() {
        if stop.load(Ordering::SeqCst) {
            report.stopped = Some("stopped".into());
            report.stop_reason = Some(StopReason::Stopped);
            break;
        }
        let (message_id, m) = compose(&r, b, who, account, fonts)?;
        let row = db.write(|tx| {
            log::sending(
                tx,
                &who.invitation_id,
                b.kind,
                &who.address,
                &message_id,
                &stamp(clock),
            )
        })?;
        let result = outbox.send(&m);
        let (outcome, detail) = match &result {
            Ok(()) => (Outcome::Sent, String::new()),
            Err(Failure::Refused(why)) => (Outcome::Failed, why.clone()),
            Err(Failure::WrongPassword(why) | Failure::Unreachable(why)) => {
                (Outcome::Failed, why.clone())
            }
        };
        db.write(|tx| {
            log::finish(tx, &row, outcome, &detail, &stamp(clock))?;
            if outcome == Outcome::Sent && b.kind == MailKind::Invitation {
                record_sent(tx, clock, &who.invitation_id, b.kind, Channel::Email)?;
            }
            Ok(())
        })?;
        progress(&Progress {
            done: n as u32 + 1,
            total,
            invitation_id: who.invitation_id.clone(),
            outcome,
            detail: detail.clone(),
        });
        match result {
            Ok(()) => report.sent += 1,
            Err(Failure::Refused(why)) => report.refused.push((who.invitation_id.clone(), why)),
            Err(Failure::WrongPassword(why)) => {
                // The server's own words; the window says the rest in the user's language.
                report.stopped = Some(why);
                report.stop_reason = Some(StopReason::WrongPassword);
                break;
            }
            Err(Failure::Unreachable(why)) => {
                report.stopped = Some(why);
                report.stop_reason = Some(StopReason::Unreachable);
                break;
            }
        }
    }
    Ok(report)
}

/// The batch's messages as .eml files in `dir` (one per guest, for Outlook or
/// Thunderbird to open and send); each noted as saved. The files written.
pub fn save_eml(
    db: &Db,
    clock: &dyn Clock,
    fonts: &Fonts,
    session_id: &str,
    b: &Batch,
    account: &SmtpAccount,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    message::address(&account.from, "from")?;
    let r = ready(db, clock, session_id, b)?;
    let all = recipients(db, &r.session.id, b.kind)?;
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (n, who) in all.iter().filter(|x| x.problem.is_none()).enumerate() {
        let (message_id, m) = compose(&r, b, who, account, fonts)?;
        let number = r.session.number.map(|n| n.to_string()).unwrap_or_default();
        let path = dir.join(format!(
            "session-{number}-{}-{:03}.eml",
            b.kind.code(),
            n + 1
        ));
        crate::paths::write_atomically(&path, &m.formatted())?;
        db.write(|tx| {
            log::saved(
                tx,
                &who.invitation_id,
                b.kind,
                &who.address,
                &message_id,
                &stamp(clock),
            )
        })?;
        written.push(path);
    }
    Ok(written)
}

/// A message to the organizer's own address, to try the account before a batch.
pub fn test_message(
    account: &SmtpAccount,
    outbox: &mut dyn Outbox,
) -> std::result::Result<(), Failure> {
    let from =
        message::address(&account.from, "from").map_err(|e| Failure::Refused(e.to_string()))?;
    let m = Message::builder()
        .from(lettre::message::Mailbox::new(
            Some(message::one_line(&account.from_name)),
            from.clone(),
        ))
        .to(lettre::message::Mailbox::new(None, from))
        .subject("Club Planner: test message")
        .body("This message shows that Club Planner can send through this account.".to_string())
        .map_err(|e| Failure::Refused(e.to_string()))?;
    outbox.send(&m)
}
