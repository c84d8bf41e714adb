// Calendar dates as people write them in each interface language; what the app keeps is ISO.
//
// Shown, and accepted, per interface language:
//   ru, kk  09.12.2027 (ДД.ММ.ГГГГ / КК.АА.ЖЖЖЖ), as dates are written there; 9.12.2027 too.
//   zh      2027-12-09, the numeric form of GB/T 7408; 2027年12月9日 and 2027/12/9 too.
//   en      9 Dec 2027 — the month by name, because 12/09/2027 is December in one English-
//           speaking country and September in another; "9 December 2027" and "Dec 9, 2027"
//           too. Numbers with slashes are refused as ambiguous rather than guessed.
// In every language the ISO form 2027-12-09 is accepted as well: it is what the app stores,
// what a paste from another program often is, and what the end-to-end tests type.
import type { Lang } from "./api";

export type DateText =
  | { kind: "empty" }
  | { kind: "date"; iso: string }
  /** Reads as a date, but the calendar has no such day (30.02.2027, 32.01.2027). */
  | { kind: "no_such_date" }
  /** Does not read as a date in this language at all. */
  | { kind: "not_a_date" };

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number) => String(n).padStart(2, "0");

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2027-12-09" → [2027, 12, 9]; null when it is not a real ISO calendar date. */
export function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : null;
}

export function toIso(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function checked(year: number, month: number, day: number): DateText {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: "no_such_date" };
  return { kind: "date", iso: toIso(year, month, day) };
}

function enMonth(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = EN_MONTHS.findIndex((name) => name.toLowerCase().startsWith(w));
  return i < 0 ? null : i + 1;
}

/** Reads what was typed in the field, in the interface language's ways of writing a date. */
export function readDate(raw: string, lang: Lang): DateText {
  const text = raw.trim();
  if (!text) return { kind: "empty" };
  // Year first (ISO and the Chinese forms): a four-digit year leaves no doubt about the order.
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m && (lang === "zh" || /^\d{4}-\d{1,2}-\d{1,2}$/.test(text))) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  if (lang === "ru" || lang === "kk") {
    m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(text);
    if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  if (lang === "en") {
    m = /^(\d{1,2})\s+([a-z]+\.?),?\s+(\d{4})$/i.exec(text);
    const dayFirst = m && enMonth(m[2]);
    if (m && dayFirst) return checked(Number(m[3]), dayFirst, Number(m[1]));
    m = /^([a-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
    const monthFirst = m && enMonth(m[1]);
    if (m && monthFirst) return checked(Number(m[3]), monthFirst, Number(m[2]));
  }
  return { kind: "not_a_date" };
}

/** An ISO date as the field shows it in `lang` (see the top of this file); "" stays "". */
export function writeDate(iso: string, lang: Lang): string {
  const parts = isoParts(iso);
  if (!parts) return iso;
  const [y, mo, d] = parts;
  switch (lang) {
    case "ru":
    case "kk":
      return `${pad(d)}.${pad(mo)}.${y}`;
    case "zh":
      return toIso(y, mo, d);
    case "en":
      return `${d} ${EN_MONTHS[mo - 1].slice(0, 3)} ${y}`;
  }
}

/** Today's date where the computer is (the calendar's "today" mark and the example). */
export function todayIso(now = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The ISO date `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const [y, mo, d] = isoParts(iso)!;
  const next = new Date(Date.UTC(y, mo - 1, d + days));
  return toIso(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The same day `months` later, kept inside the month (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, mo, d] = isoParts(iso)!;
  const index = y * 12 + (mo - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekday(iso: string): number {
  const [y, mo, d] = isoParts(iso)!;
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay() || 7;
}
