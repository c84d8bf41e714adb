import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Agenda, AgendaItem } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { AgendaEditor } from "./AgendaEditor";

function item(position: number, patch: Partial<AgendaItem>): AgendaItem {
  return {
    id: `item-${position}`, position, kind: "report", title: { ru: `Пункт ${position + 1}` }, description: {},
    durationMin: 30, pinnedStart: null, start: "15:00", end: "15:30", collisionMin: 0, roles: [], ...patch,
  };
}

const agenda: Agenda = {
  sessionId: "s", sessionStart: "15:00", sessionEnd: "16:00", plannedEnd: "16:10", overrunMin: 10,
  items: [
    item(0, { title: { ru: "Доклад посла" }, start: "15:00", end: "15:40", durationMin: 40,
      roles: [{ personId: "p", role: "speaker", name: { ru: "Шахрат Нурышев" }, invited: false }] }),
    item(1, { title: { ru: "Чай" }, kind: "break", start: "15:30", end: "15:45", durationMin: 15, pinnedStart: "15:30", collisionMin: 10 }),
  ],
  uninvited: [{ personId: "p", role: "speaker", name: { ru: "Шахрат Нурышев" }, invited: false }],
};

describe("AgendaEditor", () => {
  beforeEach(() => setLanguage("ru"));

  it("warns about the over-run, the collision and the speaker not yet invited", async () => {
    const { api } = fakeApi([], { agendaGet: async () => agenda });
    renderWith(<AgendaEditor sessionId="s" />, api);
    expect(await screen.findByText(/Повестка выходит за окончание заседания \(16:00\) на 10 мин/)).toBeInTheDocument();
    expect(screen.getByText("Начинается за 10 мин до окончания предыдущего пункта.")).toBeInTheDocument();
    expect(screen.getByText("Ещё не в списке приглашённых: Шахрат Нурышев")).toBeInTheDocument();
    const rows = screen.getAllByTestId("agenda-item");
    expect(within(rows[0]).getByTestId("item-time")).toHaveTextContent("15:00–15:40");
  });

  it("moves an item with Alt+↓ on its handle", async () => {
    const agendaMove = vi.fn(async () => agenda);
    const { api } = fakeApi([], { agendaGet: async () => agenda, agendaMove });
    renderWith(<AgendaEditor sessionId="s" />, api);
    const handles = await screen.findAllByTestId("drag-handle");
    fireEvent.keyDown(handles[0], { key: "ArrowDown", altKey: true });
    await waitFor(() => expect(agendaMove).toHaveBeenCalledWith("item-0", 1));
    fireEvent.keyDown(handles[0], { key: "ArrowUp", altKey: true });
    expect(agendaMove).toHaveBeenCalledTimes(1); // already first: nothing to do
  });

  it("offers undo after a deletion and puts the item back", async () => {
    const removed = { id: "item-1", sessionId: "s", position: 1, input: { title: { ru: "Чай" }, description: {}, durationMin: "15", pinnedStart: "", roles: [] } };
    const agendaRestore = vi.fn(async () => agenda);
    const { api } = fakeApi([], {
      agendaGet: async () => agenda,
      agendaRemove: async () => ({ agenda: { ...agenda, items: [agenda.items[0]] }, removed }),
      agendaRestore,
    });
    renderWith(<AgendaEditor sessionId="s" />, api);
    await userEvent.click((await screen.findAllByTestId("delete-item"))[1]);
    expect(await screen.findByText("Пункт «Чай» удалён.")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("undo"));
    expect(agendaRestore).toHaveBeenCalledWith(removed);
  });
});
