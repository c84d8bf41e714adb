import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Invitee, type InviteeList, type Lang } from "../api";
import { formatClock, formatDate, otherScripts, pick, todayIn } from "../format";
import { emptyPerson, nameFromText } from "../person";
import { ErrorMessage } from "./ErrorMessage";
import { Icon } from "./Icon";

/** Lowercase, ё = е: the same folding the core uses. */
const fold = (s: string) => s.toLowerCase().replaceAll("ё", "е");

function matches(i: Invitee, q: string) {
  const names = [...Object.values(i.person.displayName), ...i.person.names.map((n) => `${n.family} ${n.given}`)];
  return names.some((n) => n && fold(n).includes(q));
}

/** Full-screen arrival desk: a few letters in any script, Enter, and the person is in. */
export function CheckInMode({ sessionId, date, timeZone, onClose }: { sessionId: string; date: string; timeZone: string; onClose: () => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const list = useCommand("invitees_list", { sessionId });
  const [text, setText] = useState("");
  const [selected, setSelected] = useState(0);
  const [last, setLast] = useState<{ invitee: Invitee; already: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const apply = (next: InviteeList) => queryClient.setQueryData(queryKey("invitees_list", { sessionId }), next);
  const arrive = useMutation({
    mutationFn: (i: Invitee) => api.call("check_in", { id: i.id }),
    onSuccess: (next, i) => {
      apply(next);
      setLast({ invitee: next.invitees.find((x) => x.id === i.id) ?? i, already: false });
      setText("");
      input.current?.focus();
    },
  });
  const undo = useMutation({ mutationFn: (i: Invitee) => api.call("check_in_undo", { id: i.id }), onSuccess: (next) => { apply(next); setLast(null); input.current?.focus(); } });
  const walkIn = useMutation({
    mutationFn: (name: string) => api.call("walk_in", { sessionId, person: { ...emptyPerson(), names: [nameFromText(name, lang)] } }),
    onSuccess: (next) => {
      apply(next);
      const added = next.invitees.filter((i) => i.walkIn).sort((a, b) => (b.checkedInAt ?? "").localeCompare(a.checkedInAt ?? ""))[0];
      if (added) setLast({ invitee: added, already: false });
      setText("");
      input.current?.focus();
    },
  });

  useEffect(() => {
    const close = (e: globalThis.KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [onClose]);

  const q = fold(text.trim());
  const found = q && list.data ? list.data.invitees.filter((i) => matches(i, q)) : [];
  const current = found[Math.min(selected, found.length - 1)];
  const time = (iso: string | null) => (iso ? formatClock(iso, timeZone, lang) : "");
  const key = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") setSelected(Math.min(selected + 1, found.length - 1));
    else if (e.key === "ArrowUp") setSelected(Math.max(selected - 1, 0));
    else if (e.key === "Enter" && current) {
      e.preventDefault();
      if (current.checkedInAt) setLast({ invitee: current, already: true });
      else arrive.mutate(current);
    }
  };
  const c = list.data?.counts;
  return (
    <div className="checkin" role="dialog" aria-modal="true" aria-labelledby="checkin-title" data-testid="check-in">
      <header>
        <h1 id="checkin-title">{t("checkin.title")}</h1>
        {c && <p className="checkin-counter" data-testid="checkin-counter">{t("checkin.counter", { attended: c.attended, total: c.total })}</p>}
        <button type="button" onClick={onClose}>{t("checkin.close")}</button>
      </header>
      {date !== todayIn(timeZone) && (
        <p className="checkin-not-today" role="alert" data-testid="checkin-not-today">
          <Icon name="warning" /> {t("checkin.notToday", { date: formatDate(date, lang, "long") })}
        </p>
      )}
      <input
        ref={input}
        className="checkin-input"
        value={text}
        onChange={(e) => { setText(e.target.value); setSelected(0); }}
        onKeyDown={key}
        placeholder={t("checkin.placeholder")}
        aria-label={t("checkin.placeholder")}
        autoFocus
        data-testid="checkin-input"
      />
      {last && (
        <div className={last.already ? "checkin-last warn" : "checkin-last"} role="status" data-testid="checkin-last">
          {last.already
            ? t("checkin.already", { name: pick(last.invitee.person.displayName, lang), time: time(last.invitee.checkedInAt) })
            : <><Icon name="check" /> {t("checkin.arrived", { name: pick(last.invitee.person.displayName, lang), time: time(last.invitee.checkedInAt) })}</>}
          {!last.already && <button type="button" onClick={() => undo.mutate(last.invitee)}>{t("checkin.undo")}</button>}
        </div>
      )}
      {found.length > 1 && <p className="muted">{t("checkin.more")}</p>}
      <ul className="checkin-results">
        {found.slice(0, 8).map((i) => (
          <li key={i.id} className={i === current ? "selected" : ""}>
            <button type="button" onClick={() => (i.checkedInAt ? setLast({ invitee: i, already: true }) : arrive.mutate(i))}>
              <span className="big-name">{pick(i.person.displayName, lang)}</span>
              <span className="muted">
                {otherScripts(i.person.displayName, lang).join(" · ")}
              </span>
              {i.checkedInAt && <span className="badge status-held"><Icon name="check" /> {time(i.checkedInAt)}</span>}
            </button>
          </li>
        ))}
      </ul>
      {q && found.length === 0 && (
        <div>
          <p className="muted">{t("checkin.noMatch")}</p>
          <button type="button" onClick={() => walkIn.mutate(text)} data-testid="walk-in">{t("checkin.walkIn", { name: text.trim() })}</button>
        </div>
      )}
      {(arrive.error || walkIn.error || undo.error) && <ErrorMessage error={arrive.error ?? walkIn.error ?? undo.error} />}
    </div>
  );
}
