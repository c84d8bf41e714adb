//! The import's columns: the codes a column can mean, guessing them from a header (Outlook,
//! Google, and headers in ru/kk/zh/en), and reading one row into a person — names split
//! the way their culture writes them — with the column each part came from.

use std::collections::BTreeMap;

use crate::error::{Error, InvalidReason, Result};
use crate::exchange::table::Row;
use crate::people::names::PersonName;
use crate::people::phone;
use crate::people::{self, PersonInput};
use crate::text::Lang;

/// Every column code the mapping accepts; name parts and texts may end in .ru/.kk/.zh/.en.
/// `family_first` lists the languages whose name puts the family name first (as exported).
pub const CODES: [&str; 15] = [
    "name",
    "family",
    "given",
    "patronymic",
    "honorific",
    "position",
    "organisation",
    "email",
    "phone",
    "wechat",
    "country",
    "tags",
    "notes",
    "languages",
    "family_first",
];

pub(crate) fn check_code(code: &str, column: usize) -> Result<()> {
    let (base, lang) = code.split_once('.').unwrap_or((code, ""));
    let ok = code.is_empty()
        || (CODES.contains(&base)
            && (lang.is_empty()
                || (Lang::from_code(lang).is_some()
                    && [
                        "name",
                        "family",
                        "given",
                        "patronymic",
                        "honorific",
                        "position",
                    ]
                    .contains(&base))));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            format!("mapping.{column}"),
            InvalidReason::UnknownColumn,
        ))
    }
}

/// The column code a header most likely means (Outlook, Google, and headers in ru/kk/zh/en).
pub fn guess(header: &str) -> String {
    let h = header.trim().to_lowercase();
    let (h, lang) = match h.rsplit_once(['.', ' ', '(']) {
        Some((rest, l)) if ["ru", "kk", "zh", "en"].contains(&l.trim_end_matches(')')) => {
            (rest.trim().to_string(), l.trim_end_matches(')').to_string())
        }
        _ => (h.clone(), String::new()),
    };
    let base = match h.as_str() {
        "name"
        | "full name"
        | "display name"
        | "фио"
        | "ф.и.о."
        | "имя и фамилия"
        | "аты-жөні"
        | "姓名"
        | "名字" => "name",
        "family" | "last name" | "family name" | "surname" | "фамилия" | "тегі" | "姓" => {
            "family"
        }
        "given" | "first name" | "given name" | "имя" | "аты" | "名" => "given",
        "patronymic" | "middle name" | "additional name" | "отчество" | "әкесінің аты" => {
            "patronymic"
        }
        "honorific" | "title" | "name prefix" | "обращение" | "звание" | "称谓" | "尊称" => {
            "honorific"
        }
        "position"
        | "job title"
        | "organization 1 - title"
        | "organization title"
        | "должность"
        | "лауазымы"
        | "职务"
        | "职位" => "position",
        "organisation"
        | "organization"
        | "company"
        | "organization 1 - name"
        | "organization name"
        | "организация"
        | "место работы"
        | "ұйым"
        | "单位"
        | "机构"
        | "工作单位" => "organisation",
        "email"
        | "e-mail"
        | "e-mail address"
        | "e-mail 1 - value"
        | "email address"
        | "эл. почта"
        | "почта"
        | "электронная почта"
        | "邮箱"
        | "电子邮件" => "email",
        "phone"
        | "telephone"
        | "mobile phone"
        | "business phone"
        | "home phone"
        | "phone 1 - value"
        | "phone 2 - value"
        | "телефон"
        | "моб. телефон"
        | "电话"
        | "手机" => "phone",
        "wechat" | "вичат" | "微信" => "wechat",
        "country" | "country code" | "страна" | "ел" | "国家" => "country",
        "tags" | "labels" | "group membership" | "categories" | "теги" | "метки" | "标签" => {
            "tags"
        }
        "notes" | "note" | "примечание" | "заметки" | "ескертпе" | "备注" => {
            "notes"
        }
        "languages" | "языки" | "тілдер" | "语言" => "languages",
        "family_first" => "family_first",
        _ => "",
    };
    match (base, lang.as_str()) {
        ("", _) => String::new(),
        (b, "") => b.to_string(),
        (b, l) => format!("{b}.{l}"),
    }
}

/// The language a name is written in, from its letters.
fn detect(s: &str) -> Lang {
    if s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        Lang::Zh
    } else if s.chars().any(|c| "әғқңөұүһӘҒҚҢӨҰҮҺ".contains(c)) {
        Lang::Kk
    } else if s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        Lang::Ru
    } else {
        Lang::En
    }
}

fn looks_like_surname(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "ов",
        "ова",
        "ев",
        "ева",
        "ёв",
        "ин",
        "ина",
        "ский",
        "ская",
        "цкий",
        "цкая",
        "енко",
        "ук",
        "юк",
        "ян",
        "швили",
    ]
    .iter()
    .any(|end| w.ends_with(end))
}

/// A whole name in one cell, split the way its culture writes it.
fn split_full(full: &str, lang: Lang) -> PersonName {
    let full = full.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut name = PersonName {
        lang,
        family: String::new(),
        given: String::new(),
        patronymic: String::new(),
        family_first: false,
    };
    if lang == Lang::Zh && !full.contains(' ') && !full.contains('·') {
        let mut chars = full.chars();
        name.family = chars.next().map(String::from).unwrap_or_default();
        name.given = chars.collect();
        name.family_first = true;
        return name;
    }
    if let Some((given, family)) = full.split_once('·') {
        name.given = given.to_string();
        name.family = family.to_string();
        return name;
    }
    let words: Vec<&str> = full.split(' ').collect();
    match words.as_slice() {
        [one] => name.family = one.to_string(),
        // Иванов Иван Иванович / Нұрышев Шахрат Ұлы…
        [first, second, third]
            if looks_like_surname(first)
                || third.ends_with("вич")
                || third.ends_with("вна")
                || third.ends_with("ұлы")
                || third.ends_with("қызы") =>
        {
            name.family = first.to_string();
            name.given = second.to_string();
            name.patronymic = third.to_string();
        }
        [first, rest @ ..]
            if looks_like_surname(first) && !rest.iter().any(|w| looks_like_surname(w)) =>
        {
            name.family = first.to_string();
            name.given = rest.join(" ");
        }
        [init @ .., last] => {
            name.given = init.join(" ");
            name.family = last.to_string();
        }
        [] => {}
    }
    name
}

/// One cell that went into the person: the field it filled ("email", "names.ru.family",
/// "names.zh.name" for a whole name), its column's header and the value as typed.
pub(crate) struct Source {
    pub(crate) key: String,
    pub(crate) header: String,
    pub(crate) value: String,
}

/// One row as a person, with where each part of it came from.
pub(crate) struct Mapped {
    pub(crate) input: PersonInput,
    pub(crate) sources: Vec<Source>,
    /// The numbers read from the phone columns, in one form.
    pub(crate) phones: Vec<String>,
    /// The parts of phone cells that hold no number, with their column's header.
    pub(crate) bad_phones: Vec<(String, String)>,
}

/// A row's person while its cells are read: the fields so far, and what the phone cells
/// held (numbers read, text kept as typed, parts that are no number, notes beside them).
#[derive(Default)]
struct Building {
    input: PersonInput,
    names: BTreeMap<Lang, PersonName>,
    phones: Vec<String>,
    typed: Vec<String>,
    bad_phones: Vec<(String, String)>,
    phone_notes: Vec<String>,
}

/// One row as a person, with the columns each part of it came from.
pub(crate) fn to_input(headers: &[String], mapping: &[String], row: &Row) -> Mapped {
    let mut b = Building::default();
    let mut sources = Vec::new();
    let mut order: Option<Vec<Lang>> = None;
    // Cyrillic name parts are Kazakh when another part of the row shows Kazakh letters:
    // "Нұрышев" + "Шахрат" is one Kazakh name, not a Kazakh family name and a Russian given one.
    let auto_name: String = mapping
        .iter()
        .enumerate()
        .filter(|(_, code)| NAME_PARTS.contains(&code.as_str()))
        .filter_map(|(i, _)| row.cells.get(i).map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let row_is_kazakh = detect(&auto_name) == Lang::Kk;
    for (i, code) in mapping.iter().enumerate() {
        let cell = row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        if code == "family_first" {
            // An empty cell says something too: no name of this person is family-first.
            order = Some(
                cell.split([',', ';', ' '])
                    .filter_map(Lang::from_code)
                    .collect(),
            );
            continue;
        }
        if code.is_empty() || cell.is_empty() {
            continue;
        }
        let header = headers.get(i).cloned().unwrap_or_default();
        let (base, lang) = code.split_once('.').unwrap_or((code.as_str(), ""));
        let lang = Lang::from_code(lang).unwrap_or_else(|| match detect(cell) {
            Lang::Ru if NAME_PARTS.contains(&base) && row_is_kazakh => Lang::Kk,
            other => other,
        });
        let key = b.fill(base, lang, cell, &header);
        sources.push(Source {
            key,
            header,
            value: cell.to_string(),
        });
    }
    let mut input = b.input;
    input.phone = b.typed.join("; ");
    add_note_lines(&mut input.notes, &b.phone_notes);
    let mut names = b.names;
    if let Some(order) = order {
        for n in names.values_mut() {
            n.family_first = order.contains(&n.lang);
        }
    }
    input.names = names.into_values().collect();
    Mapped {
        input,
        sources,
        phones: b.phones,
        bad_phones: b.bad_phones,
    }
}

/// The codes that hold a person's name or a part of it.
const NAME_PARTS: [&str; 4] = ["name", "family", "given", "patronymic"];

impl Building {
    /// Puts one cell (column code `base`, in `lang`) into the person; returns the field it
    /// filled ("names.ru.family", "email", …).
    fn fill(&mut self, base: &str, lang: Lang, cell: &str, header: &str) -> String {
        let input = &mut self.input;
        match base {
            "name" => {
                let split = split_full(cell, lang);
                let n = self.names.entry(lang).or_insert(split.clone());
                if n.family.is_empty() && n.given.is_empty() {
                    *n = split;
                }
                format!("names.{}.name", lang.code())
            }
            "family" | "given" | "patronymic" => {
                let n = self.names.entry(lang).or_insert_with(|| PersonName {
                    lang,
                    family: String::new(),
                    given: String::new(),
                    patronymic: String::new(),
                    family_first: lang == Lang::Zh,
                });
                let target = match base {
                    "family" => &mut n.family,
                    "given" => &mut n.given,
                    _ => &mut n.patronymic,
                };
                *target = cell.to_string();
                format!("names.{}.{base}", lang.code())
            }
            "honorific" => {
                input.honorific.set(lang, cell);
                "honorific".into()
            }
            "position" => {
                input.positions.push(people::positions::Position {
                    title: crate::text::Text::new().with(lang, cell),
                    started_on: String::new(),
                    ended_on: String::new(),
                });
                "positions".into()
            }
            "organisation" => {
                input.organisation_name = cell.to_string();
                "organisationName".into()
            }
            "email" => {
                input.email = cell.to_string();
                "email".into()
            }
            "phone" => {
                self.phone(cell, header);
                "phone".into()
            }
            "wechat" => {
                input.wechat = cell.to_string();
                "wechat".into()
            }
            "country" => {
                input.country = cell.to_string();
                "country".into()
            }
            "tags" => {
                input.tags.extend(
                    cell.split([',', ';'])
                        .flat_map(|t| t.split(":::"))
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty()),
                );
                "tags".into()
            }
            "languages" => {
                input
                    .languages
                    .extend(cell.split([',', ';', ' ']).filter_map(Lang::from_code));
                "languages".into()
            }
            _ => {
                input.notes = if input.notes.is_empty() {
                    cell.to_string()
                } else {
                    format!("{}\n{cell}", input.notes)
                };
                "notes".into()
            }
        }
    }

    /// "+7 701 123 4567 (WhatsApp)": the number, and its note kept in the notes.
    fn phone(&mut self, cell: &str, header: &str) {
        for phone in phone::parse_all(cell) {
            match phone {
                Ok(p) => {
                    if !p.note.is_empty() {
                        self.phone_notes
                            .push(format!("{header} {}: {}", p.normalized(), p.note));
                    }
                    self.typed.push(p.normalized());
                    self.phones.push(p.normalized());
                }
                Err(raw) => {
                    self.typed.push(raw.clone());
                    self.bad_phones.push((header.to_string(), raw));
                }
            }
        }
    }
}

pub(crate) fn add_note_lines(notes: &mut String, lines: &[String]) {
    for line in lines {
        if !notes.is_empty() {
            notes.push('\n');
        }
        notes.push_str(line);
    }
}
