//! `clubctl mail`: invitations and reminders by e-mail (club-core's `mail`) — who gets
//! what, the messages saved as .eml files, or sent through the organizer's SMTP account.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Context;
use clap::{Args, Subcommand};
use club_core::documents::{DocumentOptions, Layout, Paper};
use club_core::mail::send::{self, Batch, StopReason};
use club_core::mail::smtp::{Security, Smtp, SmtpAccount};
use club_core::mail::MailKind;
use club_core::planning::invitations;

use crate::planning::invitations::invitee;
use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Subcommand)]
pub enum MailCommand {
    /// Who gets the message, and what went to each guest so far
    Status(Which),
    /// Write each guest's message as an .eml file (Outlook and Thunderbird open them)
    Eml {
        #[command(flatten)]
        which: Which,
        #[command(flatten)]
        from: Sender,
        /// The folder to write the files in
        #[arg(long)]
        dir: PathBuf,
    },
    /// Send through an SMTP account, one guest at a time; a second run sends only to
    /// whom nothing went. The password is read from CLUB_SMTP_PASSWORD.
    Send {
        #[command(flatten)]
        which: Which,
        #[command(flatten)]
        from: Sender,
        /// The SMTP server
        #[arg(long)]
        host: String,
        /// Its port (465 with --security tls, 587 with starttls)
        #[arg(long, default_value_t = 587)]
        port: u16,
        /// tls | starttls | none (none: only to a server on this machine)
        #[arg(long, default_value = "starttls")]
        security: String,
        /// The login (none when omitted)
        #[arg(long, default_value = "")]
        user: String,
        /// Send again to this guest although they had it (repeat for more)
        #[arg(long)]
        again: Vec<String>,
    },
}

#[derive(Args)]
pub struct Which {
    /// Session id or number
    session: String,
    /// Reminders to who has not answered, instead of the invitations
    #[arg(long)]
    reminder: bool,
    /// The date to answer by, YYYY-MM-DD (default: a week before the session)
    #[arg(long)]
    reply_by: Option<String>,
}

#[derive(Args)]
pub struct Sender {
    /// The sender's address
    #[arg(long)]
    from: String,
    /// The sender's name
    #[arg(long, default_value = "")]
    from_name: String,
}

fn batch(w: &Which) -> Batch {
    Batch {
        kind: if w.reminder {
            MailKind::Reminder
        } else {
            MailKind::Invitation
        },
        options: DocumentOptions {
            langs: vec![club_core::Lang::Ru],
            layout: Layout::Side,
            paper: Paper::A4,
        },
        reply_by: w.reply_by.clone(),
        again: Vec::new(),
    }
}

pub fn run(ctl: Ctl, cmd: MailCommand) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let fonts = || {
        club_core::documents::fonts::Fonts::load(&club_core::documents::fonts::Fonts::default_dir())
    };
    match cmd {
        MailCommand::Status(w) => {
            let s = resolve(db, clock, &w.session)?;
            let list = send::recipients(db, &s.id, batch(&w).kind)?;
            out.data(&list, || {
                list.iter()
                    .map(|r| {
                        let state = match (&r.problem, &r.last) {
                            (Some(p), _) => p.clone(),
                            (None, Some(l)) => {
                                format!("{} {} {}", l.outcome.code(), l.at, l.detail)
                            }
                            (None, None) => "not yet".into(),
                        };
                        format!("{:<32} {:<28} {state}", r.name.best(lang), r.address)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        MailCommand::Eml { which, from, dir } => {
            let s = resolve(db, clock, &which.session)?;
            let account = SmtpAccount {
                host: String::new(),
                port: 0,
                security: Security::None,
                user: String::new(),
                from: from.from,
                from_name: from.from_name,
            };
            let files =
                send::save_eml(db, clock, &fonts()?, &s.id, &batch(&which), &account, &dir)?;
            out.message(
                serde_json::json!({ "written": files }),
                &format!("{} messages written in {}", files.len(), dir.display()),
            )
        }
        MailCommand::Send {
            which,
            from,
            host,
            port,
            security,
            user,
            again,
        } => {
            let s = resolve(db, clock, &which.session)?;
            let account = SmtpAccount {
                host,
                port,
                security: match security.as_str() {
                    "tls" => Security::Tls,
                    "starttls" => Security::StartTls,
                    "none" => Security::None,
                    other => anyhow::bail!("--security {other:?}: tls, starttls or none"),
                },
                user,
                from: from.from,
                from_name: from.from_name,
            };
            let password = std::env::var("CLUB_SMTP_PASSWORD").unwrap_or_default();
            let mut b = batch(&which);
            let list = invitations::list(db, &s.id)?;
            for who in &again {
                b.again.push(invitee(&list, db, who)?.id.clone());
            }
            let mut smtp = Smtp::new(&account, &password).context("the SMTP account")?;
            let report = send::send(
                db,
                clock,
                &fonts()?,
                &s.id,
                &b,
                &account,
                &mut smtp,
                &AtomicBool::new(false),
                &mut |p| eprintln!("{}/{} {} {}", p.done, p.total, p.outcome.code(), p.detail),
            )?;
            let text = format!(
                "sent {}, refused {}, not sent again {}{}",
                report.sent,
                report.refused.len(),
                report.skipped,
                match (report.stop_reason, &report.stopped) {
                    (Some(StopReason::Stopped), _) => "; stopped".to_string(),
                    (Some(StopReason::WrongPassword), w) => format!(
                        "; stopped: the server did not take the login: {}",
                        w.as_deref().unwrap_or("")
                    ),
                    (Some(StopReason::Unreachable), w) => format!(
                        "; stopped: the server went away: {}",
                        w.as_deref().unwrap_or("")
                    ),
                    (None, _) => String::new(),
                }
            );
            out.data(&report, || text.clone())?;
            if report.stopped.is_some() {
                anyhow::bail!("the batch stopped before the end; run it again to send the rest");
            }
            Ok(())
        }
    }
}
