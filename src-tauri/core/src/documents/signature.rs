//! The picture of the signatory's signature under the personal letters: a PNG or JPEG the
//! organizer chooses once, kept in this machine's settings (as the SMTP account), checked
//! by the document renderer itself before it is kept, so that a letter never fails on it.

use base64::Engine;

use super::fonts::Fonts;
use super::layout_source;
use crate::error::{Error, InvalidReason, Result};
use crate::store::db::Db;
use crate::store::settings;

const KEY: &str = "signature_image";

/// A scanned signature is tens of kilobytes; this leaves room for a photographed one.
pub const MAX_BYTES: usize = 512 * 1024;

/// The kept picture, if any.
pub fn get(db: &Db) -> Result<Option<Vec<u8>>> {
    Ok(settings::stored(db, KEY)?
        .filter(|s| !s.is_empty())
        .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok()))
}

/// The kept picture as a `data:` URL (for the Settings screen to show it).
pub fn data_url(db: &Db) -> Result<Option<String>> {
    Ok(get(db)?.map(|bytes| {
        let kind = if bytes.starts_with(b"\x89PNG") {
            "png"
        } else {
            "jpeg"
        };
        format!(
            "data:image/{kind};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    }))
}

/// Checks `bytes` (a PNG or JPEG that prints) and keeps it for the letters.
pub fn set(db: &Db, fonts: &Fonts, bytes: &[u8]) -> Result<()> {
    check(fonts, bytes)?;
    settings::store(
        db,
        KEY,
        &base64::engine::general_purpose::STANDARD.encode(bytes),
    )
}

/// The letters are signed by name only again.
pub fn clear(db: &Db) -> Result<()> {
    settings::store(db, KEY, "")
}

fn check(fonts: &Fonts, bytes: &[u8]) -> Result<()> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::invalid("signature", InvalidReason::BadImage));
    }
    let png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    let jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    if !png && !jpeg {
        return Err(Error::invalid("signature", InvalidReason::BadImage));
    }
    // Laid out as a letter lays it out: a picture Typst cannot decode is refused now.
    layout_source(
        "#image(bytes(json(bytes(sys.inputs.data)).signature), height: 1.4cm)",
        &serde_json::json!({ "signature": bytes }),
        fonts,
    )
    .map_err(|_| Error::invalid("signature", InvalidReason::BadImage))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNATURE: &[u8] = include_bytes!("../../tests/fixtures/documents/signature.png");

    #[test]
    fn only_pictures_that_print_are_kept() {
        let fonts = Fonts::load(&Fonts::default_dir()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("s.sqlite3")).unwrap();
        assert_eq!(get(&db).unwrap(), None);
        // Not a picture; a PNG's first bytes on garbage; too big.
        for bad in [
            b"<svg onload=alert(1)>".to_vec(),
            [&b"\x89PNG\r\n\x1a\n"[..], &[7u8; 64]].concat(),
            [SIGNATURE, &vec![0u8; MAX_BYTES]].concat(),
        ] {
            let e = set(&db, &fonts, &bad).unwrap_err();
            assert!(e.to_string().contains("signature"), "{e}");
            assert_eq!(get(&db).unwrap(), None, "nothing is kept");
        }
        set(&db, &fonts, SIGNATURE).unwrap();
        assert_eq!(get(&db).unwrap().as_deref(), Some(SIGNATURE));
        clear(&db).unwrap();
        assert_eq!(get(&db).unwrap(), None);
    }
}
