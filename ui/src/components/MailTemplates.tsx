import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, queryKey, useApi, useCommand, type Lang, type MailKind } from "../api";
import { LANGS } from "../i18n";
import { errorText } from "./ErrorMessage";

const FIELDS = ["salutation", "honorific", "name", "ordinal", "title", "date", "time", "venue", "reply_by", "club"];

/** The wording of the messages per language: subject and text with {fields}. */
export function MailTemplates({ kind }: { kind: MailKind }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [lang, setLang] = useState<Lang>(i18n.language as Lang);
  const templates = useCommand("mail_templates");
  const current = templates.data?.find((x) => x.kind === kind && x.lang === lang);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);
  const done = () => queryClient.invalidateQueries({ queryKey: queryKey("mail_templates") });
  const save = useMutation({ mutationFn: () => api.call("mail_template_save", { template: { kind, lang, subject, body, builtIn: false } }), onSuccess: done });
  const reset = useMutation({ mutationFn: () => api.call("mail_template_reset", { kind, lang }), onSuccess: done });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const error = save.error;
  const where = isApiError(error) && error.field ? error.field : "";
  const unknown = where.includes(".") ? where.slice(where.indexOf(".") + 1) : "";
  return (
    <details className="mail-templates" data-testid="mail-templates">
      <summary>{t("mail.templates")}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="template-lang">{t("documents.language")}</label>
          <select id="template-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>{t(`lang.${l}`)}</option>
            ))}
          </select>
        </div>
        <div className={where.startsWith("subject") ? "field invalid" : "field"}>
          <label htmlFor="template-subject">{t("mail.subject")}</label>
          <input id="template-subject" lang={lang} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className={where.startsWith("body") ? "field invalid" : "field"}>
          <label htmlFor="template-body">{t("mail.body")}</label>
          <textarea id="template-body" lang={lang} rows={10} value={body} onChange={(e) => setBody(e.target.value)} data-testid="template-body" />
        </div>
        {error && (
          <p className="error" data-testid="template-error">
            {unknown ? t("mail.unknownField", { field: `{${unknown}}` }) : errorText(t, error)}
          </p>
        )}
        <p className="muted small">{t("mail.fields")} {FIELDS.map((f) => `{${f}}`).join(" ")}</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending} data-testid="template-save">{t("form.save")}</button>
          <button type="button" disabled={reset.isPending || current?.builtIn} onClick={() => reset.mutate()}>{t("mail.reset")}</button>
          {save.isSuccess && <span className="ok-text small">{t("mail.templateSaved")}</span>}
        </div>
      </form>
    </details>
  );
}
