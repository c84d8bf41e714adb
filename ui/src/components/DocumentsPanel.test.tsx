import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { DocumentsPanel } from "./DocumentsPanel";

const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${text}</text></svg>`;

describe("DocumentsPanel", () => {
  beforeEach(() => setLanguage("ru"));

  it("previews the chosen document in the chosen languages, one image per page", async () => {
    const documentPreview = vi.fn(async () => [svg("1"), svg("2")]);
    const { api } = fakeApi([], { document_preview: documentPreview });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    expect(await screen.findByAltText("Страница 2 из 2")).toBeInTheDocument();
    expect(documentPreview).toHaveBeenLastCalledWith({ sessionId: "s", kind: "agenda", options: { langs: ["ru"], layout: "side", paper: "a4" } });

    await userEvent.click(screen.getByTestId("doc-cards"));
    await userEvent.selectOptions(screen.getByTestId("doc-lang2"), "zh");
    await userEvent.click(screen.getByTestId("doc-layout-stacked"));
    await waitFor(() =>
      expect(documentPreview).toHaveBeenLastCalledWith({ sessionId: "s", kind: "cards", options: { langs: ["ru", "zh"], layout: "stacked", paper: "a4" } }),
    );
    // The second language never repeats the first.
    const second = screen.getByTestId("doc-lang2") as HTMLSelectElement;
    expect([...second.options].map((o) => o.value)).toEqual(["", "kk", "zh", "en"]);
    // Name cards are made only as PDF.
    expect(screen.getByTestId("doc-save-pdf")).toBeInTheDocument();
    expect(screen.queryByTestId("doc-save-docx")).toBeNull();
  });

  it("asks for letters only the language of guests whose languages are not known", async () => {
    const documentPreview = vi.fn(async () => [svg("1")]);
    const { api } = fakeApi([], { document_preview: documentPreview });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    await userEvent.selectOptions(await screen.findByTestId("doc-lang2"), "zh");
    await userEvent.click(screen.getByTestId("doc-letters"));
    expect(screen.getByTestId("doc-letters-hint")).toHaveTextContent("на языках своего гостя");
    expect(screen.getByLabelText("Язык для гостей, чей язык неизвестен")).toHaveValue("ru");
    expect(screen.queryByTestId("doc-lang2")).toBeNull();
    await waitFor(() =>
      expect(documentPreview).toHaveBeenLastCalledWith({ sessionId: "s", kind: "letters", options: { langs: ["ru"], layout: "side", paper: "a4" } }),
    );
  });

  it("saves in the format asked for and says where", async () => {
    const documentSave = vi.fn(async () => "/home/org/session-8-agenda-ru.docx");
    const { api } = fakeApi([], { document_preview: async () => [svg("1")], document_save: documentSave });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    await userEvent.click(await screen.findByTestId("doc-save-docx"));
    expect(documentSave).toHaveBeenCalledWith({ sessionId: "s", kind: "agenda", format: "docx", options: { langs: ["ru"], layout: "side", paper: "a4" } });
    expect(await screen.findByTestId("doc-saved")).toHaveTextContent("/home/org/session-8-agenda-ru.docx");
  });

  it("saves the letters as one file per guest, formal notes too, and says how many", async () => {
    const saveEach = vi.fn(async () => 9);
    const { api } = fakeApi([], { document_preview: async () => [svg("1")], letters_save_each: saveEach as never });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    await userEvent.click(await screen.findByTestId("doc-agenda"));
    expect(screen.queryByTestId("doc-save-each")).toBeNull();
    await userEvent.click(screen.getByTestId("doc-letters_formal"));
    await userEvent.click(screen.getByTestId("doc-save-each"));
    expect(saveEach).toHaveBeenCalledWith({ sessionId: "s", kind: "letters_formal", options: { langs: ["ru"], layout: "side", paper: "a4" } });
    expect(await screen.findByTestId("doc-saved-each")).toHaveTextContent("Сохранено 9 писем, по файлу на гостя.");
  });

  it("shows a calendar event without a preview, saved as ICS", async () => {
    const documentPreview = vi.fn(async () => [svg("1")]);
    const { api } = fakeApi([], { document_preview: documentPreview });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    await userEvent.click(await screen.findByTestId("doc-ics"));
    expect(screen.getByTestId("doc-save-ics")).toBeInTheDocument();
    expect(screen.queryByTestId("doc-print")).toBeNull();
    expect(screen.queryByTestId("doc-lang")).toBeNull();
  });

  it("lists before saving what the chosen languages lack and where items collide", async () => {
    const documentWarnings = vi.fn(async () => [
      { kind: "missingText" as const, lang: "zh" as const, place: { ru: "Пункт 3 «Дискуссия»" } },
      { kind: "collision" as const, item: { ru: "Доклад посла" }, start: "15:30", minutes: 20 },
    ]);
    const { api } = fakeApi([], { document_preview: async () => [svg("1")], document_warnings: documentWarnings });
    renderWith(<DocumentsPanel sessionId="s" />, api);
    await userEvent.selectOptions(await screen.findByTestId("doc-lang2"), "zh");
    const box = await screen.findByTestId("doc-warnings");
    expect(box).toHaveTextContent("Пункт 3 «Дискуссия»: нет текста (китайский)");
    expect(box).toHaveTextContent("«Доклад посла» в 15:30: предыдущие пункты заходят на него на 20 мин.");
    expect(documentWarnings).toHaveBeenLastCalledWith({ sessionId: "s", kind: "agenda", options: { langs: ["ru", "zh"], layout: "side", paper: "a4" } });
  });
});
