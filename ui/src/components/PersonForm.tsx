import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, queryKey, useApi, useCommand, type ApiError, type Lang, type Person, type PersonInput, type PersonName } from "../api";
import { pick } from "../format";
import { LANGS } from "../i18n";
import { emptyPerson, inputOfPerson } from "../person";
import { leaveUnsaved, useUnsavedChanges } from "../unsaved";
import { useAsk } from "./AskDialog";
import { errorText } from "./ErrorMessage";
import { MultiText } from "./MultiText";

/** Every field of a person; warns about a likely duplicate and offers to merge. */
export function PersonForm({ person, onDone }: { person?: Person; onDone: (p: Person | null) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const [input, setInput] = useState<PersonInput>(person ? inputOfPerson(person) : emptyPerson());
  const [error, setError] = useState<ApiError | null>(null);
  // Typed in and not saved: Cancel or another screen asks first.
  const [touched, setTouched] = useState(false);
  const unsaved = useUnsavedChanges(touched);
  const organisations = useCommand("organisations_list");
  const categories = useCommand("precedence_categories");
  const dupes = useQuery({
    // Keyed by what finds a duplicate, so typing in another field does not ask again.
    queryKey: [...queryKey("person_duplicates"), JSON.stringify([input.names, input.email, input.phone]), person?.id],
    queryFn: () => api.call("person_duplicates", { input, except: person?.id ?? null }),
    enabled: input.names.some((n) => n.family || n.given) || !!input.email,
  });
  const done = async (p: Person | null) => {
    await queryClient.invalidateQueries({ queryKey: queryKey("people_list") });
    await queryClient.invalidateQueries({ queryKey: queryKey("people_search") });
    unsaved.release();
    onDone(p);
  };
  const save = useMutation({
    mutationFn: () => (person ? api.call("person_update", { id: person.id, input }) : api.call("person_create", { input })),
    onSuccess: done,
    onError: (e) => setError(isApiError(e) ? e : { code: "internal", message: String(e) }),
  });
  const merge = useMutation({ mutationFn: (keep: string) => api.call("person_merge", { keep, remove: person!.id }), onSuccess: done });
  const remove = useMutation({ mutationFn: () => api.call("person_delete", { id: person!.id }), onSuccess: () => done(null) });
  const { dialog, ask } = useAsk();

  const errorFor = (field: string) => (error?.field === field ? errorText(t, error) : undefined);
  const set = (patch: Partial<PersonInput>) => {
    setTouched(true);
    setInput({ ...input, ...patch });
  };
  const nameIn = (l: Lang): PersonName =>
    input.names.find((n) => n.lang === l) ?? { lang: l, family: "", given: "", patronymic: "", familyFirst: l === "zh" };
  const setName = (l: Lang, patch: Partial<PersonName>) => {
    const others = input.names.filter((n) => n.lang !== l);
    const next = { ...nameIn(l), ...patch };
    set({ names: LANGS.map((x) => (x === l ? next : others.find((n) => n.lang === x))).filter((n): n is PersonName => !!n) });
  };
  const nameError = (l: Lang) => {
    const i = input.names.findIndex((n) => n.lang === l);
    return error?.field?.startsWith(`names.${i}.`) ? errorText(t, error) : undefined;
  };
  const field = (key: "country" | "email" | "phone" | "wechat", label: string) => (
    <div className={errorFor(key) ? "field invalid" : "field"}>
      <label htmlFor={`person-${key}`}>{label}</label>
      <input id={`person-${key}`} value={input[key]} onChange={(e) => set({ [key]: e.target.value })} data-field={key} />
      {errorFor(key) && <span className="field-error">{errorFor(key)}</span>}
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    save.mutate();
  };
  return (
    <form className="person-form" onSubmit={submit} noValidate data-testid="person-form">
      <fieldset className={errorFor("names") ? "multi invalid" : "multi"}>
        <legend>{t("people.names")}</legend>
        <div className="name-grid">
          <span />
          <span className="muted small">{t("people.family")}</span>
          <span className="muted small">{t("people.given")}</span>
          <span className="muted small">{t("people.patronymic")}</span>
          <span className="muted small">{t("people.familyFirst")}</span>
          {LANGS.map((l) => (
            <div className="name-row" key={l}>
              <label htmlFor={`family-${l}`}>{t(`langShort.${l}`)}</label>
              <input id={`family-${l}`} lang={l} value={nameIn(l).family} onChange={(e) => setName(l, { family: e.target.value })} aria-label={`${t("people.family")} ${t(`langShort.${l}`)}`} />
              <input id={`given-${l}`} lang={l} value={nameIn(l).given} onChange={(e) => setName(l, { given: e.target.value })} aria-label={`${t("people.given")} ${t(`langShort.${l}`)}`} />
              <input lang={l} value={nameIn(l).patronymic} onChange={(e) => setName(l, { patronymic: e.target.value })} aria-label={`${t("people.patronymic")} ${t(`langShort.${l}`)}`} />
              <input type="checkbox" checked={nameIn(l).familyFirst} onChange={(e) => setName(l, { familyFirst: e.target.checked })} aria-label={`${t("people.familyFirst")} ${t(`langShort.${l}`)}`} />
              {nameError(l) && <span className="field-error">{nameError(l)}</span>}
            </div>
          ))}
        </div>
        {errorFor("names") && <span className="field-error">{errorFor("names")}</span>}
      </fieldset>
      {dupes.data?.map((d) => (
        <div className="duplicate" role="status" key={d.person.id}>
          {t("people.duplicate", { name: pick(d.person.displayName, lang), reason: t(`people.reasons.${d.reason}`) })}
          {person && (
            <button type="button" onClick={() => merge.mutate(d.person.id)} disabled={merge.isPending}>
              {t("people.mergeInto", { name: pick(d.person.displayName, lang) })}
            </button>
          )}
        </div>
      ))}
      <MultiText field="honorific" label={t("people.honorific")} value={input.honorific} onChange={(honorific) => set({ honorific })} errorFor={errorFor} />
      <div className="row">
        <div className="field">
          <label htmlFor="person-organisation">{t("people.organisation")}</label>
          <select id="person-organisation" value={input.organisationId} onChange={(e) => set({ organisationId: e.target.value, organisationName: "" })}>
            <option value="">{t("people.none")}</option>
            {organisations.data?.map((o) => (
              <option key={o.id} value={o.id}>{pick(o.name, lang)}</option>
            ))}
          </select>
          {!input.organisationId && (
            <input placeholder={t("people.newOrganisation")} value={input.organisationName} onChange={(e) => set({ organisationName: e.target.value })} aria-label={t("people.newOrganisation")} />
          )}
        </div>
        {field("country", t("people.country"))}
      </div>
      <div className="row">
        {field("email", t("people.email"))}
        {field("phone", t("people.phone"))}
        {field("wechat", t("people.wechat"))}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="person-category">{t("people.precedence")}</label>
          <select id="person-category" value={input.precedenceCategoryId} onChange={(e) => set({ precedenceCategoryId: e.target.value })}>
            <option value="">{t("people.none")}</option>
            {categories.data?.map((c) => (
              <option key={c.id} value={c.id}>{c.rank}. {pick(c.name, lang)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="person-rank">{t("people.rank")}</label>
          <input id="person-rank" inputMode="numeric" value={input.precedenceRank} onChange={(e) => set({ precedenceRank: e.target.value })} />
        </div>
        <div className="field">
          <span className="label">{t("people.languages")}</span>
          <div className="checks">
            {LANGS.map((l) => (
              <label className="check" key={l}>
                <input type="checkbox" checked={input.languages.includes(l)} onChange={(e) => set({ languages: e.target.checked ? [...input.languages, l] : input.languages.filter((x) => x !== l) })} />
                {t(`langShort.${l}`)}
              </label>
            ))}
          </div>
        </div>
      </div>
      <div className="field">
        <label htmlFor="person-tags">{t("people.tags")}</label>
        <input id="person-tags" value={input.tags.join(", ")} onChange={(e) => set({ tags: e.target.value.split(",").map((x) => x.trimStart()) })} />
      </div>
      <fieldset className="multi">
        <legend>{t("people.positions")}</legend>
        {input.positions.map((p, i) => (
          <div className="position-row" key={i}>
            <input value={p.title[lang] ?? pick(p.title, lang)} onChange={(e) => set({ positions: input.positions.map((x, j) => (j === i ? { ...x, title: { ...x.title, [lang]: e.target.value } } : x)) })} aria-label={t("people.positionTitle")} />
            <input value={p.startedOn} placeholder="2016" onChange={(e) => set({ positions: input.positions.map((x, j) => (j === i ? { ...x, startedOn: e.target.value } : x)) })} aria-label={t("people.from")} />
            <input value={p.endedOn} placeholder="2021" onChange={(e) => set({ positions: input.positions.map((x, j) => (j === i ? { ...x, endedOn: e.target.value } : x)) })} aria-label={t("people.to")} />
            <button type="button" className="link" onClick={() => set({ positions: input.positions.filter((_, j) => j !== i) })} aria-label="×">×</button>
            {error?.field?.startsWith(`positions.${i}.`) && <span className="field-error">{errorText(t, error)}</span>}
          </div>
        ))}
        <button type="button" className="link" onClick={() => set({ positions: [...input.positions, { title: {}, startedOn: "", endedOn: "" }] })}>+ {t("people.addPosition")}</button>
      </fieldset>
      <div className="field">
        <label htmlFor="person-notes">{t("people.notes")}</label>
        <textarea id="person-notes" rows={3} value={input.notes} onChange={(e) => set({ notes: e.target.value })} />
      </div>
      {error && !error.field && <p className="error">{errorText(t, error)}</p>}
      {dialog}
      {remove.error && <p className="error">{errorText(t, remove.error)}</p>}
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending} data-testid="save-person">{t("people.save")}</button>
        <button type="button" onClick={() => leaveUnsaved(() => onDone(null))} data-testid="cancel-person">{t("people.cancel")}</button>
        {person && <button type="button" className="danger" onClick={() => ask({ title: t("people.delete"), text: t("people.deleteConfirm"), yes: t("people.delete"), then: () => remove.mutate(), testId: "delete-person-dialog" })}>{t("people.delete")}</button>}
      </footer>
    </form>
  );
}
