import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type FollowUp, type FollowUpStatus, type Lang } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatDate, pick } from "../format";
import { useNavigate } from "../navigation";

const STATUSES: FollowUpStatus[] = ["open", "in_progress", "done", "dropped"];

/** Follow-ups as a table; the status changes in place. */
export function FollowUpTable({ items }: { items: FollowUp[] }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ f, status }: { f: FollowUp; status: FollowUpStatus }) =>
      api.call("followup_update", { id: f.id, input: { body: f.body, ownerPersonId: f.ownerPersonId ?? "", dueOn: f.dueOn ?? "", status } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKey("followups_list") }),
        queryClient.invalidateQueries({ queryKey: queryKey("followups_open_before") }),
      ]),
  });
  return (
    <>
      <table className="grid followups" data-testid="followups">
        <thead>
          <tr><th>{t("followups.what")}</th><th>{t("followups.owner")}</th><th>{t("followups.due")}</th><th>{t("followups.status")}</th><th /></tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id} className={f.dueOn && f.status !== "done" && f.status !== "dropped" && f.dueOn < new Date().toISOString().slice(0, 10) ? "overdue" : ""}>
              <td>{pick(f.body, lang)}{pick(f.decision, lang) && <div className="muted small">{t("followups.fromDecision")}: {pick(f.decision, lang)}</div>}</td>
              <td>{pick(f.owner, lang) || "—"}</td>
              <td>{f.dueOn ? formatDate(f.dueOn, lang, "medium") : "—"}</td>
              <td>
                <select value={f.status} onChange={(e) => update.mutate({ f, status: e.target.value as FollowUpStatus })} aria-label={t("followups.status")}>
                  {STATUSES.map((s) => <option key={s} value={s}>{t(`followups.statuses.${s}`)}</option>)}
                </select>
              </td>
              <td><button type="button" className="link" onClick={() => navigate({ name: "session", id: f.sessionId, tab: "minutes" })}>{pick(f.sessionOrdinal, lang)}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {update.error && <ErrorMessage error={update.error} />}
    </>
  );
}

export function FollowUpsScreen() {
  const { t } = useTranslation();
  const list = useCommand("followups_list");
  return (
    <>
      <header className="screen-header"><div><h1>{t("followups.title")}</h1><p className="muted">{t("followups.register")}</p></div></header>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data?.length === 0 && <div className="empty-state"><p>{t("followups.empty")}</p></div>}
      {!!list.data?.length && <FollowUpTable items={list.data} />}
    </>
  );
}
