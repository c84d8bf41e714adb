import { describe, expect, it } from "vitest";
import { actionOf } from "./shortcuts";

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {}) =>
  actionOf({ key, code: mods.code ?? "", ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("shortcuts", () => {
  it("maps the usual desktop keys, with Ctrl or ⌘", () => {
    expect(key("n", { ctrlKey: true })).toBe("new-session");
    expect(key("N", { metaKey: true })).toBe("new-session");
    expect(key("f", { ctrlKey: true })).toBe("find");
    expect(key("z", { ctrlKey: true })).toBe("undo");
    expect(key("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(key("y", { ctrlKey: true })).toBe("redo");
    expect(key("p", { ctrlKey: true })).toBe("print");
    expect(key("2", { ctrlKey: true })).toBe("nav-people");
    expect(key("3", { ctrlKey: true, altKey: true, code: "Digit3" })).toBe("tab-minutes");
  });

  it("leaves plain typing and unknown chords alone", () => {
    expect(key("n")).toBeNull();
    expect(key("f", { shiftKey: true })).toBeNull();
    expect(key("q", { ctrlKey: true })).toBeNull();
    expect(key("c", { ctrlKey: true })).toBeNull();
  });
});
