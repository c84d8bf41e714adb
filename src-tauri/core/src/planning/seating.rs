//! The seating rule of protocol, for the table shapes the Club uses: who sits where, from
//! the order of precedence. Pure functions: the seats of a shape (with where each is drawn)
//! and their order of honour; storing a plan is the caller's.
//!
//! The rule, as diplomatic protocol has it: the host at the head (round: at the top; a
//! rectangular table: at its head end; a U: at the middle of its base; a hall: in the
//! middle of the front row). The first-ranked guest sits on the host's right, the second
//! on the host's left, then alternately outwards. With a co-host, the co-host sits
//! opposite the host (round and rectangular tables; beside the host at a U or in a hall,
//! which have no opposite), and the guests alternate between the two: the first on the
//! host's right, the second on the co-host's right, the third on the host's left, the
//! fourth on the co-host's left. Both choices are adjustable: without a co-host, and with
//! the first guest on the host's left where a house custom wants it.
//!
//! "Right" is the host's own right as they sit facing the table (or the stage).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum TableShape {
        Round = "round",
        /// A long table with the host at its head end.
        Rectangular = "rectangular",
        /// A U of tables open at the bottom, the host in the middle of the base.
        UShape = "u_shape",
        /// Rows of chairs in a hall facing the stage, the host in the front row.
        Rows = "rows",
    }
    invalid = BadFormat, ignore_ascii_case;
}

/// How the rule is applied; the protocol's default is a co-host opposite and the first
/// guest on the host's right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SeatingRule {
    pub cohost: bool,
    pub first_on_right: bool,
}

impl Default for SeatingRule {
    fn default() -> Self {
        SeatingRule {
            cohost: false,
            first_on_right: true,
        }
    }
}

/// One seat: where it is drawn (in seat widths, the table's centre at 0,0; y grows
/// downwards, away from the head) and which way its occupant faces.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Seat {
    pub index: u32,
    pub x: f32,
    pub y: f32,
    /// The direction the occupant faces, in degrees: 0 up (towards the head or stage), 90
    /// right, 180 down.
    pub facing: f32,
}

/// Guests in a hall's row.
pub const ROW_WIDTH: usize = 10;

/// How many seats a shape needs for `people` (host and co-host included): a rectangular
/// table and a U keep their sides even, so a seat may stay empty.
pub fn seats_needed(shape: TableShape, people: usize, rule: SeatingRule) -> usize {
    let people = people.max(1);
    match shape {
        TableShape::Rectangular => {
            let ends = if rule.cohost && people > 1 { 2 } else { 1 };
            let sides = (people - ends).div_ceil(2);
            ends + 2 * sides
        }
        TableShape::Round | TableShape::UShape | TableShape::Rows => people,
    }
}

/// A U of `count` seats: its base (about a third; the host in its middle) and each arm.
fn u_sides(count: usize) -> (usize, usize) {
    if count <= 3 {
        return (count.max(1), 0);
    }
    let mut base = (count / 3).max(1);
    if (count - base) % 2 == 1 {
        base += 1;
    }
    (base, (count - base) / 2)
}

/// A rectangular table of `count` seats: whether it has a seat at the foot, and how many
/// seats its right and left sides have (the right, as the host sees it, one more when odd).
fn rect_sides(count: usize, rule: SeatingRule) -> (bool, usize, usize) {
    let foot = rule.cohost && count > 1;
    let rest = count.max(1) - 1 - usize::from(foot);
    (foot, rest / 2, rest.div_ceil(2))
}

/// The seats of the shape in their order of honour: seat 0 is the host's, seat 1 the
/// co-host's (or the first guest's), and so on, so the guest of rank k sits in seat k.
/// A table that grows by a seat adds the least honoured one: everyone keeps their place
/// relative to the host.
pub fn seats(shape: TableShape, count: usize, rule: SeatingRule) -> Vec<Seat> {
    let layout = layout(shape, count, rule);
    honour_order(shape, count, rule)
        .into_iter()
        .enumerate()
        .map(|(rank, at)| Seat {
            index: rank as u32,
            ..layout[at]
        })
        .collect()
}

/// The seats as drawn, numbered along the table: a round or rectangular table clockwise
/// from the host's seat; a U along its outer edge from the end of the left arm to the end of
/// the right arm; a hall row by row from the front, each row left to right as seen from the
/// back.
fn layout(shape: TableShape, count: usize, rule: SeatingRule) -> Vec<Seat> {
    let count = count.max(1);
    let seat = |index: usize, x: f32, y: f32, facing: f32| Seat {
        index: index as u32,
        x,
        y,
        facing,
    };
    match shape {
        TableShape::Round => {
            let r = (count as f32 / std::f32::consts::TAU).max(1.0) * 1.2;
            (0..count)
                .map(|i| {
                    let a = std::f32::consts::TAU * i as f32 / count as f32;
                    // Seat 0 at the top; clockwise on the drawing.
                    let (x, y) = (r * a.sin(), -r * a.cos());
                    seat(i, x, y, (a.to_degrees() + 180.0) % 360.0)
                })
                .collect()
        }
        TableShape::Rectangular => {
            // Clockwise: the head, the side on the drawing's right (the host's left), the
            // foot, the side on the drawing's left (the host's right), bottom to top.
            let (foot, screen_right, screen_left) = rect_sides(count, rule);
            let half = (screen_right.max(screen_left) as f32 + 1.0) / 2.0;
            let mut out = vec![seat(0, 0.0, -half, 180.0)];
            for k in 0..screen_right {
                out.push(seat(out.len(), 1.0, -half + 1.0 + k as f32, 270.0));
            }
            if foot {
                out.push(seat(out.len(), 0.0, half, 0.0));
            }
            for k in (0..screen_left).rev() {
                out.push(seat(out.len(), -1.0, -half + 1.0 + k as f32, 90.0));
            }
            out
        }
        TableShape::UShape => {
            let (base, arm) = u_sides(count);
            let half = (base as f32 - 1.0) / 2.0;
            let mut out = Vec::new();
            for k in (0..arm).rev() {
                out.push(seat(out.len(), -half - 1.0, 1.0 + k as f32, 90.0));
            }
            for k in 0..base {
                out.push(seat(out.len(), -half + k as f32, 0.0, 180.0));
            }
            for k in 0..arm {
                out.push(seat(out.len(), half + 1.0, 1.0 + k as f32, 270.0));
            }
            out
        }
        TableShape::Rows => (0..count)
            .map(|i| {
                let (row, col) = (i / ROW_WIDTH, i % ROW_WIDTH);
                let in_row = (count - row * ROW_WIDTH).min(ROW_WIDTH);
                let x = col as f32 - (in_row as f32 - 1.0) / 2.0;
                seat(i, x, row as f32, 0.0)
            })
            .collect(),
    }
}

/// The seats of the layout from the most honoured to the least: the host's first, then the
/// co-host's (when there is one), then the guests' in rank order.
fn honour_order(shape: TableShape, count: usize, rule: SeatingRule) -> Vec<usize> {
    let count = count.max(1);
    let cohost = rule.cohost && count > 1;
    // Seats beside a seat, nearest first, on its occupant's right and left.
    let mut order: Vec<usize> = Vec::with_capacity(count);
    let mut taken = vec![false; count];
    let mut take = |s: usize, order: &mut Vec<usize>| {
        if s < count && !taken[s] {
            taken[s] = true;
            order.push(s);
        }
    };
    match shape {
        TableShape::Round | TableShape::Rectangular => {
            // Clockwise numbering: everyone faces the middle, so everyone's right is the
            // same way round: the host (at the top) has seat n-1 on the right, the
            // co-host opposite has the seat before theirs.
            let n = count as isize;
            let host = 0isize;
            let opposite = match shape {
                TableShape::Round => n / 2,
                _ => 1 + rect_sides(count, rule).1 as isize,
            };
            let at = |s: isize| s.rem_euclid(n) as usize;
            let (right, left) = if rule.first_on_right {
                (-1, 1)
            } else {
                (1, -1)
            };
            take(at(host), &mut order);
            if cohost {
                take(at(opposite), &mut order);
            }
            for d in 1..=n {
                if cohost {
                    take(at(host + right * d), &mut order);
                    take(at(opposite + right * d), &mut order);
                    take(at(host + left * d), &mut order);
                    take(at(opposite + left * d), &mut order);
                } else {
                    take(at(host + right * d), &mut order);
                    take(at(host + left * d), &mut order);
                }
            }
        }
        TableShape::UShape => {
            // Along the chain: the host in the middle of the base facing into the U (down
            // on the drawing), whose right is towards the left arm (lower numbers).
            let (base, arm) = u_sides(count);
            let host = (arm + (base - 1) / 2) as isize;
            line_order(host, count, rule, -1, &mut |s| take(s, &mut order));
        }
        TableShape::Rows => {
            // Row by row from the front; in each, from its middle outwards. Facing the
            // stage (up on the drawing), the right is towards higher numbers.
            let rows = count.div_ceil(ROW_WIDTH);
            for row in 0..rows {
                let start = row * ROW_WIDTH;
                let in_row = (count - start).min(ROW_WIDTH);
                let middle = (start + (in_row - 1) / 2) as isize;
                let row_rule = SeatingRule {
                    cohost: rule.cohost && row == 0,
                    ..rule
                };
                line_order(middle, start + in_row, row_rule, 1, &mut |s| {
                    if s >= start {
                        take(s, &mut order)
                    }
                });
            }
        }
    }
    for s in 0..count {
        take(s, &mut order);
    }
    order
}

/// A straight line of seats ending at `end` (exclusive): the host at `host`, the co-host
/// (when there is one) beside the host on the left, then the guests alternating right and
/// left outwards. `right` is the step towards the host's right.
fn line_order(
    host: isize,
    end: usize,
    rule: SeatingRule,
    right: isize,
    take: &mut dyn FnMut(usize),
) {
    let (r, l) = if rule.first_on_right {
        (right, -right)
    } else {
        (-right, right)
    };
    let mut put = |s: isize| {
        if s >= 0 && (s as usize) < end {
            take(s as usize);
        }
    };
    put(host);
    let mut left_from = host;
    if rule.cohost {
        left_from = host + l;
        put(left_from);
    }
    for d in 1..=(end as isize) {
        put(host + r * d);
        put(left_from + l * d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [TableShape; 4] = [
        TableShape::Round,
        TableShape::Rectangular,
        TableShape::UShape,
        TableShape::Rows,
    ];

    fn rules() -> [SeatingRule; 4] {
        [
            SeatingRule {
                cohost: false,
                first_on_right: true,
            },
            SeatingRule {
                cohost: true,
                first_on_right: true,
            },
            SeatingRule {
                cohost: false,
                first_on_right: false,
            },
            SeatingRule {
                cohost: true,
                first_on_right: false,
            },
        ]
    }

    /// The seat on the right (or left) of `s` as its occupant sits: from where the seat is
    /// drawn and which way it faces.
    fn beside(seats: &[Seat], s: usize, on_right: bool) -> Option<usize> {
        let me = seats[s];
        let a = me.facing.to_radians();
        // Facing (sin a, -cos a) on the drawing; the right hand is that turned 90° clockwise.
        let (fx, fy) = (a.sin(), -a.cos());
        let (rx, ry) = (-fy, fx);
        // The nearest seat on that side.
        let (dx, dy) = if on_right { (rx, ry) } else { (-rx, -ry) };
        seats
            .iter()
            .filter(|o| o.index as usize != s)
            .filter(|o| (o.x - me.x) * dx + (o.y - me.y) * dy > 0.1)
            .min_by(|a, b| {
                let da = (a.x - me.x).hypot(a.y - me.y);
                let db = (b.x - me.x).hypot(b.y - me.y);
                da.total_cmp(&db)
            })
            .map(|o| o.index as usize)
    }

    #[test]
    fn every_seat_once_in_honour_order_for_1_to_40_guests_in_every_shape() {
        for shape in SHAPES {
            for rule in rules() {
                for guests in 1..=40 {
                    let people = guests + 1 + usize::from(rule.cohost);
                    let count = seats_needed(shape, people, rule);
                    assert!(
                        count >= people && count <= people + 2,
                        "{shape:?} {people}: {count}"
                    );
                    let order = honour_order(shape, count, rule);
                    let mut all = order.clone();
                    all.sort();
                    assert_eq!(
                        all,
                        (0..count).collect::<Vec<_>>(),
                        "{shape:?}: every seat once"
                    );
                    assert_eq!(layout(shape, count, rule).len(), count);
                    // In honour order, seat k is the k-th most honoured place.
                    let ranked = seats(shape, count, rule);
                    let drawn = layout(shape, count, rule);
                    for (k, s) in ranked.iter().enumerate() {
                        assert_eq!(s.index as usize, k);
                        assert_eq!((s.x, s.y), (drawn[order[k]].x, drawn[order[k]].y));
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_guest_sits_on_the_hosts_right_and_the_second_on_the_left() {
        for shape in SHAPES {
            for guests in 2..=40 {
                let rule = SeatingRule::default();
                let count = seats_needed(shape, guests + 1, rule);
                let seats = layout(shape, count, rule);
                let order = honour_order(shape, count, rule);
                let host = order[0];
                assert_eq!(
                    Some(order[1]),
                    beside(&seats, host, true),
                    "{shape:?} {guests}: first guest on the host's right"
                );
                // The second guest: on the host's left, where the host has a left
                // neighbour (a hall's front row of one has none).
                if let Some(left) = beside(&seats, host, false) {
                    assert_eq!(order[2], left, "{shape:?} {guests}: second on the left");
                }
                let flipped = SeatingRule {
                    first_on_right: false,
                    ..rule
                };
                let order = honour_order(shape, count, flipped);
                assert_eq!(
                    Some(order[1]),
                    beside(&seats, host, false),
                    "{shape:?}: flipped"
                );
            }
        }
    }

    #[test]
    fn with_a_cohost_opposite_the_guests_alternate_between_host_and_cohost() {
        for shape in [TableShape::Round, TableShape::Rectangular] {
            for guests in 4..=40 {
                let rule = SeatingRule {
                    cohost: true,
                    first_on_right: true,
                };
                let count = seats_needed(shape, guests + 2, rule);
                let seats = layout(shape, count, rule);
                let order = honour_order(shape, count, rule);
                let (host, cohost) = (order[0], order[1]);
                let h = seats[host];
                let far = |s: &Seat| (s.x - h.x).hypot(s.y - h.y);
                let farthest = seats.iter().map(far).fold(0.0, f32::max);
                assert!(
                    far(&seats[cohost]) > farthest - 1e-3,
                    "{shape:?} {guests}: co-host opposite"
                );
                assert_eq!(
                    Some(order[2]),
                    beside(&seats, host, true),
                    "{shape:?} {guests}: 1st"
                );
                assert_eq!(
                    Some(order[3]),
                    beside(&seats, cohost, true),
                    "{shape:?} {guests}: 2nd"
                );
                assert_eq!(
                    Some(order[4]),
                    beside(&seats, host, false),
                    "{shape:?} {guests}: 3rd"
                );
                assert_eq!(
                    Some(order[5]),
                    beside(&seats, cohost, false),
                    "{shape:?} {guests}: 4th"
                );
            }
        }
    }

    #[test]
    fn at_a_u_and_in_a_hall_the_cohost_sits_beside_the_host() {
        for shape in [TableShape::UShape, TableShape::Rows] {
            for guests in 2..=40 {
                let rule = SeatingRule {
                    cohost: true,
                    first_on_right: true,
                };
                let count = seats_needed(shape, guests + 2, rule);
                let seats = layout(shape, count, rule);
                let order = honour_order(shape, count, rule);
                assert_eq!(Some(order[1]), beside(&seats, order[0], false), "{shape:?}");
                assert_eq!(Some(order[2]), beside(&seats, order[0], true), "{shape:?}");
            }
        }
    }

    #[test]
    fn guests_nearer_the_host_rank_higher() {
        // Along a table, honour falls with the distance from the host (or co-host).
        for shape in SHAPES {
            for guests in 1..=40 {
                let rule = SeatingRule::default();
                let count = seats_needed(shape, guests + 1, rule);
                let order = honour_order(shape, count, rule);
                let steps = |s: usize| -> usize {
                    match shape {
                        TableShape::Rows => {
                            let start = s / ROW_WIDTH * ROW_WIDTH;
                            let middle = start + ((count - start).min(ROW_WIDTH) - 1) / 2;
                            s / ROW_WIDTH * 100 + s.abs_diff(middle)
                        }
                        TableShape::Round | TableShape::Rectangular => s.min(count - s),
                        TableShape::UShape => s.abs_diff(order[0]),
                    }
                };
                for w in order.windows(2) {
                    assert!(
                        steps(w[0]) <= steps(w[1]),
                        "{shape:?} {guests}: seat {} before {}",
                        w[0],
                        w[1]
                    );
                }
            }
        }
    }
}
