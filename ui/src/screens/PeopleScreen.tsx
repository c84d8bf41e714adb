import { useMutation, useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, type Lang, type Person } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { importable, ImportWizard } from "../components/ImportWizard";
import { Progress, useToast } from "../feedback";
import { PersonForm } from "../components/PersonForm";
import { DemoBadge } from "../components/StatusBadge";
import { useSettled } from "../settled";
import { otherScripts, pick } from "../format";

type Mode = { name: "list" } | { name: "new" } | { name: "edit"; person: Person } | { name: "import"; file?: File };

/** How long the search box waits for the typing to pause before it asks. */
const SEARCH_SETTLE_MS = 250;

/** The directory in order of precedence, searched as you type in any script. */
export function PeopleScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [mode, setMode] = useState<Mode>({ name: "list" });
  const [text, setText] = useState("");
  const query = useSettled(text.trim(), SEARCH_SETTLE_MS);
  const people = useQuery({
    queryKey: query ? queryKey("people_search", { query }) : queryKey("people_list"),
    queryFn: () => (query ? api.call("people_search", { query }) : api.call("people_list")),
  });
  const toast = useToast();
  const exportTo = useMutation({
    mutationFn: (format: "csv" | "xlsx") => api.call("people_export", { format }),
    onSuccess: (path) => path && toast.done(t("people.exported", { path })),
    onError: (e) => toast.failed(t("people.exportFailed"), e),
  });
  // A contacts file dropped anywhere on the screen starts the import with it.
  const [dragging, setDragging] = useState(0);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(0);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (!importable(file.name)) {
      toast.failed(t("import.dropWrongType", { name: file.name }), t("import.dropTypes"));
      return;
    }
    setMode({ name: "import", file });
  };

  if (mode.name === "new" || mode.name === "edit") {
    return (
      <>
        <header className="screen-header"><h1>{mode.name === "new" ? t("people.new") : pick(mode.person.displayName, lang)}</h1></header>
        <PersonForm person={mode.name === "edit" ? mode.person : undefined} onDone={() => setMode({ name: "list" })} />
      </>
    );
  }
  return (
    <div
      className="drop-target"
      onDragEnter={(e) => hasFiles(e) && setDragging((n) => n + 1)}
      onDragLeave={(e) => hasFiles(e) && setDragging((n) => Math.max(0, n - 1))}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDrop={drop}
      data-testid="people-screen"
    >
      {dragging > 0 && <div className="drop-hint" data-testid="drop-hint">{t("import.dropHere")}</div>}
      <header className="screen-header">
        <div>
          <h1>{t("people.title")}</h1>
          <p className="muted">{t("people.soon")}{people.data && ` · ${t("people.count", { count: people.data.length })}`}</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setMode({ name: "import" })} data-testid="open-import">{t("people.import")}</button>
          <button type="button" onClick={() => exportTo.mutate("csv")}>{t("people.exportCsv")}</button>
          <button type="button" onClick={() => exportTo.mutate("xlsx")}>{t("people.exportXlsx")}</button>
          <button type="button" className="primary" onClick={() => setMode({ name: "new" })} data-testid="new-person">+ {t("people.new")}</button>
        </div>
      </header>
      {exportTo.isPending && <Progress label={t("people.exporting")} />}
      {exportTo.error && <ErrorMessage error={exportTo.error} />}
      {mode.name === "import" && <ImportWizard key={mode.file ? `${mode.file.name}-${mode.file.lastModified}` : "chosen"} file={mode.file} onClose={() => setMode({ name: "list" })} />}
      <input
        type="search"
        className="big-search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("people.search")}
        aria-label={t("people.search")}
        data-testid="people-search"
      />
      {people.isPending && <p className="loading">{t("app.loading")}</p>}
      {people.error && <ErrorMessage error={people.error} />}
      {people.data?.length === 0 && <div className="empty-state"><p>{query ? t("people.noMatch", { q: query }) : t("people.empty")}</p></div>}
      {!!people.data?.length && <PeopleList people={people.data} onOpen={(person) => setMode({ name: "edit", person })} />}
    </div>
  );
}

/**
 * The directory's rows, only those in view rendered: a 20-year directory holds ten
 * thousand people and scrolls as smoothly as a short one.
 */
function PeopleList({ people, onOpen }: { people: Person[]; onOpen: (p: Person) => void }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: people.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 62,
    overscan: 8,
    // Before layout (and in tests without one) a window's worth of rows.
    initialRect: { width: 1000, height: 800 },
  });
  const items = rows.getVirtualItems();
  const top = items.length ? items[0].start : 0;
  const bottom = items.length ? rows.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div className="list-scroll" ref={scroller} data-testid="people-list">
      <table className="people" aria-rowcount={people.length}>
        {/* Fixed widths: rows come and go while scrolling, the columns must not move. */}
        <colgroup>
          <col style={{ width: "32%" }} />
          <col style={{ width: "38%" }} />
          <col style={{ width: "20%" }} />
          <col style={{ width: "10%" }} />
        </colgroup>
        <tbody>
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((row) => {
            const p = people[row.index];
            return (
              <tr key={p.id} data-index={row.index} aria-rowindex={row.index + 1} onClick={() => onOpen(p)} className="clickable">
                <td>
                  <button type="button" className="person-name link-like" onClick={() => onOpen(p)}>
                    {pick(p.honorific, lang) && <span className="muted">{pick(p.honorific, lang)} </span>}
                    {pick(p.displayName, lang)}
                  </button>{" "}
                  {p.isDemo && <DemoBadge />}
                  <div className="muted small">
                    {otherScripts(p.displayName, lang).map((n) => (
                      <span key={n} className="alt-name">{n}</span>
                    ))}
                  </div>
                </td>
                <td>
                  <div>{pick(p.position, lang)}</div>
                  <div className="muted small">{pick(p.organisation, lang)}</div>
                </td>
                <td className="small">
                  <div>{p.email}</div>
                  <div className="muted">{p.phone}</div>
                </td>
                <td className="small">{p.tags.map((tag) => <span key={tag} className="chip">{tag}</span>)}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
