import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi, session } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { SessionsScreen } from "./SessionsScreen";

describe("SessionsScreen", () => {
  beforeEach(() => setLanguage("ru"));

  it("puts the next upcoming session first and past ones newest first", async () => {
    const { api } = fakeApi([
      session({ number: 7, date: "2024-11-14", title: { ru: "Седьмое" } }),
      session({ number: 10, date: "2027-03-01", upcoming: true, title: { ru: "Десятое" } }),
      session({ number: 9, date: "2026-12-10", upcoming: true, title: { ru: "Девятое" } }),
      session({ number: 8, date: "2025-11-20", title: { ru: "Восьмое" } }),
    ]);
    renderWith(<SessionsScreen />, api);
    const upcoming = (await screen.findByRole("heading", { name: "Предстоящие" })).closest("section")!;
    const past = screen.getByRole("heading", { name: "Прошедшие" }).closest("section")!;
    const titles = (el: HTMLElement) => within(el).getAllByTestId("session-card").map((c) => c.textContent);
    expect(titles(upcoming)[0]).toContain("Девятое");
    expect(titles(upcoming)[1]).toContain("Десятое");
    expect(titles(past)[0]).toContain("Восьмое");
    expect(titles(past)[1]).toContain("Седьмое");
  });

  it("formats dates in the interface language", async () => {
    const { api } = fakeApi([session()]);
    await setLanguage("zh");
    renderWith(<SessionsScreen />, api);
    const card = await screen.findByTestId("session-card");
    expect(card.textContent).toContain("2025年11月20日");
    expect(card.textContent).toContain("第8次");
    expect(card.textContent).toContain("哈萨克斯坦：地区稳定的支柱");
  });

  it("invites to plan the first session when there is none", async () => {
    const { api } = fakeApi([]);
    const { navigate } = renderWith(<SessionsScreen />, api);
    expect(await screen.findByText("Заседаний пока нет")).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole("button", { name: /Новое заседание/ })[1]);
    expect(navigate).toHaveBeenCalledWith({ name: "newSession" });
  });
});
