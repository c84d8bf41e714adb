//! Finding the same person twice (same e-mail, same phone, or the same name in the same
//! script) and merging two entries into one without losing what either knew.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::{Error, InvalidReason, Result};
use crate::ids::parse_id;
use crate::people::names::PersonName;
use crate::people::{self, Person, PersonInput};
use crate::store::db::Db;
use crate::store::references;
use crate::text::{fold, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateReason {
    Email,
    Phone,
    Name,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Duplicate {
    pub person: Person,
    pub reason: DuplicateReason,
}

/// The last nine digits identify a number whatever the country prefix and spacing.
fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(9)..].to_string())
}

fn name_key(n: &PersonName) -> String {
    fold(&format!("{}|{}", n.family.trim(), n.given.trim()))
}

/// Why `candidate` looks like `existing`, if it does.
pub(crate) fn matches(
    existing: &Person,
    email: &str,
    phone: &str,
    names: &[PersonName],
) -> Option<DuplicateReason> {
    contacts_match(
        (&existing.email, &existing.phone, &existing.names),
        email,
        phone,
        names,
    )
}

/// `matches` on an entry's e-mail, phone and names.
fn contacts_match(
    (existing_email, existing_phone, existing_names): (&str, &str, &[PersonName]),
    email: &str,
    phone: &str,
    names: &[PersonName],
) -> Option<DuplicateReason> {
    if !email.is_empty() && fold(existing_email) == fold(email) {
        return Some(DuplicateReason::Email);
    }
    if let (Some(a), Some(b)) = (phone_key(existing_phone), phone_key(phone)) {
        if a == b {
            return Some(DuplicateReason::Phone);
        }
    }
    let same_name = names.iter().any(|n| {
        existing_names
            .iter()
            .any(|e| e.lang == n.lang && name_key(e) == name_key(n) && !n.family.is_empty())
    });
    same_name.then_some(DuplicateReason::Name)
}

/// Who among many entries looks like a person, found by key instead of comparing with
/// each: the same answers as `matches` over the entries in order (the first entry that
/// matches), for importing thousands of rows into a directory of thousands.
#[derive(Default)]
pub(crate) struct Index {
    email: HashMap<String, usize>,
    phone: HashMap<String, usize>,
    name: HashMap<(Lang, String), usize>,
}

impl Index {
    /// Adds entry `at` (entries are added in order; the earliest keeps a key).
    pub(crate) fn add(&mut self, at: usize, email: &str, phone: &str, names: &[PersonName]) {
        if !email.is_empty() {
            self.email.entry(fold(email)).or_insert(at);
        }
        if let Some(k) = phone_key(phone) {
            self.phone.entry(k).or_insert(at);
        }
        for n in names {
            self.name.entry((n.lang, name_key(n))).or_insert(at);
        }
    }

    /// The first entry that `matches` would find for this person.
    pub(crate) fn first(&self, email: &str, phone: &str, names: &[PersonName]) -> Option<usize> {
        let by_email = (!email.is_empty())
            .then(|| self.email.get(&fold(email)))
            .flatten();
        let by_phone = phone_key(phone).and_then(|k| self.phone.get(&k));
        let by_name = names
            .iter()
            .filter(|n| !n.family.is_empty())
            .filter_map(|n| self.name.get(&(n.lang, name_key(n))));
        by_email
            .into_iter()
            .chain(by_phone)
            .chain(by_name)
            .min()
            .copied()
    }
}

/// People already in the directory who look like the person being entered.
pub fn duplicates(db: &Db, input: &PersonInput, except: Option<&str>) -> Result<Vec<Duplicate>> {
    Ok(people::list(db)?
        .into_iter()
        .filter(|p| Some(p.id.as_str()) != except)
        .filter_map(|p| {
            matches(&p, input.email.trim(), input.phone.trim(), &input.names)
                .map(|reason| Duplicate { person: p, reason })
        })
        .collect())
}

/// Merges `remove` into `keep`: names in missing scripts, blank contacts, positions, tags,
/// and everything that refers to the person (invitations, agenda roles, remarks,
/// follow-ups) move over; then `remove` is deleted.
pub fn merge(db: &Db, clock: &dyn Clock, keep: &str, remove: &str) -> Result<Person> {
    let keep = parse_id(keep, "keep")?;
    let remove = parse_id(remove, "remove")?;
    if keep == remove {
        return Err(Error::invalid("remove", InvalidReason::Duplicate));
    }
    db.write(|tx| merge_in(tx, clock, &keep, &remove))
}

/// `merge` inside the caller's transaction.
pub(crate) fn merge_in(
    tx: &rusqlite::Connection,
    clock: &dyn Clock,
    keep: &str,
    remove: &str,
) -> Result<Person> {
    {
        let a = people::load(tx, keep)?;
        let b = people::load(tx, remove)?;
        let mut input = PersonInput::from(&a);
        for n in &b.names {
            if !input.names.iter().any(|x| x.lang == n.lang) {
                input.names.push(n.clone());
            }
        }
        for (lang, h) in &b.honorific.0 {
            if input.honorific.get(*lang).is_none() {
                input.honorific.set(*lang, h);
            }
        }
        let fill = |mine: &mut String, theirs: &str| {
            if mine.is_empty() {
                *mine = theirs.to_string();
            }
        };
        // A second address or number the kept card has no field for goes to its notes:
        // a merge loses nothing.
        let mut also = Vec::new();
        for (label, mine, theirs) in [
            ("E-mail", &mut input.email, &b.email),
            ("Phone", &mut input.phone, &b.phone),
            ("WeChat", &mut input.wechat, &b.wechat),
        ] {
            if !mine.is_empty() && !theirs.is_empty() && fold(mine) != fold(theirs) {
                also.push(format!("{label}: {theirs}"));
            }
            fill(mine, theirs);
        }
        fill(&mut input.country, &b.country);
        fill(
            &mut input.organisation_id,
            b.organisation_id.as_deref().unwrap_or(""),
        );
        fill(
            &mut input.precedence_category_id,
            b.precedence_category_id.as_deref().unwrap_or(""),
        );
        for more in b.notes.split("\n\n").chain(also.iter().map(String::as_str)) {
            // Whole paragraphs compared: "VIP" is not already there because "not VIP" is.
            let there = input.notes.split("\n\n").any(|p| p.trim() == more.trim());
            if !more.trim().is_empty() && !there {
                input.notes = [input.notes.as_str(), more]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
        }
        input
            .languages
            .extend(b.languages.iter().filter(|l| !a.languages.contains(l)));
        input.tags.extend(b.tags.iter().cloned());
        for p in &b.positions {
            if !input.positions.contains(p) {
                input.positions.push(p.clone());
            }
        }
        let v = people::validate(tx, &input)?;
        let lang = crate::store::settings::get_language(tx)?;
        // Invitations, agenda roles, remarks, follow-ups (whatever points at a person)
        // move first; keep's own names, positions and tags are then written whole.
        references::move_all(tx, clock, "person", remove, keep)?;
        people::write(tx, clock, keep, &v, lang)?;
        people::remove_in(tx, remove)?;
        people::load(tx, keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    type Entry = (String, String, Vec<PersonName>);

    fn entry(rng: &mut Rng) -> Entry {
        let name = |rng: &mut Rng, lang| PersonName {
            lang,
            family: ["", "Ли", "ли ", "Li", "李", "Әбенов"][rng.below(6)].to_string(),
            given: ["Мин", "мин", "Ming", ""][rng.below(4)].to_string(),
            patronymic: String::new(),
            family_first: false,
        };
        let names = (0..rng.below(3))
            .map(|_| {
                let lang = Lang::ALL[rng.below(4)];
                name(rng, lang)
            })
            .collect();
        let email = ["", "a@b.kz", "A@B.KZ", "c@d.cn"][rng.below(4)].to_string();
        let phone = [
            "",
            "+7 701 123 45 67",
            "87011234567",
            "123",
            "+86 10 6532 6182",
        ][rng.below(5)]
        .to_string();
        (email, phone, names)
    }

    #[test]
    fn the_index_finds_the_same_first_match_as_comparing_with_every_entry() {
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let entries: Vec<Entry> = (0..rng.below(40)).map(|_| entry(&mut rng)).collect();
            let mut index = Index::default();
            for (i, (e, p, n)) in entries.iter().enumerate() {
                index.add(i, e, p, n);
            }
            for _ in 0..40 {
                let (e, p, n) = entry(&mut rng);
                let linear = entries
                    .iter()
                    .position(|(ee, ep, en)| contacts_match((ee, ep, en), &e, &p, &n).is_some());
                assert_eq!(index.first(&e, &p, &n), linear, "{e:?} {p:?} {n:?}");
            }
        }
    }
}
