import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Person } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { PeopleScreen } from "./PeopleScreen";

function person(i: number): Person {
  return {
    id: `p${i}`, names: [{ lang: "ru", family: `Фамилия${i}`, given: "Имя", patronymic: "", familyFirst: false }],
    displayName: { ru: `Имя Фамилия${i}` }, honorific: {}, organisationId: null, organisation: {}, country: "", email: "",
    phone: "", wechat: "", languages: [], tags: [], precedenceCategoryId: null, precedenceRank: null, positions: [],
    position: {}, notes: "", isDemo: false,
  };
}

describe("PeopleScreen", () => {
  beforeEach(() => {
    setLanguage("ru");
    // jsdom lays nothing out: the list's pane gets a window's size, each row 64 px.
    const pane = (size: number) =>
      function (this: HTMLElement) {
        return this.classList.contains("list-scroll") ? size : 0;
      };
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockImplementation(pane(800));
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockImplementation(pane(1000));
    const real = Element.prototype.getBoundingClientRect;
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      if (!this.hasAttribute("data-index")) return real.call(this);
      return { x: 0, y: 0, top: 0, left: 0, right: 1000, bottom: 64, width: 1000, height: 64, toJSON: () => ({}) } as DOMRect;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("renders only the rows in view of a ten-thousand-person directory", async () => {
    const everyone = Array.from({ length: 10_000 }, (_, i) => person(i));
    const { api } = fakeApi([], { people_list: async () => everyone });
    renderWith(<PeopleScreen />, api);
    expect(await screen.findByText("Имя Фамилия0")).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(table).toHaveAttribute("aria-rowcount", "10000");
    const rendered = table.querySelectorAll("tr[data-index]").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.queryByText("Имя Фамилия9999")).not.toBeInTheDocument();
  });

  it("says what to do next: an empty directory points to adding and importing, a search to other scripts", async () => {
    const { api } = fakeApi([], { people_list: async () => [], people_search: async () => [] });
    renderWith(<PeopleScreen />, api);
    expect(await screen.findByText(/В справочнике пока никого нет\. Добавьте человека.*перетащите на этот экран/)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId("people-search"), { target: { value: "Нурышев" } });
    expect(await screen.findByText(/Никого не найдено по запросу «Нурышев»/)).toBeInTheDocument();
  });

  it("asks once for what was typed, not once per letter", async () => {
    const search = vi.fn(async () => []);
    const { api } = fakeApi([], { people_list: async () => [], people_search: search });
    renderWith(<PeopleScreen />, api);
    await userEvent.type(screen.getByTestId("people-search"), "Нурышев");
    await waitFor(() => expect(search).toHaveBeenCalledTimes(1));
    expect(search).toHaveBeenCalledWith({ query: "Нурышев" });
  });
});
