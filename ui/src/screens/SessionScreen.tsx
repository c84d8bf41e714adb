import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { keys, useApi, type Lang, type Text } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { DemoBadge, StatusBadge } from "../components/StatusBadge";
import { formatDate, formatTime, pick, zoneName } from "../format";
import { LANGS } from "../i18n";
import { useNavigate } from "../navigation";

export function SessionScreen({ id }: { id: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lang = i18n.language as Lang;
  const session = useQuery({ queryKey: keys.session(id), queryFn: () => api.sessionGet(id) });
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.sessionDelete(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.sessions });
      queryClient.removeQueries({ queryKey: keys.session(id) });
      navigate({ name: "sessions" });
    },
  });

  const back = (
    <button type="button" className="link" onClick={() => navigate({ name: "sessions" })}>
      ← {t("session.back")}
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
            {s.number != null && t("sessions.number", { n: s.number })} {s.isDemo && <DemoBadge />} <StatusBadge status={s.status} />
          </p>
          <h1 data-testid="session-title">{pick(s.title, lang) || t("sessions.untitled")}</h1>
        </div>
        <div className="actions">
          <button type="button" onClick={() => navigate({ name: "editSession", id })} data-testid="edit-session">
            {t("session.edit")}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="delete-session">
            {t("session.delete")}
          </button>
        </div>
      </header>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t("session.deleteConfirm")}</p>
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending} data-testid="confirm-delete">
            {t("session.deleteYes")}
          </button>
          <button type="button" onClick={() => setConfirming(false)} autoFocus>
            {t("session.cancel")}
          </button>
          {remove.error && <ErrorMessage error={remove.error} />}
        </div>
      )}
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
      <Translations label={t("form.title")} text={s.title} />
      <Translations label={t("form.theme")} text={s.theme} />
    </article>
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
