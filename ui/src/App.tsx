import { useQueryClient } from "@tanstack/react-query";
import { Fragment, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, useApi, useCommand, type LocationWarning } from "./api";
import { AboutDialog } from "./components/AboutDialog";
import { BackupsPanel } from "./components/BackupsPanel";
import { ErrorMessage } from "./components/ErrorMessage";
import { BackupFailureBanner, StorageBanner } from "./components/StorageBanner";
import { SyncIndicator } from "./components/SyncIndicator";
import { setLanguage } from "./i18n";
import { NavContext, type Route } from "./navigation";
import { ConflictsScreen } from "./screens/ConflictsScreen";
import { FollowUpsScreen } from "./screens/FollowUpsScreen";
import { PeopleScreen } from "./screens/PeopleScreen";
import { SearchScreen } from "./screens/SearchScreen";
import { SessionForm } from "./screens/SessionForm";
import { SessionScreen } from "./screens/SessionScreen";
import { SessionsScreen } from "./screens/SessionsScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { StatsScreen } from "./screens/StatsScreen";
import { type Action, editInField, useActions } from "./shortcuts";
import { Toasts } from "./feedback";
import { LeaveDialog, leaveUnsaved } from "./unsaved";

const SECTIONS = ["sessions", "people", "followups", "search", "stats", "settings"] as const;

/** How often the sync state is asked for while in a team (the waiting count, the last exchange). */
const SYNC_POLL_MS = 4000;

function section(route: Route): (typeof SECTIONS)[number] | "conflicts" {
  switch (route.name) {
    case "people":
    case "followups":
    case "stats":
    case "search":
    case "settings":
    case "conflicts":
      return route.name;
    default:
      return "sessions";
  }
}

let lastMenu = "";

/**
 * Each screen starts at the top, with the focus on the main landmark so keyboard users start
 * there too — unless the screen has already put it in a field of its own (autoFocus: the
 * search box, the new session's first field). Rendered last in each visit, its effect runs
 * once per screen, after the screen has set its own focus (autoFocus, or in an effect);
 * taking the focus back at every change of route overrode the search box's.
 */
function ScreenStart() {
  useEffect(() => {
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
    const main = document.getElementById("main");
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, []);
  return null;
}

export function App() {
  const api = useApi();
  const { t } = useTranslation();
  const status = useCommand("app_status");
  const ready = status.data && !status.data.error;
  const settings = useCommand("settings_get", {}, { enabled: !!ready });
  // Polled only while this database is in a team; "sync-changed" refreshes it at once.
  const sync = useCommand("sync_status", {}, { enabled: !!ready, refetchInterval: (q) => (q.state.data?.member ? SYNC_POLL_MS : false) });
  const member = !!sync.data?.member;
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Route | null>(null);
  // Each visit starts its screen afresh: choosing People while a person is open goes back
  // to the list, as a sidebar does.
  const [visit, setVisit] = useState(0);
  // Every way to another screen asks first when a form holds unsaved work.
  const setRoute = useCallback(
    (next: Route) =>
      leaveUnsaved(() => {
        setChosen(next);
        setVisit((v) => v + 1);
      }),
    [],
  );
  const openSession = status.data?.openSession;
  const route: Route = chosen ?? (openSession ? { name: "session", id: openSession, tab: "minutes" } : { name: "sessions" });
  const language = settings.data?.language;

  const [about, setAbout] = useState(false);

  useEffect(() => {
    if (language) void setLanguage(language);
  }, [language]);

  // The native menu speaks the interface language.
  useEffect(() => {
    if (!language) return;
    const ids = ["menu-file", "menu-edit", "menu-view", "menu-session", "menu-help", "new-session", "export", "print", "quit",
      "undo", "redo", "cut", "copy", "paste", "select-all", "find", "tab-agenda", "tab-invitees", "tab-minutes", "tab-documents", "about"];
    const labels: Record<string, string> = Object.fromEntries(ids.map((id) => [id, t(`menu.${id}`)]));
    for (const name of SECTIONS) labels[`nav-${name}`] = t(`nav.${name}`);
    // Set again only when a label changed (GTK rebuilds every accelerator).
    const key = JSON.stringify(labels);
    if (key === lastMenu) return;
    lastMenu = key;
    api.call("menu_set", { labels }).catch(() => {});
  }, [api, language, t]);

  const run = useCallback(
    (action: Action) => {
      const session = route.name === "session" ? route.id : null;
      switch (action) {
        case "new-session":
          return setRoute({ name: "newSession" });
        case "find":
        case "nav-search":
          // Already there: the query stays, the field takes the focus again.
          if (route.name !== "search") setRoute({ name: "search" });
          return void setTimeout(() => document.querySelector<HTMLInputElement>("[data-testid=search-input]")?.focus(), 0);
        case "undo":
        case "redo":
          // In a field, its own typing; elsewhere the last removal (the agenda's, say).
          if (!editInField(action)) window.dispatchEvent(new CustomEvent(`club:${action}`));
          return;
        case "about":
          return setAbout(true);
        case "export":
        case "print":
          return session && setRoute({ name: "session", id: session, tab: "documents" });
        case "tab-agenda":
        case "tab-invitees":
        case "tab-minutes":
        case "tab-documents":
          return session && setRoute({ name: "session", id: session, tab: action.slice(4) as "agenda" });
        default:
          return setRoute({ name: action.slice(4) } as Route);
      }
    },
    [route, setRoute],
  );
  useActions(run);

  // A file dropped where nothing takes it must not replace the app with the file (the
  // webview's default); the People screen takes contacts files.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  // The window's close button (or File → Quit) with unsaved work: ask, then close.
  useEffect(() => {
    let gone = false;
    let unlisten: (() => void) | undefined;
    api.onCloseRequested(() => leaveUnsaved(() => void api.call("app_close"))).then((u) => (gone ? u() : (unlisten = u)), () => {});
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [api]);

  // Something arrived from the hub, or the sync state changed: every screen shows it
  // (the check-in list at the door among them).
  useEffect(() => {
    let gone = false;
    let unlisten: (() => void) | undefined;
    api.onSyncChanged(() => void queryClient.invalidateQueries()).then((u) => (gone ? u() : (unlisten = u)), () => {});
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [api, queryClient]);

  // What app_status says changed (the daily backup, run after the start, failed).
  useEffect(() => {
    let gone = false;
    let unlisten: (() => void) | undefined;
    api
      .onStatusChanged(() => void queryClient.invalidateQueries({ queryKey: ["app_status"] }))
      .then((u) => (gone ? u() : (unlisten = u)), () => {});
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [api, queryClient]);

  if (status.isPending || (ready && settings.isPending)) {
    return <p className="loading">{t("app.loading")}</p>;
  }
  const failure = status.error ?? status.data?.error ?? settings.error;
  if (failure && isApiError(failure) && failure.code === "corrupt") {
    return (
      <main className="fatal" role="alert" data-testid="damaged">
        <h1>{t("backups.damagedTitle")}</h1>
        <p>{t("backups.damagedText")}</p>
        {status.data?.dbPath && <p className="muted">{t("app.dbPath", { path: status.data.dbPath })}</p>}
        <BackupsPanel damaged />
        <Toasts />
      </main>
    );
  }
  if (failure) {
    return (
      <main className="fatal" role="alert">
        <h1>{t("app.cannotOpen")}</h1>
        <ErrorMessage error={failure} />
        {status.data?.dbPath && <p className="muted">{t("app.dbPath", { path: status.data.dbPath })}</p>}
        <button
          type="button"
          data-testid="reopen"
          onClick={() => void api.call("app_reopen").catch(() => {}).finally(() => void queryClient.invalidateQueries())}
        >
          {t("app.tryAgain")}
        </button>
      </main>
    );
  }

  const current = section(route);
  // Conflicts, only in a team, before Settings.
  const nav = member ? [...SECTIONS.slice(0, -1), "conflicts" as const, ...SECTIONS.slice(-1)] : SECTIONS;
  return (
    <NavContext.Provider value={setRoute}>
      <div className="shell">
        <nav className="sidebar" aria-label={t("nav.label")}>
          <div className="brand">{t("app.name")}</div>
          <ul>
            {nav.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className={current === name ? "nav-item active" : "nav-item"}
                  aria-current={current === name ? "page" : undefined}
                  onClick={() => setRoute({ name } as Route)}
                  data-testid={`nav-${name}`}
                >
                  {t(`nav.${name}`)}
                </button>
              </li>
            ))}
          </ul>
          {sync.data?.member && <SyncIndicator status={sync.data} />}
        </nav>
        <LeaveDialog />
        <Toasts />
        {about && <AboutDialog version={status.data?.version ?? ""} dbPath={status.data?.dbPath ?? ""} onClose={() => setAbout(false)} />}
        <main id="main" className="content" tabIndex={-1}>
          {status.data?.locationWarning && <LocationBanner warning={status.data.locationWarning} dbPath={status.data.dbPath} />}
          <StorageBanner dbPath={status.data?.dbPath ?? ""} />
          {status.data?.backupFailure && <BackupFailureBanner failure={status.data.backupFailure} />}
          <Fragment key={visit}>
            {route.name === "sessions" && <SessionsScreen />}
            {route.name === "session" && <SessionScreen key={`${route.id}-${route.tab ?? ""}`} id={route.id} tab={route.tab} />}
            {route.name === "followups" && <FollowUpsScreen />}
            {route.name === "stats" && <StatsScreen />}
            {route.name === "newSession" && <SessionForm />}
            {route.name === "editSession" && <SessionForm id={route.id} />}
            {route.name === "people" && <PeopleScreen />}
            {route.name === "search" && <SearchScreen />}
            {route.name === "settings" && <SettingsScreen />}
            {route.name === "conflicts" && <ConflictsScreen />}
            <ScreenStart />
          </Fragment>
        </main>
      </div>
    </NavContext.Provider>
  );
}

/** Said on every screen while the database lies where it is not safe (a folder a cloud
 *  service copies, a network mount): why, and the way out. */
function LocationBanner({ warning, dbPath }: { warning: LocationWarning; dbPath: string }) {
  const { t } = useTranslation();
  return (
    <div className="banner warning" role="alert" data-testid="location-warning">
      <strong>{t(warning.kind === "cloud" ? "location.cloudTitle" : "location.networkTitle", { service: warning.service })}</strong>{" "}
      {t(warning.kind === "cloud" ? "location.cloudText" : "location.networkText", { service: warning.service, folder: warning.folder })}{" "}
      <span className="muted small">{t("app.dbPath", { path: dbPath })}</span>
    </div>
  );
}
