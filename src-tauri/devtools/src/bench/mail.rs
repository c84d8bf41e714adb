//! E-mail: 300 invitations sent through a real SMTP server on the loopback (the mail
//! tests' aiosmtpd fixture), each with its letter PDF and the session's ICS, while a
//! second thread keeps asking what the window asks (the session, its invitee list):
//! the batch's time, and how long the window waits meanwhile.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::{bail, Context};

use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentOptions};
use club_core::mail::send::{self, Batch};
use club_core::mail::smtp::{Security, Smtp, SmtpAccount};
use club_core::mail::MailKind;
use club_core::planning::invitations;
use club_core::planning::sessions;
use club_core::{Db, Lang, SystemClock};

use super::{ipc, measure, percentiles, row, Row};

const GUESTS: usize = 300;

/// The fixture server, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_server(out: &Path) -> anyhow::Result<(Server, u16)> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/mail/smtp_server.py"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut child = Command::new("/usr/bin/python3")
        .arg(script)
        .args(["--port", &port.to_string(), "--out"])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context(
            "/usr/bin/python3 for the SMTP server (scripts/setup --test installs python3-aiosmtpd)",
        )?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("the server's output")?).read_line(&mut line)?;
    let server = Server(child);
    if line.trim() != "ready" {
        bail!("the SMTP server did not start (is python3-aiosmtpd installed?)");
    }
    Ok((server, port))
}

pub fn rows(db: &Db, clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let fonts = Fonts::load(&Fonts::default_dir())?;
    let people: Vec<String> = club_core::people::list(db)?
        .into_iter()
        .filter(|p| !p.email.is_empty())
        .take(GUESTS)
        .map(|p| p.id)
        .collect();
    let session = super::session_with(db, clock, "Заседание для замера рассылки", &people)?;

    // What the window waits for these reads when nothing is being sent, to compare.
    let read = || -> anyhow::Result<()> {
        ipc(sessions::get(db, clock, &session.id)?)?;
        ipc(invitations::list(db, &session.id)?)
    };
    let (idle_p50, idle_p99) = measure(100, |_| read())?;

    let scratch = tempfile::tempdir()?;
    let (_server, port) = start_server(scratch.path())?;
    let account = SmtpAccount {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: String::new(),
        from: "secretariat@example.org".into(),
        from_name: "Клуб друзей Казахстана".into(),
    };
    let batch = Batch {
        kind: MailKind::Invitation,
        options: DocumentOptions {
            langs: vec![Lang::Ru],
            layout: documents::Layout::Side,
            paper: documents::Paper::A4,
        },
        reply_by: Some("2099-06-01".into()),
        again: Vec::new(),
    };
    let stop = AtomicBool::new(false);
    let done = AtomicBool::new(false);
    let mut waits = Vec::new();
    let t = Instant::now();
    let report = std::thread::scope(|s| {
        let window = s.spawn(|| -> anyhow::Result<Vec<f64>> {
            let mut waits = Vec::new();
            while !done.load(Ordering::SeqCst) {
                let t = Instant::now();
                read()?;
                waits.push(t.elapsed().as_secs_f64() * 1000.0);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Ok(waits)
        });
        let mut smtp = Smtp::new(&account, "")?;
        let report = send::send(
            db,
            clock,
            &fonts,
            &session.id,
            &batch,
            &account,
            &mut smtp,
            &stop,
            &mut |_| {},
        );
        done.store(true, Ordering::SeqCst);
        waits = window.join().expect("the window thread")?;
        report.map_err(anyhow::Error::from)
    })?;
    let seconds = t.elapsed().as_secs_f64();
    let received = std::fs::read_dir(scratch.path())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .count();
    if report.sent as usize != people.len() || received != people.len() {
        bail!(
            "{} guests, {} sent, {} received: {:?}",
            people.len(),
            report.sent,
            received,
            report
        );
    }
    rows.push(row(
        "mail",
        "invitations e-mailed to the loopback",
        seconds * 1000.0,
        None,
        "ms",
        "< 30 s for 300",
        format!("{received} messages received, each with its letter PDF and the ICS"),
    ));
    let samples = waits.len();
    let (p50, p99) = percentiles(&mut waits);
    rows.push(row(
        "mail",
        "the window's reads, nothing sent",
        idle_p50,
        Some(idle_p99),
        "ms",
        "",
        format!(
            "the session + its {} invitees, as the Mail tab reads them",
            people.len()
        ),
    ));
    rows.push(row(
        "mail",
        "the same reads during the batch",
        p50,
        Some(p99),
        "ms",
        "< 100 ms p99 (responsive)",
        format!("{samples} reads while sending, one every 20 ms"),
    ));
    Ok(())
}
