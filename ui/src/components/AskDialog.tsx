import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

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

type Question = { title: string; text: string; yes: string; then: () => void; testId?: string; yesTestId?: string };

/**
 * A question before a step that loses data: `ask({ title, text, yes, then })` shows it,
 * `then` runs on yes. Render `dialog` somewhere in the component.
 */
export function useAsk() {
  const { t } = useTranslation();
  const [question, setQuestion] = useState<Question | null>(null);
  const dialog = question && (
    <AskDialog
      title={question.title}
      text={question.text}
      yes={question.yes}
      no={t("session.cancel")}
      onYes={() => {
        setQuestion(null);
        question.then();
      }}
      onNo={() => setQuestion(null)}
      testId={question.testId ?? "ask-dialog"}
      yesTestId={question.yesTestId}
    />
  );
  const ask = (question: Question) => setQuestion(question);
  return { dialog, ask };
}
