import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type ThemeRef } from "../api";
import { pick } from "../format";
import { ErrorMessage } from "./ErrorMessage";

/** The session's discussion themes as chips; new ones by name, existing ones suggested. */
export function ThemesEditor({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const chosen = useCommand("session_themes", { sessionId });
  const all = useCommand("themes_list");
  const [text, setText] = useState("");
  const listId = useId();
  const save = useMutation({
    mutationFn: (themes: ThemeRef[]) => api.call("session_set_themes", { sessionId, themes }),
    onSuccess: (themes) => {
      queryClient.setQueryData(queryKey("session_themes", { sessionId }), themes);
      void queryClient.invalidateQueries({ queryKey: queryKey("themes_list") });
      setText("");
    },
  });
  const current: ThemeRef[] = (chosen.data ?? []).map((th) => ({ id: th.id, name: th.name }));
  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = text.trim();
    if (!name) return;
    const existing = all.data?.find((th) => Object.values(th.name).some((v) => v?.toLowerCase() === name.toLowerCase()));
    save.mutate([...current, existing ? { id: existing.id, name: existing.name } : { name: { [lang]: name } }]);
  };
  return (
    <section className="themes" aria-labelledby="themes-heading">
      <h2 id="themes-heading">{t("themes.label")}</h2>
      <ul className="chips">
        {chosen.data?.length === 0 && <li className="muted">{t("themes.none")}</li>}
        {chosen.data?.map((th) => (
          <li key={th.id} className="chip">
            {pick(th.name, lang)}
            <button
              type="button"
              className="link"
              aria-label={t("themes.remove", { name: pick(th.name, lang) })}
              onClick={() => save.mutate(current.filter((c) => c.id !== th.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <input list={listId} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("themes.placeholder")} aria-label={t("themes.placeholder")} data-testid="theme-input" />
        <datalist id={listId}>
          {all.data?.filter((th) => !current.some((c) => c.id === th.id)).map((th) => (
            <option key={th.id} value={pick(th.name, lang)} />
          ))}
        </datalist>
        <button type="submit" disabled={!text.trim() || save.isPending}>{t("themes.add")}</button>
      </form>
      {save.error && <ErrorMessage error={save.error} />}
    </section>
  );
}
