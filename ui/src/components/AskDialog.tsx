import { useEffect, useRef } from "react";

/**
 * A modal question with two answers (leave unsaved work, remove the demonstration…): the
 * system's modal dialog, focus on the safe answer, Esc or the safe answer says no.
 */
export function AskDialog({
  title, text, yes, no, onYes, onNo, testId, yesTestId = "ask-yes",
}: {
  title: string; text: string; yes: string; no: string; onYes: () => void; onNo: () => void; testId?: string; yesTestId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    // showModal focuses the first button; Enter must not be the answer that loses work.
    safe.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="ask"
      role="alertdialog"
      aria-labelledby="ask-title"
      aria-describedby="ask-text"
      onCancel={(e) => { e.preventDefault(); onNo(); }}
      data-testid={testId}
    >
      <h2 id="ask-title">{title}</h2>
      <p id="ask-text">{text}</p>
      <div className="actions">
        <button type="button" ref={safe} className="primary" onClick={onNo} data-testid="ask-no">{no}</button>
        <button type="button" className="danger" onClick={onYes} data-testid={yesTestId}>{yes}</button>
      </div>
    </dialog>
  );
}
