//! vCard 2.1, 3.0 and 4.0 read into rows: folded lines, quoted-printable (2.1), several
//! names (4.0 ALTID/LANGUAGE) and several phones or e-mails per card.

use crate::error::{Error, InvalidReason, Result};
use crate::exchange::table::{FileFormat, Row, Table};

/// The columns a card becomes: up to three names (each in whatever script it is written),
/// contacts and work. `import` maps them without asking.
pub const COLUMNS: [&str; 14] = [
    "name",
    "family",
    "given",
    "name",
    "family",
    "given",
    "name",
    "family",
    "given",
    "email",
    "phone",
    "organisation",
    "position",
    "notes",
];

/// One content line: name, parameters, value.
struct Property {
    name: String,
    value: String,
}

fn unfold(text: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut qp_soft_break = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if (line.starts_with(' ') || line.starts_with('\t')) && !out.is_empty() {
            out.last_mut().expect("checked").1.push_str(&line[1..]);
        } else if qp_soft_break && !out.is_empty() {
            out.last_mut().expect("checked").1.push_str(line);
        } else if !line.is_empty() {
            out.push((i as u32 + 1, line.to_string()));
        }
        // Quoted-printable (2.1) continues a value on the next line after a trailing '='.
        qp_soft_break = out.last().is_some_and(|(_, l)| {
            l.to_uppercase().contains("QUOTED-PRINTABLE") && l.ends_with('=')
        });
        if qp_soft_break {
            out.last_mut().expect("checked").1.pop();
        }
    }
    out
}

fn parse_line(line: u32, text: &str) -> Result<Property> {
    let (head, value) = text
        .split_once(':')
        .ok_or_else(|| Error::invalid(format!("line {line}"), InvalidReason::BadFile))?;
    let mut parts = head.split(';');
    let name = parts
        .next()
        .unwrap_or("")
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_uppercase(), v.trim_matches('"').to_string()),
            None => ("TYPE".to_string(), p.to_string()), // 2.1 bare parameters
        })
        .collect::<Vec<_>>();
    let qp = params
        .iter()
        .any(|(k, v)| k == "ENCODING" && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
        || params
            .iter()
            .any(|(k, v)| k == "TYPE" && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
    let value = if qp {
        decode_qp(value, line)?
    } else {
        value.to_string()
    };
    Ok(Property { name, value })
}

fn decode_qp(value: &str, line: u32) -> Result<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex =
                std::str::from_utf8(bytes.get(i + 1..i + 3).unwrap_or_default()).unwrap_or("");
            let b = u8::from_str_radix(hex, 16)
                .map_err(|_| Error::invalid(format!("line {line}"), InvalidReason::BadFile))?;
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| Error::invalid(format!("line {line}"), InvalidReason::BadFile))
}

/// Splits a structured value on unescaped ';' and unescapes \\, \, \; \n.
fn components(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => out.last_mut().expect("non-empty").push('\n'),
                Some(other) => out.last_mut().expect("non-empty").push(other),
                None => {}
            },
            ';' => out.push(String::new()),
            _ => out.last_mut().expect("non-empty").push(c),
        }
    }
    out
}

fn text(value: &str) -> String {
    components(value).join(";").trim().to_string()
}

pub fn read(text_in: &str, encoding: String) -> Result<Table> {
    let mut rows = Vec::new();
    let mut card: Option<(u32, Vec<Property>)> = None;
    for (line, raw) in unfold(text_in) {
        let p = parse_line(line, &raw)?;
        match (p.name.as_str(), p.value.trim().to_uppercase().as_str()) {
            ("BEGIN", "VCARD") => {
                if card.is_some() {
                    return Err(Error::invalid(
                        format!("line {line}"),
                        InvalidReason::BadFile,
                    ));
                }
                card = Some((line, Vec::new()));
            }
            ("END", "VCARD") => {
                let (start, props) = card.take().ok_or_else(|| {
                    Error::invalid(format!("line {line}"), InvalidReason::BadFile)
                })?;
                rows.push(Row {
                    line: start,
                    cells: to_cells(&props),
                });
            }
            _ => match card.as_mut() {
                Some((_, props)) => props.push(p),
                None => {
                    return Err(Error::invalid(
                        format!("line {line}"),
                        InvalidReason::BadFile,
                    ))
                }
            },
        }
    }
    if let Some((start, _)) = card {
        return Err(Error::invalid(
            format!("line {start}"),
            InvalidReason::BadFile,
        ));
    }
    if rows.is_empty() {
        return Err(Error::invalid("file", InvalidReason::Required));
    }
    Ok(Table {
        format: FileFormat::Vcard,
        encoding,
        delimiter: String::new(),
        headers: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows,
    })
}

/// One card as cells in the order of COLUMNS: a name in up to three scripts (the first
/// in whatever script it is, then Chinese and Russian ones), contacts and work.
fn to_cells(props: &[Property]) -> Vec<String> {
    let mut cells = vec![String::new(); COLUMNS.len()];
    // vCard 4.0 gives one N per language (ALTID/LANGUAGE); the script of each says which.
    let mut filled = [false; 3];
    for (slot, p) in props.iter().filter(|p| p.name == "N").take(3).enumerate() {
        let c = components(&p.value);
        cells[slot * 3 + 1] = c.first().map(|s| s.trim().to_string()).unwrap_or_default();
        cells[slot * 3 + 2] = c.get(1).map(|s| s.trim().to_string()).unwrap_or_default();
        filled[slot] = true;
    }
    if !filled.iter().any(|f| *f) {
        if let Some(fn_) = props.iter().find(|p| p.name == "FN") {
            cells[0] = text(&fn_.value);
        }
    }
    let join = |name: &str| {
        props
            .iter()
            .filter(|p| p.name == name)
            .map(|p| text(&p.value))
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
    };
    let emails = join("EMAIL");
    cells[9] = emails.first().cloned().unwrap_or_default();
    let phones: Vec<String> = join("TEL")
        .iter()
        .map(|t| t.trim_start_matches("tel:").to_string())
        .collect();
    cells[10] = phones.join("; ");
    cells[11] = props
        .iter()
        .find(|p| p.name == "ORG")
        .map(|p| components(&p.value)[0].trim().to_string())
        .unwrap_or_default();
    cells[12] = join("TITLE").first().cloned().unwrap_or_default();
    let mut notes = join("NOTE");
    if emails.len() > 1 {
        notes.push(format!("E-mail: {}", emails[1..].join(", ")));
    }
    cells[13] = notes.join("\n");
    cells
}
