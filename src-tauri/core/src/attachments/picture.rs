//! Pictures: their size read from the header before anything is decoded (a file that
//! claims 50,000 × 50,000 pixels is refused unread), decoded under a memory limit (a
//! decompression bomb stops there), turned upright by their EXIF orientation, and made
//! into a small JPEG preview.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use crate::error::{Error, InvalidReason, Result};

/// The widest or tallest picture kept (a 100-megapixel camera is 12,000 px wide).
pub const MAX_SIDE: u32 = 20_000;
/// Pixels at most (150 million: any camera's photo, a scan at 600 dpi of A3).
pub const MAX_PIXELS: u64 = 150_000_000;
/// What decoding one picture may take in memory.
const MAX_DECODE_BYTES: u64 = 1 << 30;
/// The preview's longer side.
pub const THUMB_SIDE: u32 = 320;

/// A picture as it is shown: width and height after its orientation (1–8, EXIF's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inspected {
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(Error::Io)
}

/// Reads the picture's header and checks its size; `name` is named in an error.
pub fn inspect(bytes: &[u8], name: &str) -> Result<Inspected> {
    let broken = |_| Error::invalid(name, InvalidReason::BrokenFile);
    let mut decoder = reader(bytes)?.into_decoder().map_err(broken)?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(Error::invalid(name, InvalidReason::BrokenFile));
    }
    // What decoding would take is known from the header: a bomb stops here, unread.
    if w > MAX_SIDE
        || h > MAX_SIDE
        || u64::from(w) * u64::from(h) > MAX_PIXELS
        || decoder.total_bytes() > MAX_DECODE_BYTES
    {
        return Err(Error::invalid(name, InvalidReason::PictureTooLarge));
    }
    let orientation = decoder.orientation().map(exif_code).unwrap_or(1);
    let turned = matches!(orientation, 5..=8);
    Ok(Inspected {
        width: if turned { h } else { w },
        height: if turned { w } else { h },
        orientation,
    })
}

fn exif_code(o: image::metadata::Orientation) -> u8 {
    use image::metadata::Orientation::*;
    match o {
        NoTransforms => 1,
        FlipHorizontal => 2,
        Rotate180 => 3,
        FlipVertical => 4,
        Rotate90FlipH => 5,
        Rotate90 => 6,
        Rotate270FlipH => 7,
        Rotate270 => 8,
    }
}

/// Decodes the whole picture, upright, under the memory limit.
pub fn decode(bytes: &[u8], name: &str) -> Result<DynamicImage> {
    inspect(bytes, name)?;
    // Past the memory limit it is too large a picture; anything else, a damaged one.
    let broken = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => Error::invalid(name, InvalidReason::PictureTooLarge),
        _ => Error::invalid(name, InvalidReason::BrokenFile),
    };
    let mut decoder = reader(bytes)?.into_decoder().map_err(broken)?;
    let orientation = decoder.orientation().ok();
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    decoder.set_limits(limits).map_err(broken)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(broken)?;
    if let Some(o) = orientation {
        picture.apply_orientation(o);
    }
    Ok(picture)
}

/// The upright picture as a JPEG preview no larger than THUMB_SIDE.
pub fn thumbnail(bytes: &[u8], name: &str) -> Result<Vec<u8>> {
    preview(&decode(bytes, name)?, name)
}

/// A decoded picture's preview (JPEG, no larger than THUMB_SIDE).
pub fn preview(picture: &DynamicImage, name: &str) -> Result<Vec<u8>> {
    let small = on_white(&picture.thumbnail(THUMB_SIDE, THUMB_SIDE));
    let mut out = Cursor::new(Vec::new());
    small
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .map_err(|e| Error::Io(std::io::Error::other(format!("preview of {name}: {e}"))))?;
    Ok(out.into_inner())
}

/// The picture as RGB, a transparent one (a logo, a screenshot) laid on white as a page
/// shows it (JPEG has no transparency; dropping it would show black).
pub fn on_white(picture: &DynamicImage) -> image::RgbImage {
    let mut rgba = picture.to_rgba8();
    for p in rgba.pixels_mut() {
        let a = u16::from(p.0[3]);
        for c in 0..3 {
            p.0[c] = ((u16::from(p.0[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    DynamicImage::ImageRgba8(rgba).into_rgb8()
}
