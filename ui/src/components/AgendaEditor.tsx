import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, queryKey, useApi, useCommand, type Agenda, type AgendaItem, type AgendaItemInput, type ApiError, type Lang, type RemovedItem } from "../api";
import { UNDO_MS } from "../feedback";
import { pick } from "../format";
import { AgendaItemForm, inputOf } from "./AgendaItemForm";
import { ErrorMessage } from "./ErrorMessage";
import { Icon } from "./Icon";

type Editing = { id: string } | { id: "new" } | null;

/** The agenda of one session: computed times, warnings, reorder by drag or keyboard,
 *  add / edit / duplicate / delete with undo. */
export function AgendaEditor({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const agenda = useCommand("agenda_get", { sessionId });
  const [editing, setEditing] = useState<Editing>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [undo, setUndo] = useState<RemovedItem | null>(null);
  const [announce, setAnnounce] = useState("");
  const refocus = useRef<string | null>(null);

  const apply = (next: Agenda) => {
    queryClient.setQueryData(queryKey("agenda_get", { sessionId }), next);
    void queryClient.invalidateQueries({ queryKey: queryKey("session_readiness", { id: sessionId }) });
  };
  const change = useMutation({
    mutationFn: (op: () => Promise<Agenda>) => op(),
    onSuccess: (next) => {
      apply(next);
      setEditing(null);
      setFormError(null);
      // Undo puts back the last removal only: once the agenda changed otherwise, it is not offered.
      setUndo(null);
    },
    onError: (e) => setFormError(isApiError(e) ? e : { code: "internal", message: String(e) }),
  });
  // Edit → Undo (Ctrl+Z) outside a text field brings the last removed item back.
  useEffect(() => {
    if (!undo) return;
    const restore = () => {
      change.mutate(() => api.call("agenda_restore", { removed: undo }));
      setUndo(null);
    };
    window.addEventListener("club:undo", restore);
    return () => window.removeEventListener("club:undo", restore);
  }, [undo, api, change]);
  // The offer goes by itself, like a done toast.
  useEffect(() => {
    if (!undo) return;
    const expire = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(expire);
  }, [undo]);
  const remove = useMutation({
    mutationFn: (id: string) => api.call("agenda_remove", { id }),
    onSuccess: (removal) => {
      apply(removal.agenda);
      setUndo(removal.removed);
    },
  });

  // After a keyboard move, the moved item's handle keeps the focus.
  useEffect(() => {
    if (refocus.current) {
      document.querySelector<HTMLElement>(`[data-handle="${refocus.current}"]`)?.focus();
      refocus.current = null;
    }
  }, [agenda.data]);

  if (agenda.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (agenda.error) return <ErrorMessage error={agenda.error} />;
  const a = agenda.data;

  const move = (item: AgendaItem, to: number) => {
    if (to < 0 || to >= a.items.length || to === item.position) return;
    refocus.current = item.id;
    setAnnounce(t("agenda.moved", { n: to + 1 }));
    change.mutate(() => api.call("agenda_move", { id: item.id, to }));
  };
  const save = (input: AgendaItemInput) =>
    change.mutate(() => (editing?.id === "new" || !editing ? api.call("agenda_add", { sessionId, input, at: null }) : api.call("agenda_update", { id: editing.id, input })));

  return (
    <section className="agenda" aria-label={t("tabs.agenda")}>
      <AgendaSummary agenda={a} lang={lang} />
      {a.items.length === 0 && editing?.id !== "new" && (
        <div className="empty-state">
          <h2>{t("agenda.empty")}</h2>
          <p>{t("agenda.emptyHint")}</p>
        </div>
      )}
      <DraggableList agenda={a} onMove={move}>
        {(item, handle) =>
          editing?.id === item.id ? (
            <AgendaItemForm item={item} error={formError} saving={change.isPending} onSave={save} onCancel={() => setEditing(null)} />
          ) : (
            <div className={item.collisionMin > 0 ? "agenda-row warn" : "agenda-row"}>
              {handle}
              <div className="agenda-time" data-testid="item-time">
                {item.start}–{item.end}
                {item.pinnedStart && <span className="pin" title={t("agenda.pinned")}> <Icon name="pin" /></span>}
              </div>
              <div className="agenda-body">
                <div className="agenda-title">
                  <span className={`badge kind-${item.kind}`}>{t(`kinds.${item.kind}`)}</span>{" "}
                  <span data-testid="item-title">{pick(item.title, lang)}</span>
                </div>
                {item.roles.length > 0 && (
                  <div className="agenda-people">
                    {item.roles.map((r) => (
                      <span key={`${r.personId}-${r.role}`} className={r.invited ? "chip" : "chip warn"} title={r.invited ? undefined : t("agenda.notInvited")}>
                        {pick(r.name, lang)} · {t(`roles.${r.role}`)}
                        {!r.invited && <> <Icon name="warning" /></>}
                      </span>
                    ))}
                  </div>
                )}
                {item.collisionMin > 0 && <div className="warning-text">{t("agenda.collision", { count: item.collisionMin })}</div>}
              </div>
              <div className="agenda-duration">{t("agenda.minutes", { count: item.durationMin })}</div>
              <div className="agenda-actions">
                <button type="button" onClick={() => { setFormError(null); setEditing({ id: item.id }); }}>{t("agenda.edit")}</button>
                <button type="button" onClick={() => change.mutate(() => api.call("agenda_duplicate", { id: item.id }))} aria-label={`${t("agenda.duplicate")}: ${pick(item.title, lang)}`}><Icon name="copy" /></button>
                <button type="button" className="danger" onClick={() => remove.mutate(item.id)} aria-label={`${t("agenda.delete")}: ${pick(item.title, lang)}`} data-testid="delete-item"><Icon name="close" /></button>
              </div>
            </div>
          )
        }
      </DraggableList>
      {editing?.id === "new" ? (
        <AgendaItemForm error={formError} saving={change.isPending} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="primary" onClick={() => { setFormError(null); setEditing({ id: "new" }); }} data-testid="add-item">
          + {t("agenda.add")}
        </button>
      )}
      {/* In the flow under the list and its "+ Add", never over them (it was a fixed toast). */}
      {undo && (
        <div className="undo-bar" role="status" data-testid="undo-bar">
          <span className="undo-text">{t("agenda.deleted", { title: pick(undo.input.title, lang) })}</span>
          <button
            type="button"
            onClick={() => {
              change.mutate(() => api.call("agenda_restore", { removed: undo }));
              setUndo(null);
            }}
            data-testid="undo"
          >
            {t("agenda.undo")}
          </button>
          <button type="button" className="link" onClick={() => setUndo(null)} aria-label={t("feedback.close")}>×</button>
        </div>
      )}
      {(remove.error || (change.error && !editing)) && <ErrorMessage error={remove.error ?? change.error} />}
      <div className="sr-only" aria-live="polite">{announce}</div>
    </section>
  );
}

function AgendaSummary({ agenda: a, lang }: { agenda: Agenda; lang: Lang }) {
  const { t } = useTranslation();
  if (a.items.length === 0) return null;
  return (
    <div className={a.overrunMin > 0 ? "agenda-summary warn" : "agenda-summary"} data-testid="agenda-summary">
      <strong>{t("agenda.plannedEnd", { time: a.plannedEnd })}</strong>{" · "}
      {a.overrunMin > 0 ? t("agenda.overrun", { count: a.overrunMin, end: a.sessionEnd }) : t("agenda.fits", { planned: a.plannedEnd, end: a.sessionEnd })}
      {a.uninvited.length > 0 && (
        <div className="warning-text">{t("agenda.uninvited", { names: a.uninvited.map((r) => pick(r.name, lang)).join(", ") })}</div>
      )}
    </div>
  );
}

/** An ordered list whose rows move with a pointer drag on their handle, or Alt+↑/↓. */
function DraggableList({
  agenda,
  onMove,
  children,
}: {
  agenda: Agenda;
  onMove: (item: AgendaItem, to: number) => void;
  children: (item: AgendaItem, handle: ReactElement) => ReactElement;
}) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<{ id: string; from: number; to: number } | null>(null);

  /** Where the dragged row would go: the number of other rows whose middle is above the pointer
   *  (the same index `move` takes, counted without the row itself). */
  const targetIndex = (clientY: number, from: number) => {
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>(":scope > li") ?? []);
    return rows.filter((row, i) => {
      const r = row.getBoundingClientRect();
      return i !== from && r.top + r.height / 2 < clientY;
    }).length;
  };
  const down = (item: AgendaItem) => (e: PointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ id: item.id, from: item.position, to: item.position });
  };
  const moveTo = (e: PointerEvent) => {
    if (!drag) return;
    const to = targetIndex(e.clientY, drag.from);
    if (to !== drag.to) setDrag({ ...drag, to });
  };
  const up = () => {
    if (drag && drag.to !== drag.from) {
      const item = agenda.items.find((i) => i.id === drag.id);
      if (item) onMove(item, drag.to);
    }
    setDrag(null);
  };
  const key = (item: AgendaItem) => (e: KeyboardEvent) => {
    if (!e.altKey) return;
    if (e.key === "ArrowUp") {
      e.preventDefault();
      onMove(item, item.position - 1);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      onMove(item, item.position + 1);
    }
  };

  return (
    <ol className={drag ? "agenda-list dragging" : "agenda-list"} ref={listRef} onPointerMove={moveTo} onPointerUp={up} onPointerCancel={() => setDrag(null)} data-testid="agenda-list">
      {agenda.items.map((item) => {
        const handle = (
          <button
            type="button"
            className="handle"
            aria-label={`${t("agenda.handle")}: ${item.position + 1}`}
            title={t("agenda.handle")}
            onPointerDown={down(item)}
            onKeyDown={key(item)}
            data-handle={item.id}
            data-testid="drag-handle"
          >
            <Icon name="grip" />
          </button>
        );
        const classes = [
          drag?.id === item.id ? "drag-source" : "",
          drag && drag.to === item.position && drag.id !== item.id ? (drag.to < drag.from ? "drop-before" : "drop-after") : "",
        ].join(" ");
        return (
          <li key={item.id} className={classes} data-testid="agenda-item">
            {children(item, handle)}
          </li>
        );
      })}
    </ol>
  );
}

export { inputOf };
