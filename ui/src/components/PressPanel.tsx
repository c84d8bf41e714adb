import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type PressFormat, type PressNote } from "../api";
import { formatMoment, isToday } from "../format";
import { useAsk } from "./AskDialog";
import { ErrorMessage } from "./ErrorMessage";
import { Icon } from "./Icon";
import { AUTOSAVE_MS } from "./MinutesPanel";
import { RichTextEditor } from "./RichTextEditor";

const LANGS: Lang[] = ["ru", "kk", "zh", "en"];
const FORMATS: PressFormat[] = ["pdf", "docx", "txt", "html"];

/** The press note after a session: drafted from the minutes per language, then edited
 *  (saved as you type), copied or saved for the website and the press. */
export function PressPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notes = useCommand("press_get", { sessionId });
  const [lang, setLang] = useState<Lang>(i18n.language as Lang);
  const note = notes.data?.find((n) => n.lang === lang);
  const { dialog, ask } = useAsk();
  // Merged into what the cache holds now (a save that ends after a draft must not put
  // the other languages' older notes back).
  const stored = (list: PressNote[]) => {
    queryClient.setQueryData(queryKey("press_get", { sessionId }), (now: PressNote[] | undefined) =>
      [...(now ?? []).filter((n) => !list.some((m) => m.lang === n.lang)), ...list].sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang)),
    );
    for (const n of list) void queryClient.invalidateQueries({ queryKey: queryKey("press_revisions", { sessionId, lang: n.lang }) });
  };
  const draft = useMutation({
    mutationFn: (v: { langs: Lang[]; replace: boolean }) => api.call("press_draft", { sessionId, langs: v.langs, replaceEdited: v.replace }),
    onSuccess: (list) => { stored(list); setEditorKey((k) => k + 1); },
  });
  const [editorKey, setEditorKey] = useState(0);
  const draftAgain = (langs: Lang[]) => {
    const edited = (notes.data ?? []).filter((n) => langs.includes(n.lang) && n.edited);
    if (edited.length === 0) return draft.mutate({ langs, replace: false });
    ask({
      title: t("press.redraftTitle"),
      text: t("press.redraftText", { langs: edited.map((n) => t(`lang.${n.lang}`)).join(", ") }),
      yes: t("press.redraftYes"),
      then: () => draft.mutate({ langs, replace: true }),
    });
  };

  if (notes.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (notes.error) return <ErrorMessage error={notes.error} />;
  return (
    <section className="press" aria-label={t("press.tab")}>
      {dialog}
      <div className="press-bar">
        <div className="segmented" role="group" aria-label={t("press.language")}>
          {LANGS.map((l) => (
            <button key={l} type="button" aria-pressed={l === lang} className={l === lang ? "active" : ""} onClick={() => setLang(l)} data-testid={`press-lang-${l}`}>
              {t(`lang.${l}`)}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => draftAgain(LANGS)} data-testid="press-draft-all">{t("press.draftAll")}</button>
      </div>
      {draft.error ? <ErrorMessage error={draft.error} /> : null}
      {note ? (
        <NoteEditor key={`${lang}-${editorKey}`} note={note} sessionId={sessionId} onSaved={(n) => stored([n])} onRedraft={() => draftAgain([lang])} onRestored={(n) => { stored([n]); setEditorKey((k) => k + 1); }} />
      ) : (
        <div className="empty-state">
          <p>{t("press.none", { lang: t(`lang.${lang}`) })}</p>
          <button type="button" className="primary" onClick={() => draft.mutate({ langs: [lang], replace: false })} data-testid="press-draft">
            {t("press.draft")}
          </button>
        </div>
      )}
    </section>
  );
}

function NoteEditor({ note, sessionId, onSaved, onRedraft, onRestored }: {
  note: PressNote;
  sessionId: string;
  onSaved: (n: PressNote) => void;
  onRedraft: () => void;
  onRestored: (n: PressNote) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const ui = i18n.language as Lang;
  const lang = note.lang;
  const [headline, setHeadline] = useState(note.headline);
  const [body, setBody] = useState(note.body);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState<"" | "text" | "html">("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The text typed but not yet handed to a save: saved at once when the editor goes
  // (another language, another tab, a new draft) or before the note is exported.
  const pending = useRef<{ h: string; b: string } | null>(null);
  const flush = () => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = null;
    if (!p) return queue.current;
    queue.current = queue.current
      .then(() => api.call("press_save", { sessionId, lang, headline: p.h, body: p.b }))
      .then((n) => { onSaved(n); setState("saved"); setError(null); })
      .catch((e) => { setError(e); setState("idle"); });
    return queue.current;
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => void flushRef.current(), []);
  const schedule = (h: string, b: string) => {
    clearTimeout(timer.current);
    pending.current = { h, b };
    setState("saving");
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  const revisions = useCommand("press_revisions", { sessionId, lang });
  const [chosen, setChosen] = useState<number | null>(null);
  const restore = useMutation({ mutationFn: (n: number) => api.call("press_restore", { sessionId, lang, number: n }), onSuccess: onRestored });
  const save = useMutation({ mutationFn: async (format: PressFormat) => { await flush(); return api.call("press_save_file", { sessionId, lang, format }); } });
  const copy = async (html: boolean) => {
    await flush();
    const text = await api.call("press_text", { sessionId, lang, html });
    await navigator.clipboard.writeText(text);
    setCopied(html ? "html" : "text");
    setTimeout(() => setCopied(""), 2500);
  };
  return (
    <div className="press-note" lang={lang}>
      <p className="save-state muted small" role="status" data-testid="press-state">
        {state === "saving" ? t("minutes.saving") : t("minutes.saved", { time: formatMoment(note.updatedAt, ui, !isToday(note.updatedAt)) })}
        {" · "}
        {note.edited ? t("press.edited") : t("press.asDrafted")}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      <label className="field">
        <span className="label">{t("press.headline")}</span>
        <input value={headline} lang={lang} onChange={(e) => { setHeadline(e.target.value); schedule(e.target.value, body); }} data-testid="press-headline" />
      </label>
      <RichTextEditor id="press-body" label={t("press.body")} value={body} lang={lang} rows={18} onChange={(v) => { setBody(v); schedule(headline, v); }} />
      <div className="press-actions">
        <button type="button" onClick={() => void copy(false).catch(setError)} data-testid="press-copy">
          <Icon name={copied === "text" ? "check" : "copy"} /> {copied === "text" ? t("press.copied") : t("press.copyText")}
        </button>
        <button type="button" onClick={() => void copy(true).catch(setError)} data-testid="press-copy-html">
          <Icon name={copied === "html" ? "check" : "copy"} /> {copied === "html" ? t("press.copied") : t("press.copyHtml")}
        </button>
        {FORMATS.map((f) => (
          <button key={f} type="button" onClick={() => save.mutate(f)} disabled={save.isPending} data-testid={`press-save-${f}`}>
            {t("press.saveAs", { format: f.toUpperCase() })}
          </button>
        ))}
        <button type="button" className="link" onClick={() => void flush().then(onRedraft)} data-testid="press-redraft">{t("press.redraft")}</button>
      </div>
      {save.data && <p className="muted small" role="status">{t("press.savedTo", { path: save.data })}</p>}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <div className="approval">
        <label className="revisions">
          {t("minutes.revisions")}:{" "}
          <select value={chosen ?? ""} onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)} data-testid="press-revisions">
            <option value="">—</option>
            {revisions.data?.map((r) => (
              <option key={r.number} value={r.number}>
                {r.number}. {formatMoment(r.createdAt, ui)} — {t(`press.reasons.${r.reason}`, { defaultValue: r.reason })}
              </option>
            ))}
          </select>
        </label>
        {chosen != null && <button type="button" onClick={() => restore.mutate(chosen)}>{t("minutes.restore")}</button>}
        {restore.error ? <ErrorMessage error={restore.error} /> : null}
      </div>
    </div>
  );
}
