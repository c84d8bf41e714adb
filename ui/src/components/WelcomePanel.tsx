import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang } from "../api";
import { ErrorMessage } from "./ErrorMessage";

const LANGS: Lang[] = ["ru", "kk", "zh", "en"];

/**
 * The first start: the demonstration (the Club's 8th session) is loaded so there is
 * something to look at; this asks whether to keep it or start clean, and in which language.
 */
export function WelcomePanel() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useCommand("settings_get");
  const answer = useMutation({
    mutationFn: async ({ clean, language }: { clean?: boolean; language?: Lang }) => {
      if (clean) await api.call("demo_remove");
      return api.call("settings_update", { patch: language ? { language } : { welcomed: true } });
    },
    onSuccess: async (next) => {
      queryClient.setQueryData(queryKey("settings_get"), next);
      await queryClient.invalidateQueries();
    },
  });
  if (!settings.data?.firstRun) return null;
  const current = settings.data.language;
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t("welcome.title")}</h2>
      <p>{t("welcome.text")}</p>
      <div className="welcome-langs" role="group" aria-label={t("welcome.language")}>
        {LANGS.map((l) => (
          <button key={l} type="button" aria-pressed={l === current} className={l === current ? "chosen" : undefined}
            onClick={() => answer.mutate({ language: l })} lang={l}>
            {t(`lang.${l}`)}
          </button>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => answer.mutate({})} data-testid="welcome-keep">{t("welcome.keep")}</button>
        <button type="button" onClick={() => answer.mutate({ clean: true })} data-testid="welcome-clean">{t("welcome.clean")}</button>
      </div>
      {answer.error && <ErrorMessage error={answer.error} />}
    </section>
  );
}
