import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Backup, type Lang } from "../api";
import { Progress, useToast } from "../feedback";
import { useAsk } from "./AskDialog";
import { ErrorMessage } from "./ErrorMessage";
import { formatMoment, formatSize } from "../format";

/**
 * The backups beside the database: when and why each was taken, restore one (after a
 * confirmation), take one now. `damaged`: shown on the screen for a database that does
 * not open — no "back up now", and a restore restarts the app.
 */
export function BackupsPanel({ damaged = false }: { damaged?: boolean }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useCommand("backups_list");
  const failing = useCommand("backups_daily_failing");
  const { dialog, ask } = useAsk();
  const toast = useToast();
  const take = useMutation({
    mutationFn: () => api.call("backup_now"),
    onSuccess: (b) => {
      toast.done(t("backups.taken", { path: b.path }));
      void queryClient.invalidateQueries({ queryKey: queryKey("backups_daily_failing") });
      return queryClient.invalidateQueries({ queryKey: queryKey("backups_list") });
    },
    onError: (e) => toast.failed(t("backups.failed"), e),
  });
  const restore = useMutation({
    /** A backup file, or null to pick one in the system dialog; false when cancelled. */
    mutationFn: (path: string | null) => api.call("backup_restore", { path }),
    onSuccess: (done) => {
      if (!done) return;
      toast.done(t("backups.restored"));
      // Everything on screen came from the old data.
      void queryClient.invalidateQueries();
    },
    onError: (e) => toast.failed(t("backups.restoreFailed"), e),
  });
  const when = (b: Backup) =>
formatMoment(b.takenAt, i18n.language as Lang);

  return (
    <div className="backups" data-testid="backups">
      {!damaged && (
        <p>
          <button type="button" onClick={() => take.mutate()} disabled={take.isPending} data-testid="backup-now">
            {take.isPending ? t("backups.taking") : t("backups.now")}
          </button>
        </p>
      )}
      {take.isPending && <Progress label={t("backups.taking")} />}
      {take.error && <ErrorMessage error={take.error} />}
      {failing.data && (
        <p className="error" data-testid="daily-failing">
          {t("backups.dailyFailing", { when: formatMoment(failing.data, i18n.language as Lang) })}
        </p>
      )}
      {list.data?.length === 0 && <p className="muted">{t("backups.none")}</p>}
      {!!list.data?.length && (
        <table className="backups-table">
          <thead>
            <tr><th>{t("backups.when")}</th><th>{t("backups.why")}</th><th>{t("backups.size")}</th><th /></tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.fileName} data-testid="backup-row">
                <td>{when(b)}</td>
                <td>{t(`backups.reasons.${b.reason}`)}</td>
                <td>{formatSize(b.size, i18n.language as Lang)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      ask({
                        title: t("backups.restoreYes"),
                        text: t(damaged ? "backups.confirmDamaged" : "backups.confirm", { when: when(b) }),
                        yes: t("backups.restoreYes"),
                        then: () => restore.mutate(b.path),
                        testId: "restore-dialog",
                        yesTestId: "backup-restore-yes",
                      })
                    }
                    data-testid="backup-restore"
                  >{t("backups.restore")}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" className="link" onClick={() => restore.mutate(null)} data-testid="backup-restore-file">
          {t("backups.restoreFile")}
        </button>
      </p>
      {dialog}
      {restore.isPending && <Progress label={t("backups.restoring")} />}
      {restore.error && <ErrorMessage error={restore.error} />}
    </div>
  );
}
