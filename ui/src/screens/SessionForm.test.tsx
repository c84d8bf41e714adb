import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi, session } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { SessionForm } from "./SessionForm";

describe("SessionForm", () => {
  beforeEach(() => setLanguage("ru"));

  it("suggests the next number and the Club's time zone, then creates the session", async () => {
    const { api, sessions } = fakeApi([session({ number: 8 })]);
    const { navigate } = renderWith(<SessionForm />, api);
    await waitFor(() => expect(screen.getByLabelText("Номер в серии")).toHaveValue("9"));
    expect(screen.getByLabelText("Часовой пояс")).toHaveValue("Asia/Shanghai");
    fireEvent.input(screen.getByLabelText("Дата"), { target: { value: "2026-12-10" } });
    await userEvent.type(document.getElementById("title-kk")!, "Жыл қорытындысы");
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    await waitFor(() => expect(sessions).toHaveLength(2));
    expect(sessions[1]).toMatchObject({ number: 9, date: "2026-12-10", title: { kk: "Жыл қорытындысы" } });
    expect(navigate).toHaveBeenCalledWith({ name: "session", id: sessions[1].id });
  });

  it("shows the core's field error beside the field, translated, and focuses it", async () => {
    const refusal: ApiError = { code: "invalid", message: "end must be after the start", field: "end", reason: "end_not_after_start" };
    const { api } = fakeApi([], { session_create: () => Promise.reject(refusal) });
    renderWith(<SessionForm />, api);
    await waitFor(() => expect(screen.getByLabelText("Номер в серии")).toHaveValue("1"));
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    expect(await screen.findByText("Окончание должно быть позже начала.")).toBeInTheDocument();
    expect(screen.getByLabelText("Окончание")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Окончание")).toHaveFocus();
  });

  it("marks one language of a multilingual field when only that one is wrong", async () => {
    const refusal: ApiError = { code: "invalid", message: "title.zh is too long", field: "title.zh", reason: "too_long" };
    const { api } = fakeApi([], { session_create: () => Promise.reject(refusal) });
    renderWith(<SessionForm />, api);
    await waitFor(() => expect(screen.getByLabelText("Номер в серии")).toHaveValue("1"));
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    expect(await screen.findByText("Слишком длинный текст.")).toBeInTheDocument();
    expect(document.getElementById("title-zh")).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById("title-ru")).not.toHaveAttribute("aria-invalid");
  });

  it("says that 30 February does not exist instead of \"required\", and sends nothing", async () => {
    const sessionCreate = vi.fn(() => Promise.reject<never>({ code: "invalid", message: "date is required", field: "date", reason: "required" }));
    const { api } = fakeApi([], { session_create: sessionCreate });
    renderWith(<SessionForm />, api);
    await waitFor(() => expect(screen.getByLabelText("Номер в серии")).toHaveValue("1"));
    const date = screen.getByLabelText("Дата");
    await userEvent.type(date, "30.02.2027");
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    expect(screen.getByText("Такой даты нет: 30.02.2027.")).toBeInTheDocument();
    expect(screen.queryByText("Обязательное поле.")).not.toBeInTheDocument();
    expect(date).toHaveFocus();
    expect(sessionCreate).not.toHaveBeenCalled();
    // An empty date is still the core's "required".
    await userEvent.clear(date);
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    expect(await screen.findByText("Обязательное поле.")).toBeInTheDocument();
    expect(screen.queryByText(/Такой даты нет/)).not.toBeInTheDocument();
  });

  it("puts the cursor in its first field", async () => {
    const { api } = fakeApi();
    renderWith(<SessionForm />, api);
    expect(screen.getByLabelText("Номер в серии")).toHaveFocus();
  });

  it("says plainly when the number is taken", async () => {
    const refusal: ApiError = { code: "conflict", message: "number is already taken", field: "number" };
    const { api } = fakeApi([], { session_create: () => Promise.reject(refusal) });
    renderWith(<SessionForm />, api);
    await waitFor(() => expect(screen.getByLabelText("Номер в серии")).toHaveValue("1"));
    await userEvent.click(screen.getByRole("button", { name: "Создать заседание" }));
    expect(await screen.findByText("Заседание с таким номером уже есть.")).toBeInTheDocument();
  });
});
