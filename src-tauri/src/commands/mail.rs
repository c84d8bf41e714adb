//! Invitations out from the window: the account (its password in the system's keychain),
//! a test message, a batch sent off the UI thread with its progress as `mail-progress`
//! events and a stop, or the messages saved as .eml files in a folder the user picks.

use std::sync::atomic::Ordering;

use club_core::documents::DocumentOptions;
use club_core::mail::send::{self, Batch, BatchReport};
use club_core::mail::smtp::{self, Failure, MailAccount, Smtp, SmtpAccount};
use club_core::mail::MailKind;
use club_core::ApiError;
use tauri::{AppHandle, Emitter};

use super::Reply;
use crate::keychain;
use crate::state::AppState;

pub fn account(state: &AppState) -> Reply<MailAccount> {
    let account = smtp::account(state.db()?)?;
    let (password_saved, keychain_problem) = match &account {
        Some(a) => match keychain::password(a) {
            Ok(p) => (p.is_some(), None),
            Err(why) => (false, Some(why)),
        },
        None => (false, None),
    };
    Ok(MailAccount {
        account,
        password_saved,
        keychain_problem,
    })
}

/// Saves the account; a password given goes to the keychain, an empty one is forgotten,
/// none keeps the saved one (moved to the new entry when the login, host or port changed).
/// The keychain is written first: a keychain that fails leaves the account as it was.
pub fn save_account(
    state: &AppState,
    account: &SmtpAccount,
    password: Option<&str>,
) -> Reply<MailAccount> {
    let db = state.db()?;
    let before = smtp::account(db)?;
    let next = account.checked()?;
    let moved = before
        .as_ref()
        .filter(|old| keychain_user(old) != keychain_user(&next));
    match password {
        Some("") => keychain::forget(&next).map_err(keychain_error)?,
        Some(p) => keychain::save(&next, p).map_err(keychain_error)?,
        None => {
            if let Some(old) = moved {
                if let Ok(Some(kept)) = keychain::password(old) {
                    keychain::save(&next, &kept).map_err(keychain_error)?;
                }
            }
        }
    }
    smtp::save_account(db, &next)?;
    if let Some(old) = moved {
        let _ = keychain::forget(old);
    }
    self::account(state)
}

fn keychain_user(a: &SmtpAccount) -> (String, String, u16) {
    (a.user.clone(), a.host.clone(), a.port)
}

fn keychain_error(why: String) -> ApiError {
    ApiError {
        code: club_core::ErrorCode::Keychain,
        message: why,
        field: Some("password".into()),
        reason: None,
    }
}

/// The account and its password: the one typed for this batch, else the keychain's.
fn ready(state: &AppState, typed: Option<&str>) -> Reply<(SmtpAccount, String)> {
    let account = smtp::account(state.db()?)?.ok_or_else(no_account)?;
    let password = match typed.filter(|p| !p.is_empty()) {
        Some(p) => p.to_string(),
        None if account.user.is_empty() => String::new(),
        None => keychain::password(&account)
            .map_err(keychain_error)?
            .ok_or_else(|| keychain_error(String::new()))?,
    };
    Ok((account, password))
}

fn no_account() -> ApiError {
    ApiError {
        code: club_core::ErrorCode::Invalid,
        message: "no mail account is set up".into(),
        field: Some("host".into()),
        reason: Some(club_core::InvalidReason::Required),
    }
}

/// Why a message did not go, for the window.
fn failure(f: Failure) -> ApiError {
    let (code, message) = match f {
        Failure::Refused(m) => (club_core::ErrorCode::MailRefused, m),
        Failure::WrongPassword(m) => (club_core::ErrorCode::MailLogin, m),
        Failure::Unreachable(m) => (club_core::ErrorCode::MailUnreachable, m),
    };
    ApiError {
        code,
        message,
        field: None,
        reason: None,
    }
}

/// A message to the organizer's own address through the account.
pub fn test(state: &AppState, password: Option<&str>) -> Reply<()> {
    let (account, password) = ready(state, password)?;
    let mut smtp = Smtp::new(&account, &password)?;
    send::test_message(&account, &mut smtp).map_err(failure)
}

/// Sends the batch, one guest at a time, telling the window of each as `mail-progress`.
/// One batch at a time; `stop` ends it after the guest being sent to.
#[allow(clippy::too_many_arguments)]
pub fn send_batch(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    kind: MailKind,
    options: DocumentOptions,
    reply_by: Option<String>,
    again: Vec<String>,
    password: Option<&str>,
) -> Reply<BatchReport> {
    // One batch at a time; the stop is cleared before anything slow (the keychain may ask
    // to be unlocked), so a Stop clicked meanwhile is kept.
    let _running = Running::claim(state)?;
    let (account, password) = ready(state, password)?;
    let mut smtp = Smtp::new(&account, &password)?;
    let batch = Batch {
        kind,
        options,
        reply_by,
        again,
    };
    let report = send::send(
        state.db()?,
        &state.clock,
        state.fonts()?,
        session_id,
        &batch,
        &account,
        &mut smtp,
        &state.mail_stop,
        &mut |p| {
            let _ = app.emit("mail-progress", p);
        },
    )?;
    Ok(report)
}

/// The one batch running: claimed with its stop cleared, let go however it ends (an error,
/// a panic), so that a later batch can start.
struct Running<'a>(&'a AppState);

impl<'a> Running<'a> {
    fn claim(state: &'a AppState) -> Reply<Running<'a>> {
        if state.mail_running.swap(true, Ordering::SeqCst) {
            return Err(ApiError {
                code: club_core::ErrorCode::Busy,
                message: "a batch is being sent already".into(),
                field: None,
                reason: None,
            });
        }
        state.mail_stop.store(false, Ordering::SeqCst);
        Ok(Running(state))
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.mail_running.store(false, Ordering::SeqCst);
    }
}

/// The batch's messages as .eml files in a folder the user picks; None when cancelled.
pub fn save_eml(
    app: &AppHandle,
    state: &AppState,
    session_id: &str,
    kind: MailKind,
    options: DocumentOptions,
    reply_by: Option<String>,
) -> Reply<Option<u32>> {
    // Not beside a batch: a guest being e-mailed would be given a file too.
    let _running = Running::claim(state)?;
    let account = smtp::account(state.db()?)?.ok_or_else(no_account)?;
    let Some(dir) = super::pick_folder(app) else {
        return Ok(None);
    };
    let batch = Batch {
        kind,
        options,
        reply_by,
        again: Vec::new(),
    };
    let written = send::save_eml(
        state.db()?,
        &state.clock,
        state.fonts()?,
        session_id,
        &batch,
        &account,
        &dir,
    )?;
    Ok(Some(written.len() as u32))
}
