import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi, settings } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { LettersSettings } from "./LettersSettings";

describe("LettersSettings (Settings → Invitation letters)", () => {
  beforeEach(() => setLanguage("ru"));

  it("saves the signatory per language and the reply address, keeping what was there", async () => {
    const start = settings({ signatoryName: { zh: "艾格琳" }, replyContact: "club@example.org" });
    const update = vi.fn(async ({ patch }: { patch: object }) => ({ ...start, ...patch }));
    const { api } = fakeApi([], { settings_update: update as never });
    renderWith(<LettersSettings settings={start} />, api);
    expect(screen.getByLabelText("Кто подписывает (中文)")).toHaveValue("艾格琳");
    await userEvent.type(screen.getByLabelText("Кто подписывает (Русский)"), "Айгерим Сарсенова");
    await userEvent.type(screen.getByLabelText("Должность (Қазақша)"), "Клуб хатшысы");
    const contact = screen.getByLabelText("Куда отвечать (адрес, телефон)");
    await userEvent.clear(contact);
    await userEvent.type(contact, "+86 10 6532 6182");
    await userEvent.click(screen.getByTestId("letters-settings-save"));
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith({
        patch: {
          signatoryName: { zh: "艾格琳", ru: "Айгерим Сарсенова" },
          signatoryPosition: { kk: "Клуб хатшысы" },
          replyContact: "+86 10 6532 6182",
        },
      }),
    );
  });
});
