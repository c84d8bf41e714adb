// The UI's only door to Rust. Components get an `Api` from context, so tests can
// hand them a fake one.
import { createContext, useContext } from "react";
import { listen } from "@tauri-apps/api/event";
import { call } from "./client";
import type { Agenda } from "./types/Agenda";
import type { AgendaItemInput } from "./types/AgendaItemInput";
import type { AppStatus } from "./types/AppStatus";
import type { AttendanceStatus } from "./types/AttendanceStatus";
import type { Backup } from "./types/Backup";
import type { Change } from "./types/Change";
import type { DocumentKind } from "./types/DocumentKind";
import type { DocumentOptions } from "./types/DocumentOptions";
import type { DocumentWarning } from "./types/DocumentWarning";
import type { Duplicate } from "./types/Duplicate";
import type { Format } from "./types/Format";
import type { FollowUp } from "./types/FollowUp";
import type { FollowUpInput } from "./types/FollowUpInput";
import type { Hit } from "./types/Hit";
import type { Minutes } from "./types/Minutes";
import type { Revision } from "./types/Revision";
import type { Stats } from "./types/Stats";
import type { ImportReport } from "./types/ImportReport";
import type { ImportRequest } from "./types/ImportRequest";
import type { InvitationPatch } from "./types/InvitationPatch";
import type { InviteeList } from "./types/InviteeList";
import type { InviteeRole } from "./types/InviteeRole";
import type { Organisation } from "./types/Organisation";
import type { Person } from "./types/Person";
import type { PersonInput } from "./types/PersonInput";
import type { PrecedenceCategory } from "./types/PrecedenceCategory";
import type { Readiness } from "./types/Readiness";
import type { Removal } from "./types/Removal";
import type { RemovedItem } from "./types/RemovedItem";
import type { StartOptions } from "./types/StartOptions";
import type { Template } from "./types/Template";
import type { Text } from "./types/Text";
import type { Theme } from "./types/Theme";
import type { ThemeRef } from "./types/ThemeRef";
import type { Session } from "./types/Session";
import type { SessionInput } from "./types/SessionInput";
import type { Settings } from "./types/Settings";
import type { SettingsPatch } from "./types/SettingsPatch";

export type { Agenda } from "./types/Agenda";
export type { InvitationPatch } from "./types/InvitationPatch";
export type { DocumentWarning } from "./types/DocumentWarning";
export type { AgendaItem } from "./types/AgendaItem";
export type { AgendaItemInput } from "./types/AgendaItemInput";
export type { AgendaRole } from "./types/AgendaRole";
export type { ApiError } from "./types/ApiError";
export type { ItemKind } from "./types/ItemKind";
export type { Missing } from "./types/Missing";
export type { Readiness } from "./types/Readiness";
export type { RemovedItem } from "./types/RemovedItem";
export type { RoleKind } from "./types/RoleKind";
export type { StartOptions } from "./types/StartOptions";
export type { Template } from "./types/Template";
export type { Theme } from "./types/Theme";
export type { ThemeRef } from "./types/ThemeRef";
export type { AppStatus } from "./types/AppStatus";
export type { Lang } from "./types/Lang";
export type { AttendanceStatus } from "./types/AttendanceStatus";
export type { Backup } from "./types/Backup";
export type { Channel } from "./types/Channel";
export type { Change } from "./types/Change";
export type { DocumentKind } from "./types/DocumentKind";
export type { DocumentOptions } from "./types/DocumentOptions";
export type { Duplicate } from "./types/Duplicate";
export type { Format } from "./types/Format";
export type { FollowUp } from "./types/FollowUp";
export type { FollowUpStatus } from "./types/FollowUpStatus";
export type { Hit } from "./types/Hit";
export type { HitKind } from "./types/HitKind";
export type { Minutes } from "./types/Minutes";
export type { MinutesItem } from "./types/MinutesItem";
export type { Revision } from "./types/Revision";
export type { ImportReport } from "./types/ImportReport";
export type { ImportRequest } from "./types/ImportRequest";
export type { InvitationStatus } from "./types/InvitationStatus";
export type { Invitee } from "./types/Invitee";
export type { InviteeList } from "./types/InviteeList";
export type { InviteeRole } from "./types/InviteeRole";
export type { Organisation } from "./types/Organisation";
export type { Person } from "./types/Person";
export type { PersonInput } from "./types/PersonInput";
export type { PersonName } from "./types/PersonName";
export type { PrecedenceCategory } from "./types/PrecedenceCategory";
export type { Session } from "./types/Session";
export type { SessionInput } from "./types/SessionInput";
export type { SessionStatus } from "./types/SessionStatus";
export type { Settings } from "./types/Settings";
export type { Text };
export { isApiError } from "./client";

export interface Api {
  agendaGet(sessionId: string): Promise<Agenda>;
  agendaAdd(sessionId: string, input: AgendaItemInput, at?: number): Promise<Agenda>;
  agendaUpdate(id: string, input: AgendaItemInput): Promise<Agenda>;
  agendaMove(id: string, to: number): Promise<Agenda>;
  agendaDuplicate(id: string): Promise<Agenda>;
  agendaRemove(id: string): Promise<Removal>;
  agendaRestore(removed: RemovedItem): Promise<Agenda>;
  peopleSearch(query: string): Promise<Person[]>;
  personGet(id: string): Promise<Person>;
  personCreate(input: PersonInput): Promise<Person>;
  personUpdate(id: string, input: PersonInput): Promise<Person>;
  personDelete(id: string): Promise<void>;
  personDuplicates(input: PersonInput, except?: string): Promise<Duplicate[]>;
  personMerge(keep: string, remove: string): Promise<Person>;
  organisationsList(): Promise<Organisation[]>;
  precedenceCategories(): Promise<PrecedenceCategory[]>;
  importDryRun(request: ImportRequest): Promise<ImportReport>;
  importCommit(request: ImportRequest): Promise<ImportReport>;
  peopleExport(format: "csv" | "xlsx"): Promise<string | null>;
  backupsList(): Promise<Backup[]>;
  archiveExport(): Promise<string | null>;
  backupNow(): Promise<Backup>;
  /** A backup file, or null to pick one in the system dialog; false when cancelled. */
  backupRestore(path: string | null): Promise<boolean>;
  documentPreview(sessionId: string, kind: DocumentKind, options: DocumentOptions): Promise<string[]>;
  documentSave(sessionId: string, kind: DocumentKind, format: Format, options: DocumentOptions): Promise<string | null>;
  documentWarnings(sessionId: string, kind: DocumentKind, options: DocumentOptions): Promise<DocumentWarning[]>;
  inviteesList(sessionId: string): Promise<InviteeList>;
  invite(sessionId: string, personIds: string[], role: InviteeRole): Promise<InviteeList>;
  inviteTag(sessionId: string, tag: string, role: InviteeRole): Promise<InviteeList>;
  inviteFromSession(sessionId: string, from: string): Promise<InviteeList>;
  invitationUpdate(id: string, patch: InvitationPatch): Promise<InviteeList>;
  invitationRemove(id: string): Promise<InviteeList>;
  inviteesReorder(sessionId: string, ids: string[]): Promise<InviteeList>;
  inviteesResetOrder(sessionId: string): Promise<InviteeList>;
  attendanceSet(id: string, status: AttendanceStatus | null): Promise<InviteeList>;
  checkIn(id: string): Promise<InviteeList>;
  checkInUndo(id: string): Promise<InviteeList>;
  walkIn(sessionId: string, person: PersonInput): Promise<InviteeList>;
  sessionCopy(from: string, options: StartOptions): Promise<Session>;
  sessionSuggestedDate(): Promise<string>;
  templatesList(): Promise<Template[]>;
  templateSave(from: string, name: Text): Promise<Template>;
  templateStart(id: string, options: StartOptions): Promise<Session>;
  templateDelete(id: string): Promise<void>;
  themesList(): Promise<Theme[]>;
  sessionThemes(sessionId: string): Promise<Theme[]>;
  sessionSetThemes(sessionId: string, themes: ThemeRef[]): Promise<Theme[]>;
  sessionReadiness(id: string): Promise<Readiness>;
  sessionAdvance(id: string): Promise<Session>;
  sessionStepBack(id: string): Promise<Session>;
  appStatus(): Promise<AppStatus>;
  /** The first screen shows its data (start-up is measured up to here). */
  appReady(screen: string): Promise<void>;
  /** The native menu's labels (item id → text) in the interface language. */
  menuSet(labels: Record<string, string>): Promise<void>;
  /** Calls `handler` with the id of each native menu item chosen; returns the unsubscribe. */
  onMenu(handler: (id: string) => void): Promise<() => void>;
  /** Whether a form holds unsaved work (then closing the window asks first). */
  unsavedSet(dirty: boolean): Promise<void>;
  /** Calls `handler` when the window is to close while a form holds unsaved work. */
  onCloseRequested(handler: () => void): Promise<() => void>;
  /** Closes the window (after the user agreed to drop unsaved work). */
  appClose(): Promise<void>;
  peopleList(): Promise<Person[]>;
  sessionsList(): Promise<Session[]>;
  archiveSearch(query: string): Promise<Hit[]>;
  minutesGet(sessionId: string): Promise<Minutes>;
  minutesSetSummary(sessionId: string, summary: Text): Promise<Minutes>;
  minutesSetItem(agendaItemId: string, notes: Text, keyPoints: Text): Promise<Minutes>;
  minutesSaveRemark(agendaItemId: string, id: string | null, personId: string, body: Text): Promise<Minutes>;
  minutesSaveDecision(agendaItemId: string, id: string | null, body: Text): Promise<Minutes>;
  minutesRemoveEntry(kind: "remark" | "decision", id: string): Promise<Minutes>;
  minutesApprove(sessionId: string): Promise<Minutes>;
  minutesReopen(sessionId: string): Promise<Minutes>;
  minutesSaveRevision(sessionId: string): Promise<Minutes>;
  minutesRevisions(sessionId: string): Promise<Revision[]>;
  minutesCompare(sessionId: string, a: number, b: number): Promise<Change[]>;
  minutesRestore(sessionId: string, number: number): Promise<Minutes>;
  followupsList(): Promise<FollowUp[]>;
  statsGet(): Promise<Stats>;
  followupsOpenBefore(sessionId: string): Promise<FollowUp[]>;
  followupCreate(decisionId: string, input: FollowUpInput): Promise<FollowUp>;
  followupUpdate(id: string, input: FollowUpInput): Promise<FollowUp>;
  sessionGet(id: string): Promise<Session>;
  sessionCreate(input: SessionInput): Promise<Session>;
  sessionUpdate(id: string, input: SessionInput): Promise<Session>;
  sessionDelete(id: string): Promise<void>;
  sessionNextNumber(): Promise<number>;
  settingsGet(): Promise<Settings>;
  settingsUpdate(patch: SettingsPatch): Promise<Settings>;
  demoRemove(): Promise<void>;
}

export const tauriApi: Api = {
  agendaGet: (sessionId) => call("agenda_get", { sessionId }),
  agendaAdd: (sessionId, input, at) => call("agenda_add", { sessionId, input, at: at ?? null }),
  agendaUpdate: (id, input) => call("agenda_update", { id, input }),
  agendaMove: (id, to) => call("agenda_move", { id, to }),
  agendaDuplicate: (id) => call("agenda_duplicate", { id }),
  agendaRemove: (id) => call("agenda_remove", { id }),
  agendaRestore: (removed) => call("agenda_restore", { removed }),
  peopleSearch: (query) => call("people_search", { query }),
  personGet: (id) => call("person_get", { id }),
  personCreate: (input) => call("person_create", { input }),
  personUpdate: (id, input) => call("person_update", { id, input }),
  personDelete: (id) => call("person_delete", { id }),
  personDuplicates: (input, except) => call("person_duplicates", { input, except: except ?? null }),
  personMerge: (keep, remove) => call("person_merge", { keep, remove }),
  organisationsList: () => call("organisations_list"),
  precedenceCategories: () => call("precedence_categories"),
  importDryRun: (request) => call("import_dry_run", { request }),
  importCommit: (request) => call("import_commit", { request }),
  peopleExport: (format) => call("people_export", { format }),
  backupsList: () => call("backups_list"),
  archiveExport: () => call("archive_export"),
  backupNow: () => call("backup_now"),
  backupRestore: (path) => call("backup_restore", { path }),
  documentPreview: (sessionId, kind, options) => call("document_preview", { sessionId, kind, options }),
  documentSave: (sessionId, kind, format, options) => call("document_save", { sessionId, kind, format, options }),
  documentWarnings: (sessionId, kind, options) => call("document_warnings", { sessionId, kind, options }),
  inviteesList: (sessionId) => call("invitees_list", { sessionId }),
  invite: (sessionId, personIds, role) => call("invite", { sessionId, personIds, role }),
  inviteTag: (sessionId, tag, role) => call("invite_tag", { sessionId, tag, role }),
  inviteFromSession: (sessionId, from) => call("invite_from_session", { sessionId, from }),
  invitationUpdate: (id, patch) => call("invitation_update", { id, patch }),
  invitationRemove: (id) => call("invitation_remove", { id }),
  inviteesReorder: (sessionId, ids) => call("invitees_reorder", { sessionId, ids }),
  inviteesResetOrder: (sessionId) => call("invitees_reset_order", { sessionId }),
  attendanceSet: (id, status) => call("attendance_set", { id, status }),
  checkIn: (id) => call("check_in", { id }),
  checkInUndo: (id) => call("check_in_undo", { id }),
  walkIn: (sessionId, person) => call("walk_in", { sessionId, person }),
  sessionCopy: (from, options) => call("session_copy", { from, options }),
  sessionSuggestedDate: () => call("session_suggested_date"),
  templatesList: () => call("templates_list"),
  templateSave: (from, name) => call("template_save", { from, name }),
  templateStart: (id, options) => call("template_start", { id, options }),
  templateDelete: (id) => call("template_delete", { id }),
  themesList: () => call("themes_list"),
  sessionThemes: (sessionId) => call("session_themes", { sessionId }),
  sessionSetThemes: (sessionId, themes) => call("session_set_themes", { sessionId, themes }),
  sessionReadiness: (id) => call("session_readiness", { id }),
  sessionAdvance: (id) => call("session_advance", { id }),
  sessionStepBack: (id) => call("session_step_back", { id }),
  appStatus: () => call("app_status"),
  appReady: (screen) => call("app_ready", { screen }),
  menuSet: (labels) => call("menu_set", { labels }),
  onMenu: (handler) => listen<string>("menu", (e) => handler(e.payload)),
  unsavedSet: (dirty) => call("unsaved_set", { dirty }),
  onCloseRequested: (handler) => listen("close-requested", () => handler()),
  appClose: () => call("app_close"),
  peopleList: () => call("people_list"),
  sessionsList: () => call("sessions_list"),
  archiveSearch: (query) => call("archive_search", { query }),
  minutesGet: (sessionId) => call("minutes_get", { sessionId }),
  minutesSetSummary: (sessionId, summary) => call("minutes_set_summary", { sessionId, summary }),
  minutesSetItem: (agendaItemId, notes, keyPoints) => call("minutes_set_item", { agendaItemId, notes, keyPoints }),
  minutesSaveRemark: (agendaItemId, id, personId, body) => call("minutes_save_remark", { agendaItemId, id, personId, body }),
  minutesSaveDecision: (agendaItemId, id, body) => call("minutes_save_decision", { agendaItemId, id, body }),
  minutesRemoveEntry: (kind, id) => call("minutes_remove_entry", { kind, id }),
  minutesApprove: (sessionId) => call("minutes_approve", { sessionId }),
  minutesReopen: (sessionId) => call("minutes_reopen", { sessionId }),
  minutesSaveRevision: (sessionId) => call("minutes_save_revision", { sessionId }),
  minutesRevisions: (sessionId) => call("minutes_revisions", { sessionId }),
  minutesCompare: (sessionId, a, b) => call("minutes_compare", { sessionId, a, b }),
  minutesRestore: (sessionId, number) => call("minutes_restore", { sessionId, number }),
  followupsList: () => call("followups_list"),
  statsGet: () => call("stats_get"),
  followupsOpenBefore: (sessionId) => call("followups_open_before", { sessionId }),
  followupCreate: (decisionId, input) => call("followup_create", { decisionId, input }),
  followupUpdate: (id, input) => call("followup_update", { id, input }),
  sessionGet: (id) => call("session_get", { id }),
  sessionCreate: (input) => call("session_create", { input }),
  sessionUpdate: (id, input) => call("session_update", { id, input }),
  sessionDelete: (id) => call("session_delete", { id }),
  sessionNextNumber: () => call("session_next_number"),
  settingsGet: () => call("settings_get"),
  settingsUpdate: (patch) => call("settings_update", { patch }),
  demoRemove: () => call("demo_remove"),
};

/** Query keys are the command names, so invalidation reads like the API. */
export const keys = {
  agenda: (sessionId: string) => ["agenda_get", sessionId] as const,
  peopleSearch: (query: string) => ["people_search", query] as const,
  person: (id: string) => ["person_get", id] as const,
  organisations: ["organisations_list"] as const,
  categories: ["precedence_categories"] as const,
  invitees: (sessionId: string) => ["invitees_list", sessionId] as const,
  templates: ["templates_list"] as const,
  themes: ["themes_list"] as const,
  sessionThemes: (sessionId: string) => ["session_themes", sessionId] as const,
  readiness: (id: string) => ["session_readiness", id] as const,
  suggestedDate: ["session_suggested_date"] as const,
  people: ["people_list"] as const,
  sessions: ["sessions_list"] as const,
  search: (query: string) => ["archive_search", query] as const,
  minutes: (sessionId: string) => ["minutes_get", sessionId] as const,
  revisions: (sessionId: string) => ["minutes_revisions", sessionId] as const,
  followups: ["followups_list"] as const,
  stats: ["stats_get"] as const,
  openBefore: (sessionId: string) => ["followups_open_before", sessionId] as const,
  session: (id: string) => ["session_get", id] as const,
  nextNumber: ["session_next_number"] as const,
  settings: ["settings_get"] as const,
  status: ["app_status"] as const,
  backups: ["backups_list"] as const,
};

export const ApiContext = createContext<Api>(tauriApi);
export const useApi = () => useContext(ApiContext);
