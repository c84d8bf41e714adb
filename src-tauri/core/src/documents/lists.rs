//! The invitee list as a table for spreadsheets: one column per chosen language for each
//! piece of text, so a bilingual list stays sortable.

use super::data::InviteesDoc;
use crate::error::Result;
use crate::exchange::export::{csv_bytes, xlsx_bytes};
use crate::text::Text;

pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub fn invitees(doc: &InviteesDoc) -> Table {
    let langs = &doc.frame.langs;
    let columns = [
        "name",
        "position",
        "role",
        "status",
        "channel",
        "attendance",
    ];
    let mut headers = vec!["№".to_string()];
    for key in columns {
        for l in langs {
            let label = doc.labels.get(key).map(|t| t.best(*l)).unwrap_or(key);
            headers.push(if langs.len() > 1 {
                format!("{label} ({})", l.code())
            } else {
                label.to_string()
            });
        }
    }
    let rows = doc
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let values: [&Text; 6] = [
                &p.person.name,
                &p.person.position,
                &p.role,
                &p.status,
                &p.channel,
                &p.attendance,
            ];
            let mut row = vec![(i + 1).to_string()];
            for v in values {
                for l in langs {
                    row.push(v.get(*l).unwrap_or_default().to_string());
                }
            }
            row
        })
        .collect();
    Table { headers, rows }
}

pub fn to_csv(table: &Table) -> Result<Vec<u8>> {
    csv_bytes(&table.headers, &table.rows)
}

pub fn to_xlsx(table: &Table) -> Result<Vec<u8>> {
    xlsx_bytes(&table.headers, &table.rows)
}
