//! Archive search: one query over sessions, agenda items, minutes (notes, summaries,
//! remarks, decisions) and people, through the FTS5 trigram index the schema's triggers
//! keep current — people's entries excepted, which `index_people` writes once a person's
//! names are all written. Case-insensitive in every script, ё = е. Words of one or two
//! characters (most Chinese words: 合作, 王) are looked up in a second index, search_short,
//! which the app writes from the same entries (`refresh_short`, before each commit).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::search_words::{short_terms, Word};
use crate::error::Result;
use crate::store::db::Db;
use crate::text::Text;

pub const MAX_HITS: usize = 100;

/// Writes the search entry of each person in `ids` (every person with a name, for None):
/// the names in every script (family given patronymic, and family+given run together, for
/// Chinese), e-mail and notes, ё folded to е. One entry per person however many names:
/// call it after the names are written, in the same transaction.
pub(crate) fn index_people(c: &Connection, ids: Option<&[&str]>) -> Result<()> {
    let ids: Vec<String> = match ids {
        Some(ids) => ids.iter().map(|s| s.to_string()).collect(),
        None => c
            .prepare("SELECT DISTINCT person_id FROM person_name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
    };
    for id in &ids {
        c.prepare_cached("INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('person', ?1)")?
            .execute([id])?;
        c.prepare_cached(
            "DELETE FROM search_index
             WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'person' AND ref = ?1)",
        )?
        .execute([id])?;
        c.prepare_cached(
            "INSERT INTO search_index (rowid, kind, ref, session, title, body)
             SELECT d.doc, 'person', p.id, '',
                 replace(replace((SELECT group_concat(n.family || ' ' || n.given || ' ' || n.patronymic || ' ' || n.family || n.given, ' ')
                                  FROM person_name n WHERE n.person_id = p.id), 'ё', 'е'), 'Ё', 'Е'),
                 replace(replace(p.email || ' ' || p.notes, 'ё', 'е'), 'Ё', 'Е')
             FROM person p JOIN search_doc d ON d.kind = 'person' AND d.ref = p.id
             WHERE p.id = ?1 AND EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = p.id)",
        )?
        .execute([id])?;
        c.prepare_cached(
            "INSERT OR IGNORE INTO search_stale (doc)
             SELECT doc FROM search_doc WHERE kind = 'person' AND ref = ?1",
        )?
        .execute([id])?;
    }
    Ok(())
}

/// Merges the index's segments into one, as years of saves leave it. An index written in
/// one go (a generated archive) is a heap of small segments, and the first saves after it
/// would pay for merging them.
#[cfg(feature = "generator")]
pub(crate) fn optimize(c: &Connection) -> Result<()> {
    refresh_short(c)?;
    c.execute_batch(
        "INSERT INTO search_index (search_index) VALUES ('optimize');
         INSERT INTO search_short (search_short) VALUES ('optimize');",
    )?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HitKind {
    Session,
    Agenda,
    Minutes,
    Summary,
    Remark,
    Decision,
    Person,
}

/// A piece of a snippet; `hit` pieces are what matched.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Piece {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Hit {
    pub kind: HitKind,
    /// The session, agenda item, remark, decision or person the hit belongs to.
    pub ref_id: String,
    /// The session to open ("" for people).
    pub session_id: String,
    pub session_number: Option<u32>,
    pub session_title: Text,
    pub session_date: String,
    pub title: String,
    pub snippet: Vec<Piece>,
}

fn kind(raw: &str) -> HitKind {
    match raw {
        "session" => HitKind::Session,
        "agenda" => HitKind::Agenda,
        "minutes" => HitKind::Minutes,
        "summary" => HitKind::Summary,
        "remark" => HitKind::Remark,
        "decision" => HitKind::Decision,
        _ => HitKind::Person,
    }
}

// Snippet markers: control characters never occur in stored text (validation refuses them).
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

fn pieces(marked: &str) -> Vec<Piece> {
    let marked = &marked.replace(['\n', '\t'], " ");
    let mut out = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !current.is_empty() {
                out.push(Piece {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = c == OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(Piece { text: current, hit });
    }
    out
}

/// The start of `text`, unmarked.
fn plain(text: &[char]) -> Vec<Piece> {
    vec![Piece {
        text: text
            .iter()
            .take(160)
            .collect::<String>()
            .replace(['\n', '\t'], " "),
        hit: false,
    }]
}

/// Some context around the first of the query's words in `text`, every word in it marked;
/// None where none occurs. Only up to the first is read beyond the context.
fn mark(text: &[char], words: &[Word]) -> Option<Vec<Piece>> {
    let first = words.iter().filter_map(|w| w.first_in(text)).min()?;
    let start = first.saturating_sub(40);
    let end = (first + 120).min(text.len());
    let at = |i: usize| {
        words
            .iter()
            .find(|w| w.is_at(text, i))
            .map(|w| w.chars.len())
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut i = start;
    while i < end {
        match at(i) {
            Some(n) => {
                out.push(OPEN);
                out.extend(&text[i..i + n]);
                out.push(CLOSE);
                i += n;
            }
            None => {
                out.push(text[i]);
                i += 1;
            }
        }
    }
    if end < text.len() {
        out.push('…');
    }
    Some(pieces(&out))
}

/// What a search found: the hits to show, best first, and how many there are.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// Entries found, up to [`CANDIDATES`]; with `more`, there are more than that.
    pub total: u32,
    pub more: bool,
}

/// The most entries a search weighs: of a word found everywhere (сотрудничество in nearly
/// every minutes), the latest written this many, so that the search takes as long in an
/// archive of 200 years as in one of 20.
pub const CANDIDATES: usize = 1000;

/// Searches the archive. Hits whose title holds every word come first (a session, an
/// agenda item or a person named so), then the rest, each by the date of its session,
/// latest first.
pub fn search(db: &Db, query: &str) -> Result<Found> {
    // Control characters never occur in stored text, and a NUL would end FTS5's reading of
    // the query halfway through a quoted word: they separate words like spaces do.
    let spaced: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut words: Vec<Word> = spaced.split_whitespace().filter_map(Word::new).collect();
    // A pasted paragraph repeats its words: each is looked up and marked once.
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(w.folded.clone()));
    if words.is_empty() {
        return Ok(Found {
            hits: Vec::new(),
            total: 0,
            more: false,
        });
    }
    db.read(|c| {
        // One snapshot: a save between the query and the reading of its hits changes neither.
        let tx = c.unchecked_transaction()?;
        let found = run(&tx, &words)?;
        tx.commit()?;
        Ok(found)
    })
}

/// A search entry weighed for the answer.
struct Candidate {
    doc: i64,
    kind: String,
    ref_id: String,
    session: String,
    title: String,
    in_title: bool,
    date: String,
}

fn run(c: &Connection, words: &[Word]) -> Result<Found> {
    let phrases = |short: bool| {
        words
            .iter()
            .filter(|w| w.short.is_some() == short)
            .map(|w| {
                let text = w.short.as_deref().unwrap_or(&w.folded);
                // Every word a quoted phrase: FTS5 syntax in the query is taken literally.
                format!("\"{}\"", text.replace('"', "\"\""))
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let (long, short) = (phrases(false), phrases(true));
    // The entries found, the latest written first (an entry keeps its number for life): a
    // LIMIT here stops reading the index early, where ranking all of a common word's entries
    // would read them all. The key columns and the title come from FTS5's own content table
    // (search_index_content: c0 kind, c1 ref, c2 session, c3 title, c4 body), read up to the
    // title only.
    let docs = match (long.is_empty(), short.is_empty()) {
        (false, true) => newest(c, "search_index", &long)?,
        (true, false) => newest(c, "search_short", &short)?,
        _ => both(c, &long, &short)?,
    };
    let ids = serde_json::to_string(&docs)?;
    let mut stmt = c.prepare_cached(
        "SELECT e.id, e.c0, e.c1, e.c2, coalesce(e.c3, ''), coalesce(s.date, '')
         FROM search_index_content e
         LEFT JOIN session s ON s.id = e.c2 AND e.c2 != ''
         WHERE e.id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut candidates = stmt
        .query_map([ids], |r| {
            Ok(Candidate {
                doc: r.get(0)?,
                kind: r.get(1)?,
                ref_id: r.get(2)?,
                session: r.get(3)?,
                title: r.get(4)?,
                in_title: false,
                date: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    candidates.sort_by_key(|x| std::cmp::Reverse(x.doc));
    let more = candidates.len() > CANDIDATES;
    candidates.truncate(CANDIDATES);
    for x in &mut candidates {
        let title: Vec<char> = x.title.chars().collect();
        x.in_title = words.iter().all(|w| w.first_in(&title).is_some());
    }
    let total = candidates.len() as u32;
    candidates.sort_by(|a, b| (b.in_title, &b.date, b.doc).cmp(&(a.in_title, &a.date, a.doc)));
    let mut sessions: HashMap<String, (Option<u32>, Text, String)> = HashMap::new();
    let mut hits = Vec::new();
    for x in candidates.into_iter().take(MAX_HITS) {
        let body: String = c
            .prepare_cached("SELECT coalesce(c4, '') FROM search_index_content WHERE id = ?1")?
            .query_row([x.doc], |r| r.get(0))?;
        let body: Vec<char> = body.chars().collect();
        let snippet = mark(&body, words).unwrap_or_else(|| {
            let title: Vec<char> = x.title.chars().collect();
            mark(&title, words).unwrap_or_else(|| plain(&title))
        });
        let (number, session_title, date) = if x.session.is_empty() {
            (None, Text::new(), String::new())
        } else {
            if !sessions.contains_key(&x.session) {
                sessions.insert(x.session.clone(), session_of(c, &x.session)?);
            }
            sessions[&x.session].clone()
        };
        hits.push(Hit {
            kind: kind(&x.kind),
            ref_id: x.ref_id,
            session_id: x.session,
            session_number: number,
            session_title,
            session_date: date,
            title: x.title,
            snippet,
        });
    }
    Ok(Found { hits, total, more })
}

/// The newest CANDIDATES + 1 entries of `table` that match `expr`.
fn newest(c: &Connection, table: &str, expr: &str) -> Result<Vec<i64>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC LIMIT {}",
        CANDIDATES + 1
    ))?;
    let docs = stmt
        .query_map([expr], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(docs)
}

/// The newest CANDIDATES + 1 entries that match both `long` (trigram index) and `short`
/// (short-word index): the two lists, newest first, walked side by side. It stops when
/// either ends, so a rare word beside a common one reads little of the common one's list;
/// either index filtering the other in SQL reads one of them whole.
fn both(c: &Connection, long: &str, short: &str) -> Result<Vec<i64>> {
    let mut l = c.prepare_cached(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC",
    )?;
    let mut s = c.prepare_cached(
        "SELECT rowid FROM search_short WHERE search_short MATCH ?1 ORDER BY rowid DESC",
    )?;
    let mut l = l.query_map([long], |r| r.get::<_, i64>(0))?;
    let mut s = s.query_map([short], |r| r.get::<_, i64>(0))?;
    let mut out = Vec::new();
    let (mut a, mut b) = (l.next().transpose()?, s.next().transpose()?);
    while let (Some(x), Some(y)) = (a, b) {
        if x == y {
            out.push(x);
            if out.len() > CANDIDATES {
                break;
            }
            a = l.next().transpose()?;
            b = s.next().transpose()?;
        } else if x > y {
            a = l.next().transpose()?;
        } else {
            b = s.next().transpose()?;
        }
    }
    Ok(out)
}

/// A session's number, title and date, for its hits.
fn session_of(c: &Connection, id: &str) -> Result<(Option<u32>, Text, String)> {
    Ok(
        c.prepare_cached("SELECT number, title, date FROM session WHERE id = ?1")?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, Option<u32>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map(|(n, t, d)| (n, Text::from_json(&t).unwrap_or_default(), d))?,
    )
}

/// Brings search_short up to date with the entries the triggers (and `index_people`)
/// listed in search_stale: every write transaction calls it before it commits.
pub(crate) fn refresh_short(c: &Connection) -> Result<()> {
    let stale: Vec<i64> = c
        .prepare_cached("SELECT doc FROM search_stale")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for doc in &stale {
        c.prepare_cached("DELETE FROM search_short WHERE rowid = ?1")?
            .execute([doc])?;
        let entry = c
            .prepare_cached(
                "SELECT coalesce(title, ''), coalesce(body, '') FROM search_index WHERE rowid = ?1",
            )?
            .query_row([doc], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?;
        if let Some((title, body)) = entry {
            let terms = format!("{} _ {}", short_terms(&title), short_terms(&body));
            c.prepare_cached("INSERT INTO search_short (rowid, terms) VALUES (?1, ?2)")?
                .execute(rusqlite::params![doc, terms])?;
        }
    }
    if !stale.is_empty() {
        c.execute("DELETE FROM search_stale", [])?;
    }
    // Thousands at once (an upgrade, an archive read in): merged as one, so that the next
    // saves do not pay for merging the segments written now.
    if stale.len() >= 1000 {
        c.execute(
            "INSERT INTO search_short (search_short) VALUES ('optimize')",
            [],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_pieces() {
        let p = pieces("a \u{1}Ерм\u{2}еков");
        assert_eq!(
            p,
            [
                Piece {
                    text: "a ".into(),
                    hit: false
                },
                Piece {
                    text: "Ерм".into(),
                    hit: true
                },
                Piece {
                    text: "еков".into(),
                    hit: false
                }
            ]
        );
        let text: Vec<char> = "Промышленная КООПЕРАЦИЯ и кооперация".chars().collect();
        let m = mark(&text, &[Word::new("кооп").unwrap()]).unwrap();
        assert_eq!(m.iter().filter(|p| p.hit).count(), 2);
    }

    #[test]
    fn a_short_word_other_than_chinese_is_marked_only_as_a_word() {
        let text: Vec<char> = "Месяц: ЕС и КНР, весь".chars().collect();
        let m = mark(&text, &[Word::new("ес").unwrap()]).unwrap();
        let marked: Vec<&str> = m
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["ЕС"]);
    }
}
