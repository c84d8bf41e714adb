//! `clubctl people …`: the people directory (club-core's `people`). Its `import` and
//! `export` belong to the exchange of files (exchange.rs).

use anyhow::bail;
use clap::{Args, Subcommand};
use club_core::people::names::PersonName;
use club_core::people::positions::Position;
use club_core::people::{self, Person, PersonInput};
use club_core::{Db, Lang, Text};

use crate::exchange;
use crate::text_arg;
use crate::Ctl;

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
    Import(exchange::ImportArgs),
    /// Export the directory to CSV or XLSX (by the file's extension)
    Export(exchange::PeopleExportArgs),
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

pub fn run(ctl: Ctl, cmd: PeopleCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
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
        PeopleCommand::Import(a) => exchange::import_people(ctl, a),
        PeopleCommand::Export(a) => exchange::export_people(ctl, a),
    }
}
