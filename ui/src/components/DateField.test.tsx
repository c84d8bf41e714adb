import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { DateField } from "./DateField";

function Field({ initial = "", onChange }: { initial?: string; onChange: (iso: string, problem: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="d">Дата</label>
      <DateField id="d" value={value} onChange={(iso, problem) => { setValue(iso); onChange(iso, problem); }} />
      <button type="button">дальше</button>
    </>
  );
}

describe("DateField", () => {
  beforeEach(() => setLanguage("ru"));

  it("shows and takes the date in the interface language, ISO too, and hands ISO to the form", async () => {
    const onChange = vi.fn();
    const { api } = fakeApi();
    renderWith(<Field initial="2027-12-09" onChange={onChange} />, api);
    const field = screen.getByLabelText("Дата");
    expect(field).toHaveValue("09.12.2027");
    expect(field).toHaveAttribute("placeholder", "ДД.ММ.ГГГГ");
    await userEvent.clear(field);
    await userEvent.type(field, "18.03.2027");
    expect(onChange).toHaveBeenLastCalledWith("2027-03-18", null);
    // How the end-to-end tests set it: the value and an input event.
    fireEvent.input(field, { target: { value: "2027-03-19" } });
    expect(onChange).toHaveBeenLastCalledWith("2027-03-19", null);
  });

  it("says that 30 February does not exist (not that the field is required), once the field is left", async () => {
    const onChange = vi.fn();
    const { api } = fakeApi();
    renderWith(<Field onChange={onChange} />, api);
    const field = screen.getByLabelText("Дата");
    await userEvent.type(field, "30.02.2027");
    expect(onChange).toHaveBeenLastCalledWith("", "Такой даты нет: 30.02.2027.");
    expect(screen.queryByText(/Такой даты нет/)).not.toBeInTheDocument(); // not while typing
    await userEvent.tab();
    expect(screen.getByText("Такой даты нет: 30.02.2027.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Такой даты нет: 30.02.2027.");
    expect(field).toHaveValue("30.02.2027"); // kept as typed, to be corrected
    await userEvent.clear(field);
    await userEvent.type(field, "в четверг{Enter}");
    expect(screen.getByText(/^Это не дата: введите её в виде ДД\.ММ\.ГГГГ, например \d\d\.\d\d\.\d{4}\.$/)).toBeInTheDocument();
  });

  it("opens a Monday-first calendar in the interface language, moved and chosen by keyboard", async () => {
    const onChange = vi.fn();
    const { api } = fakeApi();
    renderWith(<Field initial="2027-12-09" onChange={onChange} />, api);
    const opener = screen.getByRole("button", { name: "Выбрать дату в календаре" });
    await userEvent.click(opener);
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveAccessibleName(/декабрь 2027/i);
    const grid = within(dialog).getByRole("grid");
    const heads = within(grid).getAllByRole("columnheader").map((h) => h.textContent);
    expect(heads[0]).toMatch(/^пн/i);
    expect(heads[6]).toMatch(/^вс/i);
    // 1 December 2027 is a Wednesday: two blank cells before it.
    const firstWeek = within(grid).getAllByRole("row")[1];
    expect(within(firstWeek).getAllByRole("gridcell").map((c) => c.textContent)).toEqual(["", "", "1", "2", "3", "4", "5"]);
    const selected = within(grid).getByRole("gridcell", { selected: true });
    expect(selected).toHaveTextContent("9");
    expect(selected).toHaveFocus();
    await userEvent.keyboard("{ArrowRight}{ArrowDown}");
    expect(within(grid).getByRole("gridcell", { name: /17 декабря 2027/ })).toHaveFocus();
    await userEvent.keyboard("{PageDown}");
    expect(dialog).toHaveAccessibleName(/январь 2028/i);
    await userEvent.keyboard("{Enter}");
    expect(onChange).toHaveBeenLastCalledWith("2028-01-17", null);
    expect(screen.getByLabelText("Дата")).toHaveValue("17.01.2028");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    await userEvent.click(opener);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it("has no accessibility violations with the calendar open and a problem shown", async () => {
    const { api } = fakeApi();
    const { container } = renderWith(<Field initial="2027-12-09" onChange={() => {}} />, api);
    await userEvent.click(screen.getByRole("button", { name: "Выбрать дату в календаре" }));
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await userEvent.keyboard("{Escape}");
    await userEvent.clear(screen.getByLabelText("Дата"));
    await userEvent.type(screen.getByLabelText("Дата"), "31.11.2027{Enter}");
    const again = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(again.violations.map((v) => v.id)).toEqual([]);
  });

  it("speaks Chinese and English dates and calendars too", async () => {
    const { api } = fakeApi();
    await setLanguage("zh");
    const onChange = vi.fn();
    const { unmount } = renderWith(<Field initial="2027-12-09" onChange={onChange} />, api);
    expect(screen.getByLabelText("Дата")).toHaveValue("2027-12-09");
    await userEvent.clear(screen.getByLabelText("Дата"));
    await userEvent.type(screen.getByLabelText("Дата"), "2028年1月5日");
    expect(onChange).toHaveBeenLastCalledWith("2028-01-05", null);
    await userEvent.click(screen.getByRole("button", { name: "在日历中选择日期" }));
    expect(screen.getByRole("dialog")).toHaveAccessibleName("2028年1月");
    expect(screen.getAllByRole("columnheader")[0]).toHaveTextContent("周一");
    unmount();

    await setLanguage("en");
    renderWith(<Field initial="2027-12-09" onChange={onChange} />, api);
    const field = screen.getByLabelText("Дата");
    expect(field).toHaveValue("9 Dec 2027");
    await userEvent.clear(field);
    await userEvent.type(field, "12/09/2027");
    await userEvent.tab();
    expect(screen.getByText(/^Not a date: enter it as D Mon YYYY, for example \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)).toBeInTheDocument();
  });
});
