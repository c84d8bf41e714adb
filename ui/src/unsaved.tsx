import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useApi, type Api } from "./api";
import { AskDialog } from "./components/AskDialog";

/**
 * Unsaved work in forms. Editors that save as you type (agenda, invitees, minutes) have
 * none; a form with a Save button (new/edit session, a person) has some once typed in.
 * Leaving it — another screen, Cancel, closing the window, File → Quit — asks first.
 * Rust is told whether anything is unsaved, so the window's close button asks too.
 */
const dirty = new Set<object>();
let pending: (() => void) | null = null;
let told = false;
const listeners = new Set<() => void>();

function notify() {
  for (const l of listeners) l();
}

function tellRust(api: Api) {
  const now = dirty.size > 0;
  if (now === told) return;
  told = now;
  api.call("unsaved_set", { dirty: now }).catch(() => {});
}

/** Marks the calling form as holding unsaved work while `isDirty`; `release()` ends that
 *  at once (after a save, before navigating away). */
export function useUnsavedChanges(isDirty: boolean) {
  const api = useApi();
  const token = useRef({}).current;
  useEffect(() => {
    if (isDirty) dirty.add(token);
    else dirty.delete(token);
    tellRust(api);
    return () => {
      dirty.delete(token);
      tellRust(api);
    };
  }, [api, isDirty, token]);
  return {
    release: () => {
      dirty.delete(token);
      tellRust(api);
    },
  };
}

export function hasUnsavedChanges() {
  return dirty.size > 0;
}

/** Runs `then` now, or once the user agreed to drop the unsaved work. */
export function leaveUnsaved(then: () => void) {
  if (dirty.size === 0) return then();
  pending = then;
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The question, rendered once by the App. */
export function LeaveDialog() {
  const api = useApi();
  const { t } = useTranslation();
  const then = useSyncExternalStore(subscribe, () => pending);
  if (!then) return null;
  const answer = (leave: boolean) => {
    pending = null;
    if (leave) {
      dirty.clear();
      tellRust(api);
    }
    notify();
    if (leave) then();
  };
  return (
    <AskDialog
      title={t("unsaved.title")}
      text={t("unsaved.text")}
      yes={t("unsaved.discard")}
      no={t("unsaved.stay")}
      onYes={() => answer(true)}
      onNo={() => answer(false)}
      testId="unsaved-dialog"
    />
  );
}
