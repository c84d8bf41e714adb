import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lang, SyncStatus } from "../api";
import { formatMoment, isToday } from "../format";
import { useNavigate } from "../navigation";
import { Icon } from "./Icon";

/** When the last exchange went through: the time today ("14:05"), else with the date. */
export function syncedText(t: TFunction, status: SyncStatus, lang: Lang): string {
  return status.syncedAt ? formatMoment(status.syncedAt, lang, !isToday(status.syncedAt)) : t("sync.never");
}

/**
 * The team's sync state at the bottom of the sidebar, shown while this database is in a
 * team: up to date, changes waiting, offline (the last exchange failed; why in the
 * tooltip), and the open conflicts as a way to the Conflicts screen.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const waiting = status.waiting;
  const conflicts = status.openConflicts;
  // Just joined, before the first exchange went through: neither up to date nor offline.
  const state = status.lastError ? "offline" : waiting > 0 ? "waiting" : status.syncedAt ? "ok" : "never";
  const synced = syncedText(t, status, lang);
  const tooltip = [
    t("sync.lastSync", { time: synced }),
    status.lastError && t("sync.lastError", { error: status.lastError }),
  ].filter(Boolean).join("\n");
  return (
    <div className={`sync-indicator sync-${state}`} data-testid="sync-indicator" data-state={state} title={tooltip}>
      <div role="status" className="sync-state">
        <Icon name={state === "offline" ? "offline" : state === "ok" ? "check" : "sync"} />
        <span>
          {state === "offline" ? t("sync.offline") : state === "waiting" ? t("sync.waiting", { count: waiting }) : state === "ok" ? t("sync.upToDate") : t("sync.never")}
        </span>
      </div>
      {status.lastError && <span className="sr-only">{t("sync.lastError", { error: status.lastError })}</span>}
      {state === "offline" && waiting > 0 && <div className="sync-detail">{t("sync.waiting", { count: waiting })}</div>}
      {state !== "never" && (
        <div className="sync-detail" data-testid="sync-time">{status.syncedAt ? t("sync.syncedAt", { time: synced }) : synced}</div>
      )}
      {conflicts > 0 && (
        <button type="button" className="sync-conflicts" onClick={() => navigate({ name: "conflicts" })} data-testid="sync-conflicts">
          <Icon name="warning" />
          <span>{t("sync.conflicts", { count: conflicts })}</span>
        </button>
      )}
    </div>
  );
}
