//! When agenda items run: one after another from the session's start, a pinned item at
//! its own time (leaving a gap, or colliding with what runs before it), and the clock
//! texts of those minutes. Pure arithmetic, tested exhaustively; owns no table.

/// One item as the scheduler sees it: minutes long, maybe pinned to a minute of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub duration: u32,
    pub pinned: Option<u32>,
}

/// When an item runs, in minutes from midnight of the session's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub start: u32,
    pub end: u32,
    /// Minutes by which the items before run into this pinned item (0: none).
    pub collision: u32,
}

/// Items follow each other from the session's start; a pinned item starts at its time
/// (leaving a gap, or colliding with what runs before it).
pub fn schedule(session_start: u32, slots: &[Slot]) -> Vec<Timing> {
    let mut cursor = session_start;
    slots
        .iter()
        .map(|slot| {
            let (start, collision) = match slot.pinned {
                Some(p) => (p, cursor.saturating_sub(p)),
                None => (cursor, 0),
            };
            let end = start + slot.duration;
            // After a collision the next item waits for whatever finishes last.
            cursor = end.max(cursor);
            Timing {
                start,
                end,
                collision,
            }
        })
        .collect()
}

/// When everything on the agenda is over (the session's start for an empty one).
pub fn planned_end(session_start: u32, timings: &[Timing]) -> u32 {
    timings.iter().map(|t| t.end).fold(session_start, u32::max)
}

pub fn minutes_of(time: chrono::NaiveTime) -> u32 {
    use chrono::Timelike;
    time.hour() * 60 + time.minute()
}

/// HH:MM; past midnight the hours go on (24:15) so an over-run stays visible.
pub fn clock_text(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
