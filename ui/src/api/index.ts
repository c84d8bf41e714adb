// The UI's only door to Rust. Components get an `Api` from context, so tests can
// hand them a fake one. Every command is declared once, in commands.ts (generated from
// Rust): `api.call("session_get", { id })`, and its query is `useCommand` with the same
// name and arguments, keyed `queryKey(...)` — a misspelt name does not compile.
import { type DataTag, type DefaultError, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { listen } from "@tauri-apps/api/event";
import { type Args, type ArgsParam, type Call, type Command, type Result, call } from "./client";
import type { MailProgress } from "./types/MailProgress";
import type { Text } from "./types/Text";

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
export type { PressFormat } from "./types/PressFormat";
export type { Attachment } from "./types/Attachment";
export type { AttachmentPatch } from "./types/AttachmentPatch";
export type { Photo } from "./types/Photo";
export type { LocationWarning } from "./types/LocationWarning";
export type { PressNote } from "./types/PressNote";
export type { PressRevision } from "./types/PressRevision";
export type { FollowUp } from "./types/FollowUp";
export type { FollowUpStatus } from "./types/FollowUpStatus";
export type { Found } from "./types/Found";
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
export type { PlacedSeat } from "./types/PlacedSeat";
export type { Seat } from "./types/Seat";
export type { SeatingPlan } from "./types/SeatingPlan";
export type { SeatingRule } from "./types/SeatingRule";
export type { TableShape } from "./types/TableShape";
export type { Session } from "./types/Session";
export type { SessionInput } from "./types/SessionInput";
export type { SessionStatus } from "./types/SessionStatus";
export type { Settings } from "./types/Settings";
export type { Conflict } from "./types/Conflict";
export type { Resolution } from "./types/Resolution";
export type { SyncStatus } from "./types/SyncStatus";
export type { SettingsPatch } from "./types/SettingsPatch";
export type { MailAccount } from "./types/MailAccount";
export type { MailBatchReport } from "./types/MailBatchReport";
export type { MailKind } from "./types/MailKind";
export type { MailProgress } from "./types/MailProgress";
export type { MailRecipient } from "./types/MailRecipient";
export type { MailTemplate } from "./types/MailTemplate";
export type { MailText } from "./types/MailText";
export type { SmtpAccount } from "./types/SmtpAccount";
export type { SmtpSecurity } from "./types/SmtpSecurity";
export type { Text };
export { isApiError } from "./client";
export type { Commands } from "./commands";
export type { Args, ArgsParam, Call, Command, Result } from "./client";

export interface Api {
  /** Runs a Rust command: `call("session_get", { id })`. */
  call: Call;
  /** Calls `handler` with the id of each native menu item chosen; returns the unsubscribe. */
  onMenu(handler: (id: string) => void): Promise<() => void>;
  /** Calls `handler` when the window is to close while a form holds unsaved work. */
  onCloseRequested(handler: () => void): Promise<() => void>;
  /** Calls `handler` whenever something arrived from the hub or the sync state changed. */
  onSyncChanged(handler: () => void): Promise<() => void>;
  /** Calls `handler` when what app_status says changed (the daily backup failed). */
  onStatusChanged(handler: () => void): Promise<() => void>;
  /** Calls `handler` as each guest of a mail batch is done; returns the unsubscribe. */
  onMailProgress(handler: (p: MailProgress) => void): Promise<() => void>;
}

export const tauriApi: Api = {
  call,
  onMenu: (handler) => listen<string>("menu", (e) => handler(e.payload)),
  onCloseRequested: (handler) => listen("close-requested", () => handler()),
  onSyncChanged: (handler) => listen("sync-changed", () => handler()),
  onStatusChanged: (handler) => listen("status-changed", () => handler()),
  onMailProgress: (handler) => listen<MailProgress>("mail-progress", (e) => handler(e.payload)),
};

export const ApiContext = createContext<Api>(tauriApi);
export const useApi = () => useContext(ApiContext);

/** A command's query key, tagged with what the command answers (so setQueryData checks it). */
export type CommandKey<K extends Command> = DataTag<readonly [K] | readonly [K, Args<K>], Result<K>>;

/**
 * The query key of `command` with `args`: `["session_get", { id }]` (a command without
 * arguments: `["settings_get"]`). Without `args` it is the prefix of every query of that
 * command (`["session_get"]`), for invalidating them all.
 */
export function queryKey<K extends Command>(command: K, args?: Args<K>): CommandKey<K> {
  const key = args === undefined || Object.keys(args).length === 0 ? ([command] as const) : ([command, args] as const);
  return key as CommandKey<K>;
}

/** useQuery's options for a command's query, without the key and function it makes. */
export type CommandQueryOptions<K extends Command> = Omit<UseQueryOptions<Result<K>, DefaultError, Result<K>, CommandKey<K>>, "queryKey" | "queryFn">;

/** The parameters after a query's command: its arguments (optional when it takes none), then options. */
export type CommandQueryParams<K extends Command> = Args<K> extends Record<string, never>
  ? [args?: Args<K>, options?: CommandQueryOptions<K>]
  : [args: Args<K>, options?: CommandQueryOptions<K>];

/** useQuery over one command: `useCommand("session_get", { id }, { enabled })`, keyed queryKey(command, args). */
export function useCommand<K extends Command>(command: K, ...[args, options]: CommandQueryParams<K>) {
  const api = useApi();
  return useQuery({
    ...options,
    queryKey: queryKey(command, args),
    queryFn: () => api.call(command, ...([args] as ArgsParam<K>)),
  });
}
