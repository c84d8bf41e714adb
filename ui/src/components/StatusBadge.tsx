import { useTranslation } from "react-i18next";
import type { SessionStatus } from "../api";

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function DemoBadge() {
  const { t } = useTranslation();
  return <span className="badge demo">{t("app.demo")}</span>;
}
