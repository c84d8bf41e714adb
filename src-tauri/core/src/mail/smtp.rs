//! The organizer's own SMTP account (kept in this machine's settings, the password in
//! the system's keychain) and the connection through it: lettre, one connection per
//! message, the server's answer read as refused / wrong password / unreachable.

use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::message;
use crate::error::{Error, InvalidReason, Result};
use crate::store::db::Db;
use crate::store::settings;
use crate::text::TextRule;
/// How the connection to the organizer's server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SmtpSecurity")]
pub enum Security {
    /// TLS from the first byte (port 465).
    Tls,
    /// STARTTLS (port 587).
    StartTls,
    /// No encryption: only to a server on this machine (a test server, a local relay).
    None,
}

/// The organizer's own account. The password is not here: the app keeps it in the
/// system's keychain and hands it over for the batch only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SmtpAccount {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The login; empty for a server that wants none.
    pub user: String,
    pub from: String,
    pub from_name: String,
}

/// The account as the Settings screen shows it: the password's place is the keychain,
/// which the app asks (the core never sees a saved password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailAccount {
    pub account: Option<SmtpAccount>,
    /// A password for it is in the keychain.
    pub password_saved: bool,
    /// Why the keychain cannot be used on this machine (None: it can).
    pub keychain_problem: Option<String>,
}

/// Where the account is kept: this machine's settings (never synced; the password is not
/// in it).
const ACCOUNT_KEY: &str = "smtp_account";

impl SmtpAccount {
    /// The account as it can be used: a host, a port, a sender's address; no plain
    /// connection to a server elsewhere (the password would cross the network in clear).
    pub fn checked(&self) -> Result<SmtpAccount> {
        let host = TextRule::REQUIRED_LINE.check(&self.host, "host")?;
        if host.contains(char::is_whitespace) || host.contains('/') {
            return Err(Error::invalid("host", InvalidReason::OutOfRange));
        }
        if self.port == 0 {
            return Err(Error::invalid("port", InvalidReason::OutOfRange));
        }
        if self.security == Security::None && !is_loopback(&host) {
            return Err(Error::invalid("security", InvalidReason::OutOfRange));
        }
        message::address(&self.from, "from")?;
        Ok(SmtpAccount {
            host,
            port: self.port,
            security: self.security,
            user: TextRule::LINE.check(&self.user, "user")?,
            from: self.from.trim().to_string(),
            from_name: message::one_line(&TextRule::LINE.check(&self.from_name, "fromName")?),
        })
    }
}

/// The account saved on this machine, if any.
pub fn account(db: &Db) -> Result<Option<SmtpAccount>> {
    match settings::stored(db, ACCOUNT_KEY)? {
        Some(json) => Ok(serde_json::from_str(&json).ok()),
        None => Ok(None),
    }
}

/// Checks and saves the account on this machine.
pub fn save_account(db: &Db, a: &SmtpAccount) -> Result<SmtpAccount> {
    let a = a.checked()?;
    let json = serde_json::to_string(&a).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    settings::store(db, ACCOUNT_KEY, &json)?;
    Ok(a)
}

/// Why one message did not go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The server refused it for this guest (an unknown mailbox, say): the batch goes on.
    Refused(String),
    /// The server did not take the login.
    WrongPassword(String),
    /// The server cannot be reached or went away: the batch stops, the rest waits.
    Unreachable(String),
}

/// Where messages go: the real server, or a test's stand-in.
pub trait Outbox {
    fn send(&mut self, message: &Message) -> std::result::Result<(), Failure>;
}

/// The organizer's server through lettre, one connection per message.
pub struct Smtp(SmtpTransport);

impl Smtp {
    pub fn new(account: &SmtpAccount, password: &str) -> Result<Smtp> {
        let host = account.host.trim();
        let tls = || {
            TlsParameters::new(host.to_string()).map_err(|e| {
                Error::Io(std::io::Error::other(format!(
                    "the mail server {host}: {e}"
                )))
            })
        };
        let builder = SmtpTransport::builder_dangerous(host).port(account.port);
        let builder = match account.security {
            Security::Tls => builder.tls(Tls::Wrapper(tls()?)),
            Security::StartTls => builder.tls(Tls::Required(tls()?)),
            Security::None if is_loopback(host) => builder.tls(Tls::None),
            Security::None => {
                return Err(Error::invalid(
                    "security",
                    crate::error::InvalidReason::OutOfRange,
                ))
            }
        };
        let builder = builder.timeout(Some(Duration::from_secs(30)));
        let builder = if account.user.is_empty() {
            builder
        } else {
            builder.credentials(Credentials::new(account.user.clone(), password.to_string()))
        };
        Ok(Smtp(builder.build()))
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Outbox for Smtp {
    fn send(&mut self, message: &Message) -> std::result::Result<(), Failure> {
        self.0.send(message).map(drop).map_err(|e| {
            let code = e.status().map(u16::from);
            let said = e.to_string();
            match code {
                Some(530 | 534 | 535 | 538) => Failure::WrongPassword(said),
                // "Service not available, closing": the server is going away.
                Some(421) => Failure::Unreachable(said),
                Some(_) if e.is_permanent() || e.is_transient() => Failure::Refused(said),
                _ => Failure::Unreachable(said),
            }
        })
    }
}
