import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { keys, useApi, type Lang } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { DemoBadge } from "../components/StatusBadge";
import { pick } from "../format";
import { LANGS } from "../i18n";

/** The directory, in order of precedence, each name in every script it is written in. */
export function PeopleScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const people = useQuery({ queryKey: keys.people, queryFn: api.peopleList });
  return (
    <>
      <header className="screen-header">
        <div>
          <h1>{t("people.title")}</h1>
          <p className="muted">{t("people.soon")}{people.data && ` · ${t("people.count", { count: people.data.length })}`}</p>
        </div>
      </header>
      {people.isPending && <p className="loading">{t("app.loading")}</p>}
      {people.error && <ErrorMessage error={people.error} />}
      {people.data?.length === 0 && <div className="empty-state"><p>{t("people.empty")}</p></div>}
      {!!people.data?.length && (
        <table className="people">
          <tbody>
            {people.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <div className="person-name">
                    {pick(p.honorific, lang) && <span className="muted">{pick(p.honorific, lang)} </span>}
                    {pick(p.displayName, lang)} {p.isDemo && <DemoBadge />}
                  </div>
                  <div className="muted small">
                    {LANGS.filter((l) => l !== lang && p.displayName[l]).map((l) => (
                      <span key={l} lang={l} className="alt-name">{p.displayName[l]}</span>
                    ))}
                  </div>
                </td>
                <td>
                  <div>{pick(p.position, lang)}</div>
                  <div className="muted small">{pick(p.organisation, lang)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
