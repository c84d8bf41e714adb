//! Reading a file someone chose: which form it is in (XLSX, vCard, else CSV), found from
//! its first bytes and its name, and read by that form's reader into one `Table`.

use crate::error::{Error, InvalidReason, Result};
use crate::exchange::table::{self, Table};
use crate::exchange::vcard;

/// Reads `bytes` (named `file_name`) into a table.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Table> {
    if bytes.len() > table::MAX_FILE_BYTES {
        return Err(Error::invalid("file", InvalidReason::TooLong));
    }
    if bytes.is_empty() {
        return Err(Error::invalid("file", InvalidReason::Required));
    }
    let lower = file_name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".xlsx") {
        return table::read_xlsx(bytes);
    }
    let (text, encoding) = table::decode(bytes)?;
    let trimmed = text.trim_start();
    if trimmed
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
        || lower.ends_with(".vcf")
    {
        return vcard::read(&text, encoding);
    }
    table::read_csv(&text, encoding)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_keep_their_line_numbers_with_crlf_and_a_bom() {
        let t = super::read("x.csv", "\u{feff}A;B\r\nx;y\r\nz;w\r\n".as_bytes()).unwrap();
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        let t = super::read("x.csv", b"A,B\n\"multi\nline\",y\nz,w\n").unwrap();
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    }
}
