//! A file of rows as people keep them, and the two spreadsheet forms of it: CSV the way
//! Excel writes it (UTF-8 with or without BOM, UTF-16, Windows-1251; comma, semicolon or
//! tab) and XLSX. Every row keeps its line number for messages.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, InvalidReason, Result};

pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FileFormat {
    Csv,
    Xlsx,
    Vcard,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Table {
    pub format: FileFormat,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "windows-1251", or "" for XLSX.
    pub encoding: String,
    /// ",", ";", "\t" for CSV.
    pub delimiter: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Row {
    /// Line in the file (CSV, vCard) or row in the sheet (XLSX), from 1.
    pub line: u32,
    pub cells: Vec<String>,
}

/// An error about the file as a whole, naming where it went wrong.
pub(crate) fn bad_file(place: impl Into<String>) -> Error {
    Error::invalid(place, InvalidReason::BadFile)
}

/// Text in the encoding the file was written in; refuses what is not text.
pub fn decode(bytes: &[u8]) -> Result<(String, String)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), "UTF-8 with BOM".to_string()))
            .map_err(|e| bad_file(format!("byte {}", e.valid_up_to() + 3)));
    }
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, bad) = enc.decode(bytes);
            if bad {
                return Err(bad_file("file"));
            }
            return Ok((text.into_owned(), enc.name().to_string()));
        }
    }
    if bytes.contains(&0) {
        // UTF-16 without a byte-order mark, or not a text file at all.
        let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(bad_file(format!("byte {}", at + 1)));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "UTF-8".to_string())),
        Err(_) => {
            // Excel in a Russian or Kazakh locale writes Windows-1251.
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            // Anything else decodes too, into letters no Russian text uses: refuse that.
            let usual = |c: char| {
                c.is_ascii()
                    || ('А'..='я').contains(&c)
                    || "ЁёІі№«»–—…“”„‘’•".contains(c)
                    || c == '\u{a0}'
            };
            let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
            let odd = text.chars().filter(|c| !usual(*c)).count();
            if odd * 5 > non_ascii {
                return Err(bad_file("file"));
            }
            Ok((text.into_owned(), "windows-1251".to_string()))
        }
    }
}

/// The delimiter Excel used: the most frequent of tab, semicolon and comma on the first line.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut best = (b',', 0);
    for d in [b'\t', b';', b','] {
        let n = first.bytes().filter(|b| *b == d).count();
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// The line where a quoted field opens and is never closed, if any.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u32> {
    let mut line = 1u32;
    let mut opened_at = 0u32;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == b'"' && at_field_start {
            in_quotes = true;
            opened_at = line;
        } else if b == b'\n' {
            line += 1;
        }
        at_field_start = !in_quotes && (b == delimiter || b == b'\n' || (b == b'\r'));
        i += 1;
    }
    in_quotes.then_some(opened_at)
}

pub(crate) fn read_csv(text: &str, encoding: String) -> Result<Table> {
    let delimiter = sniff(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(Error::invalid(
            format!("line {line}"),
            InvalidReason::UnclosedQuote,
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let (mut counted_to, mut newlines) = (0usize, 0u32);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            bad_file(format!("line {line}"))
        })?;
        // Counted from the byte offset: after CRLF the reader puts a record's start on the
        // '\n' of the line before, and counts lines one short.
        let mut byte = record
            .position()
            .map(|p| p.byte() as usize)
            .unwrap_or(0)
            .min(text.len());
        while text
            .as_bytes()
            .get(byte)
            .is_some_and(|b| *b == b'\n' || *b == b'\r')
        {
            byte += 1;
        }
        // Newlines counted on from the last record's start, not from the file's (linear).
        let byte = byte.min(text.len());
        if byte >= counted_to {
            newlines += text.as_bytes()[counted_to..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u32;
            counted_to = byte;
        }
        let line = newlines + 1;
        let cells: Vec<String> = record.iter().map(|c| c.to_string()).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { line, cells });
        if rows.len() > MAX_ROWS + 1 {
            return Err(Error::invalid("file", InvalidReason::TooLong));
        }
    }
    split_headers(
        FileFormat::Csv,
        encoding,
        (delimiter as char).to_string(),
        rows,
    )
}

fn split_headers(
    format: FileFormat,
    encoding: String,
    delimiter: String,
    mut rows: Vec<Row>,
) -> Result<Table> {
    if rows.is_empty() {
        return Err(Error::invalid("file", InvalidReason::Required));
    }
    let headers: Vec<String> = rows
        .remove(0)
        .cells
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    Ok(Table {
        format,
        encoding,
        delimiter,
        headers,
        rows,
    })
}

pub(crate) fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|_| bad_file("file"))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| Error::invalid("file", InvalidReason::Required))?
        .map_err(|_| bad_file("sheet 1"))?;
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let cells: Vec<String> = r.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row {
            line: first_row + i as u32 + 1,
            cells,
        });
        if rows.len() > MAX_ROWS + 1 {
            return Err(Error::invalid("file", InvalidReason::TooLong));
        }
    }
    split_headers(FileFormat::Xlsx, String::new(), String::new(), rows)
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| d.date().to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_sniffed_from_the_header() {
        assert_eq!(sniff("Фамилия;Имя;Email\n"), b';');
        assert_eq!(sniff("a\tb\tc"), b'\t');
        assert_eq!(sniff("a,b;c,d"), b',');
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(unclosed_quote("a,b\n\"x,y\n1,2\n", b','), Some(2));
        assert_eq!(unclosed_quote("a,\"b\"\"c\"\n1,2", b','), None);
        assert_eq!(
            unclosed_quote("a,b\"c\n", b','),
            None,
            "a quote inside a bare field is text"
        );
    }
}
