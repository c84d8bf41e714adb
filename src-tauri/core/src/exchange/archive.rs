//! The portable archive: the whole Club archive in one documented, versioned file (a zip
//! of JSON, docs/ARCHIVE-FORMAT.md) that another computer or a later Club Planner can
//! read without SQLite. Import goes into an empty database in one transaction.

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, InvalidReason, Result};
use crate::store::db::Db;
use crate::store::{dump, schema};
use crate::Clock;

pub const FORMAT: &str = "club-planner-archive";
pub const FORMAT_VERSION: u32 = 1;
/// Larger entries are refused (a whole 20-year archive is a few tens of MB).
const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub schema_version: i64,
    pub app_version: String,
    pub created_at: String,
    /// Row count per table, in the order the tables are restored.
    pub tables: Vec<(String, usize)>,
    /// Files kept with the data (none yet: documents are made from the data).
    pub attachments: Vec<String>,
}

fn bad(place: &str) -> Error {
    Error::invalid(place, InvalidReason::BadArchive)
}

/// The whole archive as one zip file's bytes.
pub fn export(db: &Db, clock: &dyn Clock) -> Result<Vec<u8>> {
    let order = db.read(dump::table_names)?;
    let data = dump::tables(db)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema_version: schema::schema_version(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        created_at: clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        tables: order
            .iter()
            .map(|t| (t.clone(), data.get(t).map_or(0, Vec::len)))
            .collect(),
        attachments: Vec::new(),
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let io = |e: zip::result::ZipError| Error::Io(std::io::Error::other(e.to_string()));
    zip.start_file("manifest.json", options).map_err(io)?;
    zip.write_all(&serde_json::to_vec_pretty(&manifest)?)?;
    for t in &order {
        zip.start_file(format!("tables/{t}.json"), options)
            .map_err(io)?;
        zip.write_all(&serde_json::to_vec(&data[t])?)?;
    }
    Ok(zip.finish().map_err(io)?.into_inner())
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>> {
    let file = zip.by_name(name).map_err(|_| bad(name))?;
    if file.size() > MAX_ENTRY_BYTES {
        return Err(Error::invalid(name, InvalidReason::TooLong));
    }
    let mut out = Vec::new();
    file.take(MAX_ENTRY_BYTES)
        .read_to_end(&mut out)
        .map_err(|_| bad(name))?;
    Ok(out)
}

/// Reads an archive's manifest (what `import` would bring in).
pub fn manifest(bytes: &[u8]) -> Result<Manifest> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| bad("file"))?;
    read_manifest(&mut zip)
}

fn read_manifest(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>) -> Result<Manifest> {
    let m: Manifest =
        serde_json::from_slice(&entry(zip, "manifest.json")?).map_err(|_| bad("manifest.json"))?;
    if m.format != FORMAT || m.format_version > FORMAT_VERSION {
        return Err(bad("manifest.json format"));
    }
    if m.schema_version > schema::schema_version() {
        return Err(Error::NewerSchema {
            found: m.schema_version,
            known: schema::schema_version(),
        });
    }
    Ok(m)
}

/// Imports an archive into this (empty) database: all of it in one transaction, or
/// nothing. Errors name the table and row.
///
/// Rows SQLite accepts may still be ones the app cannot read (a hand-edited file: a
/// language code it does not know, a time that is not one). So the rows go first into a
/// scratch database, which is read back the way the app reads it; only then is the real
/// database written.
pub fn import(db: &Db, bytes: &[u8]) -> Result<Manifest> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| bad("file"))?;
    let m = read_manifest(&mut zip)?;
    let mut data = Vec::new();
    for (t, _) in &m.tables {
        let name = format!("tables/{t}.json");
        let rows: Vec<Map<String, Value>> =
            serde_json::from_slice(&entry(&mut zip, &name)?).map_err(|_| bad(&name))?;
        data.push((t.clone(), rows));
    }
    // Refused early, without building a scratch copy, when there is nowhere to import to.
    db.read(dump::ensure_empty)?;
    {
        let scratch = Scratch::new()?;
        let staging = Db::open(scratch.0.join("staging.sqlite3"))?;
        dump::load(&staging, &data)?;
        readable(&staging)?;
    }
    dump::load(db, &data)?;
    Ok(m)
}

/// A directory removed with everything in it when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Result<Scratch> {
        let dir = std::env::temp_dir().join(format!(
            "club-planner-import-{}",
            uuid::Uuid::now_v7().simple()
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Reads everything back as the app's screens do; the first table that cannot be read is
/// named (with the session, where it belongs to one).
fn readable(db: &Db) -> Result<()> {
    use crate::minutes::{self, followups};
    use crate::people::{self, organisations};
    use crate::planning::{agenda, invitations, sessions, templates, themes};
    use crate::store::settings;
    fn at(table: &'static str, session: Option<u32>) -> impl Fn(Error) -> Error {
        move |_| match session {
            Some(n) => bad(&format!(
                "tables/{table}.json (session {n}: a value the app cannot read)"
            )),
            None => bad(&format!(
                "tables/{table}.json (a value the app cannot read)"
            )),
        }
    }
    let clock = crate::clock::SystemClock;
    settings::get(db).map_err(at("setting", None))?;
    organisations::list(db).map_err(at("organisation", None))?;
    organisations::precedence_categories(db).map_err(at("precedence_category", None))?;
    people::list(db).map_err(at("person", None))?;
    themes::list(db).map_err(at("theme", None))?;
    templates::templates(db).map_err(at("session_template", None))?;
    followups::list(db).map_err(at("follow_up", None))?;
    for s in sessions::list(db, &clock).map_err(at("session", None))? {
        let n = s.number;
        sessions::get(db, &clock, &s.id).map_err(at("session", n))?;
        themes::of_session(db, &s.id).map_err(at("session_theme", n))?;
        agenda::get(db, &s.id).map_err(at("agenda_item", n))?;
        invitations::list(db, &s.id).map_err(at("invitation", n))?;
        minutes::get(db, &s.id).map_err(at("minutes", n))?;
        minutes::revisions::list(db, &s.id).map_err(at("minutes_revision", n))?;
        minutes::press::get(db, &s.id).map_err(at("press_note", n))?;
    }
    Ok(())
}
