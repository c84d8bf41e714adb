import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { createContext, useContext, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi, useCommand, type Conflict, type Lang, type Resolution, type Text } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { useToast } from "../feedback";
import { formatDate, formatMoment, pick } from "../format";
import { LANGS } from "../i18n";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(json: string): Json {
  try {
    return JSON.parse(json) as Json;
  } catch {
    return json;
  }
}

/** A multilingual value ({"ru": "…"}), as the column holds it (JSON text) or already read. */
function asText(value: Json): Text | null {
  let v = value;
  if (typeof v === "string" && v.trimStart().startsWith("{")) v = parse(v);
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const entries = Object.entries(v);
  return entries.every(([lang, text]) => (LANGS as string[]).includes(lang) && typeof text === "string") ? (v as Text) : null;
}

/** Where the translation of a column's code is, by table and column (agenda_item.kind → kinds.*). */
function codeKey(table: string, column: string): string | null {
  switch (column) {
    case "kind":
      return table === "agenda_item" ? "kinds" : null;
    case "status":
      return ({ session: "status", invitation: "rsvp", attendance: "attendance", follow_up: "followups.statuses" } as Record<string, string>)[table] ?? null;
    case "role":
      return table === "agenda_role" ? "roles" : table === "invitation" ? "roles2" : null;
    case "channel":
      return "channels";
    default:
      return null;
  }
}

/** Columns that refer to a session or a person, named by what they refer to. */
const REFERENCES: Record<string, "session" | "person"> = {
  session_id: "session", person_id: "person", owner_person_id: "person", deputy_person_id: "person",
};

/** The name of the session or person an id refers to ("" while unknown), or null when it is gone. */
type Names = (kind: "session" | "person", id: string) => string | null;
const NamesContext = createContext<Names>(() => "");

/** One column's value in words: a text in the interface language, a code translated, a date as a date,
 *  a reference by the name of what it refers to. */
function valueText(t: TFunction, lang: Lang, table: string, column: string, value: Json, names: Names): string {
  if (value === null || value === "") return "—";
  if (REFERENCES[column] && typeof value === "string") {
    const name = names(REFERENCES[column], value);
    return name === null ? t("conflicts.gone") : name || "…";
  }
  const text = asText(value);
  if (text) return pick(text, lang) || "—";
  if (typeof value === "number") return column === "duration_min" ? t("agenda.minutes", { count: value }) : String(value);
  if (typeof value === "string") {
    const codes = codeKey(table, column);
    if (codes) return t(`${codes}.${value}`, { defaultValue: value });
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang, "medium");
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return formatMoment(value, lang);
    return value;
  }
  return JSON.stringify(value);
}

/** The columns that tell a row apart, first; keys, stamps and flags left out. */
const FIRST = ["title", "name", "family", "given", "patronymic", "person_id", "session_id", "number", "date", "start_time", "end_time", "kind", "role", "status",
  "duration_min", "body", "summary", "notes", "email", "phone"];
const HIDDEN = /^(id|created_at|updated_at|is_demo|position|family_first|walk_in|precedence_override)$|_id$/;
const MAX_FIELDS = 5;

function rowFields(row: { [key: string]: Json }): string[] {
  const rank = (c: string) => (FIRST.includes(c) ? FIRST.indexOf(c) : FIRST.length);
  return Object.keys(row)
    .filter((c) => (REFERENCES[c] || !HIDDEN.test(c)) && row[c] !== null && row[c] !== "" && row[c] !== "{}" && row[c] !== "[]")
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_FIELDS);
}

const tableName = (t: TFunction, table: string) => t(`conflicts.tables.${table}`, { defaultValue: table });
const columnName = (t: TFunction, column: string) => t(`conflicts.columns.${column}`, { defaultValue: column.replaceAll("_", " ") });

/** One side of an entry: a column's value, a whole row (its main fields), rows that refer to it, or nothing. */
function SideValue({ conflict, side }: { conflict: Conflict; side: Resolution }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const names = useContext(NamesContext);
  const value = parse(side === "kept" ? conflict.kept : conflict.proposed);
  const { table, column } = conflict;
  if (column !== null) return <p className="conflict-value">{valueText(t, lang, table, column, value, names)}</p>;
  if (value === null) {
    // A row that is not there: deleted (or to be deleted), or never added on the hub.
    const gone = side === "proposed" || conflict.kind === "not_found" || conflict.kind === "data";
    return <p className="conflict-value conflict-none">{gone ? t("conflicts.deleted") : t("conflicts.absent")}</p>;
  }
  if (Array.isArray(value)) {
    // The rows added elsewhere that still refer to a row whose deletion was refused.
    const counts = new Map<string, number>();
    for (const v of value) {
      const name = v && typeof v === "object" && !Array.isArray(v) && typeof v.table === "string" ? v.table : "";
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const list = [...counts].map(([name, n]) => (n > 1 ? `${tableName(t, name)} (${n})` : tableName(t, name))).join(", ");
    return <p className="conflict-value">{t("conflicts.referredBy", { list })}</p>;
  }
  if (typeof value === "object") {
    const fields = rowFields(value);
    if (!fields.length) return <p className="conflict-value">—</p>;
    return (
      <dl className="conflict-row-fields">
        {fields.map((c) => (
          <div key={c}>
            <dt>{columnName(t, c)}</dt>
            <dd>{valueText(t, lang, table, c, value[c], names)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <p className="conflict-value">{valueText(t, lang, table, "", value, names)}</p>;
}

/** The register's wording of why (the core's English) as a sentence in the interface language. */
const DETAILS: Record<string, string> = {
  "changed on two machines": "changedBoth",
  "changed here, deleted on another machine": "changedDeleted",
  "deleted here, changed on another machine": "deletedChanged",
  "deleted here, still referred to by rows added on another machine": "deletedReferred",
  "added on two machines with the same key": "sameKey",
};

function detailText(t: TFunction, c: Conflict): string {
  const key = DETAILS[c.detail] ?? (["foreign_key", "unique", "constraint"].includes(c.kind) ? c.kind : null);
  return key ? t(`conflicts.details.${key}`, { proposed: c.proposedAuthor, kept: c.keptAuthor ?? t("conflicts.someone") }) : c.detail;
}

function ConflictCard({ conflict: c, resolving, error, onResolve }: {
  conflict: Conflict;
  resolving: boolean;
  error: unknown;
  onResolve: (choice: Resolution) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const when = (iso: string | null) => (iso ? formatMoment(iso, lang) : "");
  const labelText = c.label === null ? "" : (() => {
    const text = asText(c.label);
    return text ? pick(text, lang) : c.label;
  })();
  const side = (choice: Resolution) => {
    const who = choice === "kept" ? c.keptAuthor : c.proposedAuthor;
    const at = choice === "kept" ? c.keptAt : c.proposedAt;
    const chosen = c.resolution === choice;
    return (
      <div className={chosen ? "conflict-side chosen" : "conflict-side"} data-testid={`conflict-${choice}`}>
        {/* Once resolved, what stood then may no longer stand. */}
        <h3>{choice === "proposed" ? t("conflicts.proposed") : c.resolvedAt ? t("conflicts.keptThen") : t("conflicts.kept")}</h3>
        <SideValue conflict={c} side={choice} />
        {(who || at) && (
          <p className="muted small conflict-by">
            {at ? t("conflicts.by", { who: who ?? t("conflicts.someone"), when: when(at) }) : who}
          </p>
        )}
      </div>
    );
  };
  return (
    <li className={c.resolvedAt ? "conflict resolved" : "conflict"} data-testid="conflict-row" data-kind={c.kind}>
      <h2 className="conflict-what">
        <span className="badge">{tableName(t, c.table)}</span>{" "}
        {labelText && <span className="conflict-label">{labelText}</span>}{" "}
        {c.column && <span className="conflict-column">{labelText && "· "}{columnName(t, c.column)}</span>}
      </h2>
      <p className="conflict-detail" title={c.detail}>{detailText(t, c)}</p>
      <div className="conflict-sides">
        {side("kept")}
        {side("proposed")}
      </div>
      {c.resolvedAt ? (
        <p className="muted small" data-testid="conflict-resolution">
          {t(c.resolution === "proposed" ? "conflicts.resolvedProposed" : "conflicts.resolvedKept", {
            who: c.resolvedBy || t("conflicts.someone"),
            when: when(c.resolvedAt),
          })}
        </p>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => onResolve("kept")} disabled={resolving} data-testid="conflict-keep">{t("conflicts.keep")}</button>
          <button type="button" onClick={() => onResolve("proposed")} disabled={resolving} data-testid="conflict-take">{t("conflicts.take")}</button>
        </div>
      )}
      {!!error && <ErrorMessage error={error} />}
    </li>
  );
}

/**
 * The conflict register: what the hub could not apply as sent, both versions side by side
 * with who and when; keeping one or taking the other is an ordinary edit that syncs.
 */
export function ConflictsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [includeResolved, setIncludeResolved] = useState(false);
  const list = useCommand("conflicts_list", { includeResolved });
  // Sessions and people are named only when an entry refers to one.
  const refers = (kind: "session" | "person") =>
    !!list.data?.some((c) => Object.entries(REFERENCES).some(([column, k]) => k === kind && (c.column === column || `${c.kept}${c.proposed}`.includes(`"${column}"`))));
  const sessions = useCommand("sessions_list", {}, { enabled: refers("session") });
  const people = useCommand("people_list", {}, { enabled: refers("person") });
  const names = useMemo<Names>(() => {
    const session = new Map(sessions.data?.map((s) => {
      const [ordinal, title] = [pick(s.ordinal, lang), pick(s.title, lang)];
      return [s.id, ordinal && title ? t("conflicts.sessionName", { ordinal, title }) : ordinal || title];
    }));
    const person = new Map(people.data?.map((p) => [p.id, pick(p.displayName, lang)]));
    return (kind, id) => {
      const [known, loaded] = kind === "session" ? [session, !!sessions.data] : [person, !!people.data];
      return known.get(id) ?? (loaded ? null : "");
    };
  }, [sessions.data, people.data, lang, t]);
  const resolve = useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: Resolution }) => api.call("conflict_resolve", { id, choice }),
    onSuccess: () => {
      toast.done(t("conflicts.resolvedToast"));
      // Taking the other version writes it: any screen may show that row.
      return queryClient.invalidateQueries();
    },
  });
  const open = list.data?.filter((c) => !c.resolvedAt).length ?? 0;
  return (
    <>
      <header className="screen-header">
        <div>
          <h1>{t("conflicts.title")}</h1>
          <p className="muted">{t("conflicts.intro")}</p>
        </div>
      </header>
      <p>
        <label className="check">
          <input type="checkbox" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)} data-testid="conflicts-show-resolved" />
          {t("conflicts.showResolved")}
        </label>
      </p>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && open === 0 && (list.data.length === 0 ? (
        <div className="empty-state" data-testid="conflicts-empty"><p>{t("conflicts.empty")}</p></div>
      ) : (
        <p className="muted" data-testid="conflicts-empty">{t("conflicts.empty")}</p>
      ))}
      {!!list.data?.length && (
        <NamesContext.Provider value={names}>
          <ul className="conflict-list">
            {list.data.map((c) => (
              <ConflictCard
                key={c.id}
                conflict={c}
                resolving={resolve.isPending && resolve.variables?.id === c.id}
                error={resolve.variables?.id === c.id ? resolve.error : null}
                onResolve={(choice) => resolve.mutate({ id: c.id, choice })}
              />
            ))}
          </ul>
        </NamesContext.Provider>
      )}
    </>
  );
}
