// An in-memory Api for component tests: behaves like the core for what the screens use.
// It lists only the commands it fakes; any other rejects, naming the command.
import type { Api, ApiError, Args, ArgsParam, Command, Conflict, MailProgress, Result, Session, SessionInput, Settings, SyncStatus } from "../api";

/** Fakes of some commands, by name: each takes the command's arguments. */
export type FakeCommands = { [K in Command]?: (args: Args<K>) => Promise<Result<K>> | Result<K> };

export function session(patch: Partial<Session> = {}): Session {
  return {
    id: crypto.randomUUID(),
    number: 8,
    ordinal: { ru: "8-е заседание", zh: "第八次会议" },
    title: { ru: "Казахстан как опора стабильности в регионе", zh: "哈萨克斯坦：地区稳定的支柱" },
    theme: {},
    venue: { ru: "Культурный центр Казахстана, Пекин", zh: "哈萨克斯坦文化中心，北京" },
    date: "2025-11-20",
    start: "15:00",
    end: "17:30",
    timeZone: "Asia/Shanghai",
    status: "held",
    notes: "",
    isDemo: false,
    upcoming: false,
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
    ...patch,
  };
}

/** The sync state, not in a team unless patched. */
export function syncStatus(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    member: false,
    author: null,
    hubUrl: null,
    syncedAt: null,
    lastError: null,
    waiting: 0,
    openConflicts: 0,
    ...patch,
  };
}

/** An open entry of the conflict register: two laptops changed one agenda item's duration. */
export function conflict(patch: Partial<Conflict> = {}): Conflict {
  return {
    id: crypto.randomUUID(),
    kind: "data",
    table: "agenda_item",
    rowKey: '["0190a1b2-0000-7000-8000-000000000001"]',
    column: "duration_min",
    kept: "30",
    proposed: "45",
    keptAuthor: "Айгерим",
    keptAt: "2026-12-01T06:05:00Z",
    proposedAuthor: "Ли Вэй",
    proposedAt: "2026-12-01T06:07:00Z",
    opId: crypto.randomUUID(),
    label: '{"ru":"Доклад о планах","zh":"关于计划的报告"}',
    detail: "changed on two machines",
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...patch,
  };
}

export function settings(patch: Partial<Settings> = {}): Settings {
  return {
    language: "ru",
    timeZone: "Asia/Shanghai",
    clubName: { ru: "Клуб" },
    hasDemo: false,
    firstRun: false,
    signatoryName: {},
    signatoryPosition: {},
    replyContact: "",
    ...patch,
  };
}

export function fakeApi(initial: Session[] = [], overrides: FakeCommands = {}) {
  const sessions = [...initial];
  const syncListeners = new Set<() => void>();
  const mailListeners = new Set<(p: MailProgress) => void>();
  let current: Settings = settings();
  const notFound: ApiError = { code: "not_found", message: "session not found" };
  const fromInput = (input: SessionInput, id: string): Session =>
    session({
      id,
      number: input.number ? Number(input.number) : null,
      title: input.title,
      theme: input.theme,
      venue: input.venue,
      date: input.date,
      start: input.start,
      end: input.end,
      timeZone: input.timeZone || current.timeZone,
      status: input.status ?? "planned",
      notes: input.notes,
      upcoming: true,
    });
  const commands: FakeCommands = {
    people_search: async () => [],
    person_duplicates: async () => [],
    organisations_list: async () => [],
    precedence_categories: async () => [],
    backups_list: async () => [],
    backups_daily_failing: async () => null,
    document_warnings: async () => [],
    session_suggested_date: async () => "2026-12-10",
    templates_list: async () => [],
    themes_list: async () => [],
    session_themes: async () => [],
    session_readiness: async () => ({ status: "planned", next: "invitations_sent", previous: null, missing: [] }),
    app_status: async () => ({ dbPath: "/tmp/club.sqlite3", version: "0.1.0" }),
    app_ready: async () => null,
    menu_set: async () => null,
    unsaved_set: async () => null,
    app_close: async () => null,
    people_list: async () => [],
    sessions_list: async () => [...sessions].sort((a, b) => b.date.localeCompare(a.date)),
    archive_search: async () => ({ hits: [], total: 0, more: false }),
    minutes_revisions: async () => [],
    minutes_compare: async () => [],
    followups_list: async () => [],
    followups_open_before: async () => [],
    session_get: async ({ id }) => {
      const s = sessions.find((x) => x.id === id);
      if (!s) throw notFound;
      return s;
    },
    session_create: async ({ input }) => {
      const s = fromInput(input, crypto.randomUUID());
      sessions.push(s);
      return s;
    },
    session_update: async ({ id, input }) => {
      const i = sessions.findIndex((x) => x.id === id);
      if (i < 0) throw notFound;
      sessions[i] = fromInput(input, id);
      return sessions[i];
    },
    session_delete: async ({ id }) => {
      const i = sessions.findIndex((x) => x.id === id);
      if (i < 0) throw notFound;
      sessions.splice(i, 1);
      return null;
    },
    session_next_number: async () => Math.max(0, ...sessions.map((s) => s.number ?? 0)) + 1,
    settings_get: async () => current,
    settings_update: async ({ patch }) => {
      current = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      return current;
    },
    sync_status: async () => syncStatus(),
    conflicts_list: async () => [],
    demo_remove: async () => {
      current = { ...current, hasDemo: false, firstRun: false };
      return null;
    },
    ...overrides,
  };
  const api: Api = {
    call: async <K extends Command>(command: K, ...[args]: ArgsParam<K>): Promise<Result<K>> => {
      const fake = commands[command] as ((args: Args<K>) => Promise<Result<K>> | Result<K>) | undefined;
      if (!fake) throw { code: "internal", message: `${command} is not in the fake api` } satisfies ApiError;
      return fake((args ?? {}) as Args<K>);
    },
    onMenu: async () => () => {},
    onMailProgress: async (handler) => {
      mailListeners.add(handler);
      return () => mailListeners.delete(handler);
    },
    onCloseRequested: async () => () => {},
    onStatusChanged: async () => () => {},
    onSyncChanged: async (handler) => {
      syncListeners.add(handler);
      return () => syncListeners.delete(handler);
    },
  };
  /** What the Rust side does when something arrived from the hub: "sync-changed". */
  const syncChanged = () => syncListeners.forEach((handler) => handler());
  /** What the Rust side tells of a mail batch: "mail-progress". */
  const mailProgress = (p: MailProgress) => mailListeners.forEach((handler) => handler(p));
  return { api, sessions, syncChanged, mailProgress };
}
