//! The SMTP password in the system's keychain (the Secret Service on Linux — GNOME Keyring
//! or KWallet —, Keychain on macOS, Credential Manager on Windows), one entry per account
//! (user at host). It never goes into the database, a log or a backup. A machine without
//! a keychain service says why; the password is then asked for each batch and kept nowhere.

use club_core::mail::smtp::SmtpAccount;
use keyring::{Entry, Error};

/// The keychain's name for the app's entries.
const SERVICE: &str = "org.clubplanner.desktop";

fn entry(account: &SmtpAccount) -> Result<Entry, String> {
    let user = format!("smtp:{}@{}:{}", account.user, account.host, account.port);
    Entry::new(SERVICE, &user).map_err(describe)
}

/// Why the keychain could not do it, as its platform said.
fn describe(e: Error) -> String {
    match e {
        Error::NoStorageAccess(inner) | Error::PlatformFailure(inner) => inner.to_string(),
        other => other.to_string(),
    }
}

/// The saved password of `account`; None when none is saved.
pub fn password(account: &SmtpAccount) -> Result<Option<String>, String> {
    match entry(account)?.get_password() {
        Ok(p) => Ok(Some(p)),
        Err(Error::NoEntry) => Ok(None),
        Err(e) => Err(describe(e)),
    }
}

/// Keeps the password of `account` in the keychain (replacing an older one).
pub fn save(account: &SmtpAccount, password: &str) -> Result<(), String> {
    entry(account)?.set_password(password).map_err(describe)
}

/// Forgets the password of `account`; nothing saved is not an error.
pub fn forget(account: &SmtpAccount) -> Result<(), String> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(Error::NoEntry) => Ok(()),
        Err(e) => Err(describe(e)),
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Child, Command, Stdio};

    use club_core::mail::smtp::{Security, SmtpAccount};

    /// A session bus and GNOME Keyring of the test's own (unlocked with a throwaway
    /// password, its files in a temporary home): the real Secret Service, not a stand-in.
    struct SecretService {
        bus: Child,
        keyring: Child,
        _home: tempfile::TempDir,
    }

    impl SecretService {
        /// None only where the two programs are missing; any other failure fails the test.
        fn start() -> Option<SecretService> {
            let installed = |program: &str| {
                Command::new(program)
                    .arg("--version")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok()
            };
            if !installed("dbus-daemon") || !installed("gnome-keyring-daemon") {
                return None;
            }
            let home = tempfile::tempdir().unwrap();
            // A session bus without service activation: a call made before our keyring
            // owns its name would otherwise start the system's GNOME Keyring (its files in
            // the real home, no default keyring) in its place.
            let config = home.path().join("bus.conf");
            std::fs::write(
                &config,
                format!(
                    "<busconfig><type>session</type><keep_umask/>\
                     <listen>unix:dir={}</listen><auth>EXTERNAL</auth>\
                     <policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>\
                     <allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>",
                    home.path().display()
                ),
            )
            .unwrap();
            // A fresh keyring folder has no `default` alias, which a desktop session's has:
            // name the login keyring (which --unlock creates) the default, as a desktop does.
            let keyrings = home.path().join("data/keyrings");
            std::fs::create_dir_all(&keyrings).unwrap();
            std::fs::write(keyrings.join("default"), "login").unwrap();
            let mut bus = Command::new("dbus-daemon")
                .arg(format!("--config-file={}", config.display()))
                .args(["--nofork", "--print-address=1"])
                .stdout(Stdio::piped())
                .spawn()
                .expect("dbus-daemon starts");
            let mut address = String::new();
            let read = BufReader::new(bus.stdout.take().unwrap()).read_line(&mut address);
            if read.is_err() || address.trim().is_empty() {
                let _ = bus.kill();
                let _ = bus.wait();
                panic!("dbus-daemon printed no address");
            }
            // Only this test talks to a session bus in this process.
            std::env::set_var("DBUS_SESSION_BUS_ADDRESS", address.trim());
            let mut keyring = Command::new("gnome-keyring-daemon")
                .args(["--foreground", "--unlock", "--components=secrets"])
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_RUNTIME_DIR", home.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("gnome-keyring-daemon starts");
            let mut stdin = keyring.stdin.take().unwrap();
            let _ = stdin.write_all(b"throwaway");
            drop(stdin);
            // From here the two are stopped whatever happens.
            Some(SecretService {
                bus,
                keyring,
                _home: home,
            })
        }
    }

    impl Drop for SecretService {
        fn drop(&mut self) {
            for child in [&mut self.keyring, &mut self.bus] {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }

    fn account(user: &str) -> SmtpAccount {
        SmtpAccount {
            host: "smtp.example.org".into(),
            port: 465,
            security: Security::Tls,
            user: user.into(),
            from: "club@example.org".into(),
            from_name: "Клуб".into(),
        }
    }

    #[test]
    fn the_password_is_kept_in_the_secret_service_replaced_and_forgotten() {
        let Some(_service) = SecretService::start() else {
            eprintln!(
                "SKIPPED: no dbus-daemon or gnome-keyring-daemon on this machine \
                 (scripts/setup --test installs them)"
            );
            return;
        };
        let club = account("club");
        // The daemon takes a moment to own its name on the bus.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let first = loop {
            match super::save(&club, "пароль-1 密码") {
                Ok(()) => break Ok(()),
                Err(e) if std::time::Instant::now() < deadline => {
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                Err(e) => break Err(e),
            }
        };
        first.expect("the Secret Service keeps a password");
        assert_eq!(
            super::password(&club).unwrap().as_deref(),
            Some("пароль-1 密码")
        );
        // Another account's entry is its own.
        assert_eq!(super::password(&account("press")).unwrap(), None);
        super::save(&club, "second").unwrap();
        assert_eq!(super::password(&club).unwrap().as_deref(), Some("second"));
        super::forget(&club).unwrap();
        assert_eq!(super::password(&club).unwrap(), None);
        // Forgetting what is not there is not an error.
        super::forget(&club).unwrap();
    }
}
