import { useTranslation } from "react-i18next";
import type { Lang, Text } from "../api";
import { LANGS } from "../i18n";

interface Props {
  field: string;
  label: string;
  value: Text;
  onChange: (value: Text) => void;
  multiline?: boolean;
  required?: boolean;
  /** Field errors keyed by field name ("title" or "title.ru"). */
  errorFor: (field: string) => string | undefined;
}

/** One value in the four working languages; the interface language comes first. */
export function MultiText({ field, label, value, onChange, multiline, required, errorFor }: Props) {
  const { t, i18n } = useTranslation();
  const first = i18n.language as Lang;
  const order = [first, ...LANGS.filter((l) => l !== first)];
  const groupError = errorFor(field);
  return (
    <fieldset className={groupError ? "multi invalid" : "multi"} data-field={field}>
      <legend>
        {label}
        {required && <span className="muted"> ({t("form.oneLanguageAtLeast")})</span>}
      </legend>
      {order.map((lang) => {
        const id = `${field}-${lang}`;
        const error = errorFor(`${field}.${lang}`);
        const props = {
          id,
          lang,
          value: value[lang] ?? "",
          "aria-invalid": !!(error || groupError) || undefined,
          "aria-describedby": error ? `${id}-error` : groupError ? `${field}-error` : undefined,
          "data-field": `${field}.${lang}`,
          onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
        };
        return (
          <div className="lang-row" key={lang}>
            <label htmlFor={id} title={t(`lang.${lang}`)}>
              {t(`langShort.${lang}`)}
            </label>
            {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
            {error && <span id={`${id}-error`} className="field-error">{error}</span>}
          </div>
        );
      })}
      {groupError && <span id={`${field}-error`} className="field-error">{groupError}</span>}
    </fieldset>
  );
}
