import type { TFunction } from "i18next";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommand, type Found, type Hit, type Lang } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatDate, pick } from "../format";
import { useNavigate, type Route } from "../navigation";

function target(hit: Hit): Route {
  switch (hit.kind) {
    case "person":
      return { name: "people" };
    case "agenda":
      return { name: "session", id: hit.sessionId, tab: "agenda" };
    case "minutes":
    case "summary":
    case "remark":
    case "decision":
      return { name: "session", id: hit.sessionId, tab: "minutes" };
    default:
      return { name: "session", id: hit.sessionId };
  }
}

/** Snippets come from minutes text: its emphasis marks are not shown. */
const plain = (text: string) => text.replace(/\*\*|\*/g, "");

/** How many were found, truthfully: a word found everywhere is weighed among the latest. */
function foundLine(found: Found, lang: Lang, t: TFunction): string {
  const n = new Intl.NumberFormat(lang).format(found.total);
  const shown = found.hits.length;
  if (found.more) return t("search.foundMore", { n, shown });
  if (shown < found.total) return t("search.foundShown", { n, shown });
  return t("search.found", { n });
}

/** One field over the whole archive; hits show where the words are and open in place. */
export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language as Lang;
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const results = useCommand("archive_search", { query: deferred }, { enabled: deferred.length > 0 });
  return (
    <>
      <header className="screen-header"><h1>{t("search.title")}</h1></header>
      <input
        type="search"
        className="big-search"
        placeholder={t("search.placeholder")}
        aria-label={t("search.placeholder")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus
        data-testid="search-input"
      />
      {!deferred && <p className="muted">{t("search.hint")}</p>}
      {results.error && <ErrorMessage error={results.error} />}
      {deferred && results.data?.total === 0 && <p className="muted">{t("search.none", { q: deferred })}</p>}
      {deferred && results.data && results.data.total > 0 && (
        <p className="muted" data-testid="search-found">{foundLine(results.data, lang, t)}</p>
      )}
      <ul className="search-results" data-testid="search-results">
        {results.data?.hits.map((hit) => (
          <li key={`${hit.kind}-${hit.refId}`}>
            <button type="button" className="hit" onClick={() => navigate(target(hit))}>
              <span className="hit-head">
                <span className="badge">{t(`search.kinds.${hit.kind}`)}</span>{" "}
                {hit.sessionId ? (
                  <>
                    <strong>{hit.sessionNumber != null && `${t("sessions.number", { n: hit.sessionNumber })} · `}{pick(hit.sessionTitle, lang)}</strong>
                    <span className="muted"> — {formatDate(hit.sessionDate, lang, "long")}</span>
                  </>
                ) : (
                  <strong>{hit.title}</strong>
                )}
              </span>
              <span className="snippet">
                {hit.snippet.map((p, i) => (p.hit ? <mark key={i}>{plain(p.text)}</mark> : <span key={i}>{plain(p.text)}</span>))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
