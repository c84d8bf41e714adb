import { useEffect, useRef } from "react";
import { useApi } from "./api";

/**
 * What a menu item or shortcut asks for. The native menu sends these ids; inside the
 * window the same keys arrive as key presses (and WebDriver's keys arrive only so).
 */
export type Action =
  | "new-session" | "export" | "print" | "find" | "undo" | "redo" | "about"
  | "nav-sessions" | "nav-people" | "nav-followups" | "nav-search" | "nav-stats" | "nav-settings"
  | "tab-agenda" | "tab-invitees" | "tab-minutes" | "tab-documents";

/** The shortcut of a key press (Ctrl, or ⌘ on macOS), if it is one of ours. */
export function actionOf(e: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod) return null;
  const key = e.key.toLowerCase();
  if (e.altKey) {
    const tabs: Record<string, Action> = { Digit1: "tab-agenda", Digit2: "tab-invitees", Digit3: "tab-minutes", Digit4: "tab-documents" };
    return tabs[e.code] ?? null;
  }
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y") return "redo";
  if (e.shiftKey) return null;
  const plain: Record<string, Action> = {
    n: "new-session", e: "export", p: "print", f: "find", ",": "nav-settings",
    "1": "nav-sessions", "2": "nav-people", "3": "nav-followups", "4": "nav-search", "5": "nav-stats",
  };
  return plain[key] ?? null;
}

function editable(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "file"].includes(el.type);
  return (el as HTMLElement).isContentEditable;
}

/** Undo or redo typing in the focused field; false when no field has the focus. */
export function editInField(action: "undo" | "redo"): boolean {
  if (!editable(document.activeElement)) return false;
  document.execCommand(action);
  return true;
}

/**
 * Runs `run` for every menu item chosen and every shortcut pressed. The listeners are set
 * once; `run` may change with every screen (it sees the current route).
 */
export function useActions(run: (action: Action) => void) {
  const api = useApi();
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionOf(e);
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener("keydown", onKey);
    let unlisten: (() => void) | undefined;
    let gone = false;
    api.onMenu((id) => latest.current(id as Action)).then((u) => (gone ? u() : (unlisten = u)), () => {});
    return () => {
      gone = true;
      window.removeEventListener("keydown", onKey);
      unlisten?.();
    };
  }, [api]);
}
