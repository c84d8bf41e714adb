import { useReadyMark } from "../ready";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type Session } from "../api";
import { useAsk } from "../components/AskDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { StartPanel } from "../components/StartPanel";
import { WelcomePanel } from "../components/WelcomePanel";
import { DemoBadge, StatusBadge } from "../components/StatusBadge";
import { formatDate, formatTime, pick } from "../format";
import { useNavigate } from "../navigation";

export function SessionsScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const sessions = useCommand("sessions_list");
  useReadyMark("sessions", sessions.isSuccess);
  const lang = i18n.language as Lang;
  const [templatesOpen, setTemplatesOpen] = useState(false);

  const header = (
    <>
      <header className="screen-header">
        <h1>{t("sessions.title")}</h1>
        <div className="actions">
          <button type="button" onClick={() => setTemplatesOpen(!templatesOpen)} aria-expanded={templatesOpen} data-testid="from-template">
            {t("series.fromTemplate")}
          </button>
          <button type="button" className="primary" onClick={() => navigate({ name: "newSession" })} data-testid="new-session">
            + {t("sessions.new")}
          </button>
        </div>
      </header>
      <WelcomePanel />
      {templatesOpen && <Templates lang={lang} />}
    </>
  );
  if (sessions.isPending) return <>{header}<p className="loading">{t("app.loading")}</p></>;
  if (sessions.error) return <>{header}<ErrorMessage error={sessions.error} /></>;

  const all = sessions.data;
  if (all.length === 0) {
    return (
      <>
        {header}
        <div className="empty-state">
          <h2>{t("sessions.empty")}</h2>
          <p>{t("sessions.emptyHint")}</p>
          <button type="button" className="primary" onClick={() => navigate({ name: "newSession" })}>
            {t("sessions.new")}
          </button>
        </div>
      </>
    );
  }
  // The list comes newest first; the next session to happen goes on top of "upcoming".
  const upcoming = all.filter((s) => s.upcoming).reverse();
  const past = all.filter((s) => !s.upcoming);
  return (
    <>
      {header}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("sessions.upcoming")}</h2>
        {upcoming.length ? <SessionList sessions={upcoming} lang={lang} /> : <p className="muted">{t("sessions.noUpcoming")}</p>}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t("sessions.past")}</h2>
        {past.length ? <PastSessions sessions={past} lang={lang} /> : <p className="muted">{t("sessions.noPast")}</p>}
      </section>
    </>
  );
}

/** The most recent past sessions; the rest of the archive (20 years: 300) on request. */
const PAST_SHOWN = 24;

function PastSessions({ sessions, lang }: { sessions: Session[]; lang: Lang }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? sessions : sessions.slice(0, PAST_SHOWN);
  return (
    <>
      <SessionList sessions={shown} lang={lang} />
      {shown.length < sessions.length && (
        <button type="button" className="show-more" onClick={() => setAll(true)} data-testid="show-all-past">
          {t("sessions.showAll", { count: sessions.length - shown.length })}
        </button>
      )}
    </>
  );
}

function SessionList({ sessions, lang }: { sessions: Session[]; lang: Lang }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ul className="session-list" data-testid="session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <button type="button" className="session-card" onClick={() => navigate({ name: "session", id: s.id })} data-testid="session-card">
            <span className="session-number">{s.number != null ? t("sessions.number", { n: s.number }) : "—"}</span>
            <span className="session-main">
              <span className="session-title">{pick(s.title, lang) || t("sessions.untitled")}</span>
              <span className="session-meta">
                {formatDate(s.date, lang)} · {formatTime(s.date, s.start, s.timeZone, lang)}–{formatTime(s.date, s.end, s.timeZone, lang)}
                {pick(s.venue, lang) && <> · {pick(s.venue, lang)}</>}
              </span>
            </span>
            <span className="session-badges">
              {s.isDemo && <DemoBadge />}
              <StatusBadge status={s.status} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Templates({ lang }: { lang: Lang }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useCommand("templates_list");
  const [chosen, setChosen] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.call("template_delete", { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKey("templates_list") }),
  });
  const { dialog, ask } = useAsk();
  if (!templates.data) return null;
  if (templates.data.length === 0) return <p className="muted">{t("series.noTemplates")}</p>;
  return (
    <>
      {dialog}
      <ul className="templates">
        {templates.data.map((tpl) => (
          <li key={tpl.id}>
            <div className="template-row">
              <strong>{pick(tpl.name, lang)}</strong>
              <span className="muted small">{t("series.templateItems", { items: tpl.items, invitees: tpl.invitees })}</span>
              <button type="button" onClick={() => setChosen(chosen === tpl.id ? null : tpl.id)}>{t("series.create")}</button>
              <button type="button" className="link" onClick={() => ask({ title: t("series.deleteTemplate"), text: t("series.deleteTemplateConfirm", { name: pick(tpl.name, lang) }), yes: t("series.deleteTemplate"), then: () => remove.mutate(tpl.id) })}>{t("series.deleteTemplate")}</button>
            </div>
            {chosen === tpl.id && <StartPanel start={(options) => api.call("template_start", { id: tpl.id, options })} onClose={() => setChosen(null)} />}
          </li>
        ))}
      </ul>
    </>
  );
}
