// The UI's only door to Rust. Components get an `Api` from context, so tests can
// hand them a fake one.
import { createContext, useContext } from "react";
import { call } from "./client";
import type { AppStatus } from "./types/AppStatus";
import type { PersonSummary } from "./types/PersonSummary";
import type { Session } from "./types/Session";
import type { SessionInput } from "./types/SessionInput";
import type { Settings } from "./types/Settings";
import type { SettingsPatch } from "./types/SettingsPatch";

export type { ApiError } from "./types/ApiError";
export type { AppStatus } from "./types/AppStatus";
export type { Lang } from "./types/Lang";
export type { PersonSummary } from "./types/PersonSummary";
export type { Session } from "./types/Session";
export type { SessionInput } from "./types/SessionInput";
export type { SessionStatus } from "./types/SessionStatus";
export type { Settings } from "./types/Settings";
export type { Text } from "./types/Text";
export { isApiError } from "./client";

export interface Api {
  appStatus(): Promise<AppStatus>;
  peopleList(): Promise<PersonSummary[]>;
  sessionsList(): Promise<Session[]>;
  sessionsSearch(query: string): Promise<Session[]>;
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
  appStatus: () => call("app_status"),
  peopleList: () => call("people_list"),
  sessionsList: () => call("sessions_list"),
  sessionsSearch: (query) => call("sessions_search", { query }),
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
  people: ["people_list"] as const,
  sessions: ["sessions_list"] as const,
  search: (query: string) => ["sessions_search", query] as const,
  session: (id: string) => ["session_get", id] as const,
  nextNumber: ["session_next_number"] as const,
  settings: ["settings_get"] as const,
  status: ["app_status"] as const,
};

export const ApiContext = createContext<Api>(tauriApi);
export const useApi = () => useContext(ApiContext);
