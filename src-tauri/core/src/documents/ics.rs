//! A session as an RFC 5545 calendar event, in its own time zone: DTSTART/DTEND carry the
//! TZID and a VTIMEZONE describes that zone's offsets (and any change of them) for the
//! year around the session, so calendars without the tz database still place it right.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::clock::{parse_date, parse_time, parse_time_zone};
use crate::error::Result;
use crate::planning::agenda;
use crate::planning::sessions;
use crate::store::db::Db;
use crate::text::Lang;
use crate::Clock;

/// `TEXT` escaping of RFC 5545 §3.3.11.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines folded at 75 octets (never inside a character), CRLF-terminated.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

struct Observance {
    /// Local time (in the offset before) at which the offset changes.
    start: NaiveDateTime,
    from: i32,
    to: i32,
    name: String,
    daylight: bool,
}

fn offset_at(tz: Tz, at: DateTime<Utc>) -> (i32, String, bool) {
    let o = tz.offset_from_utc_datetime(&at.naive_utc());
    (
        o.fix().local_minus_utc(),
        o.abbreviation().unwrap_or("").to_string(),
        o.dst_offset() != chrono::TimeDelta::zero(),
    )
}

/// The zone's offsets from a year before `around` to a year after: the one in force at
/// the start, then every change, each found to the minute.
fn observances(tz: Tz, around: DateTime<Utc>) -> Vec<Observance> {
    let mut at = around - Duration::days(366);
    let end = around + Duration::days(366);
    let (first, name, daylight) = offset_at(tz, at);
    let mut out = vec![Observance {
        start: at.naive_utc() + Duration::seconds(first.into()),
        from: first,
        to: first,
        name,
        daylight,
    }];
    let mut current = first;
    while at < end {
        let next = at + Duration::hours(1);
        let (o, _, _) = offset_at(tz, next);
        if o != current {
            let (mut lo, mut hi) = (at, next);
            while hi - lo > Duration::minutes(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let (to, name, daylight) = offset_at(tz, hi);
            out.push(Observance {
                start: hi.naive_utc() + Duration::seconds(current.into()),
                from: current,
                to,
                name,
                daylight,
            });
            current = to;
        }
        at = next;
    }
    out
}

/// The session as a one-event calendar; its text in the interface language `lang`.
pub fn session_ics(db: &Db, clock: &dyn Clock, session_id: &str, lang: Lang) -> Result<Vec<u8>> {
    let s = sessions::get(db, clock, session_id)?;
    let tz = parse_time_zone(&s.time_zone, "timeZone")?;
    let date = parse_date(&s.date, "date")?;
    let start = date.and_time(parse_time(&s.start, "start")?);
    let end = date.and_time(parse_time(&s.end, "end")?);
    let start_utc = tz
        .from_local_datetime(&start)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&start));
    let stamp = DateTime::parse_from_rfc3339(&s.updated_at)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|_| Utc.from_utc_datetime(&start));
    let local = |d: NaiveDateTime| d.format("%Y%m%dT%H%M%S").to_string();
    let l = lang.code();

    let mut summary = s.ordinal.best(lang).to_string();
    let title = s.title.best(lang);
    if !title.is_empty() {
        if !summary.is_empty() {
            summary.push_str(" — ");
        }
        summary.push_str(title);
    }
    let agenda = agenda::get(db, &s.id)?;
    let mut description = String::new();
    if !s.theme.is_empty() {
        description.push_str(s.theme.best(lang));
        description.push_str("\n\n");
    }
    for i in &agenda.items {
        description.push_str(&format!("{}–{} {}", i.start, i.end, i.title.best(lang)));
        let people: Vec<&str> = i.roles.iter().map(|r| r.name.best(lang)).collect();
        if !people.is_empty() {
            description.push_str(&format!(" ({})", people.join(", ")));
        }
        description.push('\n');
    }

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//Club Planner//Club Planner ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VTIMEZONE",
        &format!("TZID:{}", tz.name()),
    ] {
        push_line(&mut out, line);
    }
    for o in observances(tz, start_utc) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        push_line(&mut out, &format!("BEGIN:{kind}"));
        push_line(&mut out, &format!("DTSTART:{}", local(o.start)));
        push_line(&mut out, &format!("TZOFFSETFROM:{}", offset(o.from)));
        push_line(&mut out, &format!("TZOFFSETTO:{}", offset(o.to)));
        if !o.name.is_empty() {
            push_line(&mut out, &format!("TZNAME:{}", escape(&o.name)));
        }
        push_line(&mut out, &format!("END:{kind}"));
    }
    push_line(&mut out, "END:VTIMEZONE");
    push_line(&mut out, "BEGIN:VEVENT");
    push_line(&mut out, &format!("UID:{}@club-planner", s.id));
    push_line(
        &mut out,
        &format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
    );
    push_line(
        &mut out,
        &format!("DTSTART;TZID={}:{}", tz.name(), local(start)),
    );
    push_line(
        &mut out,
        &format!("DTEND;TZID={}:{}", tz.name(), local(end)),
    );
    push_line(
        &mut out,
        &format!("SUMMARY;LANGUAGE={l}:{}", escape(&summary)),
    );
    if !s.venue.is_empty() {
        push_line(
            &mut out,
            &format!("LOCATION;LANGUAGE={l}:{}", escape(s.venue.best(lang))),
        );
    }
    if !description.is_empty() {
        push_line(
            &mut out,
            &format!(
                "DESCRIPTION;LANGUAGE={l}:{}",
                escape(description.trim_end())
            ),
        );
    }
    push_line(&mut out, "END:VEVENT");
    push_line(&mut out, "END:VCALENDAR");
    Ok(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "ә".repeat(60)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "ә".repeat(60))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn a_zone_with_summer_time_lists_its_changes() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let at = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
        let obs = observances(tz, at);
        let changes: Vec<_> = obs.iter().skip(1).collect();
        assert_eq!(changes.len(), 4, "two springs and two autumns");
        assert!(changes.iter().any(|o| o.daylight
            && o.to == 7200
            && o.start
                == chrono::NaiveDate::from_ymd_opt(2025, 3, 30)
                    .unwrap()
                    .and_hms_opt(2, 0, 0)
                    .unwrap()));
        let beijing = observances("Asia/Shanghai".parse().unwrap(), at);
        assert_eq!(beijing.len(), 1);
        assert_eq!(beijing[0].to, 8 * 3600);
    }
}
