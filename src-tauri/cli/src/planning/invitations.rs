//! `clubctl invite`, `rsvp`, `checkin`, `attendance`, `invitees`: each session's invitee
//! list, answers and attendance (club-core's `planning::invitations`).

use anyhow::{bail, Context};
use clap::Args;
use club_core::people;
use club_core::planning::checkin;
use club_core::planning::invitations::{self, InvitationPatch, Invitee, InviteeList};
use club_core::planning::rsvp::{AttendanceStatus, InvitationStatus, InviteeRole};
use club_core::{Db, Lang};

use crate::output::Output;
use crate::people::person;
use crate::planning::sessions::resolve;
use crate::Ctl;

/// The session's invitee for `key` (a person id or text that finds exactly one on the list).
pub(crate) fn invitee<'a>(
    list: &'a InviteeList,
    db: &Db,
    key: &str,
) -> anyhow::Result<&'a Invitee> {
    if let Ok(p) = people::get(db, key) {
        return list
            .invitees
            .iter()
            .find(|i| i.person.id == p.id)
            .ok_or_else(|| club_core::Error::NotFound { what: "invitation" }.into());
    }
    let found = checkin::find(list, key);
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(club_core::Error::NotFound { what: "invitation" }.into()),
        many => bail!(
            "{} invitees match {key:?}; type more of the name",
            many.len()
        ),
    }
}

fn print_list(out: &Output, list: &InviteeList, lang: Lang) -> anyhow::Result<()> {
    out.data(list, || {
        let mut lines: Vec<String> = list
            .invitees
            .iter()
            .enumerate()
            .map(|(n, i)| {
                format!(
                    "{:>3}. {:<32} {:<10} {:<10} {:<10} {}",
                    n + 1,
                    i.person.display_name.best(lang),
                    i.role.code(),
                    i.status.code(),
                    i.channel.map(|c| c.code()).unwrap_or("—"),
                    i.attendance.map(|a| a.code()).unwrap_or("—"),
                )
            })
            .collect();
        let c = &list.counts;
        lines.push(format!(
            "{} on the list: {} confirmed, {} declined, {} came, {} absent, {} excused",
            c.total, c.confirmed, c.declined, c.attended, c.absent, c.excused
        ));
        lines.join("\n")
    })
}

#[derive(Args)]
pub struct InviteArgs {
    /// Session id or number
    session: String,
    /// People to invite: ids or names that find exactly one person
    people: Vec<String>,
    /// guest | speaker | moderator | organizer | press | observer
    #[arg(long, default_value = "guest")]
    role: String,
    /// Invite everyone with this tag
    #[arg(long)]
    tag: Option<String>,
    /// Invite everyone who was on this session's list (id or number)
    #[arg(long)]
    from: Option<String>,
}

pub fn invite(ctl: Ctl, a: InviteArgs) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, &a.session)?;
    let role = InviteeRole::from_code(&a.role)
        .context("--role must be guest, speaker, moderator, organizer, press or observer")?;
    let mut list = invitations::list(db, &s.id)?;
    if let Some(tag) = a.tag {
        list = invitations::invite_tag(db, clock, &s.id, &tag, role)?;
    }
    if let Some(from) = a.from {
        list = invitations::invite_from_session(db, clock, &s.id, &resolve(db, clock, &from)?.id)?;
    }
    if !a.people.is_empty() {
        let ids = a
            .people
            .iter()
            .map(|k| person(db, k).map(|p| p.id))
            .collect::<anyhow::Result<Vec<_>>>()?;
        list = invitations::invite(db, clock, &s.id, &ids, role)?;
    }
    print_list(out, &list, lang)
}

#[derive(Args)]
pub struct RsvpArgs {
    session: String,
    person: String,
    /// to_invite | invited | confirmed | tentative | declined | deputy | no_reply
    #[arg(long)]
    status: String,
    /// email | letter | phone | wechat | in_person
    #[arg(long)]
    channel: Option<String>,
    /// Who comes instead (with --status deputy)
    #[arg(long)]
    deputy: Option<String>,
}

pub fn rsvp(ctl: Ctl, a: RsvpArgs) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, &a.session)?;
    let list = invitations::list(db, &s.id)?;
    let i = invitee(&list, db, &a.person)?;
    let status = InvitationStatus::from_code(&a.status).context(
        "--status must be to_invite, invited, confirmed, tentative, declined, deputy or no_reply",
    )?;
    let deputy = a.deputy.map(|d| person(db, &d).map(|p| p.id)).transpose()?;
    let patch = InvitationPatch {
        status: Some(status),
        channel: a.channel,
        deputy_person_id: deputy,
        ..Default::default()
    };
    let list = invitations::update(db, clock, &i.id, &patch)?;
    print_list(out, &list, lang)
}

#[derive(Args)]
pub struct CheckinArgs {
    session: String,
    /// A few letters of the name in any script, or an id
    person: String,
    /// Take the check-in back
    #[arg(long)]
    undo: bool,
}

pub fn checkin(ctl: Ctl, a: CheckinArgs) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, &a.session)?;
    let list = invitations::list(db, &s.id)?;
    let i = invitee(&list, db, &a.person)?;
    let list = if a.undo {
        invitations::undo_check_in(db, clock, &i.id)?
    } else {
        invitations::check_in(db, clock, &i.id)?
    };
    print_list(out, &list, lang)
}

#[derive(Args)]
pub struct AttendanceArgs {
    session: String,
    /// Whose attendance to set (omit to list)
    person: Option<String>,
    /// present | absent | excused | late | left_early | none
    #[arg(long)]
    status: Option<String>,
}

pub fn attendance(ctl: Ctl, a: AttendanceArgs) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, &a.session)?;
    let mut list = invitations::list(db, &s.id)?;
    if let Some(key) = a.person {
        let status =
            match a.status.as_deref() {
                None => bail!("--status is needed with a person"),
                Some("none") => None,
                Some(s) => Some(AttendanceStatus::from_code(s).context(
                    "--status must be present, absent, excused, late, left_early or none",
                )?),
            };
        let id = invitee(&list, db, &key)?.id.clone();
        list = invitations::set_attendance(db, clock, &id, status)?;
    }
    print_list(out, &list, lang)
}

/// `invitees`: the list with its counts.
pub fn invitees(ctl: Ctl, session: &str) -> anyhow::Result<()> {
    let s = resolve(ctl.db, ctl.clock, session)?;
    print_list(ctl.out, &invitations::list(ctl.db, &s.id)?, ctl.lang)
}
