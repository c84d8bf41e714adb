import { act, fireEvent, screen } from "@testing-library/react";
import axe from "axe-core";
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "./App";
import { Progress, Toasts, toast } from "./feedback";
import { setLanguage } from "./i18n";
import { TeamPanel } from "./components/TeamPanel";
import { ConflictsScreen } from "./screens/ConflictsScreen";
import { PeopleScreen } from "./screens/PeopleScreen";
import { SessionForm } from "./screens/SessionForm";
import { SettingsScreen } from "./screens/SettingsScreen";
import { conflict, fakeApi, session, settings, syncStatus } from "./test/fakeApi";
import { renderWith } from "./test/render";
import css from "./styles.css?raw";

/** axe-core over what is rendered; colour contrast is checked below from the theme. */
async function violations(container: Element) {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility (axe-core)", () => {
  beforeEach(() => setLanguage("ru"));

  it("the main window with its sessions has no violations", async () => {
    const { api } = fakeApi([session({ number: 8 }), session({ id: "s9", number: 9, date: "2099-12-10" })]);
    const { container } = renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    expect(await violations(container)).toEqual([]);
  });

  it("the session form, the people screen and the settings have no violations", async () => {
    for (const ui of [<SessionForm key="f" />, <PeopleScreen key="p" />, <SettingsScreen key="s" />]) {
      const { api } = fakeApi([session()]);
      const { container, unmount } = renderWith(ui, api);
      await new Promise((r) => setTimeout(r, 50));
      expect(await violations(container)).toEqual([]);
      unmount();
    }
  });

  it("the sync indicator, the conflicts and the team's join form and state have no violations", async () => {
    const team = syncStatus({ member: true, author: "Айгерим", hubUrl: "https://10.0.0.5:8443", waiting: 2, openConflicts: 2, lastError: "connection refused" });
    const register = [conflict(), conflict({ kind: "foreign_key", table: "invitation", column: null, kept: "null", proposed: '{"role":"guest","status":"invited"}', label: null })];
    for (const [ui, status] of [[<App key="a" />, team], [<ConflictsScreen key="c" />, team], [<TeamPanel key="j" />, syncStatus()], [<TeamPanel key="m" />, team]] as const) {
      const { api } = fakeApi([session()], { sync_status: async () => status, conflicts_list: async () => register });
      const { container, unmount } = renderWith(ui, api);
      await new Promise((r) => setTimeout(r, 50));
      expect(await violations(container)).toEqual([]);
      unmount();
    }
  });

  it("the questions, toasts and progress have no violations", async () => {
    const { api } = fakeApi([session()], {
      settings_get: async () => settings({ hasDemo: true }),
    });
    const { container } = renderWith(
      <>
        <SettingsScreen />
        <Toasts />
        <Progress label="Импорт строк: 10000, одним шагом…" />
      </>,
      api,
    );
    fireEvent.click(await screen.findByTestId("remove-demo"));
    expect(await screen.findByTestId("demo-dialog")).toHaveAttribute("open");
    act(() => {
      toast.done("Архив сохранён: /home/org/club.zip");
      toast.failed("Экспорт не выполнен: диск заполнен");
    });
    expect(await violations(container)).toEqual([]);
  });
});

// WCAG contrast of the theme's text colours on their backgrounds, light and dark.
function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}
const light = tokens(css.slice(0, css.indexOf("}")));
const darkStart = css.indexOf("prefers-color-scheme: dark");
const dark = { ...light, ...tokens(css.slice(darkStart, css.indexOf("}", css.indexOf(":root", darkStart)))) };

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const PAIRS: [string, string][] = [
  ["ink", "bg"], ["ink", "panel"], ["muted", "bg"], ["muted", "panel"], ["accent", "panel"], ["accent", "bg"],
  ["accent-ink", "accent"], ["danger", "panel"], ["sidebar-ink", "sidebar"], ["info-ink", "info-bg"],
  ["violet-ink", "violet-bg"], ["ok-ink", "ok-bg"], ["warn-ink", "warn-bg"], ["ink", "info-bg"], ["muted", "soft"],
  ["danger", "danger-bg"],
];

describe("colour contrast of the theme (WCAG AA, 4.5:1 for text)", () => {
  for (const [name, theme] of [["light", light], ["dark", dark]] as const) {
    it(`every text colour on its background, ${name}`, () => {
      const low = PAIRS.map(([fg, bg]) => [fg, bg, contrast(theme[fg], theme[bg])] as const).filter(([, , c]) => c < 4.5);
      expect(low.map(([fg, bg, c]) => `${fg} on ${bg}: ${c.toFixed(2)}`)).toEqual([]);
    });
  }
});
