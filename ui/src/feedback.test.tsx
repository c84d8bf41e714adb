import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportReport, ImportRequest } from "./api";
import { App } from "./App";
import { Toasts, toast } from "./feedback";
import { setLanguage } from "./i18n";
import { PeopleScreen } from "./screens/PeopleScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { fakeApi, session, settings } from "./test/fakeApi";
import { renderWith } from "./test/render";

function report(_request: ImportRequest, patch: Partial<ImportReport> = {}): ImportReport {
  return {
    format: "csv", encoding: "UTF-8", delimiter: ",", headers: ["family", "given"], mapping: ["family.ru", "given.ru"],
    preview: [], rows: [{ line: 2, name: "Ержан Қазыханов", status: "new", duplicateOf: null, duplicateName: "", duplicateReason: null, problems: [], action: "create", keptInNotes: false }],
    counts: { rows: 1, new: 1, duplicates: 0, errors: 0, created: 1, merged: 0, skipped: 0, keptInNotes: 0 }, committed: false,
    ...patch,
  };
}

/** Drops `file` on `target` the way the webview delivers a file dragged from the desktop. */
function dropFile(target: Element, file: File) {
  const dataTransfer = { types: ["Files"], files: [file], dropEffect: "none" };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

describe("toasts", () => {
  beforeEach(() => setLanguage("ru"));
  afterEach(() => vi.useRealTimers());

  it("a done toast goes by itself, a failure stays until closed", async () => {
    vi.useFakeTimers();
    const { api } = fakeApi();
    renderWith(<Toasts />, api);
    act(() => {
      toast.done("Архив сохранён");
      toast.failed("Экспорт не выполнен: диск заполнен");
    });
    expect(screen.getByRole("status")).toHaveTextContent("Архив сохранён");
    expect(screen.getByRole("alert")).toHaveTextContent("диск заполнен");
    act(() => vi.advanceTimersByTime(7000));
    expect(screen.queryByText("Архив сохранён")).not.toBeInTheDocument();
    expect(screen.getByRole("alert")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Закрыть сообщение" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("a failed import says so with the reason, whatever screen is open", async () => {
    const { api } = fakeApi([], {
      import_dry_run: async ({ request: r }) => report(r),
      import_commit: async () => Promise.reject({ code: "validation", message: "the database is read-only", reason: "read_only" }),
    });
    renderWith(<><PeopleScreen /><Toasts /></>, api);
    fireEvent.click(await screen.findByTestId("open-import"));
    const file = new File(["family,given\nҚазыханов,Ержан\n"], "contacts.csv", { type: "text/csv" });
    await userEvent.upload(screen.getByTestId("import-file"), file);
    fireEvent.click(await screen.findByTestId("import-commit"));
    expect(await screen.findByTestId("toast-failed")).toHaveTextContent(/^!Импорт не выполнен: /);
  });
});

describe("a contacts file dropped on the People screen", () => {
  beforeEach(() => setLanguage("ru"));

  it("opens the import with that file read", async () => {
    const seen: ImportRequest[] = [];
    const { api } = fakeApi([], { import_dry_run: async ({ request: r }) => (seen.push(r), report(r)) });
    renderWith(<PeopleScreen />, api);
    const screenEl = await screen.findByTestId("people-screen");
    const file = new File(["family,given\nҚазыханов,Ержан\n"], "Контакты клуба.csv", { type: "text/csv" });
    dropFile(screenEl, file);
    expect(await screen.findByTestId("import-wizard")).toBeInTheDocument();
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].fileName).toBe("Контакты клуба.csv");
    expect(new TextDecoder().decode(new Uint8Array(seen[0].bytes))).toContain("Қазыханов");
    expect(await screen.findByTestId("import-counts")).toBeInTheDocument();
    expect(screen.queryByTestId("drop-hint")).not.toBeInTheDocument();
  });

  it("refuses a file the import cannot read, saying which and why", async () => {
    const dryRun = vi.fn();
    const { api } = fakeApi([], { import_dry_run: dryRun });
    renderWith(<><PeopleScreen /><Toasts /></>, api);
    dropFile(await screen.findByTestId("people-screen"), new File(["%PDF-1.7"], "повестка.pdf"));
    expect(await screen.findByTestId("toast-failed")).toHaveTextContent("Файл повестка.pdf нельзя импортировать: импорт читает файлы CSV");
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
    expect(dryRun).not.toHaveBeenCalled();
  });
});

describe("unsaved work", () => {
  beforeEach(() => setLanguage("ru"));

  it("leaving a typed-in session form asks; staying keeps the text, leaving goes", async () => {
    const told: boolean[] = [];
    const { api } = fakeApi([session()], { unsaved_set: async ({ dirty }) => (told.push(dirty), null) });
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    fireEvent.click(screen.getByTestId("new-session"));
    await screen.findByTestId("session-form");
    const field = document.getElementById("notes")!;
    await userEvent.type(field, "Девятое заседание");
    expect(told.at(-1)).toBe(true);

    fireEvent.click(screen.getByTestId("nav-people"));
    expect(await screen.findByTestId("unsaved-dialog")).toHaveTextContent("Уйти без сохранения?");
    expect(screen.getByTestId("ask-no")).toHaveFocus(); // Enter keeps the work
    fireEvent.click(screen.getByTestId("ask-no"));
    expect(screen.queryByTestId("unsaved-dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("session-form")).toBeInTheDocument();
    expect(field).toHaveValue("Девятое заседание");

    fireEvent.click(screen.getByTestId("nav-people"));
    fireEvent.click(await screen.findByTestId("ask-yes"));
    expect(await screen.findByTestId("people-screen")).toBeInTheDocument();
    expect(told.at(-1)).toBe(false);
  });

  it("choosing People while a person is open goes back to the list", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    fireEvent.click(screen.getByTestId("nav-people"));
    fireEvent.click(await screen.findByTestId("new-person"));
    expect(await screen.findByTestId("person-form")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("nav-people"));
    expect(await screen.findByTestId("new-person")).toBeInTheDocument();
    expect(screen.queryByTestId("person-form")).not.toBeInTheDocument();
  });

  it("an untouched form leaves without a question", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    fireEvent.click(screen.getByTestId("new-session"));
    await screen.findByTestId("session-form");
    fireEvent.click(screen.getByTestId("nav-people"));
    expect(await screen.findByTestId("people-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("unsaved-dialog")).not.toBeInTheDocument();
  });
});

describe("removing the demonstration", () => {
  beforeEach(() => setLanguage("ru"));

  it("asks first; only yes removes it", async () => {
    const remove = vi.fn(async () => null);
    const { api } = fakeApi([], {
      settings_get: async () => settings({ hasDemo: true }),
      demo_remove: remove,
    });
    renderWith(<><SettingsScreen /><Toasts /></>, api);
    fireEvent.click(await screen.findByTestId("remove-demo"));
    expect(await screen.findByTestId("demo-dialog")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("ask-no"));
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("remove-demo"));
    fireEvent.click(await screen.findByTestId("ask-yes"));
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId("toast-done")).toHaveTextContent("Демонстрационные данные удалены.");
  });
});
