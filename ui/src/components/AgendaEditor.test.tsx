import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Agenda, AgendaItem } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import css from "../styles.css?raw";
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
    const { api } = fakeApi([], { agenda_get: async () => agenda });
    renderWith(<AgendaEditor sessionId="s" />, api);
    expect(await screen.findByText(/Повестка выходит за окончание заседания \(16:00\) на 10 мин/)).toBeInTheDocument();
    expect(screen.getByText("Начинается за 10 мин до окончания предыдущего пункта.")).toBeInTheDocument();
    expect(screen.getByText("Ещё не в списке приглашённых: Шахрат Нурышев")).toBeInTheDocument();
    const rows = screen.getAllByTestId("agenda-item");
    expect(within(rows[0]).getByTestId("item-time")).toHaveTextContent("15:00–15:40");
  });

  it("moves an item with Alt+↓ on its handle", async () => {
    const agendaMove = vi.fn(async () => agenda);
    const { api } = fakeApi([], { agenda_get: async () => agenda, agenda_move: agendaMove });
    renderWith(<AgendaEditor sessionId="s" />, api);
    const handles = await screen.findAllByTestId("drag-handle");
    fireEvent.keyDown(handles[0], { key: "ArrowDown", altKey: true });
    await waitFor(() => expect(agendaMove).toHaveBeenCalledWith({ id: "item-0", to: 1 }));
    fireEvent.keyDown(handles[0], { key: "ArrowUp", altKey: true });
    expect(agendaMove).toHaveBeenCalledTimes(1); // already first: nothing to do
  });

  it("offers undo after a deletion and puts the item back", async () => {
    const removed = { id: "item-1", sessionId: "s", position: 1, input: { title: { ru: "Чай" }, description: {}, durationMin: "15", pinnedStart: "", roles: [] } };
    const agendaRestore = vi.fn(async () => agenda);
    const { api } = fakeApi([], {
      agenda_get: async () => agenda,
      agenda_remove: async () => ({ agenda: { ...agenda, items: [agenda.items[0]] }, removed }),
      agenda_restore: agendaRestore,
    });
    renderWith(<AgendaEditor sessionId="s" />, api);
    await userEvent.click((await screen.findAllByTestId("delete-item"))[1]);
    expect(await screen.findByText("Пункт «Чай» удалён.")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("undo"));
    expect(agendaRestore).toHaveBeenCalledWith({ removed });
  });

  it("takes the undo offer away after 8 s, and as soon as the agenda changes otherwise", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const removed = { id: "item-1", sessionId: "s", position: 1, input: { title: { ru: "Чай" }, description: {}, durationMin: "15", pinnedStart: "", roles: [] } };
      const agendaRestore = vi.fn(async () => agenda);
      const { api } = fakeApi([], {
        agenda_get: async () => agenda,
        agenda_remove: async () => ({ agenda: { ...agenda, items: [agenda.items[0]] }, removed }),
        agenda_duplicate: async () => agenda,
        agenda_restore: agendaRestore,
      });
      renderWith(<AgendaEditor sessionId="s" />, api);
      await user.click((await screen.findAllByTestId("delete-item"))[1]);
      expect(await screen.findByText("Пункт «Чай» удалён.")).toBeInTheDocument();
      // In the flow after "+ Add item" (styles: not fixed over the page), so it covers nothing.
      const bar = screen.getByTestId("undo-bar");
      expect(screen.getByTestId("add-item").compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(css.match(/\.undo-bar \{[^}]*\}/)?.[0]).not.toMatch(/position:\s*(fixed|absolute)/);
      expect(css.match(/\.toasts \{[^}]*\}/)?.[0]).toMatch(/pointer-events:\s*none/);
      act(() => vi.advanceTimersByTime(5000));
      expect(screen.getByText("Пункт «Чай» удалён.")).toBeInTheDocument(); // time to read it
      act(() => vi.advanceTimersByTime(3500));
      expect(screen.queryByText("Пункт «Чай» удалён.")).not.toBeInTheDocument();
      // Edit → Undo outside a field no longer brings it back either.
      act(() => void window.dispatchEvent(new CustomEvent("club:undo")));
      expect(agendaRestore).not.toHaveBeenCalled();

      await user.click((await screen.findAllByTestId("delete-item"))[0]);
      expect(await screen.findByText("Пункт «Чай» удалён.")).toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: /^Дублировать/ }));
      await waitFor(() => expect(screen.queryByText("Пункт «Чай» удалён.")).not.toBeInTheDocument());
      expect(agendaRestore).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
