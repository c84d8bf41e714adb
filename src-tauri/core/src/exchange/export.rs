//! Lists out of the app as files: the people directory as CSV (for Excel: UTF-8 with a
//! BOM, semicolons) and XLSX. The headers are the import's column codes, so an exported
//! file imports again unchanged.

use rust_xlsxwriter::{Format, Workbook};

use crate::error::{Error, Result};
use crate::people::{self, Person};
use crate::store::db::Db;
use crate::text::Lang;

const HEADERS: [&str; 18] = [
    "family.ru",
    "given.ru",
    "patronymic.ru",
    "family.kk",
    "given.kk",
    "family.zh",
    "given.zh",
    "family.en",
    "given.en",
    "family_first",
    "honorific.ru",
    "position.ru",
    "organisation",
    "email",
    "phone",
    "wechat",
    "country",
    "tags",
];

fn cells(p: &Person) -> Vec<String> {
    let name = |lang: Lang| p.names.iter().find(|n| n.lang == lang);
    let part = |lang: Lang, f: fn(&people::names::PersonName) -> &String| {
        name(lang).map(|n| f(n).clone()).unwrap_or_default()
    };
    vec![
        part(Lang::Ru, |n| &n.family),
        part(Lang::Ru, |n| &n.given),
        part(Lang::Ru, |n| &n.patronymic),
        part(Lang::Kk, |n| &n.family),
        part(Lang::Kk, |n| &n.given),
        part(Lang::Zh, |n| &n.family),
        part(Lang::Zh, |n| &n.given),
        part(Lang::En, |n| &n.family),
        part(Lang::En, |n| &n.given),
        p.names
            .iter()
            .filter(|n| n.family_first)
            .map(|n| n.lang.code())
            .collect::<Vec<_>>()
            .join(" "),
        p.honorific.best(Lang::Ru).to_string(),
        p.positions
            .first()
            .map(|x| x.title.best(Lang::Ru).to_string())
            .unwrap_or_default(),
        p.organisation.best(Lang::Ru).to_string(),
        p.email.clone(),
        p.phone.clone(),
        p.wechat.clone(),
        p.country.clone(),
        p.tags.join(", "),
    ]
}

/// Cells that a spreadsheet would run as formulas get a leading apostrophe.
fn defuse(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@'])
        && !cell
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || " ()-".contains(c))
    {
        format!("'{cell}")
    } else {
        cell
    }
}

pub fn people_csv(db: &Db) -> Result<Vec<u8>> {
    let rows: Vec<Vec<String>> = people::list(db)?.iter().map(cells).collect();
    csv_bytes(&HEADERS.map(String::from), &rows)
}

pub fn people_xlsx(db: &Db) -> Result<Vec<u8>> {
    let rows: Vec<Vec<String>> = people::list(db)?.iter().map(cells).collect();
    xlsx_bytes(&HEADERS.map(String::from), &rows)
}

/// A table as CSV for Excel in the Club's locales: UTF-8 with a BOM, semicolons, formulas
/// defused.
pub fn csv_bytes(headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        w.write_record(headers).map_err(|e| Error::Io(e.into()))?;
        for row in rows {
            w.write_record(row.iter().cloned().map(defuse))
                .map_err(|e| Error::Io(e.into()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A table as one XLSX sheet: a bold, frozen header row; every cell a string (a phone
/// number must not become a float).
pub fn xlsx_bytes(headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let xlsx = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e.to_string()));
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(xlsx)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, cell)
                .map_err(xlsx)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx)?;
    book.save_to_buffer().map_err(xlsx)
}
