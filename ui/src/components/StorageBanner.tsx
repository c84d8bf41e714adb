import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, useApi } from "../api";
import { toast } from "../feedback";
import { onStorageFault } from "../storage";
import { errorText } from "./ErrorMessage";

/** Said on every screen once a command met a fault of the storage (a full disk, a
 *  read-only or failing disk, the data folder gone): the cause and its place, and "Check
 *  again", which asks the database to pass its check and take writes again. */
export function StorageBanner({ dbPath }: { dbPath: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [fault, setFault] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  // Only the database's own storage stops saving: an export to a full stick is said by
  // the export alone.
  useEffect(() => onStorageFault((f) => aboutDatabase(f, dbPath) && setFault(f)), [dbPath]);
  if (!fault) return null;
  const check = async () => {
    setChecking(true);
    try {
      await api.call("storage_check");
      setFault(null);
      toast.done(t("storage.resumed"));
      void queryClient.invalidateQueries();
    } catch (e) {
      setFault(e as ApiError);
    } finally {
      setChecking(false);
    }
  };
  return (
    <div className="banner error sticky" role="alert" data-testid="storage-fault" data-code={fault.code}>
      <strong>{t("storage.title")}</strong> {errorText(t, fault)}{" "}
      <button type="button" onClick={() => void check()} disabled={checking} data-testid="storage-check">
        {t("storage.checkAgain")}
      </button>
    </div>
  );
}

/** Whether `fault` is about the database at `dbPath`: its file, its folder, or what lies
 *  beside it (the backups). */
export function aboutDatabase(fault: ApiError, dbPath: string): boolean {
  const place = fault.field ?? "";
  return place !== "" && (dbPath.startsWith(place) || place.startsWith(dbPath));
}

/** The daily backup failed at this start: said once, with why; the older ones are kept. */
export function BackupFailureBanner({ failure }: { failure: ApiError }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const seen = async () => {
    await api.call("backup_failure_seen").catch(() => {});
    void queryClient.invalidateQueries({ queryKey: ["app_status"] });
  };
  return (
    <div className="banner warning" role="alert" data-testid="backup-failure">
      {t("backups.dailyFailed", { why: errorText(t, failure) })}{" "}
      <button type="button" onClick={() => void seen()}>
        {t("backups.dailyFailedSeen")}
      </button>
    </div>
  );
}
