import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Attachment, type AttachmentPatch, type Lang, type Photo } from "../api";
import { formatMoment, formatSize, pick } from "../format";
import { useAsk } from "./AskDialog";
import { ErrorMessage } from "./ErrorMessage";

/** A session's files: the photo gallery and the documents (slides, scans), each with its
 *  caption, its agenda item and whether it goes into the dossier. */
export function AttachmentsPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const files = useCommand("attachments_list", { sessionId });
  const gallery = useCommand("attachments_gallery", { sessionId });
  const agenda = useCommand("agenda_get", { sessionId });
  const { dialog, ask } = useAsk();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKey("attachments_list", { sessionId }) });
    void queryClient.invalidateQueries({ queryKey: queryKey("attachments_gallery", { sessionId }) });
  };
  const add = useMutation({ mutationFn: () => api.call("attachments_add", { sessionId, agendaItemId: null, paths: null }), onSuccess: refresh, onError: refresh });
  const update = useMutation({ mutationFn: (v: { id: string; patch: AttachmentPatch }) => api.call("attachment_update", v), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => api.call("attachment_remove", { id }), onSuccess: refresh });
  const open = useMutation({ mutationFn: (id: string) => api.call("attachment_open", { id }) });
  const askRemove = (a: Attachment) =>
    ask({ title: t("files.removeTitle"), text: t("files.removeText", { name: a.name }), yes: t("files.remove"), then: () => remove.mutate(a.id) });

  if (files.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (files.error) return <ErrorMessage error={files.error} />;
  const documents = files.data.filter((a) => !["jpeg", "png", "webp"].includes(a.kind));
  const photos: Photo[] = gallery.data ?? [];
  const items = agenda.data?.items ?? [];
  const error = add.error ?? update.error ?? remove.error ?? open.error ?? gallery.error;
  const dossierBox = (a: Attachment) => (
    <label className="check small">
      <input type="checkbox" checked={a.inDossier} onChange={(e) => update.mutate({ id: a.id, patch: { inDossier: e.target.checked } })} data-testid="file-dossier" />
      {t("files.inDossier")}
    </label>
  );
  const caption = (a: Attachment) => (
    <CaptionField key={`${a.id}-${lang}`} value={a.caption[lang] ?? ""} lang={lang} label={t("files.caption")} onSave={(v) => update.mutate({ id: a.id, patch: { caption: { ...a.caption, [lang]: v } } })} />
  );

  return (
    <section className="files" aria-label={t("tabs.files")}>
      {dialog}
      <div className="files-bar">
        <button type="button" className="primary" onClick={() => add.mutate()} disabled={add.isPending} data-testid="files-add">
          {add.isPending ? t("files.adding") : t("files.add")}
        </button>
        <span className="muted small">{t("files.limits")}</span>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {files.data.length === 0 && <div className="empty-state"><p>{t("files.none")}</p></div>}

      {photos.length > 0 && (
        <>
          <h2>{t("files.photos", { count: photos.length })}</h2>
          <ul className="gallery" data-testid="gallery">
            {photos.map((p) => (
              <li key={p.id} className="photo" data-testid="photo">
                <button type="button" className="thumb" onClick={() => open.mutate(p.id)} title={t("files.open")}>
                  {p.thumb ? <img src={p.thumb} alt={pick(p.caption, lang) || p.name} width={p.width && p.height && p.width >= p.height ? 160 : undefined} height={p.width && p.height && p.width < p.height ? 160 : undefined} /> : <span className="muted small">{p.name}</span>}
                </button>
                {caption(p)}
                <div className="photo-foot">
                  {dossierBox(p)}
                  <label className="check small">
                    <input type="checkbox" checked={p.inPress} onChange={(e) => update.mutate({ id: p.id, patch: { inPress: e.target.checked } })} data-testid="file-press" />
                    {t("files.inPress")}
                  </label>
                  <button type="button" className="link" onClick={() => askRemove(p)}>{t("files.remove")}</button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      {documents.length > 0 && (
        <>
          <h2>{t("files.documents", { count: documents.length })}</h2>
          <table className="people files-table" data-testid="documents-list">
            <tbody>
              {documents.map((a) => (
                <tr key={a.id} data-testid="file-row">
                  <td>
                    <button type="button" className="link file-name" onClick={() => open.mutate(a.id)}>{a.name}</button>
                    <div className="muted small">
                      {a.kind.toUpperCase()} · {formatSize(a.size, lang)}{a.pages ? ` · ${t("files.pages", { count: a.pages })}` : ""} · {a.addedBy ? `${a.addedBy}, ` : ""}{formatMoment(a.addedAt, lang)}
                    </div>
                  </td>
                  <td>
                    <select value={a.agendaItemId ?? ""} onChange={(e) => update.mutate({ id: a.id, patch: { agendaItemId: e.target.value } })} aria-label={t("files.item")}>
                      <option value="">{t("files.wholeSession")}</option>
                      {items.map((it, n) => <option key={it.id} value={it.id}>{n + 1}. {pick(it.title, lang)}</option>)}
                    </select>
                  </td>
                  <td>{caption(a)}</td>
                  <td>{dossierBox(a)}</td>
                  <td><button type="button" className="link" onClick={() => askRemove(a)}>{t("files.remove")}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A caption typed in and saved when the field is left (or Enter). */
function CaptionField({ value, lang, label, onSave }: { value: string; lang: Lang; label: string; onSave: (v: string) => void }) {
  const [text, setText] = useState(value);
  const save = () => { if (text.trim() !== value) onSave(text.trim()); };
  return (
    <input
      className="caption"
      value={text}
      lang={lang}
      placeholder={label}
      aria-label={label}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => { if (e.key === "Enter") save(); }}
      data-testid="file-caption"
    />
  );
}
