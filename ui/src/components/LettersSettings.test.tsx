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

  it("shows the signature's picture, takes a new one, refuses one that does not print, removes it", async () => {
    let kept: string | null = null;
    let attempt = 0;
    const choose = vi.fn(async () => {
      attempt += 1;
      if (attempt === 1) throw { code: "invalid", field: "signature", reason: "bad_image", message: "signature is not a PNG or JPEG picture that can be printed" };
      kept = "data:image/png;base64,iVBORw0KGgo=";
      return true;
    });
    const { api } = fakeApi([], {
      letters_signature: async () => kept,
      letters_signature_choose: choose as never,
      letters_signature_clear: async () => {
        kept = null;
        return null;
      },
    });
    renderWith(<LettersSettings settings={settings({})} />, api);
    expect(await screen.findByText("Подписи нет: письма подписаны именем.")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("signature-choose"));
    expect(await screen.findByText(/Это не картинка PNG или JPEG/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("signature-choose"));
    expect(await screen.findByTestId("signature-image")).toHaveAttribute("src", "data:image/png;base64,iVBORw0KGgo=");
    await userEvent.click(screen.getByTestId("signature-remove"));
    await waitFor(() => expect(screen.queryByTestId("signature-image")).toBeNull());
  });
});
