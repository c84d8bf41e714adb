//! Importing people from a table (CSV, XLSX, vCard, Outlook and Google exports): columns
//! mapped (guessed from the headers in ru/kk/zh/en, adjustable), every row checked in a
//! dry run that names its line and column, duplicates flagged (in the directory and within
//! the file). Rows with problems hold the import back, or — as the person chooses — are
//! left out, or come in with each unreadable value kept verbatim in the notes. Whatever
//! is imported is written at once, in one transaction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::{Error, InvalidReason, Result};
use crate::exchange::columns::{
    add_note_lines, check_code, guess, to_input, Mapped, Source, CODES,
};
use crate::exchange::reader;
use crate::exchange::table::{FileFormat, Row, Table};
use crate::ids::new_id;
use crate::people::duplicates::{self, DuplicateReason};
use crate::people::names::PersonName;
use crate::people::{self, PersonInput, ValidPerson};
use crate::store::db::Db;
use crate::text::Lang;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicatePolicy {
    /// Leave the directory's entry as it is and do not import the row.
    #[default]
    Skip,
    /// Fill the directory's entry with what the row adds (names in other scripts, contacts).
    Merge,
    /// Import the row as a separate person anyway.
    Create,
}

/// What happens to the rows with problems (a value that cannot be read, a row that names
/// nobody, the same person twice in the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProblemPolicy {
    /// Import nothing while any row has a problem.
    #[default]
    Refuse,
    /// Import the other rows; leave these out.
    Skip,
    /// Import these too, each unreadable value kept verbatim in the person's notes under
    /// its column's name. A row that names nobody (or repeats an earlier one) is still
    /// left out.
    KeepInNotes,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImportRequest {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// One column code per column ("" ignores it); guessed from the headers when empty.
    pub mapping: Vec<String>,
    pub on_duplicate: DuplicatePolicy,
    pub on_problem: ProblemPolicy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowStatus {
    New,
    Duplicate,
    Error,
}

/// What the import does (or, in a dry run, would do) with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowAction {
    Create,
    /// Fill the directory's entry it duplicates.
    Merge,
    Skip,
    /// The row's problems hold the whole import back (policy `refuse`).
    Blocks,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    /// The column's header, or "" when the problem concerns the whole row.
    pub column: String,
    pub reason: InvalidReason,
    pub message: String,
    /// The value as the file has it ("" when the problem is not one value's).
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowReport {
    pub line: u32,
    pub name: String,
    pub status: RowStatus,
    pub duplicate_of: Option<String>,
    pub duplicate_name: String,
    pub duplicate_reason: Option<DuplicateReason>,
    pub problems: Vec<Problem>,
    pub action: RowAction,
    /// The row's unreadable values go into the notes (policy `keep_in_notes`).
    pub kept_in_notes: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportCounts {
    pub rows: u32,
    pub new: u32,
    pub duplicates: u32,
    /// Rows with problems.
    pub errors: u32,
    /// What the import does (in a dry run: would do) under the chosen policies.
    pub created: u32,
    pub merged: u32,
    pub skipped: u32,
    /// Rows imported with unreadable values kept in their notes.
    pub kept_in_notes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub format: FileFormat,
    pub encoding: String,
    pub delimiter: String,
    pub headers: Vec<String>,
    pub mapping: Vec<String>,
    /// The first rows as read, for the preview.
    pub preview: Vec<Row>,
    pub rows: Vec<RowReport>,
    pub counts: ImportCounts,
    pub committed: bool,
}

/// The source keys a refused field came from: "names.3.family" is the name in the
/// language of the row's fourth name, "tags.2" is the tags column.
fn group_of(field: &str, input: &PersonInput) -> String {
    let mut parts = field.split('.');
    let root = parts.next().unwrap_or("");
    match (root, parts.next().and_then(|i| i.parse::<usize>().ok())) {
        ("names", Some(i)) => match input.names.get(i) {
            Some(n) => format!("names.{}.", n.lang.code()),
            None => "names.".into(),
        },
        ("names", None) => "names.".into(),
        (root, _) => root.to_string(),
    }
}

fn in_group(key: &str, group: &str) -> bool {
    if group.ends_with('.') {
        key.starts_with(group)
    } else {
        key == group
    }
}

/// "(не распознано)": how a kept value is marked in the notes, in the Club's language.
fn unreadable_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "не распознано",
        Lang::Kk => "танылмады",
        Lang::Zh => "无法识别",
        Lang::En => "not recognised",
    }
}

/// A row checked field by field: every problem it has (not only the first), and the
/// person it still makes with each refused value moved into the notes — None when no
/// person is left (no name) or the value cannot be moved (the notes themselves).
struct Checked {
    problems: Vec<Problem>,
    kept: Option<(ValidPerson, PersonInput)>,
}

fn check(c: &rusqlite::Connection, mapped: &Mapped, mark: &str) -> Checked {
    let mut input = mapped.input.clone();
    let mut problems = Vec::new();
    let mut kept_lines: Vec<String> = Vec::new();
    // Each round clears one field; a cleared field is never refused again.
    for _ in 0..=CODES.len() + input.names.len() {
        let e = match people::validate(c, &input) {
            Ok(v) => {
                return Checked {
                    problems,
                    kept: Some((v, input)),
                }
            }
            Err(e) => e,
        };
        let (field, reason) = match &e {
            Error::Invalid { field, reason } => (field.clone(), *reason),
            _ => (String::new(), InvalidReason::BadFile),
        };
        let group = group_of(&field, &input);
        let exact = field.split('.').nth(2).map(|part| format!("{group}{part}"));
        let from: Vec<&Source> = mapped
            .sources
            .iter()
            .filter(|s| in_group(&s.key, &group))
            .collect();
        // A phone field keeps the numbers it has; only the parts without one move.
        let only_bad_phones =
            group == "phone" && reason == InvalidReason::BadPhone && !mapped.bad_phones.is_empty();
        let moved: Vec<(String, String)> = if only_bad_phones {
            mapped.bad_phones.clone()
        } else {
            from.iter()
                .map(|s| (s.header.clone(), s.value.clone()))
                .collect()
        };
        let column = match exact.and_then(|k| mapped.sources.iter().find(|s| s.key == k)) {
            Some(s) => s.header.clone(),
            None => moved.first().map(|(h, _)| h.clone()).unwrap_or_default(),
        };
        problems.push(Problem {
            column,
            reason,
            message: e.to_string(),
            value: moved
                .iter()
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        });
        let cleared = match group.as_str() {
            g if g.starts_with("names.") && g.len() > "names.".len() => {
                input
                    .names
                    .retain(|n| format!("names.{}.", n.lang.code()) != g);
                true
            }
            "phone" => {
                input.phone = if only_bad_phones {
                    mapped.phones.join("; ")
                } else {
                    String::new()
                };
                true
            }
            "email" => {
                input.email.clear();
                true
            }
            "wechat" => {
                input.wechat.clear();
                true
            }
            "country" => {
                input.country.clear();
                true
            }
            "organisationName" => {
                input.organisation_name.clear();
                true
            }
            "honorific" => {
                input.honorific = crate::text::Text::new();
                true
            }
            "positions" => {
                input.positions.clear();
                true
            }
            "tags" => {
                input.tags.clear();
                true
            }
            _ => false,
        };
        if !cleared || moved.is_empty() {
            return Checked {
                problems,
                kept: None,
            };
        }
        kept_lines.extend(
            moved
                .iter()
                .map(|(header, value)| format!("{header} ({mark}): {value}")),
        );
        input.notes = mapped.input.notes.clone();
        add_note_lines(&mut input.notes, &kept_lines);
    }
    Checked {
        problems,
        kept: None,
    }
}

struct Planned {
    report: RowReport,
    input: PersonInput,
}

fn plan(db: &Db, table: &Table, mapping: &[String], req: &ImportRequest) -> Result<Vec<Planned>> {
    let directory = people::list(db)?;
    let mark = unreadable_mark(db.read(crate::store::settings::get_language)?);
    let mut known = duplicates::Index::default();
    for (i, p) in directory.iter().enumerate() {
        known.add(i, &p.email, &p.phone, &p.names);
    }
    let mut seen: Vec<u32> = Vec::new();
    let mut seen_index = duplicates::Index::default();
    let mut out = Vec::new();
    let held_back = match req.on_problem {
        ProblemPolicy::Refuse => RowAction::Blocks,
        _ => RowAction::Skip,
    };
    for row in &table.rows {
        let mapped = to_input(&table.headers, mapping, row);
        let checked = db.read(|c| Ok(check(c, &mapped, mark)))?;
        let name = mapped
            .input
            .names
            .first()
            .map(PersonName::display)
            .unwrap_or_default();
        let mut report = RowReport {
            line: row.line,
            name,
            status: RowStatus::New,
            duplicate_of: None,
            duplicate_name: String::new(),
            duplicate_reason: None,
            problems: checked.problems,
            action: RowAction::Create,
            kept_in_notes: false,
        };
        let has_problems = !report.problems.is_empty();
        if has_problems {
            report.status = RowStatus::Error;
            report.action = held_back;
        }
        let usable = match checked.kept {
            Some(kept) if !has_problems => Some(kept),
            Some(kept) if req.on_problem == ProblemPolicy::KeepInNotes => {
                report.kept_in_notes = true;
                Some(kept)
            }
            _ => None,
        };
        let mut input = mapped.input;
        if let Some((v, salvaged)) = usable {
            input = salvaged;
            let names = &v.names;
            let (email, phone) = (&v.input.email, &v.input.phone);
            let existing = known.first(email, phone, names).and_then(|i| {
                let p = &directory[i];
                duplicates::matches(p, email, phone, names).map(|r| (p, r))
            });
            if let Some((p, reason)) = existing {
                if !has_problems {
                    report.status = RowStatus::Duplicate;
                }
                report.duplicate_of = Some(p.id.clone());
                report.duplicate_name =
                    p.names.first().map(PersonName::display).unwrap_or_default();
                report.duplicate_reason = Some(reason);
                report.action = match req.on_duplicate {
                    DuplicatePolicy::Skip => RowAction::Skip,
                    DuplicatePolicy::Merge => RowAction::Merge,
                    DuplicatePolicy::Create => RowAction::Create,
                };
            } else if let Some(line) = seen_index.first(email, phone, names).map(|i| seen[i]) {
                report.status = RowStatus::Error;
                report.kept_in_notes = false;
                report.action = held_back;
                report.problems.push(Problem {
                    column: String::new(),
                    reason: InvalidReason::Duplicate,
                    message: format!("the same person as on line {line}"),
                    value: String::new(),
                });
            } else {
                report.action = RowAction::Create;
            }
            seen_index.add(seen.len(), &v.input.email, &v.input.phone, &v.input.names);
            seen.push(row.line);
        }
        out.push(Planned { report, input });
    }
    Ok(out)
}

fn prepare(req: &ImportRequest) -> Result<(Table, Vec<String>)> {
    let table = reader::read(&req.file_name, &req.bytes)?;
    let mapping: Vec<String> = if req.mapping.is_empty() {
        table.headers.iter().map(|h| guess(h)).collect()
    } else {
        req.mapping.iter().map(|m| m.trim().to_string()).collect()
    };
    for (i, code) in mapping.iter().enumerate() {
        check_code(code, i)?;
    }
    if !mapping
        .iter()
        .any(|m| ["name", "family", "given"].contains(&m.split('.').next().unwrap_or("")))
    {
        return Err(Error::invalid("mapping", InvalidReason::Required));
    }
    Ok((table, mapping))
}

fn report(
    table: &Table,
    mapping: Vec<String>,
    planned: &[Planned],
    committed: bool,
) -> ImportReport {
    let mut counts = ImportCounts {
        rows: planned.len() as u32,
        ..Default::default()
    };
    for p in planned {
        match p.report.status {
            RowStatus::New => counts.new += 1,
            RowStatus::Duplicate => counts.duplicates += 1,
            RowStatus::Error => counts.errors += 1,
        }
        match p.report.action {
            RowAction::Create => counts.created += 1,
            RowAction::Merge => counts.merged += 1,
            RowAction::Skip => counts.skipped += 1,
            RowAction::Blocks => {}
        }
        if p.report.kept_in_notes && p.report.action != RowAction::Skip {
            counts.kept_in_notes += 1;
        }
    }
    ImportReport {
        format: table.format,
        encoding: table.encoding.clone(),
        delimiter: table.delimiter.clone(),
        headers: table.headers.clone(),
        mapping,
        preview: table.rows.iter().take(10).cloned().collect(),
        rows: planned.iter().map(|p| p.report.clone()).collect(),
        counts,
        committed,
    }
}

/// Reads, maps and checks the file; writes nothing. Each row says what the import would
/// do with it under the request's policies.
pub fn dry_run(db: &Db, req: &ImportRequest) -> Result<ImportReport> {
    let (table, mapping) = prepare(req)?;
    let planned = plan(db, &table, &mapping, req)?;
    Ok(report(&table, mapping, &planned, false))
}

/// Imports the rows in one transaction: all of them, or — while rows with problems are
/// refused (the default) and any row has one — nothing.
pub fn commit(db: &Db, clock: &dyn Clock, req: &ImportRequest) -> Result<ImportReport> {
    let (table, mapping) = prepare(req)?;
    let planned = plan(db, &table, &mapping, req)?;
    if let Some(bad) = planned
        .iter()
        .find(|p| p.report.action == RowAction::Blocks)
    {
        let reason = bad
            .report
            .problems
            .first()
            .map(|p| p.reason)
            .unwrap_or(InvalidReason::BadFile);
        let column = bad
            .report
            .problems
            .first()
            .map(|p| p.column.clone())
            .unwrap_or_default();
        let place = if column.is_empty() {
            format!("line {}", bad.report.line)
        } else {
            format!("line {}, column {column}", bad.report.line)
        };
        return Err(Error::invalid(place, reason));
    }
    let out = report(&table, mapping, &planned, true);
    db.write(|tx| {
        let lang = crate::store::settings::get_language(tx)?;
        for p in &planned {
            match p.report.action {
                RowAction::Merge => {
                    let id = new_id();
                    people::write(tx, clock, &id, &people::validate(tx, &p.input)?, lang)?;
                    duplicates::merge_in(
                        tx,
                        clock,
                        p.report.duplicate_of.as_deref().unwrap_or_default(),
                        &id,
                    )?;
                }
                RowAction::Create => {
                    people::write(tx, clock, &new_id(), &people::validate(tx, &p.input)?, lang)?;
                }
                RowAction::Skip | RowAction::Blocks => {}
            }
        }
        Ok(())
    })?;
    Ok(out)
}
