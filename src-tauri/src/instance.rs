//! One app per database. The first instance holds an exclusive lock on `<database>.lock`
//! (released by the OS however the process ends) and listens on a localhost port written
//! to `<database>.port`; a second instance on the same database asks the first to come
//! to the front and exits, so the database is never opened twice by the app.
//! Databases of their own (CLUB_PLANNER_DB) run side by side.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const FOCUS: &str = "focus";

/// The held lock; taken away before a restart so the new process can take it.
static LOCK: Mutex<Option<File>> = Mutex::new(None);

pub enum Acquired {
    /// This is the first instance; the listener hears later ones.
    First(TcpListener),
    /// Another instance has the database; it was asked to come forward.
    Other,
}

fn beside(db_path: &Path, suffix: &str) -> PathBuf {
    let mut p = db_path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

pub fn acquire(db_path: &Path) -> std::io::Result<Acquired> {
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(beside(db_path, ".lock"))?;
    // A first instance that does not answer is on its way out (closed a moment ago): its
    // lock goes with it, so wait for that rather than leave the user with no window.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        match file.try_lock() {
            Ok(()) => {
                let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
                let port = listener.local_addr()?.port();
                club_core::paths::write_atomically(
                    &beside(db_path, ".port"),
                    port.to_string().as_bytes(),
                )
                .map_err(std::io::Error::other)?;
                *LOCK.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
                return Ok(Acquired::First(listener));
            }
            Err(TryLockError::WouldBlock) => {
                if ask_to_come_forward(db_path) || Instant::now() >= deadline {
                    return Ok(Acquired::Other);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// Asks the instance holding the database to bring its window forward; false when none
/// answers on its port.
fn ask_to_come_forward(db_path: &Path) -> bool {
    let Some(port) = std::fs::read_to_string(beside(db_path, ".port"))
        .ok()
        .and_then(|p| p.trim().parse::<u16>().ok())
    else {
        return false;
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
        Ok(mut s) => writeln!(s, "{FOCUS}").is_ok(),
        Err(_) => false,
    }
}

/// Calls `focus` whenever a later instance starts on the same database.
pub fn listen(listener: TcpListener, focus: impl Fn() + Send + 'static) {
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut line = String::new();
            if BufReader::new(stream).read_line(&mut line).is_ok() && line.trim() == FOCUS {
                focus();
            }
        }
    });
}

/// Lets go of the database before the app restarts itself, or as it ends (so an app
/// opened again at once does not find it still held).
pub fn release() {
    if let Some(f) = LOCK.lock().unwrap_or_else(|p| p.into_inner()).take() {
        let _ = f.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The held lock is one per process: these tests take turns.
    static SERIAL: Mutex<()> = Mutex::new(());

    #[test]
    fn a_second_instance_on_the_same_database_asks_the_first_and_steps_back() {
        let _turn = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("club.sqlite3");
        let Acquired::First(listener) = acquire(&db).unwrap() else {
            panic!("the first instance gets the database");
        };
        let (tx, rx) = std::sync::mpsc::channel();
        listen(listener, move || tx.send(()).unwrap());
        // The lock is per open file description, so a second open in this process is
        // refused just as another process would be.
        assert!(matches!(acquire(&db).unwrap(), Acquired::Other));
        rx.recv_timeout(Duration::from_secs(5))
            .expect("the first instance was asked to come forward");
        let other = dir.path().join("other.sqlite3");
        assert!(
            matches!(acquire(&other).unwrap(), Acquired::First(_)),
            "another database runs beside it"
        );
        release();
    }

    #[test]
    fn an_instance_started_while_the_first_is_closing_waits_for_it_and_opens() {
        let _turn = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("club.sqlite3");
        // The first instance: holds the lock, no longer answers on its port.
        let held = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(beside(&db, ".lock"))
            .unwrap();
        held.try_lock().unwrap();
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        std::fs::write(beside(&db, ".port"), port.to_string()).unwrap();
        let closing = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(400));
            drop(held);
        });
        assert!(
            matches!(acquire(&db).unwrap(), Acquired::First(_)),
            "the second start opens the window once the first is gone"
        );
        closing.join().unwrap();
        release();
    }
}
