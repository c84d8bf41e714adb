import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError, Conflict, Resolution } from "../api";
import { setLanguage } from "../i18n";
import { conflict, fakeApi, session } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { ConflictsScreen } from "./ConflictsScreen";

/** The two entries the sync test makes: a duration changed on both laptops, and an
 *  invitation of a person deleted on the other laptop. */
function register(): Conflict[] {
  return [
    conflict({ id: "c1" }),
    conflict({
      id: "c2",
      kind: "foreign_key",
      table: "invitation",
      column: null,
      kept: "null",
      proposed: JSON.stringify({
        id: "0190a1b2-0000-7000-8000-000000000009", session_id: "s8", person_id: "p1", role: "speaker", status: "to_invite",
        channel: null, walk_in: 0, notes: "", created_at: "2026-12-01T06:06:00Z", updated_at: "2026-12-01T06:06:00Z",
      }),
      keptAuthor: null,
      keptAt: null,
      label: null,
      detail: "FOREIGN KEY constraint failed",
    }),
  ];
}

/** A register that resolves as the core does: the entry is marked, the list no longer shows it. */
function registerApi(entries: Conflict[], resolve = vi.fn(async (_: { id: string; choice: Resolution }) => null)) {
  const { api } = fakeApi([session({ id: "s8", ordinal: { ru: "8-е заседание" }, title: { ru: "Казахстан и Китай" } })], {
    conflicts_list: async ({ includeResolved }) => entries.filter((c) => includeResolved || !c.resolvedAt),
    conflict_resolve: async (args) => {
      await resolve(args);
      const c = entries.find((x) => x.id === args.id)!;
      Object.assign(c, { resolvedAt: "2026-12-01T07:00:00Z", resolvedBy: "Айгерим", resolution: args.choice });
      return null;
    },
  });
  return { api, resolve };
}

describe("ConflictsScreen (the conflict register)", () => {
  beforeEach(() => setLanguage("ru"));

  it("shows what each conflict is about and both versions, with who and when", async () => {
    const { api } = registerApi(register());
    renderWith(<ConflictsScreen />, api);
    const [duration, invitation] = await screen.findAllByTestId("conflict-row");

    expect(within(duration).getByRole("heading", { level: 2 })).toHaveTextContent("Пункт повестки Доклад о планах · Продолжительность");
    expect(duration).toHaveTextContent("Изменено на двух ноутбуках одновременно");
    const kept = within(duration).getByTestId("conflict-kept");
    expect(kept).toHaveTextContent("Сейчас действует");
    expect(kept).toHaveTextContent("30 мин");
    expect(kept).toHaveTextContent("Айгерим");
    const proposed = within(duration).getByTestId("conflict-proposed");
    expect(proposed).toHaveTextContent("Предложено");
    expect(proposed).toHaveTextContent("45 мин");
    expect(proposed).toHaveTextContent("Ли Вэй");

    // A whole row: its main fields in words, not its keys; the hub's side is not there.
    expect(within(invitation).getByRole("heading", { level: 2 })).toHaveTextContent("Приглашение");
    expect(invitation).toHaveTextContent("удалено на другом ноутбуке, поэтому она не добавлена");
    expect(within(invitation).getByTestId("conflict-kept")).toHaveTextContent("Нет в данных");
    const row = within(invitation).getByTestId("conflict-proposed");
    expect(row).toHaveTextContent("Роль");
    expect(row).toHaveTextContent("Выступающий");
    expect(row).toHaveTextContent("Ещё не приглашён");
    expect(row).not.toHaveTextContent("0190a1b2");
    expect(row).not.toHaveTextContent("created_at");
    expect(row).not.toHaveTextContent("Без приглашения");
    // What it refers to, by name: the session, and the person deleted on the other laptop.
    expect(await within(row).findByText("8-е заседание: Казахстан и Китай")).toBeInTheDocument();
    expect(row).toHaveTextContent("Человекзапись удалена");
    // Nobody wrote the hub's side: no author line.
    expect(within(invitation).getByTestId("conflict-kept")).not.toHaveTextContent("кто-то");
  });

  it("reads a multilingual value in the interface language, else the first language that has it", async () => {
    setLanguage("zh");
    const { api } = registerApi([
      conflict({ column: "title", kept: JSON.stringify('{"ru":"Старое название"}'), proposed: JSON.stringify('{"ru":"Новое","zh":"新标题"}') }),
    ]);
    renderWith(<ConflictsScreen />, api);
    const row = await screen.findByTestId("conflict-row");
    expect(within(row).getByRole("heading", { level: 2 })).toHaveTextContent("议项 关于计划的报告 · 标题");
    expect(within(row).getByTestId("conflict-kept")).toHaveTextContent("Старое название");
    expect(within(row).getByTestId("conflict-proposed")).toHaveTextContent("新标题");
    expect(within(row).getByTestId("conflict-keep")).toHaveTextContent("保留此版本");
    expect(within(row).getByTestId("conflict-take")).toHaveTextContent("采用另一版本");
  });

  it("keeps what stands or takes the other, and the list refreshes", async () => {
    const { api, resolve } = registerApi(register());
    renderWith(<ConflictsScreen />, api);
    const [duration] = await screen.findAllByTestId("conflict-row");
    await userEvent.click(within(duration).getByTestId("conflict-take"));
    expect(resolve).toHaveBeenCalledWith({ id: "c1", choice: "proposed" });
    await waitFor(() => expect(screen.getAllByTestId("conflict-row")).toHaveLength(1));

    await userEvent.click(screen.getByTestId("conflict-keep"));
    expect(resolve).toHaveBeenLastCalledWith({ id: "c2", choice: "kept" });
    expect(await screen.findByTestId("conflicts-empty")).toHaveTextContent("Открытых конфликтов нет");
    expect(screen.queryByTestId("conflict-row")).toBeNull();
  });

  it("shows the resolved ones on request, who chose and which side", async () => {
    const entries = register();
    Object.assign(entries[0], { resolvedAt: "2026-12-01T07:00:00Z", resolvedBy: "Ли Вэй", resolution: "proposed" });
    const { api } = registerApi(entries);
    renderWith(<ConflictsScreen />, api);
    await waitFor(() => expect(screen.getAllByTestId("conflict-row")).toHaveLength(1));
    await userEvent.click(screen.getByLabelText("Показывать и решённые"));
    await waitFor(() => expect(screen.getAllByTestId("conflict-row")).toHaveLength(2));
    const resolved = screen.getAllByTestId("conflict-row").find((r) => within(r).queryByTestId("conflict-resolution"))!;
    expect(within(resolved).getByTestId("conflict-resolution")).toHaveTextContent("Решено: Ли Вэй");
    expect(within(resolved).getByTestId("conflict-resolution")).toHaveTextContent("принят предложенный вариант");
    expect(within(resolved).queryByTestId("conflict-keep")).toBeNull();
    // What stood then is no longer said to stand now.
    expect(within(resolved).getByTestId("conflict-kept")).toHaveTextContent("Действовало тогда");
    expect(within(resolved).getByTestId("conflict-proposed")).toHaveClass("chosen");
  });

  it("says why a resolution failed, on its entry", async () => {
    const failure: ApiError = { code: "not_found", message: "conflict not found" };
    const { api } = registerApi(register(), vi.fn(async () => {
      throw failure;
    }));
    renderWith(<ConflictsScreen />, api);
    const [duration, invitation] = await screen.findAllByTestId("conflict-row");
    await userEvent.click(within(duration).getByTestId("conflict-keep"));
    expect(await within(duration).findByText("Это больше не существует.")).toHaveClass("error");
    expect(within(invitation).queryByText("Это больше не существует.")).toBeNull();
    expect(screen.getAllByTestId("conflict-row")).toHaveLength(2);
  });
});
