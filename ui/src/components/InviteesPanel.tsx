import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  queryKey, useApi, useCommand, type AttendanceStatus, type Channel, type InvitationPatch, type InvitationStatus, type InviteeList, type InviteeRole, type Lang,
} from "../api";
import { formatClock, formatDate, otherScripts, pick } from "../format";
import { useAsk } from "./AskDialog";
import { CheckInMode } from "./CheckInMode";
import { ErrorMessage } from "./ErrorMessage";
import { PeoplePicker } from "./PeoplePicker";
import { Icon } from "./Icon";

const ROLES: InviteeRole[] = ["guest", "speaker", "moderator", "organizer", "press", "observer"];
const STATUSES: InvitationStatus[] = ["to_invite", "invited", "confirmed", "tentative", "declined", "deputy", "no_reply"];
const CHANNELS: Channel[] = ["email", "letter", "phone", "wechat", "in_person"];
const ATTENDANCE: AttendanceStatus[] = ["present", "late", "left_early", "absent", "excused"];

/** A session's invitee list in order of precedence: answers, channels, attendance. */
export function InviteesPanel({ sessionId, date, timeZone }: { sessionId: string; date: string; timeZone: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const list = useCommand("invitees_list", { sessionId });
  const agenda = useCommand("agenda_get", { sessionId });
  const sessions = useCommand("sessions_list");
  const [filter, setFilter] = useState<InvitationStatus | "">("");
  const [tag, setTag] = useState("");
  const [from, setFrom] = useState("");
  const [checkIn, setCheckIn] = useState(false);
  const { dialog, ask } = useAsk();
  const change = useMutation({
    mutationFn: (op: () => Promise<InviteeList>) => op(),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey("invitees_list", { sessionId }), next);
      void queryClient.invalidateQueries({ queryKey: queryKey("agenda_get", { sessionId }) });
      void queryClient.invalidateQueries({ queryKey: queryKey("session_readiness", { id: sessionId }) });
    },
  });

  // The patch is read from the event now: by the time the mutation runs, React has put
  // the controlled <select> back to its old value (reading e.target.value then sent the
  // old answer — a choice made with the mouse "snapped back").
  const update = (id: string, patch: InvitationPatch) => change.mutate(() => api.call("invitation_update", { id, patch }));

  if (list.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (list.error) return <ErrorMessage error={list.error} />;
  const l = list.data;
  const c = l.counts;
  const pending = c.toInvite + c.invited + c.noReply + c.tentative;
  const shown = l.invitees.filter((i) => !filter || i.status === filter);
  const move = (index: number, by: number) => {
    const ids = l.invitees.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    change.mutate(() => api.call("invitees_reorder", { sessionId, ids }));
  };
  const uninvited = agenda.data?.uninvited ?? [];

  return (
    <section className="invitees" aria-label={t("invitees.tab")}>
      {dialog}
      {checkIn && <CheckInMode sessionId={sessionId} date={date} timeZone={timeZone} onClose={() => setCheckIn(false)} />}
      <div className="counts" data-testid="invitee-counts">
        <span><strong>{c.total}</strong> {t("invitees.counts.total")}</span>
        <span><strong>{c.confirmed + c.deputy}</strong> {t("invitees.counts.confirmed")}</span>
        <span><strong>{c.declined}</strong> {t("invitees.counts.declined")}</span>
        <span><strong>{pending}</strong> {t("invitees.counts.pending")}</span>
        <span className="attended"><strong data-testid="attended-count">{c.attended}</strong> {t("invitees.counts.attended")}</span>
        <button type="button" className="primary" onClick={() => setCheckIn(true)} data-testid="check-in-mode">{t("invitees.checkInMode")}</button>
      </div>
      {uninvited.length > 0 && (
        <div className="duplicate">
          {t("invitees.uninvitedSpeakers", { names: uninvited.map((r) => pick(r.name, lang)).join(", ") })}{" "}
          <button type="button" onClick={() => change.mutate(() => api.call("invite", { sessionId, personIds: uninvited.map((r) => r.personId), role: "speaker" }))}>{t("invitees.inviteThem")}</button>
        </div>
      )}
      <div className="add-people">
        <div>
          <span className="label">{t("invitees.add")}</span>
          <PeoplePicker exclude={l.invitees.map((i) => i.person.id)} onPick={(p) => change.mutate(() => api.call("invite", { sessionId, personIds: [p.id], role: "guest" }))} />
        </div>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) change.mutate(() => api.call("invite_tag", { sessionId, tag: tag.trim(), role: "guest" })); }}>
          <label htmlFor="invite-tag">{t("invitees.byTag")}</label>
          <input id="invite-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t("invitees.tagPlaceholder")} />
          <button type="submit">{t("invitees.invite")}</button>
        </form>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (from) change.mutate(() => api.call("invite_from_session", { sessionId, from })); }}>
          <label htmlFor="invite-from">{t("invitees.fromSession")}</label>
          <select id="invite-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t("invitees.choose")}</option>
            {sessions.data?.filter((s) => s.id !== sessionId).map((s) => (
              <option key={s.id} value={s.id}>{pick(s.ordinal, lang) || s.date} — {pick(s.title, lang)}</option>
            ))}
          </select>
          <button type="submit">{t("invitees.invite")}</button>
        </form>
      </div>
      {change.error && <ErrorMessage error={change.error} />}
      <div className="filters" role="group">
        {(["", ...STATUSES] as const).map((s) => (
          <button key={s || "all"} type="button" className={filter === s ? "chip active" : "chip"} onClick={() => setFilter(s)} aria-pressed={filter === s}>
            {s ? t(`rsvp.${s}`) : t("invitees.filterAll")}
          </button>
        ))}
        {l.invitees.some((i) => i.precedenceOverride != null) && (
          <button type="button" className="link" onClick={() => change.mutate(() => api.call("invitees_reset_order", { sessionId }))}>{t("invitees.resetOrder")}</button>
        )}
      </div>
      {l.invitees.length === 0 ? (
        <div className="empty-state"><p>{t("invitees.empty")}</p></div>
      ) : (
        <table className="invitee-table" data-testid="invitee-list">
          <thead>
            <tr>
              <th>#</th><th>{t("invitees.person")}</th><th>{t("invitees.invitation")}</th><th />
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => {
              const index = l.invitees.indexOf(i);
              return (
                <tr key={i.id} data-testid="invitee-row">
                  <td className="muted">{index + 1}</td>
                  <td>
                    <div className="person-name">
                      {pick(i.person.honorific, lang) && <span className="muted">{pick(i.person.honorific, lang)} </span>}
                      {pick(i.person.displayName, lang)}
                      {i.walkIn && <span className="badge">{t("invitees.walkIn")}</span>}
                    </div>
                    <div className="muted small">
                      {otherScripts(i.person.displayName, lang).map((n) => (
                        <span key={n} className="alt-name">{n}</span>
                      ))}
                    </div>
                    <div className="muted small">{pick(i.person.position, lang) || pick(i.person.organisation, lang)}</div>
                    <div className="muted small">
                      {i.invitedAt && t("invitees.invitedAt", { date: formatDate(i.invitedAt.slice(0, 10), lang, "medium") })}
                      {i.respondedAt && ` · ${t("invitees.respondedAt", { date: formatDate(i.respondedAt.slice(0, 10), lang, "medium") })}`}
                    </div>
                  </td>
                  {/* Role, answer, channel and attendance side by side while they fit, wrapping
                      when they do not: no option text is ever cut off, in any language. */}
                  <td>
                    <div className="invitee-fields">
                      <label>
                        <span>{t("invitees.role")}</span>
                        <select value={i.role} data-testid="role" onChange={(e) => update(i.id, { role: e.target.value as InviteeRole })}>
                          {ROLES.map((r) => <option key={r} value={r}>{t(`roles2.${r}`)}</option>)}
                        </select>
                      </label>
                      <label>
                        <span>{t("invitees.status")}</span>
                        <select value={i.status} data-testid="rsvp" onChange={(e) => update(i.id, { status: e.target.value as InvitationStatus })} className={`rsvp-${i.status}`}>
                          {STATUSES.map((s) => <option key={s} value={s}>{t(`rsvp.${s}`)}</option>)}
                        </select>
                      </label>
                      <label>
                        <span>{t("invitees.channel")}</span>
                        <select value={i.channel ?? ""} onChange={(e) => update(i.id, { channel: e.target.value })}>
                          <option value="">—</option>
                          {CHANNELS.map((ch) => <option key={ch} value={ch}>{t(`channels.${ch}`)}</option>)}
                        </select>
                      </label>
                      <label>
                        <span>{t("invitees.attendance")}{i.checkedInAt && <span className="muted"> · {formatClock(i.checkedInAt, timeZone, lang)}</span>}</span>
                        <select
                          value={i.attendance ?? ""}
                          onChange={(e) => {
                            const status = (e.target.value || null) as AttendanceStatus | null;
                            change.mutate(() => api.call("attendance_set", { id: i.id, status }));
                          }}
                          data-testid="attendance"
                        >
                          <option value="">{t("attendance.unknown")}</option>
                          {ATTENDANCE.map((a) => <option key={a} value={a}>{t(`attendance.${a}`)}</option>)}
                        </select>
                      </label>
                    </div>
                  </td>
                  <td className="row-actions">
                    <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t("invitees.moveUp")}><Icon name="up" /></button>
                    <button type="button" disabled={index === l.invitees.length - 1} onClick={() => move(index, 1)} aria-label={t("invitees.moveDown")}><Icon name="down" /></button>
                    <button type="button" className="danger" onClick={() => ask({ title: t("invitees.remove"), text: t("invitees.removeConfirm", { name: pick(i.person.displayName, lang) }), yes: t("invitees.removeYes"), then: () => change.mutate(() => api.call("invitation_remove", { id: i.id })) })} aria-label={t("invitees.remove")}><Icon name="close" /></button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
