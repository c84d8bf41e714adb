// An in-memory Api for component tests: behaves like the core for what the screens use.
import type { Api, ApiError, Session, SessionInput, Settings } from "../api";

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

export function fakeApi(initial: Session[] = [], overrides: Partial<Api> = {}) {
  const sessions = [...initial];
  let settings: Settings = { language: "ru", timeZone: "Asia/Shanghai", clubName: { ru: "Клуб" }, hasDemo: false, firstRun: false };
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
      timeZone: input.timeZone || settings.timeZone,
      status: input.status ?? "planned",
      notes: input.notes,
      upcoming: true,
    });
  const missing = (name: string) => () => Promise.reject<never>({ code: "internal", message: `${name} is not in the fake api` });
  const api: Api = {
    agendaGet: missing("agendaGet"),
    agendaAdd: missing("agendaAdd"),
    agendaUpdate: missing("agendaUpdate"),
    agendaMove: missing("agendaMove"),
    agendaDuplicate: missing("agendaDuplicate"),
    agendaRemove: missing("agendaRemove"),
    agendaRestore: missing("agendaRestore"),
    peopleSearch: async () => [],
    personCreate: missing("personCreate"),
    personGet: missing("personGet"),
    personUpdate: missing("personUpdate"),
    personDelete: missing("personDelete"),
    personDuplicates: async () => [],
    personMerge: missing("personMerge"),
    organisationsList: async () => [],
    precedenceCategories: async () => [],
    importDryRun: missing("importDryRun"),
    importCommit: missing("importCommit"),
    peopleExport: missing("peopleExport"),
    documentPreview: missing("documentPreview"),
    backupsList: async () => [],
    archiveExport: missing("archiveExport"),
    backupNow: missing("backupNow"),
    backupRestore: missing("backupRestore"),
    documentSave: missing("documentSave"),
    documentWarnings: async () => [],
    inviteesList: missing("inviteesList"),
    invite: missing("invite"),
    inviteTag: missing("inviteTag"),
    inviteFromSession: missing("inviteFromSession"),
    invitationUpdate: missing("invitationUpdate"),
    invitationRemove: missing("invitationRemove"),
    attendanceSet: missing("attendanceSet"),
    inviteesReorder: missing("inviteesReorder"),
    inviteesResetOrder: missing("inviteesResetOrder"),
    checkIn: missing("checkIn"),
    checkInUndo: missing("checkInUndo"),
    walkIn: missing("walkIn"),
    sessionCopy: missing("sessionCopy"),
    sessionSuggestedDate: async () => "2026-12-10",
    templatesList: async () => [],
    templateSave: missing("templateSave"),
    templateStart: missing("templateStart"),
    templateDelete: missing("templateDelete"),
    themesList: async () => [],
    sessionThemes: async () => [],
    sessionSetThemes: missing("sessionSetThemes"),
    sessionReadiness: async () => ({ status: "planned", next: "invitations_sent", previous: null, missing: [] }),
    sessionAdvance: missing("sessionAdvance"),
    sessionStepBack: missing("sessionStepBack"),
    appStatus: async () => ({ dbPath: "/tmp/club.sqlite3", version: "0.1.0" }),
    appReady: async () => {},
    menuSet: async () => {},
    onMenu: async () => () => {},
    unsavedSet: async () => {},
    onCloseRequested: async () => () => {},
    appClose: async () => {},
    peopleList: async () => [],
    sessionsList: async () => [...sessions].sort((a, b) => b.date.localeCompare(a.date)),
    archiveSearch: async () => [],
    minutesGet: missing("minutesGet"),
    minutesSetSummary: missing("minutesSetSummary"),
    minutesSetItem: missing("minutesSetItem"),
    minutesSaveRemark: missing("minutesSaveRemark"),
    minutesSaveDecision: missing("minutesSaveDecision"),
    minutesRemoveEntry: missing("minutesRemoveEntry"),
    minutesApprove: missing("minutesApprove"),
    minutesReopen: missing("minutesReopen"),
    minutesSaveRevision: missing("minutesSaveRevision"),
    minutesRevisions: async () => [],
    minutesCompare: async () => [],
    minutesRestore: missing("minutesRestore"),
    followupsList: async () => [],
    statsGet: missing("statsGet"),
    followupsOpenBefore: async () => [],
    followupCreate: missing("followupCreate"),
    followupUpdate: missing("followupUpdate"),
    sessionGet: async (id) => {
      const s = sessions.find((x) => x.id === id);
      if (!s) throw notFound;
      return s;
    },
    sessionCreate: async (input) => {
      const s = fromInput(input, crypto.randomUUID());
      sessions.push(s);
      return s;
    },
    sessionUpdate: async (id, input) => {
      const i = sessions.findIndex((x) => x.id === id);
      if (i < 0) throw notFound;
      sessions[i] = fromInput(input, id);
      return sessions[i];
    },
    sessionDelete: async (id) => {
      const i = sessions.findIndex((x) => x.id === id);
      if (i < 0) throw notFound;
      sessions.splice(i, 1);
    },
    sessionNextNumber: async () => Math.max(0, ...sessions.map((s) => s.number ?? 0)) + 1,
    settingsGet: async () => settings,
    settingsUpdate: async (patch) => {
      settings = { ...settings, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      return settings;
    },
    demoRemove: async () => {
      settings = { ...settings, hasDemo: false, firstRun: false };
    },
    ...overrides,
  };
  return { api, sessions };
}
