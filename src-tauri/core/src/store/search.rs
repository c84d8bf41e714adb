//! Archive search: one query over sessions, agenda items, minutes (notes, summaries,
//! remarks, decisions) and people, through the FTS5 trigram index the schema's triggers
//! keep current — people's entries excepted, which `index_people` writes once a person's
//! names are all written. Case-insensitive in every script, ё = е; queries of one or two characters
//! (most Chinese words) fall back to a substring scan of the same index.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::store::db::Db;
use crate::text::{fold, Text};

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
    }
    Ok(())
}

/// Merges the index's segments into one, as years of saves leave it. An index written in
/// one go (a generated archive) is a heap of small segments, and the first saves after it
/// would pay for merging them.
#[cfg(feature = "generator")]
pub(crate) fn optimize(c: &Connection) -> Result<()> {
    c.execute(
        "INSERT INTO search_index (search_index) VALUES ('optimize')",
        [],
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

/// Marks every occurrence of `needle` (already folded) in `text`, keeping some context.
fn mark(text: &str, needle: &str) -> Vec<Piece> {
    let text = &text.replace(['\n', '\t'], " ");
    let lower = fold(text);
    let chars: Vec<char> = text.chars().collect();
    let lchars: Vec<char> = lower.chars().collect();
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() || chars.len() != lchars.len() {
        return vec![Piece {
            text: text.chars().take(160).collect(),
            hit: false,
        }];
    }
    let first = (0..lchars.len())
        .find(|&i| lchars[i..].starts_with(&n))
        .unwrap_or(0);
    let start = first.saturating_sub(40);
    let end = (first + n.len() + 80).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut i = start;
    while i < end {
        if lchars[i..].starts_with(&n) {
            out.push(OPEN);
            out.extend(&chars[i..i + n.len()]);
            out.push(CLOSE);
            i += n.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if end < chars.len() {
        out.push('…');
    }
    pieces(&out)
}

pub fn search(db: &Db, query: &str) -> Result<Vec<Hit>> {
    // Control characters never occur in stored text, and a NUL would end FTS5's reading of
    // the query halfway through a quoted word: they separate words like spaces do.
    let spaced: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let q = fold(spaced.trim());
    if q.is_empty() {
        return Ok(Vec::new());
    }
    db.read(|c| run(c, &q))
}

fn run(c: &Connection, q: &str) -> Result<Vec<Hit>> {
    let words: Vec<&str> = q.split_whitespace().collect();
    let long = words.iter().all(|w| w.chars().count() >= 3);
    let rows: Vec<(String, String, String, String, String)> = if long {
        // Every word as a quoted phrase: FTS5 syntax in the query is taken literally.
        let expr = words
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ");
        let mut stmt = c.prepare_cached(&format!(
            "SELECT kind, ref, session, title, snippet(search_index, 4, '{OPEN}', '{CLOSE}', '…', 16)
             FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT {MAX_HITS}"
        ))?;
        let rows = stmt
            .query_map([expr], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    } else {
        // One or two characters: no trigram to look up; scan with Unicode case folding
        // (SQLite's own lower() folds ASCII only).
        let mut stmt =
            c.prepare_cached("SELECT kind, ref, session, title, body FROM search_index")?;
        let mut rows = Vec::new();
        for row in stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })? {
            let row: (String, String, String, String, String) = row?;
            if words
                .iter()
                .all(|w| fold(&row.3).contains(w) || fold(&row.4).contains(w))
            {
                rows.push(row);
                if rows.len() == MAX_HITS {
                    break;
                }
            }
        }
        rows
    };
    let mut hits = Vec::new();
    for (k, ref_id, session, title, snippet) in rows {
        let (number, session_title, date) = if session.is_empty() {
            (None, Text::new(), String::new())
        } else {
            c.query_row(
                "SELECT number, title, date FROM session WHERE id = ?1",
                [&session],
                |r| {
                    Ok((
                        r.get::<_, Option<u32>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .map(|(n, t, d)| (n, Text::from_json(&t).unwrap_or_default(), d))?
        };
        let snippet = if long {
            let p = pieces(&snippet);
            // A hit in the title alone leaves the body snippet unmarked: show the title's.
            if p.iter().any(|x| x.hit) {
                p
            } else {
                mark(&title, words[0])
            }
        } else if fold(&snippet).contains(q) {
            mark(&snippet, q)
        } else {
            mark(&title, q)
        };
        hits.push(Hit {
            kind: kind(&k),
            ref_id,
            session_id: session,
            session_number: number,
            session_title,
            session_date: date,
            title,
            snippet,
        });
    }
    Ok(hits)
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
        let m = mark("Промышленная КООПЕРАЦИЯ и кооперация", "кооп");
        assert_eq!(m.iter().filter(|p| p.hit).count(), 2);
    }
}
