import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api";
import { isStorageFault } from "../storage";

/** A failure in the user's language: by its reason or code, with the message as the last resort. */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t("errors.internal", { message: String(error) });
  if (isStorageFault(error)) return t(`errors.${error.code}`, { path: error.field ?? "" });
  if (error.reason) return t(`errors.${error.reason}`, { field: error.field ?? "" });
  if (error.code === "conflict" && error.field === "number") return t("errors.conflict_number");
  if (error.code === "not_found") return t("errors.not_found");
  if (error.code === "newer_schema") return t("errors.newer_schema");
  if (error.code === "keychain") return error.message ? t("mail.keychainFailed", { why: error.message }) : t("errors.keychain");
  if (error.code === "mail_login" || error.code === "mail_unreachable" || error.code === "mail_refused" || error.code === "busy")
    return t(`errors.${error.code}`, { message: error.message });
  return t("errors.internal", { message: error.message });
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <p className="error">{errorText(t, error)}</p>;
}
