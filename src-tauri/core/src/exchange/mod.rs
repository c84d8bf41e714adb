//! Data in and out as files: tables read from CSV, XLSX and vCard, the people import,
//! the people export, and the portable archive of everything. Uses every folder below
//! it (`store`, `people`, `planning`, `minutes`).

pub mod archive;
pub mod columns;
pub mod export;
pub mod import;
pub mod reader;
pub mod table;
pub mod vcard;
