//! The archive search over queries drawn from the archive's own words, in Russian, Kazakh,
//! Chinese and English: the most common word, one of middling frequency, a rare one, two
//! words together, one found nowhere, and in Chinese one- and two-character words.

use std::collections::{BTreeMap, BTreeSet};

use club_core::store::search;
use club_core::{Db, Lang, SystemClock, Text};

use super::{ipc, measure, row, Row};

/// The entries the words are counted over: enough for a word's frequency band to hold
/// in an archive of any size.
const SAMPLE: usize = 2000;

/// A query and what it stands for ("common", "rare", …).
struct Query {
    band: &'static str,
    text: String,
}

/// `club-dev bench search ARCHIVE`: these rows alone.
pub fn rows(db: &Db, _clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    search_rows(db, 300, rows)
}

/// Each language's queries in turn, `n` samples a language; the note gives each query with
/// how many entries it finds.
pub fn search_rows(db: &Db, n: usize, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let texts = minutes_texts(db)?;
    for lang in [Lang::Ru, Lang::Kk, Lang::Zh, Lang::En] {
        let words = document_frequencies(&texts, lang);
        let mut queries = if lang == Lang::Zh {
            chinese_queries(&words)
        } else {
            queries(&words, lang)
        };
        // The generated minutes repeat a small vocabulary: their rarest word is still in
        // thousands of entries. A person's whole name is rare.
        if let Some(name) = rarest_name(db, lang)? {
            queries.push(Query {
                band: "a name",
                text: name,
            });
        }
        let (p50, p99) = measure(n, |i| {
            ipc(search::search(db, &queries[i % queries.len()].text)?)
        })?;
        let mut found = Vec::new();
        for q in &queries {
            let f = search::search(db, &q.text)?;
            let count = if f.more {
                format!("{}+", f.total)
            } else {
                f.total.to_string()
            };
            found.push(format!("{} «{}» {count}", q.band, q.text));
        }
        rows.push(row(
            "search",
            &format!("archive search, {}", lang.code()),
            p50,
            Some(p99),
            "ms",
            "< 20 ms p99",
            found.join(" · "),
        ));
    }
    Ok(())
}

/// The minutes' notes of up to SAMPLE agenda items, spread over the whole archive.
fn minutes_texts(db: &Db) -> anyhow::Result<Vec<Text>> {
    Ok(db.read(|c| {
        let total: i64 = c.query_row("SELECT count(*) FROM minutes_item", [], |r| r.get(0))?;
        let step = (total / SAMPLE as i64).max(1);
        let mut stmt = c.prepare(
            "SELECT notes FROM minutes_item WHERE rowid % ?1 = 0 ORDER BY rowid LIMIT ?2",
        )?;
        let texts = stmt
            .query_map(rusqlite::params![step, SAMPLE as i64], |r| {
                r.get::<_, String>(0)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(texts
            .iter()
            .filter_map(|t| Text::from_json(t).ok())
            .collect())
    })?)
}

/// The name in `lang` fewest people share, as it is written in the minutes (Chinese names
/// run together).
fn rarest_name(db: &Db, lang: Lang) -> anyhow::Result<Option<String>> {
    let sep = if lang == Lang::Zh { "" } else { " " };
    Ok(db.read(|c| {
        use rusqlite::OptionalExtension;
        Ok(c.query_row(
            "SELECT family || ?2 || given FROM person_name WHERE lang = ?1
             GROUP BY family, given ORDER BY count(*), family, given LIMIT 1",
            [lang.code(), sep],
            |r| r.get(0),
        )
        .optional()?)
    })?)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// In how many of the texts each word occurs: words of four letters or more, or in Chinese
/// every one- and two-character run of Han characters.
fn document_frequencies(texts: &[Text], lang: Lang) -> BTreeMap<String, usize> {
    let mut df = BTreeMap::new();
    for text in texts {
        let Some(t) = text.get(lang) else { continue };
        let t = t.to_lowercase();
        let mut seen = BTreeSet::new();
        if lang == Lang::Zh {
            let chars: Vec<char> = t.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if !is_han(*c) {
                    continue;
                }
                seen.insert(c.to_string());
                if chars.get(i + 1).is_some_and(|d| is_han(*d)) {
                    seen.insert(chars[i..i + 2].iter().collect());
                }
            }
        } else {
            for w in t.split(|c: char| !c.is_alphanumeric()) {
                if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
                    seen.insert(w.to_string());
                }
            }
        }
        for w in seen {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    df
}

/// The words by frequency, most frequent first (ties alphabetically).
fn by_frequency(words: &BTreeMap<String, usize>, keep: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut list: Vec<(&str, usize)> = words
        .iter()
        .filter(|(w, _)| keep(w))
        .map(|(w, n)| (w.as_str(), *n))
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list.into_iter().map(|(w, _)| w).collect()
}

fn queries(words: &BTreeMap<String, usize>, lang: Lang) -> Vec<Query> {
    let list = by_frequency(words, |_| true);
    let nowhere = match lang {
        Lang::Ru => "щуквазябра",
        Lang::Kk => "құзғыңөлтә",
        _ => "quozzlewick",
    };
    let q = |band, text: String| Query { band, text };
    if list.is_empty() {
        return vec![q("nowhere", nowhere.into())];
    }
    let rare = list.last().copied().unwrap_or_default();
    // A word of one or two letters goes to the other index: with a long word, each filters
    // the other.
    let short = match lang {
        Lang::Ru => "в",
        Lang::Kk => "да",
        _ => "of",
    };
    vec![
        q("common", list[0].into()),
        q("middling", list[list.len() / 20].into()),
        q("rarest in the minutes", rare.into()),
        q("two words", format!("{} {rare}", list[0])),
        q(
            "a short word and a common one",
            format!("{short} {}", list[0]),
        ),
        q("nowhere", nowhere.into()),
    ]
}

fn chinese_queries(words: &BTreeMap<String, usize>) -> Vec<Query> {
    let one = by_frequency(words, |w| w.chars().count() == 1);
    let two = by_frequency(words, |w| w.chars().count() == 2);
    let q = |band, text: &str| Query {
        band,
        text: text.to_string(),
    };
    let mut out = Vec::new();
    if let (Some(common1), Some(common2)) = (one.first(), two.first()) {
        out.push(q("common, 1 character", common1));
        out.push(q("common, 2 characters", common2));
        out.push(q("middling, 2 characters", two[two.len() / 20]));
        out.push(q("rarest, 2 characters", two[two.len() - 1]));
        out.push(q(
            "a short word and a long one",
            &format!("{common2} 哈萨克斯坦"),
        ));
        out.push(q(
            "4 characters",
            &format!("{common2}{}", two[two.len() / 20]),
        ));
    }
    // Characters that no text of the Club's holds (duck, eagle).
    out.push(q("nowhere, 2 characters", "鸭鹰"));
    out
}
