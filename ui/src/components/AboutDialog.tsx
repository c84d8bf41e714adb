import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** Help → About: the version, what the app is for, and the licences (the fonts' too). */
export function AboutDialog({ version, dbPath, onClose }: { version: string; dbPath: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    // A modal dialog: focus moves in, Esc closes it (the "cancel" event).
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose} onCancel={onClose} data-testid="about">
      <h2 id="about-title">{t("about.title")}</h2>
      <p><strong>{t("app.name")}</strong> · {t("about.version", { version })}</p>
      <p>{t("about.purpose")}</p>
      <h3>{t("about.licences")}</h3>
      <ul>
        <li>{t("about.app")}</li>
        <li>{t("about.fonts")}</li>
        <li>{t("about.parts")}</li>
      </ul>
      {dbPath && <p className="muted small">{t("about.data", { path: dbPath })}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>{t("about.close")}</button>
      </div>
    </dialog>
  );
}
