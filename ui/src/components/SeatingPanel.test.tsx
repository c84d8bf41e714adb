import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PlacedSeat, SeatingPlan } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { SeatingPanel } from "./SeatingPanel";

function seat(index: number, name: string | null, patch: Partial<PlacedSeat> = {}): PlacedSeat {
  const a = (index / 4) * 2 * Math.PI;
  return {
    index,
    x: Math.sin(a) * 1.2,
    y: -Math.cos(a) * 1.2,
    facing: 0,
    invitationId: name ? `inv-${index}` : null,
    personId: name ? `p-${index}` : null,
    name: name ? { ru: name } : {},
    honorific: {},
    position: {},
    rank: name ? index + 1 : null,
    newGuest: false,
    gap: false,
    ...patch,
  };
}

function plan(patch: Partial<SeatingPlan> = {}): SeatingPlan {
  return {
    sessionId: "s1",
    shape: "round",
    rule: { cohost: false, firstOnRight: true },
    saved: false,
    seats: [seat(0, "Нурышев"), seat(1, "Ли Вэй"), seat(2, "Ван Хуэй"), seat(3, null, { gap: true })],
    ...patch,
  };
}

describe("SeatingPanel", () => {
  beforeEach(() => setLanguage("ru"));

  it("moves a guest chosen with the mouse to the seat chosen next, and says a removed guest left a gap", async () => {
    const move = vi.fn(async () => plan({ saved: true }));
    const { api } = fakeApi([], { seating_get: async () => plan(), seating_move: move });
    renderWith(<SeatingPanel sessionId="s1" />, api);
    expect(await screen.findByTestId("seating-status")).toHaveTextContent("предложение по правилу протокола");
    expect(within(screen.getByTestId("seating-list")).getByText(/гость снят со списка/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("seat-3"));
    expect(screen.getByTestId("seat-3")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("seating-status")).toHaveTextContent("Выбран(а) Ван Хуэй");
    await userEvent.click(screen.getByTestId("seat-2"));
    await waitFor(() => expect(move).toHaveBeenCalledWith({ sessionId: "s1", invitationId: "inv-2", seat: 1 }));
  });

  it("works from the keyboard: Enter picks the guest up, Enter on another seat puts them there, Esc cancels", async () => {
    const move = vi.fn(async () => plan({ saved: true }));
    const { api } = fakeApi([], { seating_get: async () => plan(), seating_move: move });
    renderWith(<SeatingPanel sessionId="s1" />, api);
    (await screen.findByTestId("seat-2")).focus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard("{Escape}");
    expect(screen.getByTestId("seat-2")).toHaveAttribute("aria-pressed", "false");
    await userEvent.keyboard("{Enter}");
    await userEvent.tab();
    expect(screen.getByTestId("seat-3")).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(move).toHaveBeenCalledWith({ sessionId: "s1", invitationId: "inv-1", seat: 2 }));
  });

  it("asks before seating everyone afresh once the plan is saved, with the shape and rule chosen", async () => {
    const arrange = vi.fn(async () => plan({ saved: true, shape: "rectangular" }));
    const { api } = fakeApi([], { seating_get: async () => plan({ saved: true }), seating_arrange: arrange });
    renderWith(<SeatingPanel sessionId="s1" />, api);
    await userEvent.selectOptions(await screen.findByTestId("seating-shape"), "rectangular");
    await userEvent.click(screen.getByLabelText("со-хозяин напротив хозяина"));
    await userEvent.click(screen.getByTestId("seating-arrange"));
    expect(arrange).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("ask-yes"));
    await waitFor(() =>
      expect(arrange).toHaveBeenCalledWith({ sessionId: "s1", shape: "rectangular", rule: { cohost: true, firstOnRight: true } }),
    );
  });
});
