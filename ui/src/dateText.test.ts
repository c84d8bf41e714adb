import { describe, expect, it } from "vitest";
import { addMonths, readDate, writeDate } from "./dateText";

describe("dates as typed in each interface language", () => {
  it("reads each language's own format and ISO everywhere", () => {
    expect(readDate("09.12.2027", "ru")).toEqual({ kind: "date", iso: "2027-12-09" });
    expect(readDate("9.12.2027", "kk")).toEqual({ kind: "date", iso: "2027-12-09" });
    expect(readDate("2027年12月9日", "zh")).toEqual({ kind: "date", iso: "2027-12-09" });
    expect(readDate("2027/12/9", "zh")).toEqual({ kind: "date", iso: "2027-12-09" });
    expect(readDate("9 Dec 2027", "en")).toEqual({ kind: "date", iso: "2027-12-09" });
    expect(readDate("December 9, 2027", "en")).toEqual({ kind: "date", iso: "2027-12-09" });
    for (const lang of ["ru", "kk", "zh", "en"] as const) {
      expect(readDate("2027-12-09", lang)).toEqual({ kind: "date", iso: "2027-12-09" });
      expect(readDate(writeDate("2027-12-09", lang), lang)).toEqual({ kind: "date", iso: "2027-12-09" });
      expect(readDate("  ", lang)).toEqual({ kind: "empty" });
    }
  });

  it("tells a day the calendar does not have from text that is no date", () => {
    expect(readDate("30.02.2027", "ru")).toEqual({ kind: "no_such_date" });
    expect(readDate("29.02.2028", "ru")).toEqual({ kind: "date", iso: "2028-02-29" });
    expect(readDate("2027-02-30", "en")).toEqual({ kind: "no_such_date" });
    expect(readDate("завтра", "ru")).toEqual({ kind: "not_a_date" });
    // Month and day order differ between English-speaking countries: not guessed.
    expect(readDate("12/09/2027", "en")).toEqual({ kind: "not_a_date" });
  });

  it("writes the date the way each language reads it", () => {
    expect(writeDate("2027-12-09", "ru")).toBe("09.12.2027");
    expect(writeDate("2027-12-09", "kk")).toBe("09.12.2027");
    expect(writeDate("2027-12-09", "zh")).toBe("2027-12-09");
    expect(writeDate("2027-12-09", "en")).toBe("9 Dec 2027");
    expect(writeDate("", "ru")).toBe("");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
  });
});
