import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type Minutes, type MinutesItem, type Text } from "../api";
import { formatDate, formatMoment, isToday, pick } from "../format";
import { useAsk } from "./AskDialog";
import { DateField } from "./DateField";
import { ErrorMessage } from "./ErrorMessage";
import { RichText } from "./RichText";
import { RichTextEditor } from "./RichTextEditor";
import { Icon } from "./Icon";

/** Waits this long after the last keystroke before saving: at most this much typing is
 *  ever at risk if the app is killed. */
export const AUTOSAVE_MS = 400;

type Draft = Record<string, { notes: string; keyPoints: string }>;

/** The minutes of one session, item by item, saved as you type. */
export function MinutesPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const minutes = useCommand("minutes_get", { sessionId });
  const invitees = useCommand("invitees_list", { sessionId });
  const [draft, setDraft] = useState<Draft | null>(null);
  // The language the draft's text is in: switching the interface language edits that language.
  const [draftLang, setDraftLang] = useState<Lang>(lang);
  const [summary, setSummary] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // The text fields start from the stored minutes once; after that the editor owns them.
  useEffect(() => {
    if (minutes.data && (draft === null || draftLang !== lang)) {
      const d: Draft = {};
      for (const item of minutes.data.items) d[item.agendaItemId] = { notes: item.notes[lang] ?? "", keyPoints: item.keyPoints[lang] ?? "" };
      setDraft(d);
      setDraftLang(lang);
      setSummary(minutes.data.summary[lang] ?? "");
    }
  }, [minutes.data, draft, draftLang, lang]);

  const stored = (m: Minutes) => queryClient.setQueryData(queryKey("minutes_get", { sessionId }), m);
  /** Saves run one after another, in the order they were typed. */
  const enqueue = (save: () => Promise<Minutes>) => {
    setState("saving");
    queue.current = queue.current
      .then(save)
      .then((m) => {
        stored(m);
        setSavedAt(m.updatedAt);
        setState("saved");
        setError(null);
        void queryClient.invalidateQueries({ queryKey: queryKey("minutes_revisions", { sessionId }) });
      })
      .catch((e) => setError(e));
  };
  const schedule = (key: string, save: () => Promise<Minutes>) => {
    clearTimeout(timers.current[key]);
    setState("saving");
    timers.current[key] = setTimeout(() => enqueue(save), AUTOSAVE_MS);
  };

  if (minutes.isPending || draft === null || summary === null) return <p className="loading">{t("app.loading")}</p>;
  if (minutes.error) return <ErrorMessage error={minutes.error} />;
  const m = minutes.data;
  const locked = !!m.approvedAt;
  const textWith = (base: Text, value: string): Text => ({ ...base, [lang]: value });
  const editItem = (item: MinutesItem, field: "notes" | "keyPoints", value: string) => {
    const next = { ...draft, [item.agendaItemId]: { ...draft[item.agendaItemId], [field]: value } };
    setDraft(next);
    schedule(item.agendaItemId, () =>
      api.call("minutes_set_item", {
        agendaItemId: item.agendaItemId,
        notes: textWith(item.notes, next[item.agendaItemId].notes),
        keyPoints: textWith(item.keyPoints, next[item.agendaItemId].keyPoints),
      }),
    );
  };
  const present = invitees.data?.invitees.filter((i) => i.attendance && ["present", "late", "left_early"].includes(i.attendance)) ?? [];
  const away = invitees.data?.invitees.filter((i) => i.attendance === "absent" || i.attendance === "excused") ?? [];
  const lastSaved = savedAt ?? m.updatedAt;

  return (
    <section className="minutes" aria-label={t("minutes.tab")}>
      <ApprovalBar minutes={m} sessionId={sessionId} lang={lang} onRestored={() => { setDraft(null); setSummary(null); }} />
      <p className="save-state muted small" role="status" data-testid="save-state">
        {state === "saving" ? t("minutes.saving") : lastSaved ? t("minutes.saved", { time: formatMoment(lastSaved, lang, !isToday(lastSaved)) }) : t("minutes.unsaved")}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      <section className="attendance-summary">
        <h2>{t("minutes.attendance")}</h2>
        <p><strong>{t("minutes.present", { count: present.length })}:</strong> {present.map((i) => pick(i.person.displayName, lang)).join(", ") || "—"}</p>
        {away.length > 0 && <p className="muted"><strong>{t("minutes.absentList", { count: away.length })}:</strong> {away.map((i) => pick(i.person.displayName, lang)).join(", ")}</p>}
      </section>
      <RichTextEditor
        id="minutes-summary"
        label={t("minutes.summary")}
        value={summary}
        readOnly={locked}
        lang={lang}
        onChange={(v) => {
          setSummary(v);
          schedule("summary", () => api.call("minutes_set_summary", { sessionId, summary: textWith(m.summary, v) }));
        }}
      />
      {m.items.length === 0 && <p className="muted">{t("minutes.noAgenda")}</p>}
      {m.items.map((item, n) => (
        <article className="minutes-item" key={item.agendaItemId} data-testid="minutes-item">
          <h2>
            <span className="agenda-time">{item.start}–{item.end}</span> {n + 1}. {pick(item.title, lang)}
          </h2>
          <RichTextEditor id={`notes-${n}`} label={t("minutes.notes")} value={draft[item.agendaItemId]?.notes ?? ""} readOnly={locked} lang={lang} rows={6} onChange={(v) => editItem(item, "notes", v)} />
          <RichTextEditor id={`points-${n}`} label={t("minutes.keyPoints")} value={draft[item.agendaItemId]?.keyPoints ?? ""} readOnly={locked} lang={lang} rows={2} onChange={(v) => editItem(item, "keyPoints", v)} />
          <Entries item={item} locked={locked} lang={lang} attendees={present.map((i) => ({ id: i.person.id, name: i.person.displayName }))} onSaved={stored} />
        </article>
      ))}
    </section>
  );
}

function ApprovalBar({ minutes: m, sessionId, lang, onRestored }: { minutes: Minutes; sessionId: string; lang: Lang; onRestored: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revisions = useCommand("minutes_revisions", { sessionId });
  const [chosen, setChosen] = useState<number | null>(null);
  const after = async (next: Minutes) => {
    queryClient.setQueryData(queryKey("minutes_get", { sessionId }), next);
    await queryClient.invalidateQueries({ queryKey: queryKey("minutes_revisions", { sessionId }) });
    await queryClient.invalidateQueries({ queryKey: queryKey("session_get", { id: sessionId }) });
    await queryClient.invalidateQueries({ queryKey: queryKey("session_readiness", { id: sessionId }) });
  };
  const act = useMutation({ mutationFn: (op: () => Promise<Minutes>) => op(), onSuccess: after });
  const restore = useMutation({
    mutationFn: (n: number) => api.call("minutes_restore", { sessionId, number: n }),
    onSuccess: async (next) => {
      await after(next);
      // The editor takes its text from the restored minutes.
      onRestored();
    },
  });
  const changes = useCommand("minutes_compare", { sessionId, a: chosen ?? 0, b: 0 }, { enabled: chosen != null });
  return (
    <div className={m.approvedAt ? "approval locked" : "approval"}>
      {m.approvedAt ? (
        <>
          <strong><Icon name="lock" /> {t("minutes.approved", { date: formatDate(m.approvedAt.slice(0, 10), lang, "long") })}</strong>
          <button type="button" onClick={() => act.mutate(() => api.call("minutes_reopen", { sessionId }))} title={t("minutes.reopenNote")}>{t("minutes.reopen")}</button>
        </>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => act.mutate(() => api.call("minutes_approve", { sessionId }))} data-testid="approve-minutes">{t("minutes.approve")}</button>
          <button type="button" onClick={() => act.mutate(() => api.call("minutes_save_revision", { sessionId }))}>{t("minutes.saveRevision")}</button>
        </>
      )}
      <label className="revisions">
        {t("minutes.revisions")}:{" "}
        <select value={chosen ?? ""} onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)}>
          <option value="">—</option>
          {revisions.data?.map((r) => (
            <option key={r.number} value={r.number}>
              {r.number}. {formatMoment(r.createdAt, lang)} — {t(`minutes.reasons.${r.reason}`, { defaultValue: r.reason })}
            </option>
          ))}
        </select>
      </label>
      {chosen != null && !m.approvedAt && (
        <button type="button" onClick={() => restore.mutate(chosen)}>{t("minutes.restore")}</button>
      )}
      {chosen != null && changes.data && (
        <div className="changes">
          <strong>{t("minutes.compare")}</strong>
          {changes.data.length === 0 && <p className="muted">{t("minutes.noChanges")}</p>}
          {changes.data.map((c, i) => (
            <div key={i} className="change">
              <div className="muted small">{c.place} · {t(`minutes.${c.field}`, { defaultValue: c.field })}</div>
              <div className="before"><span className="label">{t("minutes.before")}</span><RichText text={pick(c.before, lang)} /></div>
              <div className="after"><span className="label">{t("minutes.after")}</span><RichText text={pick(c.after, lang)} /></div>
            </div>
          ))}
        </div>
      )}
      {(act.error || restore.error) && <ErrorMessage error={act.error ?? restore.error} />}
    </div>
  );
}

function Entries({
  item, locked, lang, attendees, onSaved,
}: {
  item: MinutesItem;
  locked: boolean;
  lang: Lang;
  attendees: { id: string; name: Text }[];
  onSaved: (m: Minutes) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [who, setWho] = useState("");
  const [remark, setRemark] = useState("");
  const [decision, setDecision] = useState("");
  const [followUp, setFollowUp] = useState<string | null>(null);
  const save = useMutation({ mutationFn: (op: () => Promise<Minutes>) => op(), onSuccess: onSaved });
  const { dialog, ask } = useAsk();
  const removeEntry = (kind: "remark" | "decision", id: string, body: string) =>
    ask({
      title: t(kind === "remark" ? "minutes.removeRemark" : "minutes.removeDecision"),
      text: t(kind === "remark" ? "minutes.removeConfirm" : "minutes.removeDecisionConfirm", { text: body.length > 140 ? `${body.slice(0, 140)}…` : body }),
      yes: t("minutes.remove"),
      then: () => save.mutate(() => api.call("minutes_remove_entry", { kind, id })),
    });
  return (
    <div className="entries">
      {dialog}
      <h3>{t("minutes.remarks")}</h3>
      <ul className="remarks">
        {item.remarks.map((r) => (
          <li key={r.id}>
            <strong>{pick(r.personName, lang) || t("minutes.nobody")}:</strong> <RichText text={pick(r.body, lang)} />
            {!locked && <button type="button" className="link" onClick={() => removeEntry("remark", r.id, pick(r.body, lang))}>{t("minutes.remove")}</button>}
          </li>
        ))}
      </ul>
      {!locked && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (remark.trim()) save.mutate(() => api.call("minutes_save_remark", { agendaItemId: item.agendaItemId, id: null, personId: who, body: { [lang]: remark } })); setRemark(""); }}>
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-label={t("minutes.whoSpoke")}>
            <option value="">{t("minutes.nobody")}</option>
            {attendees.map((a) => <option key={a.id} value={a.id}>{pick(a.name, lang)}</option>)}
          </select>
          <input value={remark} onChange={(e) => setRemark(e.target.value)} placeholder={t("minutes.addRemark")} aria-label={t("minutes.addRemark")} />
          <button type="submit">{t("minutes.save")}</button>
        </form>
      )}
      <h3>{t("minutes.decisions")}</h3>
      <ol className="decisions">
        {item.decisions.map((d) => (
          <li key={d.id}>
            <RichText text={pick(d.body, lang)} />
            <button type="button" className="link" onClick={() => setFollowUp(followUp === d.id ? null : d.id)}>+ {t("minutes.createFollowUp")}</button>
            {!locked && <button type="button" className="link" onClick={() => removeEntry("decision", d.id, pick(d.body, lang))}>{t("minutes.remove")}</button>}
            {followUp === d.id && (
              <FollowUpForm
                decisionId={d.id}
                text={pick(d.body, lang)}
                attendees={attendees}
                lang={lang}
                onDone={() => { setFollowUp(null); void queryClient.invalidateQueries({ queryKey: queryKey("followups_list") }); void queryClient.invalidateQueries({ queryKey: queryKey("followups_open_before") }); }}
              />
            )}
          </li>
        ))}
      </ol>
      {!locked && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (decision.trim()) save.mutate(() => api.call("minutes_save_decision", { agendaItemId: item.agendaItemId, id: null, body: { [lang]: decision } })); setDecision(""); }}>
          <input value={decision} onChange={(e) => setDecision(e.target.value)} placeholder={t("minutes.addDecision")} aria-label={t("minutes.addDecision")} />
          <button type="submit">{t("minutes.save")}</button>
        </form>
      )}
      {save.error && <ErrorMessage error={save.error} />}
    </div>
  );
}

function FollowUpForm({ decisionId, text, attendees, lang, onDone }: { decisionId: string; text: string; attendees: { id: string; name: Text }[]; lang: Lang; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [body, setBody] = useState(text);
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [dueProblem, setDueProblem] = useState<string | null>(null);
  const dueId = `due-${useId()}`;
  const create = useMutation({ mutationFn: () => api.call("followup_create", { decisionId, input: { body: { [lang]: body }, ownerPersonId: owner, dueOn: due } }), onSuccess: onDone });
  const submit = () => (dueProblem ? document.getElementById(dueId)?.focus() : create.mutate());
  return (
    <form className="followup-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <input value={body} onChange={(e) => setBody(e.target.value)} aria-label={t("followups.what")} />
      <select value={owner} onChange={(e) => setOwner(e.target.value)} aria-label={t("followups.owner")}>
        <option value="">{t("followups.owner")}: —</option>
        {attendees.map((a) => <option key={a.id} value={a.id}>{pick(a.name, lang)}</option>)}
      </select>
      <DateField id={dueId} value={due} onChange={(iso, problem) => { setDue(iso); setDueProblem(problem); }} ariaLabel={t("followups.due")} />
      <button type="submit" className="primary">{t("followups.create")}</button>
      {create.error && <ErrorMessage error={create.error} />}
    </form>
  );
}
