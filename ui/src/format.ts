// Dates and times through Intl, in the session's own time zone.
import type { Lang, Text } from "./api";
import { LANGS, LOCALES } from "./i18n";

/** A session's local date (YYYY-MM-DD) and wall time (HH:MM) as the instant they name. */
export function instant(date: string, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  // Offset of the zone at that moment: format the naive instant in the zone and compare.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(naive);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asIfUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(naive.getTime() - (asIfUtc - naive.getTime()));
}

export function formatDate(date: string, lang: Lang, style: "full" | "long" | "medium" = "full"): string {
  // The date is a calendar date, not an instant: format it in UTC so no zone shifts it.
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: style, timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatTime(date: string, time: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: "short", timeZone }).format(
    instant(date, time, timeZone),
  );
}

/** "China Standard Time" / "Китай, стандартное время" / "中国标准时间" at the session's date. */
export function zoneName(date: string, time: string, timeZone: string, lang: Lang): string {
  const parts = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: "long" }).formatToParts(
    instant(date, time, timeZone),
  );
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** The text in the interface language, else in the first language that has it. */
export function pick(text: Text, lang: Lang): string {
  return text[lang] ?? LANGS.map((l) => text[l]).find((v) => v) ?? "";
}

/** A language's name in the interface language ("китайский", "中文", "Chinese"). */
export function languageName(lang: Lang, uiLang: Lang): string {
  try {
    return new Intl.DisplayNames([LOCALES[uiLang]], { type: "language" }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * When something happened in the app (saved, backed up, revised): on this computer's clock,
 * in the interface language — one zone and one format wherever such a moment shows.
 * `withDate: false` for today's moments ("сохранено в 09:17").
 */
export function formatMoment(iso: string, lang: Lang, withDate = true): string {
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: "medium", timeStyle: "short" }
    : { timeStyle: "short" };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(new Date(iso));
}

/** Today's date (YYYY-MM-DD) in a time zone: the session's day there. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // From the parts, not a locale's whole format: WebKitGTK without full locale data
  // formats "en-CA" as 12/1/2026, and the check-in said a session today was not today.
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Whether an instant falls on today's date on this computer. */
export function isToday(iso: string, now: Date = new Date()): boolean {
  return new Date(iso).toDateString() === now.toDateString();
}

/** The clock time of an instant (RFC 3339) in the session's zone: when someone checked in. */
export function formatClock(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: "short", timeZone }).format(new Date(iso));
}

/** A name in the other scripts it is written in, each spelling once. */
export function otherScripts(text: Text, lang: Lang): string[] {
  const shown = pick(text, lang);
  return [...new Set(LANGS.filter((l) => l !== lang).map((l) => text[l]).filter((v): v is string => !!v && v !== shown))];
}

/** A file's size as people read it: "40 KB", "3,2 MB" (digits in the interface language). */
export function formatSize(bytes: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return bytes >= 1 << 20 ? `${n.format(bytes / (1 << 20))} MB` : `${n.format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}
