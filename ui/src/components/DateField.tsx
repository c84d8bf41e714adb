import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import { addDays, addMonths, daysInMonth, isoParts, readDate, todayIso, toIso, weekday, writeDate } from "../dateText";
import { LOCALES } from "../i18n";

/**
 * A date in the interface language's own format (see dateText.ts) with a calendar of that
 * language, in place of `<input type="date">`, whose text and calendar follow the computer's
 * locale whatever the app speaks, and which hands an impossible date (30.02) over as empty.
 *
 * `value` in and out is ISO "YYYY-MM-DD" or "". Text that is not a date is kept as typed and
 * reported through `onChange(…, problem)` (the form refuses to go on while there is one); the
 * field shows the problem once the user has left it or pressed Enter, not at every keystroke.
 */
export function DateField({
  id,
  value,
  onChange,
  error,
  required,
  ariaLabel,
  dataField,
  autoFocus,
}: {
  id: string;
  value: string;
  onChange: (iso: string, problem: string | null) => void;
  /** The form's own message for the field (required, or the core's reason). */
  error?: string;
  required?: boolean;
  ariaLabel?: string;
  dataField?: string;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [text, setText] = useState(() => writeDate(value, lang));
  const [shown, setShown] = useState(false);
  const [open, setOpen] = useState(false);
  // The last value this field reported: a different one came from outside (a suggestion, a
  // loaded session) and replaces the text; the same one must not undo what is being typed.
  const reported = useRef(value);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setText(writeDate(value, lang));
    setShown(false);
  }, [value, lang]);
  // Another interface language: a valid date is rewritten in its format.
  useEffect(() => {
    setText((current) => (isoParts(reported.current) ? writeDate(reported.current, lang) : current));
  }, [lang]);

  const read = readDate(text, lang);
  const problemOf = (raw: string): string | null => {
    const r = readDate(raw, lang);
    if (r.kind === "no_such_date") return t("date.noSuchDate", { text: raw.trim() });
    if (r.kind === "not_a_date") return t("date.notADate", { format: t("date.format"), example: writeDate(todayIso(), lang) });
    return null;
  };
  const problem = problemOf(text);
  const message = (shown && problem) || error;
  const errorId = `${id}-error`;

  const type = (raw: string) => {
    setText(raw);
    setShown(false);
    const r = readDate(raw, lang);
    const iso = r.kind === "date" ? r.iso : "";
    reported.current = iso;
    onChange(iso, problemOf(raw));
  };
  const choose = (iso: string) => {
    setOpen(false);
    setText(writeDate(iso, lang));
    setShown(false);
    reported.current = iso;
    onChange(iso, null);
    opener.current?.focus();
  };

  return (
    <div className="date-field">
      <div className="date-input">
        <input
          id={id}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={t("date.format")}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setShown(true)}
          onKeyDown={(e) => {
            if (e.key === "Enter") setShown(true);
            if (e.key === "ArrowDown" && e.altKey) {
              e.preventDefault();
              setOpen(true);
            }
          }}
          required={required}
          aria-label={ariaLabel}
          aria-invalid={!!message || undefined}
          aria-describedby={message ? errorId : undefined}
          data-field={dataField}
          autoFocus={autoFocus}
        />
        <button
          ref={opener}
          type="button"
          className="date-open"
          onClick={() => setOpen((o) => !o)}
          aria-label={t("date.open")}
          title={t("date.open")}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid={`${id}-calendar`}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
        {open && (
          <Calendar
            lang={lang}
            selected={read.kind === "date" ? read.iso : null}
            onChoose={choose}
            onClose={() => {
              setOpen(false);
              opener.current?.focus();
            }}
            opener={opener}
          />
        )}
      </div>
      {message && <span id={errorId} className="field-error">{message}</span>}
    </div>
  );
}

/** The first day of the week: Monday where the Club's languages are spoken; for English the
 *  locale's own (en-GB: Monday too) where the webview knows it. */
function firstDayOfWeek(lang: Lang): number {
  if (lang !== "en") return 1;
  const locale = new Intl.Locale(LOCALES[lang]) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  return (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1;
}

/** A month grid in a popup (the WAI-ARIA date picker dialog): arrows move by day and week,
 *  Page Up/Down by month (with Shift by year), Home/End to the week's ends, Enter or Space
 *  choose, Esc closes. */
function Calendar({
  lang,
  selected,
  onChoose,
  onClose,
  opener,
}: {
  lang: Lang;
  selected: string | null;
  onChoose: (iso: string) => void;
  onClose: () => void;
  opener: RefObject<HTMLButtonElement | null>;
}) {
  const { t } = useTranslation();
  const today = todayIso();
  const [focused, setFocused] = useState(selected ?? today);
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const locale = LOCALES[lang];
  const first = firstDayOfWeek(lang);
  const [year, month] = isoParts(focused)!;

  const names = useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
    const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    // 1 January 2024 was a Monday.
    return Array.from({ length: 7 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 1 + ((first - 1 + i) % 7)));
      return { short: short.format(day), long: long.format(day) };
    });
  }, [locale, first]);
  const title = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
  const dayName = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });

  // Weeks of the month, blank cells before the 1st and after the last day.
  const lead = (weekday(toIso(year, month, 1)) - first + 7) % 7;
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: daysInMonth(year, month) }, (_, i) => toIso(year, month, i + 1)),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  // The focused day takes the keyboard focus when the calendar opens and as the keys move it
  // (the grid is one tab stop); the month buttons leave the focus where it is.
  const follow = useRef(true);
  useEffect(() => {
    if (!follow.current) return;
    follow.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  // A click anywhere else closes the calendar.
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!box.current?.contains(target) && !opener.current?.contains(target)) onClose();
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [onClose, opener]);

  const key = (e: KeyboardEvent) => {
    const week = weekday(focused);
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      Home: () => addDays(focused, -((week - first + 7) % 7)),
      End: () => addDays(focused, 6 - ((week - first + 7) % 7)),
      PageUp: () => addMonths(focused, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, e.shiftKey ? 12 : 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      const next = moves[e.key]();
      follow.current = next !== focused;
      setFocused(next);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onChoose(focused);
    }
  };

  return (
    <div
      ref={box}
      className="calendar"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="calendar"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="calendar-head">
        <button type="button" className="link" onClick={() => setFocused(addMonths(focused, -1))} aria-label={t("date.previousMonth")}>‹</button>
        <span id={titleId} className="calendar-title" aria-live="polite">{title}</span>
        <button type="button" className="link" onClick={() => setFocused(addMonths(focused, 1))} aria-label={t("date.nextMonth")}>›</button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={titleId} onKeyDown={key}>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" abbr={n.long}>{n.short}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((days, w) => (
            <tr key={w}>
              {days.map((iso, d) =>
                iso ? (
                  <td
                    key={iso}
                    role="gridcell"
                    data-date={iso}
                    tabIndex={iso === focused ? 0 : -1}
                    aria-selected={iso === selected}
                    aria-current={iso === today ? "date" : undefined}
                    aria-label={dayName.format(new Date(`${iso}T00:00:00Z`))}
                    className={[iso === selected ? "selected" : "", iso === today ? "today" : ""].join(" ").trim() || undefined}
                    onClick={() => onChoose(iso)}
                  >
                    {Number(iso.slice(8))}
                  </td>
                ) : (
                  <td key={`blank-${d}`} role="gridcell" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
