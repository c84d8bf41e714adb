import { describe, expect, it } from "vitest";
import { formatTime, instant, pick } from "./format";

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
});
