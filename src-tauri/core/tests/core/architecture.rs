//! The house rules of club-core, read from its source: folders depend on each other in
//! one direction only, no two modules import each other (directly or round a cycle), and
//! every table is written by its one owner (store/ and sync/ excepted: migrations,
//! restore, the generic moves of references and sync's applying of changesets work below
//! the owners).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The folders from the bottom up: a folder may use the ones before it, never after.
/// The crate's root modules (errors, codes, text, ids, time, paths, rng, status) come first.
const LAYERS: [&str; 11] = [
    "",
    "store",
    "sync",
    "people",
    "planning",
    "minutes",
    "attachments",
    "exchange",
    "documents",
    "mail",
    "sample",
];

/// The names lib.rs re-exports at the crate's root, and the folder each comes from.
const ROOT_NAMES: [(&str, &str); 11] = [
    ("Db", "store"),
    ("Clock", ""),
    ("FixedClock", ""),
    ("SystemClock", ""),
    ("Error", ""),
    ("Result", ""),
    ("ApiError", ""),
    ("ErrorCode", ""),
    ("InvalidReason", ""),
    ("Lang", ""),
    ("Text", ""),
];

/// Every table and the one module (a file under src/) that writes it.
pub const OWNERS: [(&str, &str); 42] = [
    ("setting", "store/settings.rs"),
    ("search_doc", "store/search.rs"),
    ("search_index", "store/search.rs"),
    ("search_short", "store/search.rs"),
    ("search_stale", "store/search.rs"),
    ("person", "people/mod.rs"),
    ("person_name", "people/mod.rs"),
    ("person_position", "people/mod.rs"),
    ("person_tag", "people/mod.rs"),
    ("tag", "people/mod.rs"),
    ("organisation", "people/organisations.rs"),
    ("precedence_category", "people/organisations.rs"),
    ("session", "planning/sessions.rs"),
    ("agenda_item", "planning/agenda.rs"),
    ("agenda_role", "planning/agenda.rs"),
    ("theme", "planning/themes.rs"),
    ("session_theme", "planning/themes.rs"),
    ("session_template", "planning/templates.rs"),
    ("invitation", "planning/invitations.rs"),
    ("attendance", "planning/invitations.rs"),
    ("seating_plan", "planning/seating_plan.rs"),
    ("seat", "planning/seating_plan.rs"),
    ("mail_template", "mail/mod.rs"),
    ("mail_log", "mail/log.rs"),
    ("minutes", "minutes/mod.rs"),
    ("minutes_item", "minutes/mod.rs"),
    ("remark", "minutes/mod.rs"),
    ("decision", "minutes/mod.rs"),
    ("minutes_revision", "minutes/revisions.rs"),
    ("follow_up", "minutes/followups.rs"),
    ("press_note", "minutes/press.rs"),
    ("press_revision", "minutes/press.rs"),
    ("attachment", "attachments/mod.rs"),
    ("attachment_chunk", "attachments/mod.rs"),
    ("attachment_thumb", "attachments/mod.rs"),
    ("sync_state", "sync/client.rs"),
    ("sync_outbox", "store/capture.rs"),
    ("hub_log", "sync/hub.rs"),
    ("hub_row", "sync/hub.rs"),
    ("sync_conflict", "sync/merge.rs"),
    ("hub_member", "sync/team.rs"),
    ("hub_invite", "sync/team.rs"),
];

/// The source files under `src/`, by path relative to it ("planning/agenda.rs").
fn sources() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

/// The code without comments (line comments and doc comments), so prose that names a
/// module or quotes SQL is not taken for a use of it.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A "//" inside a string ("https://…") is rare in this crate; a URL-free core.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module a file is: "planning/agenda.rs" → "planning::agenda", "people/mod.rs" →
/// "people", "clock.rs" → "clock".
fn module_of(file: &str) -> String {
    let path = file.trim_end_matches(".rs").trim_end_matches("/mod");
    path.replace('/', "::")
}

fn folder_of(module: &str) -> &str {
    match module.split_once("::") {
        Some((folder, _)) => folder,
        None if LAYERS.contains(&module) => module,
        None => "",
    }
}

fn layer(folder: &str) -> usize {
    LAYERS.iter().position(|l| *l == folder).unwrap_or(0)
}

/// Every `crate::a::b::…` path a file names, `use crate::{a, b::{c, d}}` groups expanded.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        out.extend(expand("", after));
        rest = after;
    }
    out
}

/// Expands one path (after `crate::`), following `{…}` groups one level at a time.
fn expand(prefix: &str, text: &str) -> Vec<String> {
    let ident_end = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(s.len())
    };
    let end = ident_end(text);
    let head = text[..end].trim_end_matches(':');
    let path = format!("{prefix}{head}");
    if text[end..].starts_with("{") && (end == 0 || text[..end].ends_with("::")) {
        let inner = &text[end + 1..];
        let mut depth = 0;
        let mut close = inner.len();
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    close = i;
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let group = &inner[..close];
        let mut items = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&group[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(&group[start..]);
        let base = if path.is_empty() {
            String::new()
        } else {
            format!("{path}::")
        };
        return items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty() && *s != "self")
            .flat_map(|s| expand(&base, s))
            .chain(std::iter::once(path.clone()).filter(|p| !p.is_empty()))
            .collect();
    }
    vec![path]
}

/// The module a path names: its longest prefix that is a module of the crate (or the
/// folder of a name lib.rs re-exports).
fn target_module(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    if let Some((_, folder)) = ROOT_NAMES.iter().find(|(n, _)| path == *n) {
        return Some(match *folder {
            "store" => "store::db".to_string(),
            _ => "error".to_string(),
        });
    }
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// Module → the modules it uses (itself and its own children left out).
fn graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.keys().map(|f| module_of(f)).collect();
    let mut edges = BTreeMap::new();
    for (file, text) in files {
        let me = module_of(file);
        let mut uses = BTreeSet::new();
        for path in crate_paths(&code(text)) {
            if let Some(target) = target_module(&path, &modules) {
                if target != me && !target.starts_with(&format!("{me}::")) && target != "lib" {
                    uses.insert(target);
                }
            }
        }
        edges.insert(me, uses);
    }
    edges
}

/// Uses of a folder above one's own: "planning::sessions uses minutes::followups".
fn back_edges(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for (module, uses) in graph(files) {
        let mine = layer(folder_of(&module));
        for target in uses {
            if layer(folder_of(&target)) > mine {
                out.push(format!(
                    "{module} ({}) uses {target} ({}), a folder above it",
                    shown(LAYERS[mine]),
                    shown(folder_of(&target))
                ));
            }
        }
    }
    out
}

/// A folder's name in messages; the root modules have none.
fn shown(folder: &str) -> &str {
    if folder.is_empty() {
        "root"
    } else {
        folder
    }
}

/// Cycles between modules, each as "a → b → a".
fn cycles(files: &BTreeMap<String, String>) -> Vec<String> {
    let edges = graph(files);
    let mut out = BTreeSet::new();
    for start in edges.keys() {
        // Depth-first from each module, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let mut cycle = path.clone();
                    // One spelling per cycle: rotated to start at its smallest module.
                    let min = cycle.iter().enumerate().min_by_key(|(_, m)| *m).unwrap().0;
                    cycle.rotate_left(min);
                    cycle.push(cycle[0].clone());
                    out.insert(cycle.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    out.into_iter().collect()
}

/// SQL writes to a table by a module that does not own it (store/ excepted).
fn foreign_writes(files: &BTreeMap<String, String>) -> Vec<String> {
    let owners: BTreeMap<&str, &str> = OWNERS.iter().copied().collect();
    let mut out = Vec::new();
    for (file, text) in files {
        if file.starts_with("store/") || file.starts_with("sync/") {
            continue;
        }
        for (line_no, line) in code(text).lines().enumerate() {
            for table in written_tables(line) {
                match owners.get(table.as_str()) {
                    Some(owner) if owner == file => {}
                    Some(owner) => out.push(format!(
                        "{file}:{} writes `{table}`, which {owner} owns",
                        line_no + 1
                    )),
                    None => {}
                }
            }
        }
    }
    out
}

/// The tables an SQL text writes: INSERT [OR …] INTO t, REPLACE INTO t, UPDATE [OR …] t,
/// DELETE FROM t (the app writes its SQL keywords in capitals).
fn written_tables(line: &str) -> Vec<String> {
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let after = |k: usize| words.get(i + k).copied().unwrap_or("");
        let table = match *w {
            "INTO" if i > 0 => Some(after(1)),
            "UPDATE" if after(1) == "OR" => Some(after(3)),
            "UPDATE" => Some(after(1)),
            "DELETE" if after(1) == "FROM" => Some(after(2)),
            _ => None,
        };
        if let Some(t) = table.filter(|t| !t.is_empty()) {
            out.push(t.to_string());
        }
    }
    out
}

#[test]
fn folders_depend_on_each_other_in_one_direction_only() {
    let found = back_edges(&sources());
    assert!(
        found.is_empty(),
        "uses against the layers:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_two_modules_depend_on_each_other() {
    let found = cycles(&sources());
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn every_table_is_written_only_by_its_owner() {
    let found = foreign_writes(&sources());
    assert!(
        found.is_empty(),
        "writes to tables owned elsewhere:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_table_of_the_schema_has_exactly_one_owner_and_the_owner_exists() {
    let files = sources();
    let mut tables = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    for entry in std::fs::read_dir(dir).unwrap() {
        let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in sql.split("CREATE ").skip(1) {
            let words: Vec<&str> = part.split_whitespace().collect();
            let name = match words.as_slice() {
                ["TABLE", name, ..] => name,
                ["VIRTUAL", "TABLE", name, ..] => name,
                _ => continue,
            };
            tables.insert(
                name.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .to_string(),
            );
        }
    }
    let owned: BTreeSet<String> = OWNERS.iter().map(|(t, _)| t.to_string()).collect();
    assert_eq!(
        owned.len(),
        OWNERS.len(),
        "a table is named twice in OWNERS"
    );
    assert_eq!(tables, owned, "OWNERS must name every table of the schema");
    for (table, owner) in OWNERS {
        assert!(
            files.contains_key(owner),
            "{table}'s owner {owner} is not a file of src/"
        );
    }
}

/// The checks themselves catch what they are for (planted into a copy of the sources).
#[test]
fn a_planted_back_edge_a_cycle_and_a_foreign_write_are_caught() {
    let mut files = sources();
    files
        .get_mut("people/mod.rs")
        .unwrap()
        .push_str("\nuse crate::minutes::followups::FollowUp;\n");
    files.get_mut("planning/ordinals.rs").unwrap().push_str(
        "\nfn planted(c: &rusqlite::Connection) {\n    \
         let _ = crate::planning::sessions::MAX_NUMBER;\n    \
         c.execute(\"INSERT INTO agenda_item (id) VALUES (1)\", []);\n}\n",
    );
    let back = back_edges(&files);
    assert!(
        back.iter()
            .any(|e| e.starts_with("people (people) uses minutes::followups")),
        "{back:?}"
    );
    let cyc = cycles(&files);
    assert!(
        cyc.iter()
            .any(|c| c.contains("planning::ordinals → planning::sessions")),
        "{cyc:?}"
    );
    let writes = foreign_writes(&files);
    assert!(
        writes.iter().any(|w| w.starts_with("planning/ordinals.rs:")
            && w.ends_with("writes `agenda_item`, which planning/agenda.rs owns")),
        "{writes:?}"
    );
}

#[test]
fn paths_in_groups_are_read_one_by_one() {
    let found = crate_paths("use crate::{planning::{agenda, sessions::Session}, Db};");
    assert!(found.contains(&"planning::agenda".to_string()), "{found:?}");
    assert!(
        found.contains(&"planning::sessions::Session".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"Db".to_string()), "{found:?}");
    assert_eq!(
        written_tables("\"UPDATE OR IGNORE invitation SET a = 1\""),
        ["invitation"]
    );
    assert_eq!(
        written_tables("DELETE FROM person WHERE id = ?1"),
        ["person"]
    );
    assert_eq!(
        written_tables("INSERT OR REPLACE INTO setting (k) VALUES (1)"),
        ["setting"]
    );
}

/// A file a newcomer reads in one sitting, a function seen whole on a screen or two.
const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 120;

/// Functions that are tables of data (a line per fact), not logic: exempt from the
/// function length.
const DATA_TABLES: [&str; 2] = [
    "sample/cast.rs::people",
    "planning/ordinals.rs::ordinals_in_four_languages",
];

/// Every file over the file limit and every function over the function limit: a
/// function runs from its `fn` line to the closing brace at the same indentation.
fn oversized(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for (file, text) in files {
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > MAX_FILE_LINES {
            out.push(format!(
                "{file} has {} lines (at most {MAX_FILE_LINES})",
                lines.len()
            ));
        }
        for (start, line) in lines.iter().enumerate() {
            let Some(name) = fn_name(line) else { continue };
            let indent = &line[..line.len() - line.trim_start().len()];
            let close = format!("{indent}}}");
            let Some(end) = lines[start + 1..]
                .iter()
                .position(|l| l.trim_end() == close)
            else {
                continue;
            };
            let length = end + 2;
            let place = format!("{file}::{name}");
            if length > MAX_FN_LINES && !DATA_TABLES.contains(&place.as_str()) {
                out.push(format!(
                    "{place} (line {}) has {length} lines (at most {MAX_FN_LINES})",
                    start + 1
                ));
            }
        }
    }
    out
}

/// The name of the function a line opens, if it opens one (a body, not a signature in a
/// trait ending in ";").
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    if line.trim_end().ends_with(';') {
        return None;
    }
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

#[test]
fn no_file_over_600_lines_and_no_function_over_120() {
    let found = oversized(&sources());
    assert!(found.is_empty(), "too long:\n{}", found.join("\n"));
}

#[test]
fn a_planted_long_file_and_long_function_are_caught() {
    let mut files = sources();
    let body = "    let _ = 1;\n".repeat(130);
    files
        .get_mut("clock.rs")
        .unwrap()
        .push_str(&format!("\npub fn planted() {{\n{body}}}\n"));
    files.insert("planted.rs".into(), "// a line\n".repeat(601));
    let found = oversized(&files);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("clock.rs::planted (line")
                && f.ends_with("has 132 lines (at most 120)")),
        "{found:?}"
    );
    assert!(
        found.contains(&"planted.rs has 601 lines (at most 600)".to_string()),
        "{found:?}"
    );
}
