//! `clubctl themes` and `session themes`: the reusable discussion themes, overall and per
//! session (club-core's `planning::themes`).

use club_core::planning::themes::{self, ThemeRef};
use club_core::Text;

use super::sessions::resolve;
use crate::text_arg;
use crate::Ctl;

/// `themes`: every theme, the most used first.
pub fn list(ctl: Ctl) -> anyhow::Result<()> {
    let list = themes::list(ctl.db)?;
    ctl.out.data(&list, || {
        list.iter()
            .map(|t| format!("{:>3}  {}  {}", t.sessions, t.name.best(ctl.lang), t.id))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `session themes`: shows a session's themes, first adding and removing those given.
pub fn of_session(
    ctl: Ctl,
    session: &str,
    add: &[String],
    remove: &[String],
) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, session)?;
    let mut refs: Vec<ThemeRef> = themes::of_session(db, &s.id)?
        .into_iter()
        .filter(|t| {
            !t.name
                .0
                .values()
                .any(|v| remove.iter().any(|r| r.eq_ignore_ascii_case(v) || r == v))
        })
        .map(|t| ThemeRef {
            id: Some(t.id),
            name: t.name,
        })
        .collect();
    for raw in add {
        let mut name = Text::new();
        text_arg::apply(&mut name, std::slice::from_ref(raw), lang);
        refs.push(ThemeRef { id: None, name });
    }
    let list = if add.is_empty() && remove.is_empty() {
        themes::of_session(db, &s.id)?
    } else {
        themes::set_for_session(db, clock, &s.id, &refs)?
    };
    out.data(&list, || {
        list.iter()
            .map(|t| t.name.best(lang).to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}
