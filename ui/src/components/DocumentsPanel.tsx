import { keepPreviousData, useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi, useCommand, type DocumentKind, type DocumentOptions, type DocumentWarning, type Format, type Lang } from "../api";
import { languageName, pick } from "../format";
import { Progress } from "../feedback";
import { ErrorMessage } from "./ErrorMessage";

const KINDS: DocumentKind[] = ["agenda", "minutes", "invitees", "signin", "cards", "dossier", "letters", "letters_formal", "seating", "ics"];
const FORMATS: Record<DocumentKind, Format[]> = {
  agenda: ["pdf", "docx"],
  minutes: ["pdf", "docx"],
  invitees: ["pdf", "csv", "xlsx"],
  signin: ["pdf", "csv", "xlsx"],
  cards: ["pdf"],
  dossier: ["pdf"],
  letters: ["pdf"],
  letters_formal: ["pdf"],
  seating: ["pdf"],
  ics: ["ics"],
};
const LANGS: Lang[] = ["ru", "kk", "zh", "en"];

/** SVG pages from the core, shown as images: never parsed into the page's own DOM. */
function pageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * A session's documents: choose one and its languages, see its real pages, save it as
 * PDF / DOCX / CSV / XLSX / ICS through the system's dialog, or print it.
 */
export function DocumentsPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>("agenda");
  const [first, setFirst] = useState<Lang>((i18n.language as Lang) ?? "ru");
  const [second, setSecond] = useState<Lang | "">("");
  const [layout, setLayout] = useState<DocumentOptions["layout"]>("side");
  const [paper, setPaper] = useState<DocumentOptions["paper"]>("a4");
  // Letters are each in their guest's own languages: one language here, for guests whose
  // languages the directory does not know.
  const letters = kind === "letters" || kind === "letters_formal";
  const options: DocumentOptions = { langs: second && !letters ? [first, second] : [first], layout, paper };
  const previewable = kind !== "ics";

  const preview = useCommand("document_preview", { sessionId, kind, options }, { enabled: previewable, placeholderData: keepPreviousData, staleTime: 0 });
  const warnings = useCommand("document_warnings", { sessionId, kind, options }, { placeholderData: keepPreviousData, staleTime: 0 });
  const save = useMutation({
    mutationFn: (format: Format) => api.call("document_save", { sessionId, kind, format, options }),
  });
  const saveEach = useMutation({
    mutationFn: () => api.call("letters_save_each", { sessionId, kind, options }),
  });
  useEffect(() => {
    save.reset();
    saveEach.reset();
  }, [kind, first, second, layout, paper]); // eslint-disable-line react-hooks/exhaustive-deps

  const uiLang = i18n.language as Lang;
  const warningText = (w: DocumentWarning) => {
    switch (w.kind) {
      case "missingText":
        return t("documents.warnings.missingText", { place: pick(w.place, uiLang), lang: languageName(w.lang, uiLang) });
      case "collision":
        return t("documents.warnings.collision", { item: pick(w.item, uiLang), start: w.start, count: w.minutes });
      case "overrun":
        return t("documents.warnings.overrun", { end: w.plannedEnd, count: w.minutes });
    }
  };
  const pages = previewable ? preview.data ?? [] : [];
  const print = () => {
    // The pages alone go to the printer, on paper of the document's size.
    const style = document.createElement("style");
    style.textContent = `@page { size: ${paper === "letter" ? "letter" : "A4"}${kind === "cards" || kind === "seating" ? " landscape" : ""}; margin: 0; }`;
    document.head.appendChild(style);
    document.body.classList.add("printing-document");
    const done = () => {
      document.body.classList.remove("printing-document");
      style.remove();
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  };

  return (
    <div className="documents" data-testid="documents-panel">
      <aside className="documents-options">
        <fieldset>
          <legend>{t("documents.document")}</legend>
          {KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="document-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`doc-${k}`} />
              {t(`documents.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind !== "ics" && (
          <>
            {letters && <p className="muted small" data-testid="doc-letters-hint">{t("documents.lettersHint")}</p>}
            <label>
              {letters ? t("documents.lettersLanguage") : t("documents.language")}
              <select value={first} onChange={(e) => { const l = e.target.value as Lang; setFirst(l); if (second === l) setSecond(""); }} data-testid="doc-lang">
                {LANGS.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
              </select>
            </label>
            {!letters && <label>
              {t("documents.secondLanguage")}
              <select value={second} onChange={(e) => setSecond(e.target.value as Lang | "")} data-testid="doc-lang2">
                <option value="">{t("documents.none")}</option>
                {LANGS.filter((l) => l !== first).map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
              </select>
            </label>}
            {second && !letters && (
              <fieldset>
                <legend>{t("documents.layout")}</legend>
                {(["side", "stacked"] as const).map((v) => (
                  <label key={v} className="radio">
                    <input type="radio" name="document-layout" checked={layout === v} onChange={() => setLayout(v)} data-testid={`doc-layout-${v}`} />
                    {t(`documents.layouts.${v}`)}
                  </label>
                ))}
              </fieldset>
            )}
            <label>
              {t("documents.paper")}
              <select value={paper} onChange={(e) => setPaper(e.target.value as DocumentOptions["paper"])} data-testid="doc-paper">
                <option value="a4">A4</option>
                <option value="letter">US Letter</option>
              </select>
            </label>
          </>
        )}
        <div className="documents-actions">
          {FORMATS[kind].map((f) => (
            <button key={f} type="button" className={f === FORMATS[kind][0] ? "primary" : ""} onClick={() => save.mutate(f)} disabled={save.isPending} data-testid={`doc-save-${f}`}>
              {t("documents.saveAs", { format: f.toUpperCase() })}
            </button>
          ))}
          {letters && (
            <button type="button" onClick={() => saveEach.mutate()} disabled={saveEach.isPending} data-testid="doc-save-each">
              {t("documents.saveEach")}
            </button>
          )}
          {previewable && (
            <button type="button" onClick={print} disabled={!pages.length || preview.isFetching} data-testid="doc-print">
              {t("documents.print")}
            </button>
          )}
        </div>
        {(warnings.data?.length ?? 0) > 0 && (
          <div className="doc-warnings" role="note" data-testid="doc-warnings">
            <strong>{t("documents.warnings.warningsTitle")}</strong>
            <ul>
              {warnings.data!.map((w, i) => <li key={i}>{warningText(w)}</li>)}
            </ul>
          </div>
        )}
        {save.isPending && <Progress label={t("documents.saving")} />}
        {save.data && <p className="ok-text" role="status" data-testid="doc-saved">{t("documents.saved", { path: save.data })}</p>}
        {save.error && <ErrorMessage error={save.error} />}
        {saveEach.isPending && <Progress label={t("documents.saving")} />}
        {saveEach.data != null && <p className="ok-text" role="status" data-testid="doc-saved-each">{t("documents.savedEach", { count: saveEach.data })}</p>}
        {saveEach.error && <ErrorMessage error={saveEach.error} />}
      </aside>
      <section className="documents-preview" aria-label={t("documents.preview")} aria-busy={preview.isFetching}>
        {!previewable && <p className="empty-state">{t("documents.icsHint")}</p>}
        {previewable && preview.isFetching && (
          <p className="rendering" role="status" data-testid="doc-rendering">{t("documents.rendering")}</p>
        )}
        {previewable && preview.error && <ErrorMessage error={preview.error} />}
        <div className={`print-pages${kind === "cards" || kind === "seating" ? " landscape" : ""}`} data-testid="doc-pages">
          {pages.map((svg, i) => (
            <img key={i} className="page" src={pageSrc(svg)} alt={t("documents.page", { n: i + 1, total: pages.length })} />
          ))}
        </div>
      </section>
    </div>
  );
}
