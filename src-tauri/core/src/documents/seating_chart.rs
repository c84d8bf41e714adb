//! The seating chart of a session: its table from above with the numbered seats, and the
//! guests seat by seat (planning/seating_plan.rs holds the plan).

use serde::Serialize;

use super::data::{frame, t, Frame, Labels};
use super::{validate, DocumentOptions};
use crate::error::Result;
use crate::planning::seating::TableShape;
use crate::planning::seating_plan::{self, PlacedSeat};
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::Text;
use crate::Clock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartSeat {
    pub index: u32,
    pub x: f32,
    pub y: f32,
    pub rank: Option<u32>,
    pub gap: bool,
    pub name: Text,
    pub position: Text,
    /// What fits in the seat's box: the name in the first language, shortened.
    pub short: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeatingDoc {
    #[serde(flatten)]
    pub frame: Frame,
    pub shape: TableShape,
    pub seats: Vec<ChartSeat>,
    pub labels: Labels,
}

pub fn seating_data(
    db: &Db,
    clock: &dyn Clock,
    session_id: &str,
    options: &DocumentOptions,
) -> Result<SeatingDoc> {
    validate(options)?;
    let s = sessions::get(db, clock, session_id)?;
    let plan = seating_plan::get(db, &s.id)?;
    let heading = t("План рассадки", "Отыру жоспары", "座次图", "Seating plan");
    let first = options.langs[0];
    // What fits in a seat's box: the name in the first language, shortened when long.
    let short = |seat: &PlacedSeat| -> Option<String> {
        let name = seat
            .name
            .get(first)
            .or_else(|| seat.name.0.values().next().map(String::as_str))?;
        Some(if name.chars().count() <= 14 {
            name.to_string()
        } else {
            name.chars().take(13).collect::<String>() + "…"
        })
    };
    let mut labels = Labels::new();
    labels.insert("stage", t("Сцена", "Сахна", "主席台", "Stage"));
    labels.insert(
        "gap",
        t(
            "свободно (гость снят со списка)",
            "бос (қонақ тізімнен шығарылды)",
            "空位（嘉宾已移出名单）",
            "empty (guest taken off the list)",
        ),
    );
    labels.insert("free", t("свободно", "бос", "空位", "free"));
    Ok(SeatingDoc {
        frame: frame(db, &s, options, heading)?,
        shape: plan.shape,
        seats: plan
            .seats
            .iter()
            .map(|seat| ChartSeat {
                index: seat.seat.index,
                x: seat.seat.x,
                y: seat.seat.y,
                rank: seat.rank,
                gap: seat.gap,
                name: seat.name.clone(),
                position: seat.position.clone(),
                short: short(seat),
            })
            .collect(),
        labels,
    })
}
