//! Sync in the background (docs/SYNC.md): while this database is in a team, one thread
//! pushes what waits as soon as it is written, another holds a long poll on the hub and
//! takes in what the others did. Whenever something arrives or the state changes, the
//! window hears "sync-changed" and refreshes what it shows — the check-in list at the
//! door among it.

use std::time::Duration;

use club_core::sync::client as local;
use club_hub::client::{self, Failure};
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// How long the hub may hold a pull open.
const LONG_POLL: Duration = Duration::from_secs(25);

pub fn start(app: &AppHandle) {
    let pusher = app.clone();
    std::thread::spawn(move || loop {
        let pause = push_round(&pusher);
        std::thread::sleep(pause);
    });
    let puller = app.clone();
    std::thread::spawn(move || loop {
        let pause = pull_round(&puller);
        std::thread::sleep(pause);
    });
}

fn changed(app: &AppHandle) {
    let _ = app.emit("sync-changed", ());
}

/// Notes the outcome for the indicator; tells the window when the message changed.
fn note(app: &AppHandle, state: &AppState, error: Option<String>) {
    let Ok(db) = state.db() else { return };
    let before = local::status(db).ok().and_then(|s| s.last_error);
    let _ = local::note_exchange(db, &state.clock, error.is_none(), error.as_deref());
    if before != error {
        changed(app);
    }
}

fn message(e: &Failure) -> String {
    e.to_string()
}

/// Pushes what waits; the pause before the next look.
fn push_round(app: &AppHandle) -> Duration {
    let state = app.state::<AppState>();
    let Ok(db) = state.db() else {
        return Duration::from_secs(5);
    };
    let waiting = match local::status(db) {
        Ok(s) if s.member.is_some() => s.waiting,
        _ => return Duration::from_secs(1),
    };
    if waiting == 0 {
        return Duration::from_millis(250);
    }
    let outcome = client::connect(db).and_then(|hub| {
        let pushed = client::push_with(db, &hub)?;
        // Acknowledge at once, so the indicator shows nothing waiting.
        client::pull_with(db, &hub, Duration::ZERO)?;
        Ok(pushed)
    });
    match outcome {
        Ok(r) => {
            let refusal = r
                .refusal
                .map(|why| format!("the hub refused a change, undone here: {why}"));
            note(app, &state, refusal);
            changed(app);
            Duration::from_millis(250)
        }
        Err(e) => {
            note(app, &state, Some(message(&e)));
            Duration::from_secs(5)
        }
    }
}

/// Waits on the hub for the others' changes; the pause before the next wait.
fn pull_round(app: &AppHandle) -> Duration {
    let state = app.state::<AppState>();
    let Ok(db) = state.db() else {
        return Duration::from_secs(5);
    };
    match local::credentials(db) {
        Ok(Some(_)) => {}
        _ => return Duration::from_secs(1),
    }
    match client::connect(db).and_then(|hub| client::pull_with(db, &hub, LONG_POLL)) {
        Ok(got) => {
            note(app, &state, None);
            if got.applied > 0 {
                changed(app);
            }
            Duration::ZERO
        }
        Err(e) => {
            note(app, &state, Some(message(&e)));
            Duration::from_secs(5)
        }
    }
}

/// Joins the hub at `address` with `code`: its data is downloaded beside this database
/// and then replaces it (the data held until now is kept as a backup first).
pub fn join(
    state: &AppState,
    address: &str,
    code: &str,
) -> Result<local::SyncStatus, club_core::ApiError> {
    let db = state.db()?;
    if local::status(db)?.member.is_some() {
        return Err(club_core::Error::Sync("this database is in a team already".into()).into());
    }
    let joining = db.path().with_extension("joining.sqlite3");
    for leftover in [
        &joining,
        &joining.with_extension("sqlite3-wal"),
        &joining.with_extension("sqlite3-shm"),
    ] {
        let _ = std::fs::remove_file(leftover);
    }
    // The hub client drives a runtime of its own, which cannot start on a thread of
    // Tauri's (commands run on its async runtime's blocking pool; block_on there panics
    // and the window would wait for ever): the download gets a thread of its own.
    let downloaded = std::thread::scope(|scope| {
        scope
            .spawn(|| client::join(&joining, &state.clock, address, code).map(drop))
            .join()
            .unwrap_or_else(|_| Err(Failure::Hub("joining stopped unexpectedly".into())))
    });
    let result = downloaded
        .map_err(|e| club_core::ApiError::internal(e.to_string()))
        .and_then(|()| db.restore(&state.clock, &joining).map_err(Into::into));
    let _ = std::fs::remove_file(&joining);
    result?;
    Ok(local::summary(db)?)
}
