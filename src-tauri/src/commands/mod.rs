//! Every IPC command, declared once: one line per command over club-core, grouped by the
//! core's folders. `declare::commands!` makes each a Tauri command (run off the UI
//! thread), the handler, and the TypeScript map in ui/src/api/commands.ts. The few that
//! need the desktop (dialogs, the menu, the window) call into the files beside this one.

mod app;
mod attachments;
mod declare;
mod documents;
mod exchange;
mod mail;
mod store;

use std::collections::HashMap;

use club_core::attachments::{self as files, Attachment, AttachmentPatch, Photo};
use club_core::documents::press_doc::{self, PressFormat};
use club_core::documents::{DocumentKind, DocumentOptions, DocumentWarning, Format};
use club_core::exchange::import::{self, ImportReport, ImportRequest};
use club_core::mail::send::{self as mail_send, BatchReport, GuestText, Recipient};
use club_core::mail::smtp::{MailAccount, SmtpAccount};
use club_core::mail::{self as mail_templates, MailKind, MailTemplate};
use club_core::minutes::changes::{self, Change};
use club_core::minutes::followups::{self, FollowUp, FollowUpInput};
use club_core::minutes::press::{self, PressNote, PressRevision};
use club_core::minutes::revisions::{self, Revision};
use club_core::minutes::{self, Minutes};
use club_core::people::duplicates::{self, Duplicate};
use club_core::people::organisations::{self, Organisation, PrecedenceCategory};
use club_core::people::{self, Person, PersonInput};
use club_core::planning::agenda::{self, Agenda, AgendaItemInput, Removal, RemovedItem};
use club_core::planning::invitations::{self, InvitationPatch, InviteeList};
use club_core::planning::rsvp::{AttendanceStatus, InviteeRole};
use club_core::planning::seating::{SeatingRule, TableShape};
use club_core::planning::seating_plan::{self, SeatingPlan};
use club_core::planning::sessions::{self, Session, SessionInput};
use club_core::planning::stats::{self, Stats};
use club_core::planning::templates::{self, StartOptions, Template};
use club_core::planning::themes::{self, Theme, ThemeRef};
use club_core::planning::workflow::{self, Readiness};
use club_core::sample::demo;
use club_core::status::AppStatus;
use club_core::store::backup::{self, Backup};
use club_core::store::search::{self, Found};
use club_core::store::settings::{self, Settings, SettingsPatch};
use club_core::sync::client::{self as sync_client, SyncStatus};
use club_core::sync::conflicts::{self, Conflict, Resolution};
use club_core::{Lang, Text};

use declare::commands;

/// What every command returns to the UI.
pub type Reply<T> = Result<T, club_core::ApiError>;

fn done<T>(value: T) -> Reply<T> {
    Ok(value)
}

commands! {
    // app: the window and the shell itself
    app_status() -> AppStatus = |s| done(s.status());
    /// The UI's first screen shows its data: noted in CLUB_PLANNER_READY_FILE when set.
    app_ready(screen: String) -> () = |_s| done(club_core::status::mark_ready(&screen));
    /// The native menu in the interface language: the UI sends every label (id → text).
    menu_set(labels: HashMap<String, String>) -> () = |_s, app| app::set_menu(app, &labels);
    /// The UI says whether a form holds unsaved work; while it does, closing the window asks.
    unsaved_set(dirty: bool) -> () = |s| done(s.unsaved.store(dirty, std::sync::atomic::Ordering::SeqCst));
    /// Closes the window once the user agreed to drop unsaved work (or had none).
    app_close() -> () = |s, app| done(app::close(app, s));
    /// Opens the database that did not open at start, once its cause is mended (a full
    /// disk freed, a drive back): no restart needed.
    app_reopen() -> () = |s| s.reopen();
    /// Checks the database again after a storage fault and takes writes again when it
    /// passes; still failing: the fault, with its place.
    storage_check() -> () = |s| s.db()?.recheck();
    /// The backup at the first start the daily backup failed was said: not again.
    backup_failure_seen() -> () = |s| done(s.backup_failure_seen());

    // sync: the team, the indicator, the conflict register (docs/SYNC.md)
    sync_status() -> SyncStatus = |s| sync_client::summary(s.db()?);
    /// Joins a hub with the code its administrator gave: the hub's data replaces this
    /// database's (which is backed up first).
    sync_join(address: String, code: String) -> SyncStatus = |s| crate::sync::join(s, &address, &code);
    conflicts_list(include_resolved: bool) -> Vec<Conflict> = |s| conflicts::list(s.db()?, include_resolved);
    conflict_resolve(id: String, choice: Resolution) -> () = |s| conflicts::resolve(s.db()?, &s.clock, &id, choice);

    // store: backups, settings, the archive search
    backups_list() -> Vec<Backup> = |s| backup::list(store::db_path(s)?);
    /// Since when the daily backup has failed (RFC 3339), while it does; the Backups panel
    /// says so after the one-time banner was dismissed.
    backups_daily_failing() -> Option<String> = |s| done(backup::daily_failing_since(store::db_path(s)?));
    backup_now() -> Backup = |s| backup::take(s.db()?.path(), &s.clock, backup::BackupReason::Manual);
    /// Restores the backup at `path`, or one picked in the system's dialog when `path` is
    /// None (false when the dialog was cancelled).
    backup_restore(path: Option<String>) -> bool = |s, app| store::restore(app, s, path);
    settings_get() -> Settings = |s| settings::get(s.db()?);
    settings_update(patch: SettingsPatch) -> Settings = |s| settings::update(s.db()?, &patch);
    /// The picture of the signature under the personal letters, as a data: URL.
    letters_signature() -> Option<String> = |s| club_core::documents::signature::data_url(s.db()?);
    /// Takes the signature's picture from `path` or the system's dialog; false: cancelled.
    letters_signature_choose(path: Option<String>) -> bool = |s, app| documents::choose_signature(app, s, path);
    letters_signature_clear() -> () = |s| club_core::documents::signature::clear(s.db()?);
    archive_search(query: String) -> Found = |s| search::search(s.db()?, &query);

    // people: the directory, organisations, duplicates
    people_list() -> Vec<Person> = |s| people::list(s.db()?);
    people_search(query: String) -> Vec<Person> = |s| people::search(s.db()?, &query);
    person_get(id: String) -> Person = |s| people::get(s.db()?, &id);
    person_create(input: PersonInput) -> Person = |s| people::create(s.db()?, &s.clock, &input);
    person_update(id: String, input: PersonInput) -> Person = |s| people::update(s.db()?, &s.clock, &id, &input);
    person_delete(id: String) -> () = |s| people::delete(s.db()?, &id);
    person_duplicates(input: PersonInput, except: Option<String>) -> Vec<Duplicate> = |s| duplicates::duplicates(s.db()?, &input, except.as_deref());
    person_merge(keep: String, remove: String) -> Person = |s| duplicates::merge(s.db()?, &s.clock, &keep, &remove);
    organisations_list() -> Vec<Organisation> = |s| organisations::list(s.db()?);
    precedence_categories() -> Vec<PrecedenceCategory> = |s| organisations::precedence_categories(s.db()?);

    // planning: sessions, agenda, invitations, templates, themes, workflow, statistics
    sessions_list() -> Vec<Session> = |s| sessions::list(s.db()?, &s.clock);
    session_get(id: String) -> Session = |s| sessions::get(s.db()?, &s.clock, &id);
    session_create(input: SessionInput) -> Session = |s| sessions::create(s.db()?, &s.clock, &input);
    session_update(id: String, input: SessionInput) -> Session = |s| sessions::update(s.db()?, &s.clock, &id, &input);
    session_delete(id: String) -> () = |s| sessions::delete(s.db()?, &id);
    session_next_number() -> u32 = |s| sessions::next_number(s.db()?);
    agenda_get(session_id: String) -> Agenda = |s| agenda::get(s.db()?, &session_id);
    agenda_add(session_id: String, input: AgendaItemInput, at: Option<u32>) -> Agenda = |s| agenda::add(s.db()?, &s.clock, &session_id, &input, at);
    agenda_update(id: String, input: AgendaItemInput) -> Agenda = |s| agenda::update(s.db()?, &s.clock, &id, &input);
    agenda_move(id: String, to: u32) -> Agenda = |s| agenda::move_item(s.db()?, &s.clock, &id, to);
    agenda_duplicate(id: String) -> Agenda = |s| agenda::duplicate(s.db()?, &s.clock, &id);
    agenda_remove(id: String) -> Removal = |s| agenda::remove(s.db()?, &s.clock, &id);
    agenda_restore(removed: RemovedItem) -> Agenda = |s| agenda::restore(s.db()?, &s.clock, &removed);
    invitees_list(session_id: String) -> InviteeList = |s| invitations::list(s.db()?, &session_id);
    invite(session_id: String, person_ids: Vec<String>, role: InviteeRole) -> InviteeList = |s| invitations::invite(s.db()?, &s.clock, &session_id, &person_ids, role);
    invite_tag(session_id: String, tag: String, role: InviteeRole) -> InviteeList = |s| invitations::invite_tag(s.db()?, &s.clock, &session_id, &tag, role);
    invite_from_session(session_id: String, from: String) -> InviteeList = |s| invitations::invite_from_session(s.db()?, &s.clock, &session_id, &from);
    invitation_update(id: String, patch: InvitationPatch) -> InviteeList = |s| invitations::update(s.db()?, &s.clock, &id, &patch);
    invitation_remove(id: String) -> InviteeList = |s| invitations::remove(s.db()?, &id);
    invitees_reorder(session_id: String, ids: Vec<String>) -> InviteeList = |s| invitations::reorder(s.db()?, &session_id, &ids);
    invitees_reset_order(session_id: String) -> InviteeList = |s| invitations::reset_order(s.db()?, &session_id);
    attendance_set(id: String, status: Option<AttendanceStatus>) -> InviteeList = |s| invitations::set_attendance(s.db()?, &s.clock, &id, status);
    check_in(id: String) -> InviteeList = |s| invitations::check_in(s.db()?, &s.clock, &id);
    check_in_undo(id: String) -> InviteeList = |s| invitations::undo_check_in(s.db()?, &s.clock, &id);
    walk_in(session_id: String, person: PersonInput) -> InviteeList = |s| invitations::walk_in(s.db()?, &s.clock, &session_id, &person);
    seating_get(session_id: String) -> SeatingPlan = |s| seating_plan::get(s.db()?, &session_id);
    /// Seats everyone afresh by the protocol rule at a table of `shape`.
    seating_arrange(session_id: String, shape: TableShape, rule: SeatingRule) -> SeatingPlan = |s| seating_plan::arrange(s.db()?, &s.clock, &session_id, shape, rule);
    /// Moves a guest to a seat; whoever sat there takes the guest's former seat.
    seating_move(session_id: String, invitation_id: String, seat: u32) -> SeatingPlan = |s| seating_plan::move_guest(s.db()?, &s.clock, &session_id, &invitation_id, seat);
    session_copy(from: String, options: StartOptions) -> Session = |s| templates::copy_session(s.db()?, &s.clock, &from, &options);
    session_suggested_date() -> String = |s| templates::suggested_date(s.db()?, &s.clock);
    templates_list() -> Vec<Template> = |s| templates::templates(s.db()?);
    template_save(from: String, name: Text) -> Template = |s| templates::save_template(s.db()?, &s.clock, &from, &name);
    template_start(id: String, options: StartOptions) -> Session = |s| templates::from_template(s.db()?, &s.clock, &id, &options);
    template_delete(id: String) -> () = |s| templates::delete_template(s.db()?, &id);
    themes_list() -> Vec<Theme> = |s| themes::list(s.db()?);
    session_themes(session_id: String) -> Vec<Theme> = |s| themes::of_session(s.db()?, &session_id);
    session_set_themes(session_id: String, themes: Vec<ThemeRef>) -> Vec<Theme> = |s| themes::set_for_session(s.db()?, &s.clock, &session_id, &themes);
    session_readiness(id: String) -> Readiness = |s| workflow::readiness(s.db()?, &s.clock, &id);
    session_advance(id: String) -> Session = |s| workflow::advance(s.db()?, &s.clock, &id);
    session_step_back(id: String) -> Session = |s| workflow::step_back(s.db()?, &s.clock, &id);
    stats_get() -> Stats = |s| stats::get(s.db()?);

    // minutes: the record of each item, revisions, follow-ups
    minutes_get(session_id: String) -> Minutes = |s| minutes::get(s.db()?, &session_id);
    minutes_set_summary(session_id: String, summary: Text) -> Minutes = |s| minutes::set_summary(s.db()?, &s.clock, &session_id, &summary);
    minutes_set_item(agenda_item_id: String, notes: Text, key_points: Text) -> Minutes = |s| minutes::set_item(s.db()?, &s.clock, &agenda_item_id, &notes, &key_points);
    minutes_save_remark(agenda_item_id: String, id: Option<String>, person_id: String, body: Text) -> Minutes = |s| minutes::save_remark(s.db()?, &s.clock, &agenda_item_id, id.as_deref(), &person_id, &body);
    minutes_save_decision(agenda_item_id: String, id: Option<String>, body: Text) -> Minutes = |s| minutes::save_decision(s.db()?, &s.clock, &agenda_item_id, id.as_deref(), &body);
    minutes_remove_entry(kind: String, id: String) -> Minutes = |s| minutes::remove_entry(s.db()?, &s.clock, &kind, &id);
    minutes_approve(session_id: String) -> Minutes = |s| minutes::approve(s.db()?, &s.clock, &session_id);
    minutes_reopen(session_id: String) -> Minutes = |s| minutes::reopen(s.db()?, &s.clock, &session_id);
    minutes_save_revision(session_id: String) -> Minutes = |s| minutes::save_revision(s.db()?, &s.clock, &session_id);
    minutes_revisions(session_id: String) -> Vec<Revision> = |s| revisions::list(s.db()?, &session_id);
    minutes_compare(session_id: String, a: u32, b: u32) -> Vec<Change> = |s| changes::compare(s.db()?, &session_id, a, b);
    minutes_restore(session_id: String, number: u32) -> Minutes = |s| minutes::restore(s.db()?, &s.clock, &session_id, number);
    followups_list() -> Vec<FollowUp> = |s| followups::list(s.db()?);
    followups_open_before(session_id: String) -> Vec<FollowUp> = |s| followups::open_before(s.db()?, &session_id);
    followup_create(decision_id: String, input: FollowUpInput) -> FollowUp = |s| followups::create_from_decision(s.db()?, &s.clock, &decision_id, &input);
    followup_update(id: String, input: FollowUpInput) -> FollowUp = |s| followups::update(s.db()?, &s.clock, &id, &input);
    /// The session's press notes (the languages drafted or written so far).
    press_get(session_id: String) -> Vec<PressNote> = |s| press::get(s.db()?, &session_id);
    /// Drafts the note in `langs` (all four when empty) from the session as it stands; a
    /// note a person edited is replaced only with `replace_edited` (else a conflict).
    press_draft(session_id: String, langs: Vec<Lang>, replace_edited: bool) -> Vec<PressNote> = |s| press::draft(s.db()?, &s.clock, &session_id, &langs, replace_edited);
    press_save(session_id: String, lang: Lang, headline: String, body: String) -> PressNote = |s| press::save(s.db()?, &s.clock, &session_id, lang, &headline, &body);
    press_revisions(session_id: String, lang: Lang) -> Vec<PressRevision> = |s| press::revisions(s.db()?, &session_id, lang);
    press_restore(session_id: String, lang: Lang, number: u32) -> PressNote = |s| press::restore(s.db()?, &s.clock, &session_id, lang, number);
    /// The note as plain text or as the website's HTML fragment (for the clipboard).
    press_text(session_id: String, lang: Lang, html: bool) -> String = |s| press_doc::text(s.db()?, &s.clock, &session_id, lang, html);
    /// Renders the note in `format`, asks where to save it, writes it whole; None when cancelled.
    press_save_file(session_id: String, lang: Lang, format: PressFormat) -> Option<String> = |s, app| documents::save_press(app, s, &session_id, lang, format);

    // attachments: files kept with a session (slides, photos, scans)
    attachments_list(session_id: String) -> Vec<Attachment> = |s| files::list(s.db()?, &session_id);
    /// The session's photos with their previews.
    attachments_gallery(session_id: String) -> Vec<Photo> = |s| files::gallery(s.db()?, &session_id);
    /// Keeps files picked in the system's dialog (or `paths`); each whole or not at all.
    attachments_add(session_id: String, agenda_item_id: Option<String>, paths: Option<Vec<String>>) -> Vec<Attachment> = |s, app| attachments::add(app, s, &session_id, agenda_item_id.as_deref(), paths);
    attachment_update(id: String, patch: AttachmentPatch) -> Attachment = |s| files::update(s.db()?, &id, &patch);
    attachment_remove(id: String) -> () = |s| files::remove(s.db()?, &id);
    /// Opens the file in the system's viewer for its kind.
    attachment_open(id: String) -> () = |s| attachments::open(s, &id);

    // exchange: the people import and export, the portable archive
    import_dry_run(request: ImportRequest) -> ImportReport = |s| import::dry_run(s.db()?, &request);
    import_commit(request: ImportRequest) -> ImportReport = |s| import::commit(s.db()?, &s.clock, &request);
    /// Saves the directory to a file the user picks in the system's dialog; None when cancelled.
    people_export(format: String) -> Option<String> = |s, app| exchange::save_people(app, s, &format);
    /// Saves the whole Club archive (docs/ARCHIVE-FORMAT.md) where the user chooses.
    archive_export() -> Option<String> = |s, app| exchange::save_archive(app, s);

    // documents: preview, check, save
    /// Every page of the document as SVG.
    document_preview(session_id: String, kind: DocumentKind, options: DocumentOptions) -> Vec<String> = |s| club_core::documents::preview(s.db()?, &s.clock, s.fonts()?, &session_id, kind, &options);
    /// What the document would print wrongly: text missing in its languages, collisions.
    document_warnings(session_id: String, kind: DocumentKind, options: DocumentOptions) -> Vec<DocumentWarning> = |s| club_core::documents::warnings(s.db()?, &s.clock, &session_id, kind, &options);
    /// Renders the document, asks where to save it, writes it whole; None when cancelled.
    document_save(session_id: String, kind: DocumentKind, format: Format, options: DocumentOptions) -> Option<String> = |s, app| documents::save(app, s, &session_id, kind, format, &options);
    /// Every letter as a PDF of its own, in a folder the user picks; None when cancelled.
    letters_save_each(session_id: String, kind: DocumentKind, options: DocumentOptions) -> Option<u32> = |s, app| documents::save_letter_files(app, s, &session_id, kind, &options);

    // mail: invitations and reminders out by e-mail, messenger and phone
    /// Who a batch of `kind` goes to, what they had last, and why some cannot have it.
    mail_recipients(session_id: String, kind: MailKind) -> Vec<Recipient> = |s| mail_send::recipients(s.db()?, &session_id, kind);
    /// The message to each guest as text, to copy into WeChat or read on the phone.
    mail_texts(session_id: String, kind: MailKind, options: DocumentOptions, reply_by: Option<String>) -> Vec<GuestText> = |s| mail_send::texts(s.db()?, &s.clock, &session_id, &mail_send::Batch { kind, options, reply_by, again: Vec::new() });
    mail_account() -> MailAccount = |s| mail::account(s);
    /// Saves the account; `password` goes to the system's keychain ("" forgets it).
    mail_account_save(account: SmtpAccount, password: Option<String>) -> MailAccount = |s| mail::save_account(s, &account, password.as_deref());
    /// A message to the organizer's own address, to try the account.
    mail_test(password: Option<String>) -> () = |s| mail::test(s, password.as_deref());
    /// Sends the batch; progress comes as `mail-progress` events.
    mail_send(session_id: String, kind: MailKind, options: DocumentOptions, reply_by: Option<String>, again: Vec<String>, password: Option<String>) -> BatchReport = |s, app| mail::send_batch(app, s, &session_id, kind, options, reply_by, again, password.as_deref());
    /// Stops the batch after the guest being sent to.
    /// A guest's text sent by WeChat or phone: the channel (and "invited") noted.
    mail_mark_sent(invitation_id: String, kind: MailKind, channel: club_core::planning::rsvp::Channel) -> club_core::planning::invitations::InviteeList = |s| mail_send::mark_sent(s.db()?, &s.clock, &invitation_id, kind, channel);
    /// Whether a batch is being sent (the Mail tab, opened again mid-batch, shows it).
    mail_running() -> bool = |s| done(s.mail_running.load(std::sync::atomic::Ordering::SeqCst));
    mail_stop() -> () = |s| done(s.mail_stop.store(true, std::sync::atomic::Ordering::SeqCst));
    /// The batch as .eml files in a folder the user picks; how many, None when cancelled.
    mail_save_eml(session_id: String, kind: MailKind, options: DocumentOptions, reply_by: Option<String>) -> Option<u32> = |s, app| mail::save_eml(app, s, &session_id, kind, options, reply_by);
    mail_templates() -> Vec<MailTemplate> = |s| mail_templates::templates(s.db()?);
    /// Saves a template; a field that does not exist is named.
    mail_template_save(template: MailTemplate) -> MailTemplate = |s| mail_templates::save_template(s.db()?, &s.clock, &template);
    mail_template_reset(kind: MailKind, lang: club_core::Lang) -> MailTemplate = |s| mail_templates::reset_template(s.db()?, kind, lang);

    // sample: the demonstration data
    demo_remove() -> () = |s| demo::remove(s.db()?);
}

/// A folder the user picks in the system's dialog; None when cancelled.
fn pick_folder(app: &tauri::AppHandle) -> Option<std::path::PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// Asks where to save `bytes` in the system's dialog (suggesting `name`, filtered to its
/// extension) and writes them whole; None when the user cancelled.
fn save_as(app: &tauri::AppHandle, name: &str, bytes: &[u8]) -> Reply<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let chosen = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    club_core::paths::write_atomically(&path, bytes)?;
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    /// ui/src/api/commands.ts is what the list above declares; CI fails when the
    /// committed file differs (like the ts-rs types).
    #[test]
    fn the_typescript_command_map_is_written() {
        let text = super::declare::typescript_map(super::signatures());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/api/commands.ts");
        std::fs::write(path, text).unwrap();
    }
}
