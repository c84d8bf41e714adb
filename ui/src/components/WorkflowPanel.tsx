import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Session, type SessionStatus } from "../api";
import { ErrorMessage } from "./ErrorMessage";

const STEPS: SessionStatus[] = ["planned", "invitations_sent", "held", "minutes_approved"];

/** The four steps of a session, where it stands, and what the next one still needs. */
export function WorkflowPanel({ session }: { session: Session }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const readiness = useCommand("session_readiness", { id: session.id });
  const step = useMutation({
    mutationFn: (direction: "advance" | "back") => api.call(direction === "advance" ? "session_advance" : "session_step_back", { id: session.id }),
    onSuccess: (s) => {
      queryClient.setQueryData(queryKey("session_get", { id: s.id }), s);
      void queryClient.invalidateQueries({ queryKey: queryKey("sessions_list") });
      void queryClient.invalidateQueries({ queryKey: queryKey("session_readiness", { id: s.id }) });
    },
  });
  const r = readiness.data;
  const current = STEPS.indexOf(session.status);
  return (
    <section className="workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t("workflow.title")}</h2>
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li key={s} className={i < current ? "done" : i === current ? "current" : ""} aria-current={i === current ? "step" : undefined}>
            {t(`status.${s}`)}
          </li>
        ))}
      </ol>
      {r && r.next && r.missing.length > 0 && (
        <div className="missing">
          <p>{t("workflow.needed", { status: t(`status.${r.next}`) })}</p>
          <ul>
            {r.missing.map((m) => (
              <li key={m}>{t(`workflow.missing.${m}`)}</li>
            ))}
          </ul>
        </div>
      )}
      {r && r.next && r.missing.length === 0 && <p className="ok-text">{t("workflow.ready")}</p>}
      {r && !r.next && <p className="ok-text">{t("workflow.done")}</p>}
      <div className="actions">
        {r?.next && (
          <button type="button" className="primary" disabled={r.missing.length > 0 || step.isPending} onClick={() => step.mutate("advance")} data-testid="advance">
            {t("workflow.advance", { status: t(`status.${r.next}`) })}
          </button>
        )}
        {r?.previous && (
          <button type="button" disabled={step.isPending} onClick={() => step.mutate("back")}>
            {t("workflow.back", { status: t(`status.${r.previous}`) })}
          </button>
        )}
      </div>
      {step.error && <ErrorMessage error={step.error} />}
    </section>
  );
}
