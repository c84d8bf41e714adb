//! What a document would print wrongly, said before it is saved: text missing in a
//! language the document is printed in (another language would stand in its column),
//! agenda items that collide with a pinned one, and an agenda that runs past the end.

use serde::Serialize;
use ts_rs::TS;

use super::data::{each, t};
use super::{validate, DocumentKind, DocumentOptions};
use crate::error::Result;
use crate::minutes;
use crate::planning::agenda;
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::{Lang, Text};
use crate::Clock;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum DocumentWarning {
    /// `place` has text, but none in `lang`: the document prints another language there.
    #[serde(rename_all = "camelCase")]
    MissingText { lang: Lang, place: Text },
    /// Earlier items run `minutes` into the item pinned at `start`.
    #[serde(rename_all = "camelCase")]
    Collision {
        item: Text,
        start: String,
        minutes: u32,
    },
    /// The agenda ends `minutes` after the session's end.
    #[serde(rename_all = "camelCase")]
    Overrun { minutes: u32, planned_end: String },
}

/// Every warning for `kind` printed with `options`, in the order the document shows them.
pub fn warnings(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    kind: DocumentKind,
    options: &DocumentOptions,
) -> Result<Vec<DocumentWarning>> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let mut places: Vec<(Text, Text)> = vec![
        (
            t(
                "Название заседания",
                "Отырыс атауы",
                "会议名称",
                "Session title",
            ),
            s.title.clone(),
        ),
        (t("Место", "Өтетін орны", "地点", "Venue"), s.venue.clone()),
        (t("Тема", "Тақырып", "主题", "Theme"), s.theme.clone()),
    ];
    let mut out = Vec::new();
    let shows_agenda = matches!(
        kind,
        DocumentKind::Agenda | DocumentKind::Minutes | DocumentKind::Dossier
    );
    if shows_agenda {
        let a = agenda::get(db, &s.id)?;
        for (n, item) in a.items.iter().enumerate() {
            let label = item_label(n + 1, &item.title);
            places.push((label.clone(), item.title.clone()));
            places.push((
                join(&label, &t("описание", "сипаттама", "说明", "description")),
                item.description.clone(),
            ));
            if item.collision_min > 0 {
                out.push(DocumentWarning::Collision {
                    item: item.title.clone(),
                    start: item.start.clone(),
                    minutes: item.collision_min,
                });
            }
        }
        if a.overrun_min > 0 {
            out.push(DocumentWarning::Overrun {
                minutes: a.overrun_min,
                planned_end: a.planned_end.clone(),
            });
        }
    }
    if matches!(kind, DocumentKind::Minutes | DocumentKind::Dossier) {
        let m = minutes::get(db, &s.id)?;
        places.push((
            t("Итоги", "Қорытынды", "总结", "Summary"),
            m.summary.clone(),
        ));
        for (n, item) in m.items.iter().enumerate() {
            let label = item_label(n + 1, &item.title);
            places.push((
                join(&label, &t("запись", "жазба", "记录", "notes")),
                item.notes.clone(),
            ));
            places.push((
                join(&label, &t("главное", "негізгісі", "要点", "key points")),
                item.key_points.clone(),
            ));
        }
    }
    let mut missing = Vec::new();
    for lang in &options.langs {
        for (place, value) in &places {
            if !value.is_empty() && value.get(*lang).is_none() {
                missing.push(DocumentWarning::MissingText {
                    lang: *lang,
                    place: place.clone(),
                });
            }
        }
    }
    missing.extend(out);
    Ok(missing)
}

/// «Пункт 3 «Дискуссия»» in each language, the title in the language it has.
fn item_label(n: usize, title: &Text) -> Text {
    let word = t("Пункт", "Тармақ", "议项", "Item");
    each(|l| {
        let (word, title) = (word.best(l), title.best(l));
        match l {
            Lang::Zh => format!("{word} {n}「{title}」"),
            Lang::En => format!("{word} {n} “{title}”"),
            Lang::Ru | Lang::Kk => format!("{word} {n} «{title}»"),
        }
    })
}

fn join(a: &Text, b: &Text) -> Text {
    each(|l| format!("{}: {}", a.best(l), b.best(l)))
}
