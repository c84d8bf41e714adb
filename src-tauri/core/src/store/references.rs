//! References between rows, read from the schema's own foreign keys: moving everything
//! that points at one row onto another (two entries of one person merged), in whatever
//! table the reference sits, so that a table added later is covered without being named
//! here. Owns no table; writes the referencing columns of every table, as only `store` may.

use rusqlite::Connection;

use crate::clock::{stamp, Clock};
use crate::error::Result;

/// A column that refers to a row of another table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    table: String,
    column: String,
    /// Whether the referencing table says when its rows last changed.
    stamped: bool,
}

/// Every single-column foreign key that points at `target`, in a stable order.
fn references_to(c: &Connection, target: &str) -> Result<Vec<Reference>> {
    let mut stmt = c.prepare_cached(
        "SELECT m.name, f.\"from\",
                EXISTS (SELECT 1 FROM pragma_table_info(m.name) t WHERE t.name = 'updated_at')
         FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1
           AND NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) g
                           WHERE g.id = f.id AND g.seq > 0)
         ORDER BY m.name, f.id",
    )?;
    let rows = stmt.query_map([target], |r| {
        Ok(Reference {
            table: r.get(0)?,
            column: r.get(1)?,
            stamped: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Moves every reference to row `from` of `target` onto row `to`: each column of each
/// table whose foreign key points at `target`. A row whose move would repeat one `to`
/// already has (a unique key: both invited to the same session, both speaking on the
/// same item) is left as it is, and goes with `from` when `from` is deleted (the schema's
/// cascades). A moved row's `updated_at`, where it has one, becomes now.
pub(crate) fn move_all(
    c: &Connection,
    clock: &dyn Clock,
    target: &str,
    from: &str,
    to: &str,
) -> Result<()> {
    let now = stamp(clock);
    for r in references_to(c, target)? {
        let column = quoted(&r.column);
        let stamp = if r.stamped { ", updated_at = ?3" } else { "" };
        let sql = format!(
            "UPDATE OR IGNORE {} SET {column} = ?1{stamp} WHERE {column} = ?2",
            quoted(&r.table)
        );
        let mut stmt = c.prepare_cached(&sql)?;
        if r.stamped {
            stmt.execute(rusqlite::params![to, from, now])?;
        } else {
            stmt.execute(rusqlite::params![to, from])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        crate::store::schema::configure(&c).unwrap();
        c.execute_batch(
            "CREATE TABLE p (id TEXT PRIMARY KEY);
             CREATE TABLE q (id TEXT PRIMARY KEY);
             CREATE TABLE ref_one (a TEXT REFERENCES p(id) ON DELETE CASCADE, k TEXT,
                                   updated_at TEXT NOT NULL DEFAULT '', UNIQUE (a, k));
             CREATE TABLE ref_two (b TEXT REFERENCES p(id) ON DELETE SET NULL,
                                   c TEXT REFERENCES q(id));
             INSERT INTO p VALUES ('x'), ('y');
             INSERT INTO q VALUES ('x');
             INSERT INTO ref_one (a, k) VALUES ('x', 'same'), ('y', 'same'), ('x', 'own');
             INSERT INTO ref_two VALUES ('x', 'x');",
        )
        .unwrap();
        c
    }

    #[test]
    fn every_column_pointing_at_the_table_is_found_and_nothing_else() {
        let c = db();
        let found: Vec<(String, String, bool)> = references_to(&c, "p")
            .unwrap()
            .into_iter()
            .map(|r| (r.table, r.column, r.stamped))
            .collect();
        assert_eq!(
            found,
            [
                ("ref_one".into(), "a".into(), true),
                ("ref_two".into(), "b".into(), false)
            ]
        );
    }

    #[test]
    fn references_move_and_a_row_the_target_has_already_stays_behind() {
        let c = db();
        let clock = crate::clock::FixedClock("2026-01-02T03:04:05Z".parse().unwrap());
        move_all(&c, &clock, "p", "x", "y").unwrap();
        let rows = |sql: &str| -> Vec<String> {
            c.prepare(sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(
            rows("SELECT a || ':' || k || ':' || updated_at FROM ref_one ORDER BY a, k"),
            ["x:same:", "y:own:2026-01-02T03:04:05Z", "y:same:"]
        );
        assert_eq!(
            rows("SELECT b || c FROM ref_two"),
            ["yx"],
            "q's reference stays"
        );
        c.execute("DELETE FROM p WHERE id = 'x'", []).unwrap();
        assert_eq!(
            rows("SELECT a || ':' || k FROM ref_one ORDER BY a, k"),
            ["y:own", "y:same"]
        );
    }
}
