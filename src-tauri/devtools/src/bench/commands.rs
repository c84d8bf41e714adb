//! The commands as the app calls them (the result serialised as for the IPC).

use anyhow::Context;

use club_core::planning::agenda;
use club_core::planning::invitations;
use club_core::planning::sessions::{self, Session};
use club_core::{minutes, people, Db, Lang, SystemClock};

use super::{ipc, measure, row, Row};

const BUDGET: &str = "< 5 ms p99";

/// Reading and saving in the biggest session open for editing, and the directory.
pub fn rows(
    db: &Db,
    clock: &SystemClock,
    biggest: &Session,
    sessions_in_archive: usize,
    n: usize,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let (p50, p99) = measure(n, |_| ipc(sessions::list(db, clock)?))?;
    rows.push(row(
        "command",
        "list sessions",
        p50,
        Some(p99),
        "ms",
        BUDGET,
        format!("{sessions_in_archive} sessions"),
    ));
    let (p50, p99) = measure(n, |_| {
        ipc(sessions::get(db, clock, &biggest.id)?)?;
        ipc(agenda::get(db, &biggest.id)?)?;
        ipc(invitations::list(db, &biggest.id)?)?;
        ipc(minutes::get(db, &biggest.id)?)
    })?;
    let m = minutes::get(db, &biggest.id)?;
    let list = invitations::list(db, &biggest.id)?;
    rows.push(row(
        "command",
        "open a session (session, agenda, invitees, minutes)",
        p50,
        Some(p99),
        "ms",
        BUDGET,
        format!(
            "no. {}: {} invitees, {} minutes items",
            biggest.number.unwrap_or(0),
            list.invitees.len(),
            m.items.len()
        ),
    ));
    save_rows(db, clock, biggest, &m, n, rows)?;
    check_in_row(db, clock, &list, n, rows)?;
    let everyone = people::list(db)?.len();
    let (p50, p99) = measure(n.min(100), |_| ipc(people::list(db)?))?;
    rows.push(row(
        "command",
        "list people (the directory)",
        p50,
        Some(p99),
        "ms",
        "—",
        format!("{everyone} people; the People screen's list"),
    ));
    // A search as the People screen sends it, for one person (by the e-mail the
    // generator gives the last one).
    let query = format!("person{}@", everyone.saturating_sub(1));
    let found = people::search(db, &query)?.len();
    let (p50, p99) = measure(n.min(100), |_| ipc(people::search(db, &query)?))?;
    rows.push(row(
        "command",
        "search the directory (one found)",
        p50,
        Some(p99),
        "ms",
        "—",
        format!("{everyone} people searched for \"{query}\": {found} found"),
    ));
    Ok(())
}

/// Saving an agenda item and a minutes paragraph: one transaction each.
fn save_rows(
    db: &Db,
    clock: &SystemClock,
    session: &Session,
    m: &minutes::Minutes,
    n: usize,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let items = agenda::get(db, &session.id)?.items;
    let item = items
        .iter()
        .find(|i| i.kind == agenda::ItemKind::Discussion)
        .unwrap_or(&items[0])
        .clone();
    let (p50, p99) = measure(n, |i| {
        let mut input = agenda::AgendaItemInput::from(&item);
        input.duration_min = (20 + i % 10).to_string();
        ipc(agenda::update(db, clock, &item.id, &input)?)
    })?;
    rows.push(row(
        "command",
        "save an agenda item",
        p50,
        Some(p99),
        "ms",
        BUDGET,
        "one transaction, synchronous=FULL".into(),
    ));
    let target = m
        .items
        .iter()
        .find(|x| !x.notes.is_empty())
        .context("minutes without notes")?
        .clone();
    let (p50, p99) = measure(n, |i| {
        let mut notes = target.notes.clone();
        let ru = notes.get(Lang::Ru).unwrap_or_default().to_string();
        notes = notes.with(Lang::Ru, &format!("{ru}\n\nПравка {i}."));
        ipc(minutes::set_item(
            db,
            clock,
            &target.agenda_item_id,
            &notes,
            &target.key_points,
        )?)
    })?;
    rows.push(row(
        "command",
        "save a minutes paragraph",
        p50,
        Some(p99),
        "ms",
        BUDGET,
        format!(
            "an item of {} characters, search index updated",
            target
                .notes
                .get(Lang::Ru)
                .unwrap_or_default()
                .chars()
                .count()
        ),
    ));
    Ok(())
}

fn check_in_row(
    db: &Db,
    clock: &SystemClock,
    list: &invitations::InviteeList,
    n: usize,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let invitee = list
        .invitees
        .iter()
        .find(|i| i.attendance.is_none())
        .or(list.invitees.first())
        .context("no invitees")?
        .clone();
    let (p50, p99) = measure(n, |i| {
        if i % 2 == 0 {
            ipc(invitations::check_in(db, clock, &invitee.id)?)
        } else {
            ipc(invitations::undo_check_in(db, clock, &invitee.id)?)
        }
    })?;
    rows.push(row(
        "command",
        "check in a person (and undo)",
        p50,
        Some(p99),
        "ms",
        BUDGET,
        format!("list of {} returned", list.invitees.len()),
    ));
    Ok(())
}
