//! `clubctl people …`, `invite`, `rsvp`, `checkin`, `attendance`, `invitees`: the directory
//! and each session's list.

use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use club_core::exchange::export;
use club_core::exchange::import::{self, DuplicatePolicy, ImportRequest, ProblemPolicy, RowAction};
use club_core::people::{self, Person, PersonInput, PersonName, Position};
use club_core::planning::invitations::{
    self, AttendanceStatus, InvitationPatch, InvitationStatus, Invitee, InviteeList, InviteeRole,
};
use club_core::{Clock, Db, Lang, Text};

use crate::output::Output;
use crate::session::resolve;
use crate::text_arg;

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// List the directory in order of precedence (or those matching --search)
    List {
        #[arg(long)]
        search: Option<String>,
    },
    /// Show one person
    Show { person: String },
    /// Add a person
    Add(PersonFields),
    /// Change a person; fields not given stay as they are
    Edit {
        person: String,
        #[command(flatten)]
        fields: PersonFields,
    },
    /// Delete a person (their invitations go too)
    Delete { person: String },
    /// Merge REMOVE into KEEP (names, contacts, invitations, roles move over)
    Merge { keep: String, remove: String },
    /// Import people from CSV, XLSX or vCard; prints the report; written in one step
    Import {
        file: PathBuf,
        /// Only check the file and print the report
        #[arg(long)]
        dry_run: bool,
        /// Column meanings in order, e.g. --map family.ru --map given.ru --map "" (repeatable)
        #[arg(long = "map", value_name = "CODE")]
        mapping: Vec<String>,
        /// What to do with people already in the directory: skip | merge | create
        #[arg(long, default_value = "skip")]
        on_duplicate: String,
        /// Rows with problems: refuse (import nothing) | skip (import the rest) |
        /// keep-in-notes (import them too, unreadable values kept in the notes)
        #[arg(long, default_value = "refuse")]
        on_problem: String,
    },
    /// Export the directory to CSV or XLSX (by the file's extension)
    Export {
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Args, Default)]
pub struct PersonFields {
    /// Family name, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    family: Vec<String>,
    /// Given name, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    given: Vec<String>,
    /// Languages whose name puts the family name first (e.g. zh)
    #[arg(long, value_name = "LANG")]
    family_first: Vec<String>,
    /// Honorific, LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    honorific: Vec<String>,
    /// Position title, LANG=TEXT (repeatable; one position with --since/--until)
    #[arg(long, value_name = "LANG=TEXT")]
    position: Vec<String>,
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    until: Option<String>,
    /// Organisation by name (created when new)
    #[arg(long)]
    organisation: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    wechat: Option<String>,
    /// Two-letter country code
    #[arg(long)]
    country: Option<String>,
    /// Tag (repeatable)
    #[arg(long)]
    tag: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
}

impl PersonFields {
    fn apply(self, input: &mut PersonInput, lang: Lang) -> anyhow::Result<()> {
        let name = |input: &mut PersonInput, l: Lang| -> usize {
            if let Some(i) = input.names.iter().position(|n| n.lang == l) {
                return i;
            }
            input.names.push(PersonName {
                lang: l,
                family: String::new(),
                given: String::new(),
                patronymic: String::new(),
                family_first: l == Lang::Zh,
            });
            input.names.len() - 1
        };
        for raw in &self.family {
            let (l, v) = text_arg::parse(raw, lang);
            let i = name(input, l);
            input.names[i].family = v;
        }
        for raw in &self.given {
            let (l, v) = text_arg::parse(raw, lang);
            let i = name(input, l);
            input.names[i].given = v;
        }
        for raw in &self.family_first {
            let l = Lang::parse(raw, "familyFirst")?;
            let i = name(input, l);
            input.names[i].family_first = true;
        }
        text_arg::apply(&mut input.honorific, &self.honorific, lang);
        if !self.position.is_empty() {
            let mut title = Text::new();
            text_arg::apply(&mut title, &self.position, lang);
            input.positions.insert(
                0,
                Position {
                    title,
                    started_on: self.since.unwrap_or_default(),
                    ended_on: self.until.unwrap_or_default(),
                },
            );
        }
        if let Some(o) = self.organisation {
            input.organisation_id.clear();
            input.organisation_name = o;
        }
        let set = |t: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *t = v;
            }
        };
        set(&mut input.email, self.email);
        set(&mut input.phone, self.phone);
        set(&mut input.wechat, self.wechat);
        set(&mut input.country, self.country);
        set(&mut input.notes, self.notes);
        input.tags.extend(self.tag);
        Ok(())
    }
}

/// A person named by id, or by text that finds exactly one.
pub fn person(db: &Db, key: &str) -> anyhow::Result<Person> {
    if let Ok(p) = people::get(db, key) {
        return Ok(p);
    }
    let mut found = people::search(db, key)?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(club_core::Error::NotFound { what: "person" }.into()),
        n => bail!("{n} people match {key:?}; use an id or a longer name"),
    }
}

fn line(p: &Person, lang: Lang) -> String {
    format!(
        "{}{}  {}  {}  {}",
        p.honorific
            .get(lang)
            .map(|h| format!("{h} "))
            .unwrap_or_default(),
        p.display_name.best(lang),
        p.position.best(lang),
        p.email,
        p.id
    )
}

pub fn run(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    cmd: PeopleCommand,
) -> anyhow::Result<()> {
    match cmd {
        PeopleCommand::List { search } => {
            let list = match search {
                Some(q) => people::search(db, &q)?,
                None => people::list(db)?,
            };
            out.data(&list, || {
                list.iter()
                    .map(|p| line(p, lang))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        PeopleCommand::Show { person: key } => {
            let p = person(db, &key)?;
            out.data(&p, || {
                let names: Vec<String> = p
                    .names
                    .iter()
                    .map(|n| format!("  [{}] {}", n.lang.code(), n.display()))
                    .collect();
                format!(
                    "{}\n{}\n{} {} {}",
                    line(&p, lang),
                    names.join("\n"),
                    p.organisation.best(lang),
                    p.phone,
                    p.wechat
                )
            })
        }
        PeopleCommand::Add(fields) => {
            let mut input = PersonInput::default();
            fields.apply(&mut input, lang)?;
            let p = people::create(db, clock, &input)?;
            out.data(&p, || p.id.clone())
        }
        PeopleCommand::Edit {
            person: key,
            fields,
        } => {
            let p = person(db, &key)?;
            let mut input = PersonInput::from(&p);
            fields.apply(&mut input, lang)?;
            let p = people::update(db, clock, &p.id, &input)?;
            out.data(&p, || format!("updated {}", p.id))
        }
        PeopleCommand::Delete { person: key } => {
            let p = person(db, &key)?;
            people::delete(db, &p.id)?;
            out.message(
                serde_json::json!({ "deleted": p.id }),
                &format!("deleted {}", p.id),
            )
        }
        PeopleCommand::Merge { keep, remove } => {
            let (k, r) = (person(db, &keep)?, person(db, &remove)?);
            let p = people::duplicates::merge(db, clock, &k.id, &r.id)?;
            out.data(&p, || format!("merged into {}", p.id))
        }
        PeopleCommand::Import {
            file,
            dry_run,
            mapping,
            on_duplicate,
            on_problem,
        } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let on_duplicate = match on_duplicate.as_str() {
                "skip" => DuplicatePolicy::Skip,
                "merge" => DuplicatePolicy::Merge,
                "create" => DuplicatePolicy::Create,
                other => bail!("--on-duplicate must be skip, merge or create, not {other:?}"),
            };
            let on_problem = match on_problem.as_str() {
                "refuse" => ProblemPolicy::Refuse,
                "skip" => ProblemPolicy::Skip,
                "keep-in-notes" => ProblemPolicy::KeepInNotes,
                other => {
                    bail!("--on-problem must be refuse, skip or keep-in-notes, not {other:?}")
                }
            };
            let req = ImportRequest {
                file_name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
                mapping,
                on_duplicate,
                on_problem,
            };
            let report = if dry_run {
                import::dry_run(db, &req)?
            } else {
                import::commit(db, clock, &req)?
            };
            let blocked = report.rows.iter().any(|r| r.action == RowAction::Blocks);
            out.data(&report, || {
                let c = &report.counts;
                let outcome = format!(
                    "{} new, {} merged, {} skipped, {} with values kept in the notes",
                    c.created, c.merged, c.skipped, c.kept_in_notes
                );
                let mut lines = vec![format!(
                    "{} rows: {} new, {} duplicates, {} with problems{}",
                    c.rows,
                    c.new,
                    c.duplicates,
                    c.errors,
                    if report.committed {
                        format!("; imported {outcome}")
                    } else if blocked {
                        "; nothing written".into()
                    } else {
                        format!("; nothing written (would import {outcome})")
                    }
                )];
                for r in report
                    .rows
                    .iter()
                    .filter(|r| !r.problems.is_empty() || r.duplicate_of.is_some())
                {
                    let what = if r.problems.is_empty() {
                        format!("already in the directory as {}", r.duplicate_name)
                    } else {
                        r.problems
                            .iter()
                            .map(|p| {
                                let column = match p.column.as_str() {
                                    "" => String::new(),
                                    c => format!("column {c}: "),
                                };
                                match p.value.as_str() {
                                    "" => format!("{column}{}", p.message),
                                    v => format!("{column}{} ({v:?})", p.message),
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    let action = match (r.action, r.kept_in_notes) {
                        (RowAction::Skip, _) => " [skipped]",
                        (_, true) => " [kept in the notes]",
                        _ => "",
                    };
                    lines.push(format!("line {}: {} — {what}{action}", r.line, r.name));
                }
                lines.join("\n")
            })?;
            // Rows with problems fail the command only while they hold the import back.
            if blocked {
                std::process::exit(4);
            }
            Ok(())
        }
        PeopleCommand::Export { output } => {
            let xlsx = output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            let bytes = if xlsx {
                export::people_xlsx(db)?
            } else {
                export::people_csv(db)?
            };
            club_core::paths::write_atomically(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            out.message(
                serde_json::json!({ "written": output }),
                &format!("written {}", output.display()),
            )
        }
    }
}

/// The session's invitee for `key` (a person id or text that finds exactly one on the list).
fn invitee<'a>(list: &'a InviteeList, db: &Db, key: &str) -> anyhow::Result<&'a Invitee> {
    if let Ok(p) = people::get(db, key) {
        return list
            .invitees
            .iter()
            .find(|i| i.person.id == p.id)
            .ok_or_else(|| club_core::Error::NotFound { what: "invitation" }.into());
    }
    let found = invitations::find(list, key);
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(club_core::Error::NotFound { what: "invitation" }.into()),
        many => bail!(
            "{} invitees match {key:?}; type more of the name",
            many.len()
        ),
    }
}

pub fn print_list(out: &Output, list: &InviteeList, lang: Lang) -> anyhow::Result<()> {
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

pub fn invite(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    a: InviteArgs,
) -> anyhow::Result<()> {
    let s = resolve(db, clock, &a.session)?;
    let role = InviteeRole::parse(&a.role)
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

pub fn rsvp(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    a: RsvpArgs,
) -> anyhow::Result<()> {
    let s = resolve(db, clock, &a.session)?;
    let list = invitations::list(db, &s.id)?;
    let i = invitee(&list, db, &a.person)?;
    let status = InvitationStatus::parse(&a.status).context(
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

pub fn checkin(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    a: CheckinArgs,
) -> anyhow::Result<()> {
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

pub fn attendance(
    db: &Db,
    clock: &dyn Clock,
    out: &Output,
    lang: Lang,
    a: AttendanceArgs,
) -> anyhow::Result<()> {
    let s = resolve(db, clock, &a.session)?;
    let mut list = invitations::list(db, &s.id)?;
    if let Some(key) = a.person {
        let status =
            match a.status.as_deref() {
                None => bail!("--status is needed with a person"),
                Some("none") => None,
                Some(s) => Some(AttendanceStatus::parse(s).context(
                    "--status must be present, absent, excused, late, left_early or none",
                )?),
            };
        let id = invitee(&list, db, &key)?.id.clone();
        list = invitations::set_attendance(db, clock, &id, status)?;
    }
    print_list(out, &list, lang)
}
