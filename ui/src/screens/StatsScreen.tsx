import { useTranslation } from "react-i18next";
import { useCommand, type Lang } from "../api";
import { ErrorMessage } from "../components/ErrorMessage";
import { pick } from "../format";

/** A horizontal bar, as wide as its share of the largest value. */
function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span className="bar" aria-hidden="true">
      <span style={{ width: `${max ? (100 * value) / max : 0}%` }} />
    </span>
  );
}

export function StatsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const stats = useCommand("stats_get");
  if (stats.error) return <ErrorMessage error={stats.error} />;
  if (!stats.data) return <p className="loading">{t("app.loading")}</p>;
  const s = stats.data;
  const maxYear = Math.max(0, ...s.sessionsPerYear.map((y) => y.count));
  const maxPerson = Math.max(0, ...s.people.map((p) => p.sessions));
  const maxInst = Math.max(0, ...s.institutions.map((i) => i.attendances));
  return (
    <>
      <header className="screen-header"><h1>{t("stats.title")}</h1></header>
      <div className="stats" data-testid="stats">
        <section>
          <h2>{t("stats.perYear")}</h2>
          <table className="grid">
            <tbody>
              {s.sessionsPerYear.map((y) => (
                <tr key={y.year}><td>{y.year}</td><td className="num">{y.count}</td><td className="chart"><Bar value={y.count} max={maxYear} /></td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t("stats.people")}</h2>
          <table className="grid">
            <thead><tr><th>{t("stats.person")}</th><th>{t("stats.sessions")}</th><th /></tr></thead>
            <tbody>
              {s.people.slice(0, 25).map((p) => (
                <tr key={p.personId}><td>{pick(p.name, lang)}<div className="muted small">{pick(p.organisation, lang)}</div></td><td className="num">{p.sessions}</td><td className="chart"><Bar value={p.sessions} max={maxPerson} /></td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t("stats.institutions")}</h2>
          <table className="grid">
            <thead><tr><th>{t("stats.organisation")}</th><th>{t("stats.peopleCount")}</th><th>{t("stats.attendances")}</th><th /></tr></thead>
            <tbody>
              {s.institutions.slice(0, 25).map((i, n) => (
                <tr key={n}><td>{pick(i.organisation, lang)}</td><td className="num">{i.people}</td><td className="num">{i.attendances}</td><td className="chart"><Bar value={i.attendances} max={maxInst} /></td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t("stats.themes")}</h2>
          <table className="grid">
            <thead><tr><th>{t("stats.theme")}</th><th>{t("stats.years")}</th></tr></thead>
            <tbody>
              {s.themes.map((th, n) => (
                <tr key={n}><td>{pick(th.theme, lang)}</td><td>{th.years.map((y) => <span key={y.year} className="chip">{y.year}{y.count > 1 && ` ×${y.count}`}</span>)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
