import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi, session } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { StartPanel } from "./StartPanel";

describe("StartPanel (plan the next session)", () => {
  beforeEach(() => setLanguage("ru"));

  it("shows the suggested date in the interface language and starts on the date chosen", async () => {
    const start = vi.fn(async () => session({ id: "s10" }));
    const { api } = fakeApi();
    renderWith(<StartPanel start={start} onClose={() => {}} />, api);
    const date = screen.getByLabelText("Дата");
    expect(await screen.findByDisplayValue("10.12.2026")).toBe(date);
    await userEvent.clear(date);
    await userEvent.type(date, "17.12.2026");
    await userEvent.click(screen.getByTestId("start-create"));
    expect(start).toHaveBeenCalledWith({ date: "2026-12-17", agenda: true, invitees: true, themes: true });
  });

  it("keeps a date that does not exist as typed and says why, instead of going back to the suggestion", async () => {
    const start = vi.fn(async () => session({ id: "s10" }));
    const { api } = fakeApi();
    renderWith(<StartPanel start={start} onClose={() => {}} />, api);
    const date = await screen.findByDisplayValue("10.12.2026");
    await userEvent.clear(date);
    await userEvent.type(date, "31.04.2027");
    await userEvent.click(screen.getByTestId("start-create"));
    expect(date).toHaveValue("31.04.2027");
    expect(screen.getByText("Такой даты нет: 31.04.2027.")).toBeInTheDocument();
    expect(date).toHaveFocus();
    expect(start).not.toHaveBeenCalled();
  });
});
