import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "./components/ErrorMessage";
import { Icon } from "./components/Icon";

/**
 * Toasts: what finished ("done") or failed and why, in one corner of the window whatever
 * screen started the work — an import or a backup may end after the user moved on.
 * A done toast goes by itself; a failure stays until closed, so its reason can be read.
 */
export type Toast = { id: number; kind: "done" | "failed"; text: string };

const DONE_MS = 6000;
/** How long an offer to undo stays (a removed agenda item): a little longer than a done toast,
 *  to read what went and reach the button. */
export const UNDO_MS = 8000;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: Toast[]) {
  toasts = next;
  for (const l of listeners) l();
}

export function dismiss(id: number) {
  publish(toasts.filter((t) => t.id !== id));
}

function push(kind: Toast["kind"], text: string): number {
  const id = nextId++;
  // The newest last; at most five, the oldest done ones go first.
  let next = [...toasts, { id, kind, text }];
  while (next.length > 5) {
    const oldest = next.findIndex((t) => t.kind === "done");
    next = next.filter((_, i) => i !== (oldest >= 0 ? oldest : 0));
  }
  publish(next);
  if (kind === "done") setTimeout(() => dismiss(id), DONE_MS);
  return id;
}

export const toast = {
  done: (text: string) => push("done", text),
  failed: (text: string) => push("failed", text),
};

/** Failure toasts in the user's language, the reason included (an error from Rust, or
 *  the reason already in words). */
export function useToast() {
  const { t } = useTranslation();
  return {
    done: toast.done,
    failed: (what: string, reason: unknown) =>
      toast.failed(`${what}: ${typeof reason === "string" ? reason : errorText(t, reason)}`),
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toast region: rendered once, by the App. */
export function Toasts() {
  const { t } = useTranslation();
  const list = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {list.map((item) => (
        <div key={item.id} className={`toast-card ${item.kind}`} role={item.kind === "failed" ? "alert" : "status"} data-testid={`toast-${item.kind}`}>
          <span aria-hidden="true" className="toast-mark">{item.kind === "done" ? <Icon name="check" /> : "!"}</span>
          <span className="toast-text">{item.text}</span>
          <button type="button" className="link" onClick={() => dismiss(item.id)} aria-label={t("feedback.close")}>×</button>
        </div>
      ))}
    </div>
  );
}

/**
 * Work under way: a moving bar with what is being done. The window stays usable —
 * every command runs off the UI thread.
 */
export function Progress({ label }: { label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-busy="true" data-testid="progress">
      <span className="progress-label">{label}</span>
      <span className="progress-track"><span className="progress-bar" /></span>
    </div>
  );
}

/** Tests start from no toasts. */
export function clearToasts() {
  publish([]);
}

