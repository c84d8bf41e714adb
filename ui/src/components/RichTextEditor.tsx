import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RichText } from "./RichText";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  rows?: number;
  lang?: string;
}

/** A text area for minutes text with buttons for bold, italic and lists, and a preview. */
export function RichTextEditor({ id, label, value, onChange, readOnly, rows = 5, lang }: Props) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(false);
  const wrap = (marker: string) => {
    const el = area.current;
    if (!el) return;
    const { selectionStart: a, selectionEnd: b } = el;
    const next = value.slice(0, a) + marker + value.slice(a, b) + marker + value.slice(b);
    onChange(next);
    requestAnimationFrame(() => el.setSelectionRange(a + marker.length, b + marker.length));
  };
  const prefix = (mark: (n: number) => string) => {
    const el = area.current;
    if (!el) return;
    const start = value.lastIndexOf("\n", el.selectionStart - 1) + 1;
    const end = value.indexOf("\n", el.selectionEnd);
    const lines = value.slice(start, end === -1 ? undefined : end).split("\n").map((l, i) => mark(i + 1) + l);
    onChange(value.slice(0, start) + lines.join("\n") + (end === -1 ? "" : value.slice(end)));
  };
  if (readOnly) {
    return (
      <div className="rich-field">
        <span className="label">{label}</span>
        {value ? <RichText text={value} lang={lang} /> : <p className="muted">—</p>}
      </div>
    );
  }
  return (
    <div className="rich-field">
      <div className="rich-toolbar">
        <label htmlFor={id} className="label">{label}</label>
        <button type="button" onClick={() => wrap("**")} title={t("minutes.bold")} aria-label={t("minutes.bold")}><strong>B</strong></button>
        <button type="button" onClick={() => wrap("*")} title={t("minutes.italic")} aria-label={t("minutes.italic")}><em>I</em></button>
        <button type="button" onClick={() => prefix(() => "- ")} title={t("minutes.bullets")} aria-label={t("minutes.bullets")}>•</button>
        <button type="button" onClick={() => prefix((n) => `${n}. `)} title={t("minutes.numbered")} aria-label={t("minutes.numbered")}>1.</button>
        <button type="button" className="link" onClick={() => setPreview(!preview)} aria-pressed={preview}>{preview ? t("minutes.edit") : t("minutes.preview")}</button>
      </div>
      {preview ? (
        <RichText text={value} lang={lang} />
      ) : (
        <textarea id={id} ref={area} rows={rows} value={value} lang={lang} onChange={(e) => onChange(e.target.value)} data-testid={id} />
      )}
    </div>
  );
}
