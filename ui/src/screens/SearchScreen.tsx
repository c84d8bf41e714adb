import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { keys, useApi, type Lang } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatDate, pick } from "../format";
import { useNavigate } from "../navigation";

export function SearchScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language as Lang;
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const results = useQuery({
    queryKey: keys.search(deferred),
    queryFn: () => api.sessionsSearch(deferred),
    enabled: deferred.length > 0,
  });
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
      {deferred && results.data?.length === 0 && <p className="muted">{t("search.none", { q: deferred })}</p>}
      <ul className="search-results">
        {results.data?.map((s) => (
          <li key={s.id}>
            <button type="button" className="link" onClick={() => navigate({ name: "session", id: s.id })}>
              {s.number != null && `${t("sessions.number", { n: s.number })} · `}
              {pick(s.title, lang)}
            </button>
            <span className="muted"> — {formatDate(s.date, lang, "long")}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
