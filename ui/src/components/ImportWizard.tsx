import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, type ImportReport, type ImportRequest } from "../api";
import { Progress, useToast } from "../feedback";
import { ErrorMessage } from "./ErrorMessage";

/** The files the import reads (by name; the content decides in the end). */
export const IMPORT_ACCEPT = [".csv", ".txt", ".tsv", ".xlsx", ".vcf"];
export const importable = (name: string) => IMPORT_ACCEPT.some((ext) => name.toLowerCase().endsWith(ext));

const CODES = ["name", "family", "given", "patronymic", "honorific", "position", "organisation", "email", "phone", "wechat", "country", "tags", "notes", "languages", "family_first"];
const WITH_LANG = ["name", "family", "given", "patronymic", "honorific", "position"];
const LANG_SUFFIXES = ["", ".ru", ".kk", ".zh", ".en"];

/** Rows left out for their problems (the rest of `skipped` were already in the directory). */
const skippedForProblems = (r: ImportReport) => r.rows.filter((row) => row.problems.length > 0 && row.action === "skip").length;
/** The counts the "done" message names: `skipped` there means left as they were. */
const doneCounts = (r: ImportReport) => ({ ...r.counts, skipped: r.counts.skipped - skippedForProblems(r) });

/** Choose a file (or drop one on the People screen: `file`), see how it was read and what
 *  each column means, check every row, then import all rows at once. While any row has a
 *  problem nothing is imported, unless the person chooses to skip those rows or to import
 *  them with their unreadable values kept in the notes. */
export function ImportWizard({ onClose, file }: { onClose: () => void; file?: File }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [request, setRequest] = useState<ImportRequest | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const check = useMutation({ mutationFn: (request: ImportRequest) => api.call("import_dry_run", { request }), onSuccess: setReport });
  const commit = useMutation({
    mutationFn: (request: ImportRequest) => api.call("import_commit", { request }),
    onSuccess: async (r) => {
      setDone(r);
      toast.done(t("import.done", doneCounts(r)));
      await queryClient.invalidateQueries({ queryKey: queryKey("people_list") });
    },
    onError: (e) => toast.failed(t("import.failed"), e),
  });

  const load = async (file: File) => {
    const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
    const next: ImportRequest = { fileName: file.name, bytes, mapping: [], onDuplicate: "skip", onProblem: "refuse" };
    setRequest(next);
    setReport(null);
    setDone(null);
    check.mutate(next);
  };
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) void load(chosen);
  };
  // A dropped file is read as soon as the wizard opens with it (once, even in StrictMode).
  const dropped = useRef<File | null>(null);
  useEffect(() => {
    if (file && dropped.current !== file) {
      dropped.current = file;
      void load(file);
    }
  }, [file]);
  const remap = (column: number, code: string) => {
    if (!request || !report) return;
    const mapping = report.mapping.map((m, i) => (i === column ? code : m));
    const next = { ...request, mapping };
    setRequest(next);
    check.mutate(next);
  };
  const codeLabel = (code: string) => {
    const [base, lang] = code.split(".");
    return `${t(`import.codes.${base}`)}${lang ? ` (${lang})` : ""}`;
  };
  const options = CODES.flatMap((c) => (WITH_LANG.includes(c) ? LANG_SUFFIXES.map((s) => c + s) : [c]));
  const rowsToImport = report ? report.counts.rows - report.counts.errors : 0;
  const problemRows = report ? report.rows.filter((r) => r.problems.length > 0) : [];
  // The person's choice for the rows with problems: import with it at once.
  const importWith = (onProblem: ImportRequest["onProblem"]) => {
    const next = { ...request!, onProblem };
    setRequest(next);
    commit.mutate(next);
  };
  const importing = request?.onProblem === "keep_in_notes" ? report?.counts.rows ?? 0 : rowsToImport;

  return (
    <section className="import" aria-labelledby="import-heading" data-testid="import-wizard">
      <header className="screen-header">
        <h2 id="import-heading">{t("import.title")}</h2>
        <button type="button" onClick={onClose}>{t("checkin.close")}</button>
      </header>
      {/* The system's file input, in the app's words: WebKit labels its own button in English. */}
      <div className="file-choice">
        <span id="import-choose-label">{t("import.choose")}</span>
        <span className="file-row">
          <span className="file-button">
            {t("import.chooseButton")}
            <input type="file" accept={IMPORT_ACCEPT.join(",")} onChange={choose} aria-labelledby="import-choose-label" data-testid="import-file" />
          </span>
          <span className={request ? "file-name" : "file-name muted"} data-testid="import-file-name">{request ? request.fileName : t("import.noFile")}</span>
        </span>
      </div>
      {check.isPending && <Progress label={t("import.reading", { name: request?.fileName ?? "" })} />}
      {check.error && <ErrorMessage error={check.error} />}
      {report && (
        <>
          <p className="muted">
            {t("import.read", { format: report.format.toUpperCase() })}
            {report.encoding && `, ${t("import.encoding", { encoding: report.encoding })}`}
            {report.delimiter && `, ${t("import.delimiter", { delimiter: report.delimiter === "\t" ? "Tab" : report.delimiter })}`}
          </p>
          <h3>{t("import.mapping")}</h3>
          <table className="grid">
            <thead>
              <tr>
                <th>{t("import.column")}</th>
                <th>{t("import.meaning")}</th>
                <th>{t("import.preview")}</th>
              </tr>
            </thead>
            <tbody>
              {report.headers.map((h, i) => (
                <tr key={i}>
                  <td>{h}</td>
                  <td>
                    <select value={report.mapping[i] ?? ""} onChange={(e) => remap(i, e.target.value)} aria-label={h}>
                      <option value="">{t("import.ignore")}</option>
                      {options.map((o) => (
                        <option key={o} value={o}>{codeLabel(o)}</option>
                      ))}
                    </select>
                  </td>
                  <td className="muted small">{report.preview.slice(0, 3).map((r) => r.cells[i]).filter(Boolean).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="import-counts">{t("import.rows", report.counts)}</p>
          <table className="grid">
            <thead>
              <tr>
                <th>{t("import.line")}</th>
                <th>{t("import.name")}</th>
                <th>{t("import.status")}</th>
                <th>{t("import.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.line} className={`row-${r.status}`}>
                  <td>{r.line}</td>
                  <td>{r.name}</td>
                  <td>{t(`import.statuses.${r.status}`)}{r.duplicateName && ` → ${r.duplicateName}`}</td>
                  <td>{r.problems.map((p) => `${p.column ? `${p.column}: ` : ""}${t(`errors.${p.reason}`, { defaultValue: p.message })}`).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.counts.duplicates > 0 && (
            <div className="field">
              <label htmlFor="on-duplicate">{t("import.onDuplicate")}</label>
              <select id="on-duplicate" value={request?.onDuplicate} onChange={(e) => setRequest({ ...request!, onDuplicate: e.target.value as ImportRequest["onDuplicate"] })}>
                {(["skip", "merge", "create"] as const).map((p) => (
                  <option key={p} value={p}>{t(`import.policies.${p}`)}</option>
                ))}
              </select>
            </div>
          )}
          {problemRows.length > 0 && !done && (
            <section aria-labelledby="import-problems-heading" data-testid="import-problems">
              <h3 id="import-problems-heading">{t("import.problemRows")}</h3>
              <p className="warning-text">{t("import.problemsIntro", { count: problemRows.length })}</p>
              <table className="grid">
                <thead>
                  <tr>
                    <th>{t("import.line")}</th>
                    <th>{t("import.name")}</th>
                    <th>{t("import.column")}</th>
                    <th>{t("import.value")}</th>
                    <th>{t("import.problems")}</th>
                  </tr>
                </thead>
                <tbody>
                  {problemRows.flatMap((r) =>
                    r.problems.map((p, i) => (
                      <tr key={`${r.line}-${i}`} data-testid="import-problem-row">
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td>{p.column}</td>
                        <td>{p.value}</td>
                        <td>{t(`errors.${p.reason}`, { defaultValue: p.message })}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              <div className="form-actions">
                <button type="button" disabled={commit.isPending} onClick={() => importWith("skip")} data-testid="import-skip-problems">
                  {t("import.skipProblems")}
                </button>
                <button type="button" disabled={commit.isPending} onClick={() => importWith("keep_in_notes")} data-testid="import-keep-problems">
                  {t("import.keepProblems")}
                </button>
                <button type="button" onClick={onClose}>{t("import.cancel")}</button>
              </div>
              <p className="muted small">{t("import.keepHint")}</p>
            </section>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={report.counts.errors > 0 || commit.isPending || !!done} onClick={() => commit.mutate(request!)} data-testid="import-commit">
              {t("import.commit", { count: rowsToImport })}
            </button>
          </div>
          {commit.isPending && <Progress label={t("import.importing", { count: importing })} />}
          {commit.error && <ErrorMessage error={commit.error} />}
          {done && <p className="ok-text" role="status" data-testid="import-done">{t("import.done", doneCounts(done))}</p>}
          {done && done.counts.errors > 0 && (
            <p className="muted" data-testid="import-done-problems">
              {t("import.doneProblems", {
                skipped: skippedForProblems(done),
                kept: done.counts.keptInNotes,
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
