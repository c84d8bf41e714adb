import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  queryKey,
  useApi,
  useCommand,
  type DocumentOptions,
  type Lang,
  type MailBatchReport,
  type MailKind,
  type MailProgress,
  type MailRecipient,
} from "../api";
import { formatMoment, pick } from "../format";
import { LANGS } from "../i18n";
import { useAsk } from "./AskDialog";
import { DateField } from "./DateField";
import { ErrorMessage } from "./ErrorMessage";
import { MailAccountForm } from "./MailAccountForm";
import { MailTemplates } from "./MailTemplates";
import { MessengerTexts } from "./MessengerTexts";

/**
 * Invitations and reminders out by e-mail: who gets what (and who had it already), a test
 * message, the batch with its progress and a stop, or the messages saved as .eml files;
 * the same text for guests reached by WeChat or phone; the wording per language.
 */
export function MailPanel({ sessionId, sessionDate }: { sessionId: string; sessionDate: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const { dialog, ask } = useAsk();
  const [kind, setKind] = useState<MailKind>("invitation");
  const [fallback, setFallback] = useState<Lang>(lang);
  // As the letters have it unless changed: a week before the session.
  const [replyBy, setReplyBy] = useState(() => weekBefore(sessionDate));
  const [replyByProblem, setReplyByProblem] = useState<string | null>(null);
  const [again, setAgain] = useState<string[]>([]);
  const [password, setPassword] = useState("");
  const [progress, setProgress] = useState<MailProgress | null>(null);
  const [report, setReport] = useState<MailBatchReport | null>(null);
  const [editAccount, setEditAccount] = useState(false);
  const recipients = useCommand("mail_recipients", { sessionId, kind });
  const account = useCommand("mail_account");
  const options: DocumentOptions = { langs: [fallback], layout: "side", paper: "a4" };
  const reply = replyBy || null;

  useEffect(() => {
    let off: (() => void) | undefined;
    let gone = false;
    void api.onMailProgress((p) => setProgress(p)).then((unsubscribe) => (gone ? unsubscribe() : (off = unsubscribe)));
    return () => {
      gone = true;
      off?.();
    };
  }, [api]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKey("mail_recipients", { sessionId, kind }) });
  const send = useMutation({
    mutationFn: () => api.call("mail_send", { sessionId, kind, options, replyBy: reply, again, password: password || null }),
    onMutate: () => {
      setReport(null);
      setProgress(null);
    },
    onSuccess: (r) => {
      setReport(r);
      setAgain([]);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKey("mail_running", {}) });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: queryKey("invitees_list", { sessionId }) });
    },
  });
  const stop = useMutation({ mutationFn: () => api.call("mail_stop") });
  // A batch started before this tab was opened again: its progress and Stop are shown.
  const running = useCommand("mail_running", {}, { refetchInterval: send.isPending ? false : 1500, staleTime: 0 });
  const elsewhere = !send.isPending && running.data === true;
  const sending = send.isPending || elsewhere;
  const wasElsewhere = useRef(false);
  useEffect(() => {
    if (wasElsewhere.current && !elsewhere) void refresh();
    wasElsewhere.current = elsewhere;
  }); // eslint-disable-line react-hooks/exhaustive-deps
  const test = useMutation({ mutationFn: () => api.call("mail_test", { password: password || null }) });
  const eml = useMutation({
    mutationFn: () => api.call("mail_save_eml", { sessionId, kind, options, replyBy: reply }),
    onSettled: refresh,
  });

  const list = recipients.data ?? [];
  const due = list.filter((r) => !r.problem && (r.due || again.includes(r.invitationId)));
  const acc = account.data?.account ?? null;
  const needsPassword = !!acc && acc.user !== "" && !account.data?.passwordSaved;
  const canSend = !!acc && due.length > 0 && !sending && !replyByProblem && (!needsPassword || password !== "");
  const who = (r: MailRecipient) => pick(r.name, lang) || r.address;

  const start = () => {
    const repeats = list.filter((r) => again.includes(r.invitationId) && r.last);
    if (!repeats.length) return send.mutate();
    ask({
      title: t("mail.againTitle"),
      text: repeats.map((r) => t("mail.alreadySent", { name: who(r), date: formatMoment(r.last!.at, lang) })).join("\n"),
      yes: t("mail.againYes"),
      then: () => send.mutate(),
      testId: "mail-again-dialog",
    });
  };

  return (
    <section className="mail-panel" data-testid="mail-panel">
      {dialog}
      <div className="mail-controls">
        <fieldset className="mail-kind">
          <legend>{t("mail.kind")}</legend>
          {(["invitation", "reminder"] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="mail-kind" checked={kind === k} onChange={() => (setKind(k), setAgain([]))} data-testid={`mail-kind-${k}`} />
              {t(`mail.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="mail-reply-by">{t("mail.replyBy")}</label>
          <DateField id="mail-reply-by" value={replyBy} onChange={(iso, problem) => (setReplyBy(iso), setReplyByProblem(problem))} />
        </div>
        <div className="field">
          <label htmlFor="mail-fallback">{t("documents.lettersLanguage")}</label>
          <select id="mail-fallback" value={fallback} onChange={(e) => setFallback(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>{t(`lang.${l}`)}</option>
            ))}
          </select>
        </div>
      </div>

      <div className="mail-account" data-testid="mail-account">
        {acc && !editAccount ? (
          <p>
            {t("mail.from")} <strong>{acc.fromName ? `${acc.fromName} <${acc.from}>` : acc.from}</strong> · {acc.host}:{acc.port}{" "}
            <button type="button" className="link" onClick={() => setEditAccount(true)} data-testid="mail-account-edit">{t("mail.changeAccount")}</button>
          </p>
        ) : (
          <MailAccountForm state={account.data ?? null} onDone={() => setEditAccount(false)} />
        )}
        {account.data?.keychainProblem && (
          <p className="muted small" title={account.data.keychainProblem} data-testid="mail-keychain-problem">{t("mail.noKeychain")}</p>
        )}
        {acc && needsPassword && (
          <div className="field">
            <label htmlFor="mail-password">{t("mail.passwordOnce")}</label>
            <input id="mail-password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
        )}
      </div>

      <div className="actions">
        <button type="button" className="primary" disabled={!canSend} onClick={start} data-testid="mail-send">
          {due.length ? t("mail.sendTo", { count: due.length }) : t("mail.nobodyLeft")}
        </button>
        {sending && (
          <button type="button" className="danger" onClick={() => stop.mutate()} disabled={stop.isPending} data-testid="mail-stop">{t("mail.stop")}</button>
        )}
        <button type="button" disabled={!acc || test.isPending || sending} onClick={() => test.mutate()} data-testid="mail-test">{t("mail.test")}</button>
        <button type="button" disabled={!acc || eml.isPending || sending} onClick={() => eml.mutate()} data-testid="mail-eml">{t("mail.saveEml")}</button>
      </div>
      {test.isSuccess && <p className="ok-text" role="status">{t("mail.testSent", { to: acc?.from })}</p>}
      {test.error && <ErrorMessage error={test.error} />}
      {eml.data != null && <p className="ok-text" role="status">{t("mail.emlSaved", { count: eml.data })}</p>}
      {eml.error && <ErrorMessage error={eml.error} />}
      {sending && (
        <div className="mail-progress" role="status" data-testid="mail-progress">
          <progress value={progress?.done ?? 0} max={progress?.total || due.length} />
          <span>{t("mail.progress", { done: progress?.done ?? 0, total: progress?.total || due.length })}</span>
        </div>
      )}
      {send.error && <ErrorMessage error={send.error} />}
      {report && <Report report={report} names={Object.fromEntries(list.map((r) => [r.invitationId, who(r)]))} />}

      <table className="mail-recipients" data-testid="mail-recipients">
        <thead>
          <tr>
            <th scope="col">{t("mail.guest")}</th>
            <th scope="col">{t("mail.address")}</th>
            <th scope="col">{t("documents.language")}</th>
            <th scope="col">{t("mail.last")}</th>
            <th scope="col">{t("mail.again")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.invitationId} className={r.problem ? "muted" : undefined} data-testid="mail-recipient">
              <td>{who(r)}</td>
              <td>{r.address || "—"}</td>
              <td>{t(`lang.${r.lang}`)}</td>
              <td data-testid="mail-last">{r.problem ? t(r.address ? "mail.badAddress" : "mail.noAddress") : <Last r={r} lang={lang} />}</td>
              <td>
                {!r.problem && r.last && !r.due && (
                  <input
                    type="checkbox"
                    aria-label={t("mail.againFor", { name: who(r) })}
                    checked={again.includes(r.invitationId)}
                    onChange={(e) => setAgain(e.target.checked ? [...again, r.invitationId] : again.filter((x) => x !== r.invitationId))}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recipients.error && <ErrorMessage error={recipients.error} />}

      <MessengerTexts sessionId={sessionId} kind={kind} options={options} replyBy={reply} recipients={list} />
      <MailTemplates kind={kind} />
    </section>
  );
}

/** YYYY-MM-DD seven days before `date` (YYYY-MM-DD); "" when it is not a date. */
export function weekBefore(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return "";
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}

function Last({ r, lang }: { r: MailRecipient; lang: Lang }) {
  const { t } = useTranslation();
  if (!r.last) return <>—</>;
  const when = formatMoment(r.last.at, lang);
  if (r.last.outcome === "failed") return <span className="error-text" title={r.last.detail}>{t("mail.outcomes.failed", { when, why: r.last.detail })}</span>;
  return <>{t(`mail.outcomes.${r.last.outcome}`, { when })}</>;
}

function Report({ report, names }: { report: MailBatchReport; names: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="mail-report" role="status" data-testid="mail-report">
      <p>{t("mail.reportSent", { count: report.sent })}{report.skipped ? ` ${t("mail.reportSkipped", { count: report.skipped })}` : ""}</p>
      {report.refused.map(([id, why]) => (
        <p key={id} className="error">{t("mail.refusedFor", { name: names[id] ?? id, why })}</p>
      ))}
      {report.stopReason && <p className={report.stopReason === "stopped" ? "muted" : "error"} data-testid="mail-stopped">{t(`mail.stopReasons.${report.stopReason}`, { why: report.stopped ?? "" })}</p>}
    </div>
  );
}
