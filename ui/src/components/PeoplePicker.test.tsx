import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PersonInput } from "../api";
import { setLanguage } from "../i18n";
import { nameFromText } from "../person";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { PeoplePicker } from "./PeoplePicker";

describe("PeoplePicker: adding someone new", () => {
  beforeEach(() => setLanguage("ru"));

  it("opens a short form with the typed name split, and adds only after it is confirmed", async () => {
    const personCreate = vi.fn(async ({ input }: { input: PersonInput }) => ({ id: "new", names: input.names }) as never);
    const onPick = vi.fn();
    const { api } = fakeApi([], { people_search: async () => [], person_create: personCreate });
    renderWith(<PeoplePicker onPick={onPick} />, api);
    await userEvent.type(screen.getByTestId("person-search"), "Marat");
    await userEvent.click(await screen.findByTestId("create-person"));
    // Not "Marat Marat": one word is the family name, the given name left for the person to fill.
    expect(screen.getByTestId("new-person-family")).toHaveValue("Marat");
    expect(screen.getByTestId("new-person-given")).toHaveValue("");
    expect(personCreate).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId("new-person-given"), "Ali");
    await userEvent.click(screen.getByTestId("new-person-save"));
    expect(personCreate).toHaveBeenCalledTimes(1);
    expect(personCreate.mock.calls[0][0].input.names).toEqual([
      { lang: "en", family: "Marat", given: "Ali", patronymic: "", familyFirst: false },
    ]);
    expect(onPick).toHaveBeenCalled();
  });

  it("splits names as each script writes them", () => {
    expect(nameFromText("Нурышев Шахрат Маратович", "ru")).toMatchObject({ lang: "ru", family: "Нурышев", given: "Шахрат", patronymic: "Маратович" });
    expect(nameFromText("Шахрат Маратович Нурышев", "ru")).toMatchObject({ family: "Нурышев", given: "Шахрат", patronymic: "Маратович" });
    expect(nameFromText("Ерлан Сәкенұлы Ермеков", "ru")).toMatchObject({ lang: "kk", family: "Ермеков", patronymic: "Сәкенұлы" });
    expect(nameFromText("Шахрат Нурышев", "ru")).toMatchObject({ family: "Нурышев", given: "Шахрат", patronymic: "" });
    expect(nameFromText("王立新", "ru")).toMatchObject({ lang: "zh", family: "王", given: "立新", familyFirst: true });
    expect(nameFromText("欧阳修", "ru")).toMatchObject({ family: "欧阳", given: "修" });
    expect(nameFromText("Марат", "ru")).toMatchObject({ family: "Марат", given: "" });
  });
});
