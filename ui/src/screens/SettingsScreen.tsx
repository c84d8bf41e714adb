import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type SettingsPatch } from "../api";
import { BackupsPanel } from "../components/BackupsPanel";
import { LettersSettings } from "../components/LettersSettings";
import { TeamPanel } from "../components/TeamPanel";
import { useAsk } from "../components/AskDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { Progress, useToast } from "../feedback";
import { pick } from "../format";
import { LANGS } from "../i18n";

const ZONES = ["Asia/Shanghai", "Asia/Almaty", "Asia/Hong_Kong", "Europe/Moscow", "Europe/London", "UTC"];

export function SettingsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useCommand("settings_get");
  const status = useCommand("app_status");
  const update = useMutation({
    mutationFn: (patch: SettingsPatch) => api.call("settings_update", { patch }),
    onSuccess: (saved) => queryClient.setQueryData(queryKey("settings_get"), saved),
  });
  const toast = useToast();
  const { dialog, ask } = useAsk();
  const removeDemo = useMutation({
    mutationFn: () => api.call("demo_remove"),
    onSuccess: () => {
      toast.done(t("settings.demoRemoved"));
      return queryClient.invalidateQueries();
    },
    onError: (e) => toast.failed(t("settings.demoRemove"), e),
  });
  const exportArchive = useMutation({
    mutationFn: () => api.call("archive_export"),
    onSuccess: (path) => path && toast.done(t("settings.archiveSaved", { path })),
    onError: (e) => toast.failed(t("settings.archiveFailed"), e),
  });
  if (!settings.data) return <p className="loading">{t("app.loading")}</p>;
  const s = settings.data;
  const lang = i18n.language as Lang;
  return (
    <>
      <header className="screen-header"><h1>{t("settings.title")}</h1></header>
      <section className="settings-group">
        <h2 id="language-heading">{t("settings.language")}</h2>
        <div role="radiogroup" aria-labelledby="language-heading" className="segmented">
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={s.language === l}
              className={s.language === l ? "active" : ""}
              onClick={() => update.mutate({ language: l })}
              lang={l}
              data-testid={`language-${l}`}
            >
              {t(`lang.${l}`)}
            </button>
          ))}
        </div>
      </section>
      <section className="settings-group">
        <h2><label htmlFor="default-zone">{t("settings.timeZone")}</label></h2>
        <select id="default-zone" value={s.timeZone} onChange={(e) => update.mutate({ timeZone: e.target.value })}>
          {(ZONES.includes(s.timeZone) ? ZONES : [s.timeZone, ...ZONES]).map((z) => (
            <option key={z} value={z}>{t(`zones.${z}`, { defaultValue: z })}</option>
          ))}
        </select>
      </section>
      <section className="settings-group">
        <h2>{t("settings.club")}</h2>
        <p>{pick(s.clubName, lang)}</p>
      </section>
      {update.error && <ErrorMessage error={update.error} />}
      <section className="settings-group">
        <h2>{t("settings.letters")}</h2>
        <LettersSettings settings={s} />
      </section>
      <section className="settings-group" data-testid="settings-team">
        <h2>{t("team.title")}</h2>
        <TeamPanel />
      </section>
      <section className="settings-group">
        <h2>{t("settings.demo")}</h2>
        {s.hasDemo ? (
          <>
            <p>{t("settings.demoText")}</p>
            <button type="button" className="danger" onClick={() => ask({ title: t("settings.demoRemove"), text: t("settings.demoConfirm"), yes: t("settings.demoRemoveYes"), then: () => removeDemo.mutate(), testId: "demo-dialog" })} disabled={removeDemo.isPending} data-testid="remove-demo">
              {t("settings.demoRemove")}
            </button>
          </>
        ) : (
          <p className="muted">{t("settings.demoNone")}</p>
        )}
        {dialog}
        {removeDemo.isPending && <Progress label={t("settings.demoRemoving")} />}
        {removeDemo.error && <ErrorMessage error={removeDemo.error} />}
      </section>
      <section className="settings-group">
        <h2>{t("backups.title")}</h2>
        <BackupsPanel />
      </section>
      <section className="settings-group">
        <h2>{t("settings.data")}</h2>
        <p className="muted small">{t("settings.dbPath")}: <code>{status.data?.dbPath}</code></p>
        <p className="muted small">{t("settings.archiveText")}</p>
        <button type="button" onClick={() => exportArchive.mutate()} disabled={exportArchive.isPending} data-testid="archive-export">
          {t("settings.archiveExport")}
        </button>
        {exportArchive.isPending && <Progress label={t("settings.archiveExporting")} />}
        {exportArchive.error && <ErrorMessage error={exportArchive.error} />}
      </section>
    </>
  );
}
