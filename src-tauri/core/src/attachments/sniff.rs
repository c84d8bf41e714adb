//! What a file is, read from its bytes (never from its name): PDF, the pictures the app
//! shows (JPEG, PNG, WebP), office documents (OOXML and OpenDocument by the parts inside
//! their ZIP, the old Office formats by their OLE signature). The name's extension must
//! agree; a name that is a path, or holds control characters, is refused.

use std::io::Read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;
use crate::error::{Error, InvalidReason, Result};

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export, rename = "AttachmentKind")]
    pub enum Kind {
        Pdf = "pdf",
        Jpeg = "jpeg",
        Png = "png",
        Webp = "webp",
        Docx = "docx",
        Xlsx = "xlsx",
        Pptx = "pptx",
        Odt = "odt",
        Ods = "ods",
        Odp = "odp",
        /// Word, Excel or PowerPoint before 2007 (one OLE signature for the three).
        Doc = "doc",
        Xls = "xls",
        Ppt = "ppt",
    }
    invalid = BadAttachment, ignore_ascii_case;
}

impl Kind {
    pub fn is_picture(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png | Kind::Webp)
    }

    pub fn mime(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Webp => "image/webp",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Kind::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            Kind::Odt => "application/vnd.oasis.opendocument.text",
            Kind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Kind::Odp => "application/vnd.oasis.opendocument.presentation",
            Kind::Doc => "application/msword",
            Kind::Xls => "application/vnd.ms-excel",
            Kind::Ppt => "application/vnd.ms-powerpoint",
        }
    }

    /// The extensions a name of this kind may have.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Pdf => &["pdf"],
            Kind::Jpeg => &["jpg", "jpeg"],
            Kind::Png => &["png"],
            Kind::Webp => &["webp"],
            Kind::Docx => &["docx"],
            Kind::Xlsx => &["xlsx"],
            Kind::Pptx => &["pptx"],
            Kind::Odt => &["odt"],
            Kind::Ods => &["ods"],
            Kind::Odp => &["odp"],
            // One signature for the three old formats: any of their names is fine.
            Kind::Doc | Kind::Xls | Kind::Ppt => &["doc", "xls", "ppt"],
        }
    }
}

/// The file's name as kept: trimmed, at most 255 characters, no path and no control
/// characters. An error names the file (its control characters shown as "?").
pub fn checked_name(name: &str) -> Result<String> {
    let name = name.trim();
    let field: String = name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(255)
        .collect();
    let field = field.as_str();
    if name.is_empty() || name == "." || name == ".." {
        return Err(Error::invalid(field, InvalidReason::BadFileName));
    }
    if name.contains(['/', '\\']) || name.chars().any(char::is_control) {
        return Err(Error::invalid(field, InvalidReason::BadFileName));
    }
    if name.chars().count() > 255 {
        return Err(Error::invalid(field, InvalidReason::TooLong));
    }
    Ok(name.to_string())
}

/// What the bytes are; refused when the app does not keep such files, or when the name's
/// extension says something else.
pub fn sniff(bytes: &[u8], name: &str) -> Result<Kind> {
    let kind =
        from_bytes(bytes).ok_or_else(|| Error::invalid(name, InvalidReason::BadAttachment))?;
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !ext.is_empty() && known_extension(&ext) && !kind.extensions().contains(&ext.as_str()) {
        return Err(Error::invalid(name, InvalidReason::NotWhatItsNameSays));
    }
    Ok(match (kind, ext.as_str()) {
        (Kind::Doc, "xls") => Kind::Xls,
        (Kind::Doc, "ppt") => Kind::Ppt,
        _ => kind,
    })
}

/// An extension the app knows as one of its kinds (a name such as "Протокол.2025" or
/// "report.final" says nothing about the bytes).
fn known_extension(ext: &str) -> bool {
    Kind::ALL.iter().any(|k| k.extensions().contains(&ext))
}

fn from_bytes(b: &[u8]) -> Option<Kind> {
    if b.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Kind::Jpeg);
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return Some(Kind::Webp);
    }
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Kind::Doc);
    }
    if b.starts_with(b"PK\x03\x04") {
        return office(b);
    }
    None
}

/// An OOXML or OpenDocument file by what its ZIP holds.
fn office(b: &[u8]) -> Option<Kind> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(b)).ok()?;
    if let Ok(mut entry) = zip.by_name("mimetype") {
        let mut mime = String::new();
        entry.by_ref().take(100).read_to_string(&mut mime).ok()?;
        return match mime.trim() {
            "application/vnd.oasis.opendocument.text" => Some(Kind::Odt),
            "application/vnd.oasis.opendocument.spreadsheet" => Some(Kind::Ods),
            "application/vnd.oasis.opendocument.presentation" => Some(Kind::Odp),
            _ => None,
        };
    }
    zip.by_name("[Content_Types].xml").ok()?;
    let has = |prefix: &str| zip.file_names().any(|n| n.starts_with(prefix));
    if has("word/") {
        Some(Kind::Docx)
    } else if has("xl/") {
        Some(Kind::Xlsx)
    } else if has("ppt/") {
        Some(Kind::Pptx)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_paths_or_hold_control_characters_are_refused() {
        for bad in [
            "../etc/passwd",
            "a/b.pdf",
            "C:\\x.pdf",
            "a\u{0}.pdf",
            "a\nb.pdf",
            " ",
            "..",
        ] {
            assert!(checked_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            checked_name(" Доклад посла.pdf ").unwrap(),
            "Доклад посла.pdf"
        );
        assert_eq!(checked_name("第八次会议.jpg").unwrap(), "第八次会议.jpg");
    }

    #[test]
    fn the_bytes_decide_and_the_extension_must_agree() {
        assert_eq!(sniff(b"%PDF-1.7\n", "slides.pdf").unwrap(), Kind::Pdf);
        assert_eq!(sniff(b"%PDF-1.7\n", "slides").unwrap(), Kind::Pdf);
        assert_eq!(sniff(b"%PDF-1.7\n", "Отчёт.2025").unwrap(), Kind::Pdf);
        let err = sniff(b"%PDF-1.7\n", "photo.jpg").unwrap_err();
        assert!(matches!(
            err,
            Error::Invalid {
                reason: InvalidReason::NotWhatItsNameSays,
                ..
            }
        ));
        let err = sniff(b"MZ\x90\x00 an executable", "slides.pdf").unwrap_err();
        assert!(matches!(
            err,
            Error::Invalid {
                reason: InvalidReason::BadAttachment,
                ..
            }
        ));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0], "a.JPEG").unwrap(),
            Kind::Jpeg
        );
    }
}
