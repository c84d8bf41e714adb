import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, type MailAccount, type SmtpAccount, type SmtpSecurity } from "../api";
import { errorText } from "./ErrorMessage";

const PORTS: Record<SmtpSecurity, number> = { tls: 465, start_tls: 587, none: 25 };
const EMPTY: SmtpAccount = { host: "", port: 465, security: "tls", user: "", from: "", fromName: "" };

/**
 * The organizer's own mail account: server, protection, login, sender. The password goes
 * to the system's keychain, never to the database; left empty, the saved one stays.
 */
export function MailAccountForm({ state, onDone }: { state: MailAccount | null; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [a, setA] = useState<SmtpAccount>(state?.account ?? EMPTY);
  const [password, setPassword] = useState("");
  const save = useMutation({
    mutationFn: () => api.call("mail_account_save", { account: a, password: password || null }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey("mail_account"), saved);
      setPassword("");
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const error = save.error;
  const fieldError = (field: string) =>
    error && typeof error === "object" && "field" in error && (error as { field?: string }).field === field ? errorText(t, error) : null;
  const input = (field: "host" | "user" | "from" | "fromName", label: string, type = "text") => (
    <div className={fieldError(field) ? "field invalid" : "field"}>
      <label htmlFor={`smtp-${field}`}>{label}</label>
      <input id={`smtp-${field}`} type={type} value={a[field]} onChange={(e) => setA({ ...a, [field]: e.target.value })} aria-invalid={!!fieldError(field) || undefined} data-testid={`smtp-${field}`} />
      {fieldError(field) && <span className="field-error">{fieldError(field)}</span>}
    </div>
  );
  return (
    <form className="mail-account-form" onSubmit={submit} data-testid="mail-account-form">
      <p className="muted small">{t("mail.accountText")}</p>
      <div className="form-grid">
        {input("host", t("mail.host"))}
        <div className={fieldError("security") ? "field invalid" : "field"}>
          <label htmlFor="smtp-security">{t("mail.security")}</label>
          <select
            id="smtp-security"
            value={a.security}
            onChange={(e) => {
              const security = e.target.value as SmtpSecurity;
              setA({ ...a, security, port: PORTS[security] });
            }}
            data-testid="smtp-security"
          >
            {(["tls", "start_tls", "none"] as const).map((s) => (
              <option key={s} value={s}>{t(`mail.securities.${s}`)}</option>
            ))}
          </select>
          {fieldError("security") && <span className="field-error">{t("mail.plainOnlyLocal")}</span>}
        </div>
        <div className={fieldError("port") ? "field invalid" : "field"}>
          <label htmlFor="smtp-port">{t("mail.port")}</label>
          <input id="smtp-port" type="number" min={1} max={65535} value={a.port} onChange={(e) => setA({ ...a, port: Number(e.target.value) || 0 })} data-testid="smtp-port" />
        </div>
        {input("user", t("mail.user"))}
        <div className={fieldError("password") ? "field invalid" : "field"}>
          <label htmlFor="smtp-password">{t("mail.password")}</label>
          <input
            id="smtp-password"
            type="password"
            autoComplete="off"
            value={password}
            placeholder={state?.passwordSaved ? t("mail.passwordKept") : ""}
            onChange={(e) => setPassword(e.target.value)}
          />
          {fieldError("password") && <span className="field-error">{t("mail.keychainFailed", { why: (error as { message?: string }).message ?? "" })}</span>}
        </div>
        {input("from", t("mail.fromAddress"), "email")}
        {input("fromName", t("mail.fromName"))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending} data-testid="smtp-save">{t("form.save")}</button>
        {state?.account && <button type="button" onClick={onDone}>{t("form.cancel")}</button>}
      </div>
    </form>
  );
}
