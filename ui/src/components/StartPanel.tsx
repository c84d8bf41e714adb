import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useCommand, type Lang, type Session, type StartOptions } from "../api";
import { formatDate } from "../format";
import { useNavigate } from "../navigation";
import { DateField } from "./DateField";
import { ErrorMessage } from "./ErrorMessage";

/** Starts a new session from a previous one or a template: date (suggested) and what to take. */
export function StartPanel({ start, onClose }: { start: (options: StartOptions) => Promise<Session>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const suggested = useCommand("session_suggested_date");
  const [options, setOptions] = useState<StartOptions>({ date: "", agenda: true, invitees: true, themes: true });
  // The date as typed: null until the user changes the field, which shows the suggestion till
  // then. Text that is not a date stays in the field with its reason (it used to turn back
  // into the suggestion without a word) and the session is not created.
  const [typed, setTyped] = useState<{ iso: string; problem: string | null } | null>(null);
  const create = useMutation({
    mutationFn: () => start(options),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries();
      navigate({ name: "session", id: s.id });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed?.problem) return document.getElementById("start-date")?.focus();
    create.mutate();
  };
  const check = (key: "agenda" | "invitees" | "themes", label: string) => (
    <label className="check">
      <input type="checkbox" checked={options[key]} onChange={(e) => setOptions({ ...options, [key]: e.target.checked })} /> {label}
    </label>
  );
  return (
    <form className="start-panel" onSubmit={submit} data-testid="start-panel">
      <div className="field">
        <label htmlFor="start-date">{t("series.date")}</label>
        <DateField
          id="start-date"
          value={typed ? typed.iso : (suggested.data ?? "")}
          onChange={(iso, problem) => {
            setTyped({ iso, problem });
            // Empty: the core takes the suggested date.
            setOptions({ ...options, date: iso });
          }}
        />
        {suggested.data && <span className="muted small">{t("series.suggested", { date: formatDate(suggested.data, lang, "long") })}</span>}
      </div>
      <div className="checks">
        <span>{t("series.take")}:</span>
        {check("agenda", t("series.takeAgenda"))}
        {check("invitees", t("series.takeInvitees"))}
        {check("themes", t("series.takeThemes"))}
      </div>
      {create.error && <ErrorMessage error={create.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending} data-testid="start-create">{t("series.create")}</button>
        <button type="button" onClick={onClose}>{t("form.cancel")}</button>
      </div>
    </form>
  );
}
