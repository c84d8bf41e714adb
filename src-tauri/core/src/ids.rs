//! Identifiers: UUID v7 (time-ordered, so new rows append to the B-tree), carried as strings.

use crate::error::{Error, InvalidReason, Result};

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Parses an id given by a caller; `field` names it in the error.
pub fn parse_id(raw: &str, field: &str) -> Result<String> {
    uuid::Uuid::parse_str(raw.trim())
        .map(|u| u.to_string())
        .map_err(|_| Error::invalid(field, InvalidReason::BadId))
}
