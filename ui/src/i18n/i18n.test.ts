import { describe, expect, it } from "vitest";
import { resources } from ".";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

// Plural forms differ per language (ru has _few/_many), so compare keys without them.
const base = (k: string) => k.replace(/_(one|few|many|other)$/, "");

describe("translations", () => {
  const reference = new Set(keys(resources.en.translation).map(base));
  for (const lang of ["ru", "kk", "zh"] as const) {
    it(`${lang} has every key English has, and no other`, () => {
      const own = new Set(keys(resources[lang].translation).map(base));
      expect([...reference].filter((k) => !own.has(k))).toEqual([]);
      expect([...own].filter((k) => !reference.has(k))).toEqual([]);
    });
  }
});

describe("answer statuses", () => {
  it("read as a state, never as the button that invites", () => {
    for (const lang of ["ru", "kk", "zh", "en"] as const) {
      const tr = resources[lang].translation as unknown as { rsvp: Record<string, string>; invitees: { invite: string } };
      expect(Object.values(tr.rsvp)).not.toContain(tr.invitees.invite);
    }
    expect(resources.ru.translation.rsvp.to_invite).toBe("Ещё не приглашён");
  });
});

describe("error reasons", () => {
  it("every reason the core can give has a message", async () => {
    const source = (await import("../api/types/InvalidReason.ts?raw")).default as string;
    const reasons = [...source.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect(reasons.length).toBeGreaterThan(10);
    const errors = resources.en.translation.errors as Record<string, string>;
    expect(reasons.filter((r) => !(r in errors))).toEqual([]);
  });
});
