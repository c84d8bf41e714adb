import { keepPreviousData, useMutation, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type Person, type PersonName } from "../api";
import { emptyPerson, nameFromText } from "../person";
import { pick } from "../format";
import { ErrorMessage } from "./ErrorMessage";

/** Search-as-you-type over the directory in every script, with "add as new" at the end. */
export function PeoplePicker({ onPick, exclude = [] }: { onPick: (p: Person) => void; exclude?: string[] }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const query = useDeferredValue(text.trim());
  const listId = useId();
  // While the next letters' results load, the last ones stay (the list does not blink
  // empty at every keystroke, and a click lands on what was shown).
  const results = useCommand("people_search", { query }, { enabled: query.length > 0, placeholderData: keepPreviousData });
  // "Add as new" opens a short form with the typed name split as its script writes it,
  // to confirm or correct before anyone is added.
  const [draft, setDraft] = useState<PersonName | null>(null);
  const create = useMutation({
    mutationFn: (name: PersonName) => api.call("person_create", { input: { ...emptyPerson(), names: [name] } }),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: queryKey("people_list") });
      void queryClient.invalidateQueries({ queryKey: queryKey("people_search") });
      onPick(person);
      setText("");
      setDraft(null);
    },
  });
  const save = () => {
    if (!draft || create.isPending || !(draft.family.trim() || draft.given.trim())) return;
    create.mutate({ ...draft, family: draft.family.trim(), given: draft.given.trim(), patronymic: draft.patronymic.trim() });
  };
  const field = (key: "family" | "given" | "patronymic") => (
    <label>
      {t(`people.${key}`)}
      <input
        value={draft![key]}
        onChange={(e) => setDraft({ ...draft!, [key]: e.target.value })}
        data-testid={`new-person-${key}`}
        autoFocus={key === (draft!.lang === "zh" ? "family" : "given")}
      />
    </label>
  );
  const found = (results.data ?? []).filter((p) => !exclude.includes(p.id)).slice(0, 8);
  return (
    <div className="picker">
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("agenda.findPerson")}
        aria-label={t("agenda.addPerson")}
        aria-controls={listId}
        data-testid="person-search"
      />
      {query && (
        <ul id={listId} className="picker-results" role="listbox">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onClick={() => {
                  onPick(p);
                  setText("");
                }}
              >
                <strong>{pick(p.displayName, lang)}</strong>{" "}
                <span className="muted small">{pick(p.position, lang) || pick(p.organisation, lang)}</span>
              </button>
            </li>
          ))}
          {results.data && found.length === 0 && <li className="muted small">{t("agenda.noPeople")}</li>}
          <li>
            <button type="button" className="link" onClick={() => setDraft(nameFromText(query, lang))} data-testid="create-person">
              + {t("agenda.createPerson", { name: query })}
            </button>
          </li>
        </ul>
      )}
      {draft && (
        // Not a <form>: the picker sits inside the agenda item's form, and forms do not nest.
        <div
          className="new-person"
          role="group"
          aria-label={t("agenda.createPerson", { name: query })}
          onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); save(); } }}
          data-testid="new-person-form"
        >
          {draft.lang === "zh" ? <>{field("family")}{field("given")}</> : <>{field("given")}{field("family")}{(draft.lang === "ru" || draft.lang === "kk") && field("patronymic")}</>}
          <div className="form-actions">
            <button type="button" className="primary" onClick={save} disabled={create.isPending || !(draft.family.trim() || draft.given.trim())} data-testid="new-person-save">{t("people.save")}</button>
            <button type="button" onClick={() => setDraft(null)}>{t("people.cancel")}</button>
          </div>
        </div>
      )}
      {create.error && <ErrorMessage error={create.error} />}
    </div>
  );
}
