import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, queryKey, useApi, useCommand, type ApiError, type SessionInput } from "../api";
import { DateField } from "../components/DateField";
import { errorText, ErrorMessage } from "../components/ErrorMessage";
import { MultiText } from "../components/MultiText";
import { useNavigate } from "../navigation";
import { useUnsavedChanges } from "../unsaved";

const ZONES = ["Asia/Shanghai", "Asia/Almaty", "Asia/Hong_Kong", "Europe/Moscow", "Europe/London", "UTC"];

const EMPTY: SessionInput = {
  number: "", title: {}, theme: {}, venue: {}, date: "", start: "15:00", end: "17:30", timeZone: "", notes: "",
};

/** Creates a session, or edits the one with `id`. */
export function SessionForm({ id }: { id?: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useCommand("session_get", { id: id ?? "" }, { enabled: !!id });
  const next = useCommand("session_next_number", {}, { enabled: !id });
  const settings = useCommand("settings_get");
  const [input, setInput] = useState<SessionInput | null>(id ? null : EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  // Typed text that is not a date (30.02.2027): the form is not sent while it is there.
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  // Typed in and not saved: leaving asks first.
  const [touched, setTouched] = useState(false);
  const unsaved = useUnsavedChanges(touched);

  // Fill the form once its starting values are known.
  useEffect(() => {
    if (id && existing.data && !input) {
      const s = existing.data;
      setInput({
        number: s.number?.toString() ?? "", title: s.title, theme: s.theme, venue: s.venue, date: s.date,
        start: s.start, end: s.end, timeZone: s.timeZone, notes: s.notes,
      });
    }
  }, [id, existing.data, input]);
  // Suggestions fill only fields the user has not touched; both may arrive in one render.
  useEffect(() => {
    if (id) return;
    setInput((current) => {
      if (!current) return current;
      let updated = current;
      if (next.data && current.number === "") updated = { ...updated, number: String(next.data) };
      if (settings.data && current.timeZone === "") updated = { ...updated, timeZone: settings.data.timeZone };
      return updated;
    });
  }, [id, next.data, settings.data]);

  const save = useMutation({
    mutationFn: (value: SessionInput) => (id ? api.call("session_update", { id, input: value }) : api.call("session_create", { input: value })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKey("session_get", { id: saved.id }), saved);
      await queryClient.invalidateQueries({ queryKey: queryKey("sessions_list") });
      await queryClient.invalidateQueries({ queryKey: queryKey("session_next_number") });
      await queryClient.invalidateQueries({ queryKey: queryKey("settings_get") });
      unsaved.release();
      navigate({ name: "session", id: saved.id });
    },
    onError: (e) => setError(isApiError(e) ? e : { code: "internal", message: String(e) }),
  });

  // Move focus to the first field the core refused.
  useEffect(() => {
    if (!error?.field) return;
    const target =
      document.querySelector<HTMLElement>(`[data-field="${error.field}"]`) ??
      document.querySelector<HTMLElement>(`[data-field^="${error.field}."]`) ??
      document.getElementById(error.field);
    target?.focus?.();
    if (target instanceof HTMLFieldSetElement) target.querySelector<HTMLElement>("input,textarea")?.focus();
  }, [error]);

  if (!input) return <p className="loading">{t("app.loading")}</p>;

  const errorFor = (field: string) => (error?.field === field ? errorText(t, error) : undefined);
  const set = (patch: Partial<SessionInput>) => {
    setTouched(true);
    setInput({ ...input, ...patch });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setRefused(!!dateProblem);
    if (dateProblem) return document.getElementById("date")?.focus();
    save.mutate(input);
  };
  const cancel = () => navigate(id ? { name: "session", id } : { name: "sessions" });
  const zones = ZONES.includes(input.timeZone) || !input.timeZone ? ZONES : [input.timeZone, ...ZONES];

  const simple = (field: keyof SessionInput & string, label: string, type: string, extra?: Record<string, unknown>) => (
    <div className={errorFor(field) ? "field invalid" : "field"}>
      <label htmlFor={field}>{label}</label>
      <input
        id={field}
        type={type}
        value={(input[field] as string) ?? ""}
        onChange={(e) => set({ [field]: e.target.value })}
        aria-invalid={!!errorFor(field) || undefined}
        aria-describedby={errorFor(field) ? `${field}-error` : undefined}
        data-field={field}
        {...extra}
      />
      {errorFor(field) && <span id={`${field}-error`} className="field-error">{errorFor(field)}</span>}
    </div>
  );

  return (
    <form className="session-form" onSubmit={submit} noValidate data-testid="session-form">
      <header className="screen-header">
        <h1>{id ? t("form.editTitle") : t("form.newTitle")}</h1>
      </header>
      {error && !error.field && <ErrorMessage error={error} />}
      {(error?.field || (refused && dateProblem)) && <p className="error" role="alert">{t("form.fixErrors")}</p>}
      <div className="row">
        {/* The first field takes the focus, so typing starts in the form (Ctrl+N). */}
        {simple("number", t("form.number"), "text", { inputMode: "numeric", size: 6, placeholder: next.data ? String(next.data) : "", autoFocus: true })}
        <div className={errorFor("date") ? "field invalid" : "field"}>
          <label htmlFor="date">{t("form.date")}</label>
          <DateField
            id="date"
            dataField="date"
            value={input.date}
            required
            error={errorFor("date")}
            onChange={(date, problem) => {
              set({ date });
              setDateProblem(problem);
            }}
          />
        </div>
        {simple("start", t("form.start"), "time", { required: true })}
        {simple("end", t("form.end"), "time", { required: true })}
        <div className={errorFor("timeZone") ? "field invalid" : "field"}>
          <label htmlFor="timeZone">{t("form.timeZone")}</label>
          <select id="timeZone" value={input.timeZone} onChange={(e) => set({ timeZone: e.target.value })} data-field="timeZone">
            {zones.map((z) => (
              <option key={z} value={z}>{t(`zones.${z}`, { defaultValue: z })}</option>
            ))}
          </select>
          {errorFor("timeZone") && <span className="field-error">{errorFor("timeZone")}</span>}
        </div>
      </div>
      <MultiText field="title" label={t("form.title")} value={input.title} onChange={(title) => set({ title })} required errorFor={errorFor} />
      <MultiText field="venue" label={t("form.venue")} value={input.venue} onChange={(venue) => set({ venue })} errorFor={errorFor} />
      <MultiText field="theme" label={t("form.theme")} value={input.theme} onChange={(theme) => set({ theme })} multiline errorFor={errorFor} />
      <div className={errorFor("notes") ? "field invalid" : "field"}>
        <label htmlFor="notes">{t("form.notes")}</label>
        <textarea id="notes" rows={4} value={input.notes} onChange={(e) => set({ notes: e.target.value })} data-field="notes" />
        {errorFor("notes") && <span className="field-error">{errorFor("notes")}</span>}
      </div>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending} data-testid="save-session">
          {save.isPending ? t("form.saving") : id ? t("form.save") : t("form.create")}
        </button>
        <button type="button" onClick={cancel}>{t("form.cancel")}</button>
      </footer>
    </form>
  );
}
