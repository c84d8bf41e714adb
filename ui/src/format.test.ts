import { describe, expect, it } from "vitest";
import { formatMoment, formatTime, instant, pick, todayIn } from "./format";

describe("format", () => {
  it("reads a wall time in the session's own zone", () => {
    expect(instant("2025-11-20", "15:00", "Asia/Shanghai").toISOString()).toBe("2025-11-20T07:00:00.000Z");
    expect(instant("2025-11-20", "15:00", "Asia/Almaty").toISOString()).toBe("2025-11-20T10:00:00.000Z");
    expect(formatTime("2025-11-20", "15:00", "Asia/Shanghai", "ru")).toBe("15:00");
  });

  it("falls back to another language when the wanted one is missing", () => {
    expect(pick({ zh: "会议" }, "ru")).toBe("会议");
    expect(pick({ ru: "Заседание", zh: "会议" }, "zh")).toBe("会议");
    expect(pick({}, "en")).toBe("");
  });

  it("shows a moment of the app in one zone and the interface language, with or without the date", () => {
    const iso = "2026-12-01T01:17:00Z";
    const local = new Date(iso);
    const hhmm = `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
    // The computer's clock, whatever the session's zone: the same text for a save and a backup.
    expect(formatMoment(iso, "ru", false)).toBe(hhmm);
    expect(formatMoment(iso, "ru")).toContain(hhmm);
    expect(formatMoment(iso, "ru")).toMatch(/дек/);
    expect(formatMoment(iso, "zh")).toMatch(/12月/);
    expect(formatMoment(iso, "en")).not.toMatch(/AM|PM/);
  });
});

describe("todayIn", () => {
  it("is the date in the zone as YYYY-MM-DD, across midnight", () => {
    const late = new Date("2026-11-30T17:30:00Z"); // 01:30 on 1 December in Beijing
    expect(todayIn("Asia/Shanghai", late)).toBe("2026-12-01");
    expect(todayIn("Europe/London", late)).toBe("2026-11-30");
    expect(todayIn("Asia/Almaty", new Date("2026-01-05T03:00:00Z"))).toBe("2026-01-05");
  });
});
