//! `clubctl stats`: sessions per year, participation, institutions, themes over the years
//! (club-core's `planning::stats`).

use club_core::planning::stats;

use crate::Ctl;

pub fn show(ctl: Ctl) -> anyhow::Result<()> {
    let Ctl { db, out, lang, .. } = ctl;
    let s = stats::get(db)?;
    out.data(&s, || {
        let mut lines = vec!["Sessions per year:".to_string()];
        lines.extend(
            s.sessions_per_year
                .iter()
                .map(|y| format!("  {}  {}", y.year, "█".repeat(y.count as usize))),
        );
        lines.push("Participation:".into());
        lines.extend(
            s.people
                .iter()
                .take(20)
                .map(|p| format!("  {:>3}  {}", p.sessions, p.name.best(lang))),
        );
        lines.push("Institutions:".into());
        lines.extend(
            s.institutions
                .iter()
                .take(20)
                .map(|i| format!("  {:>3}  {}", i.attendances, i.organisation.best(lang))),
        );
        lines.push("Themes:".into());
        lines.extend(s.themes.iter().map(|t| {
            let years: Vec<String> = t.years.iter().map(|y| y.year.clone()).collect();
            format!(
                "  {:>3}  {} ({})",
                t.total,
                t.theme.best(lang),
                years.join(", ")
            )
        }));
        lines.join("\n")
    })
}
