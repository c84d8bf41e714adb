import { useReadyMark } from "../ready";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type Session, type Text } from "../api";
import { AgendaEditor } from "../components/AgendaEditor";
import { useAsk } from "../components/AskDialog";
import { Progress } from "../feedback";
import { ErrorMessage } from "../components/ErrorMessage";
import { InviteesPanel } from "../components/InviteesPanel";
import { MinutesPanel } from "../components/MinutesPanel";
import { PressPanel } from "../components/PressPanel";
import { AttachmentsPanel } from "../components/AttachmentsPanel";
import { FollowUpTable } from "./FollowUpsScreen";
import { SeatingPanel } from "../components/SeatingPanel";
import { MailPanel } from "../components/MailPanel";
import { DocumentsPanel } from "../components/DocumentsPanel";
import { StartPanel } from "../components/StartPanel";
import { DemoBadge, StatusBadge } from "../components/StatusBadge";
import { ThemesEditor } from "../components/ThemesEditor";
import { WorkflowPanel } from "../components/WorkflowPanel";
import { formatDate, formatTime, pick, zoneName } from "../format";
import { LANGS } from "../i18n";
import { useNavigate } from "../navigation";
import { Icon } from "../components/Icon";

type Tab = "overview" | "agenda" | "invitees" | "seating" | "mail" | "minutes" | "press" | "files" | "documents";

export function SessionScreen({ id, tab: initialTab = "overview" }: { id: string; tab?: Tab }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lang = i18n.language as Lang;
  const session = useCommand("session_get", { id });
  useReadyMark("session", session.isSuccess);
  const { dialog, ask } = useAsk();
  const [tab, setTab] = useState<Tab>(initialTab);
  const remove = useMutation({
    mutationFn: () => api.call("session_delete", { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKey("sessions_list") });
      queryClient.removeQueries({ queryKey: queryKey("session_get", { id }) });
      navigate({ name: "sessions" });
    },
  });

  const back = (
    <button type="button" className="link" onClick={() => navigate({ name: "sessions" })}>
      <Icon name="back" /> {t("session.back")}
    </button>
  );
  if (session.isPending) return <>{back}<p className="loading">{t("app.loading")}</p></>;
  if (session.error) return <>{back}<ErrorMessage error={session.error} /></>;
  const s = session.data;

  return (
    <article className="session-view">
      {back}
      <header className="screen-header">
        <div>
          <p className="eyebrow">
            {s.ordinal[lang] && <span data-testid="session-ordinal">{s.ordinal[lang]}</span>} {s.isDemo && <DemoBadge />} <StatusBadge status={s.status} />
          </p>
          <h1 data-testid="session-title">{pick(s.title, lang) || t("sessions.untitled")}</h1>
        </div>
        <div className="actions">
          <button type="button" onClick={() => navigate({ name: "editSession", id })} data-testid="edit-session">
            {t("session.edit")}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() =>
              ask({ title: t("session.delete"), text: t("session.deleteConfirm"), yes: t("session.deleteYes"), then: () => remove.mutate(), testId: "delete-dialog", yesTestId: "confirm-delete" })
            }
            data-testid="delete-session"
          >
            {t("session.delete")}
          </button>
        </div>
      </header>
      {dialog}
      {remove.isPending && <Progress label={t("session.deleting")} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      <div className="tabs" role="tablist">
        {(["overview", "agenda", "invitees", "seating", "mail", "minutes", "press", "files", "documents"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className={tab === name ? "tab active" : "tab"}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {name === "invitees" ? t("invitees.tab") : name === "minutes" ? t("minutes.tab") : t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "agenda" && <AgendaEditor sessionId={s.id} />}
        {tab === "invitees" && <InviteesPanel sessionId={s.id} date={s.date} timeZone={s.timeZone} />}
        {tab === "seating" && <SeatingPanel sessionId={s.id} />}
        {tab === "mail" && <MailPanel sessionId={s.id} sessionDate={s.date} />}
        {tab === "minutes" && <MinutesPanel sessionId={s.id} />}
        {tab === "press" && <PressPanel sessionId={s.id} />}
        {tab === "files" && <AttachmentsPanel sessionId={s.id} />}
        {tab === "overview" && <Overview session={s} lang={lang} />}
        {tab === "documents" && <DocumentsPanel sessionId={s.id} />}
      </div>
    </article>
  );
}

function Overview({ session: s, lang }: { session: Session; lang: Lang }) {
  const api = useApi();
  const { t } = useTranslation();
  const [panel, setPanel] = useState<"continue" | "template" | null>(null);
  return (
    <>
      <dl className="facts">
        <dt>{t("session.when")}</dt>
        <dd>
          {formatDate(s.date, lang)}, {formatTime(s.date, s.start, s.timeZone, lang)}–{formatTime(s.date, s.end, s.timeZone, lang)}
          <span className="muted"> ({zoneName(s.date, s.start, s.timeZone, lang)})</span>
        </dd>
        {pick(s.venue, lang) && (<><dt>{t("session.venue")}</dt><dd>{pick(s.venue, lang)}</dd></>)}
        {pick(s.theme, lang) && (<><dt>{t("session.theme")}</dt><dd>{pick(s.theme, lang)}</dd></>)}
        {s.notes && (<><dt>{t("session.notes")}</dt><dd className="pre">{s.notes}</dd></>)}
      </dl>
      <PreviousDecisions sessionId={s.id} />
      <div className="two-columns">
        <WorkflowPanel session={s} />
        <ThemesEditor sessionId={s.id} />
      </div>
      <div className="actions series-actions">
        <button type="button" onClick={() => setPanel(panel === "continue" ? null : "continue")} data-testid="continue-series">{t("series.continue")}</button>
        <button type="button" onClick={() => setPanel(panel === "template" ? null : "template")}>{t("series.saveTemplate")}</button>
      </div>
      {panel === "continue" && <StartPanel start={(options) => api.call("session_copy", { from: s.id, options })} onClose={() => setPanel(null)} />}
      {panel === "template" && <SaveTemplate session={s} lang={lang} onClose={() => setPanel(null)} />}
      <Translations label={t("form.title")} text={s.title} />
      <Translations label={t("form.theme")} text={s.theme} />
    </>
  );
}

/** Open follow-ups from earlier sessions: "review of previous decisions". */
function PreviousDecisions({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const open = useCommand("followups_open_before", { sessionId });
  if (!open.data?.length) return null;
  return (
    <section className="previous-decisions" data-testid="previous-decisions">
      <h2>{t("followups.review")}</h2>
      <FollowUpTable items={open.data} />
    </section>
  );
}

function SaveTemplate({ session, lang, onClose }: { session: Session; lang: Lang; onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(pick(session.title, lang));
  const save = useMutation({
    mutationFn: () => api.call("template_save", { from: session.id, name: { [lang]: name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKey("templates_list") }),
  });
  return (
    <form className="start-panel" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <div className="field">
        <label htmlFor="template-name">{t("series.templateName")}</label>
        <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {save.data && <p className="ok-text" role="status">{t("series.templateSaved", { name: pick(save.data.name, lang) })}</p>}
      {save.error && <ErrorMessage error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t("series.saveTemplate")}</button>
        <button type="button" onClick={onClose}>{t("form.cancel")}</button>
      </div>
    </form>
  );
}

/** Every language a text is written in, so organisers see what is still missing. */
function Translations({ label, text }: { label: string; text: Text }) {
  const { t } = useTranslation();
  if (!LANGS.some((l) => text[l])) return null;
  return (
    <section className="translations">
      <h2>{label}</h2>
      <dl>
        {LANGS.map((l) => (
          <div key={l} className={text[l] ? "" : "missing"}>
            <dt>{t(`langShort.${l}`)}</dt>
            <dd lang={l}>{text[l] ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
