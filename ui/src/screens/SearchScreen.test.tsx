import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { Found, Hit } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { SearchScreen } from "./SearchScreen";

function hit(n: number): Hit {
  return {
    kind: "minutes",
    refId: `a${n}`,
    sessionId: `s${n}`,
    sessionNumber: n,
    sessionTitle: { ru: "Казахстан и Китай" },
    sessionDate: "2025-11-20",
    title: "Дискуссия",
    snippet: [
      { text: "…развитие ", hit: false },
      { text: "сотрудничества", hit: true },
    ],
  };
}

/** The screen over a fake search answering `found`, with `query` typed (pasted, as a
 *  hundred hits re-rendered per letter would be slow in jsdom). */
async function searching(found: Found, query: string) {
  const { api } = fakeApi([], { archive_search: async () => found });
  renderWith(<SearchScreen />, api);
  await userEvent.click(screen.getByTestId("search-input"));
  await userEvent.paste(query);
}

describe("SearchScreen", () => {
  beforeEach(() => setLanguage("ru"));

  it("says when a word is everywhere that more were found than are weighed", async () => {
    await searching({ hits: Array.from({ length: 100 }, (_, i) => hit(i)), total: 1000, more: true }, "сотрудничества");
    expect(await screen.findByTestId("search-found")).toHaveTextContent(
      "Найдено больше 1 000: показаны 100 лучших из последних 1 000.",
    );
    expect(screen.getAllByRole("mark")[0]).toHaveTextContent("сотрудничества");
  });

  it("gives the exact count when all were weighed, and says when only the first are shown", async () => {
    await searching({ hits: Array.from({ length: 100 }, (_, i) => hit(i)), total: 345, more: false }, "合作");
    expect(await screen.findByTestId("search-found")).toHaveTextContent("Найдено: 345; показаны первые 100.");
  });

  it("says nothing was found, and no count", async () => {
    await searching({ hits: [], total: 0, more: false }, "鹰");
    expect(await screen.findByText(/ничего не найдено/)).toBeInTheDocument();
    expect(screen.queryByTestId("search-found")).toBeNull();
  });
});
