import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "./App";
import { setLanguage } from "./i18n";
import { conflict, fakeApi, session, syncStatus } from "./test/fakeApi";
import { renderWith } from "./test/render";

describe("App: where a new screen starts", () => {
  beforeEach(() => setLanguage("ru"));

  it("leaves the focus in the search box when Search opens (the screen's own focus wins)", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    await userEvent.click(screen.getByTestId("nav-search"));
    expect(await screen.findByTestId("search-input")).toHaveFocus();
    fireEvent.keyDown(window, { key: "1", ctrlKey: true });
    await screen.findAllByTestId("session-card");
    fireEvent.keyDown(window, { key: "f", ctrlKey: true });
    expect(await screen.findByTestId("search-input")).toHaveFocus();
  });

  it("starts Ctrl+N's form at the top with the cursor in its first field; other screens focus the main area", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    document.documentElement.scrollTop = 800; // far down a long list
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await screen.findByTestId("session-form");
    expect(document.documentElement.scrollTop).toBe(0);
    expect(screen.getByLabelText("Номер в серии")).toHaveFocus();
    await userEvent.click(screen.getByTestId("nav-people"));
    await waitFor(() => expect(document.getElementById("main")).toHaveFocus());
  });
});

describe("App: sync with the team", () => {
  beforeEach(() => setLanguage("ru"));

  it("shows neither the sync indicator nor Conflicts outside a team", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    expect(screen.queryByTestId("sync-indicator")).toBeNull();
    expect(screen.queryByTestId("nav-conflicts")).toBeNull();
  });

  it("in a team, shows the indicator and Conflicts in the sidebar, and opens the register", async () => {
    const { api } = fakeApi([session()], {
      sync_status: async () => syncStatus({ member: true, author: "Айгерим", hubUrl: "https://10.0.0.5:8443", openConflicts: 1 }),
      conflicts_list: async () => [conflict()],
    });
    renderWith(<App />, api);
    const nav = await screen.findByRole("navigation");
    expect(await within(nav).findByTestId("sync-indicator")).toHaveTextContent("1 конфликт");
    await userEvent.click(within(nav).getByTestId("sync-conflicts"));
    expect(await screen.findByTestId("conflict-row")).toBeInTheDocument();
    expect(screen.getByTestId("nav-conflicts")).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Конфликты");
  });

  it("refreshes what is shown when something arrives from the hub", async () => {
    const { api, sessions, syncChanged } = fakeApi([session({ title: { ru: "Первое заседание" } })]);
    renderWith(<App />, api);
    await screen.findByText("Первое заседание");
    sessions.push(session({ id: "s9", number: 9, title: { ru: "Пришло с хаба" }, date: "2099-12-10" }));
    act(() => syncChanged());
    expect(await screen.findByText("Пришло с хаба")).toBeInTheDocument();
  });
});

describe("App: the door's check-in list takes in what the hub brings", () => {
  beforeEach(() => setLanguage("ru"));

  it("shows a walk-in checked in on another laptop without leaving check-in", async () => {
    const s = session({ id: "s8" });
    const guest = (id: string, name: string, checkedInAt: string | null) => ({
      id, role: "guest" as const, status: "confirmed" as const, channel: null, invitedAt: null, respondedAt: null, deputy: null,
      precedenceOverride: null, walkIn: false, notes: "", attendance: checkedInAt ? ("present" as const) : null, checkedInAt,
      person: {
        id: `p-${id}`, names: [{ lang: "ru" as const, family: name, given: "", patronymic: "", familyFirst: false }], displayName: { ru: name },
        honorific: {}, organisationId: null, organisation: {}, country: "", email: "", phone: "", wechat: "", languages: [], tags: [],
        precedenceCategoryId: null, precedenceRank: null, positions: [], position: {}, notes: "", isDemo: false,
      },
    });
    let invitees = [guest("i1", "Нурышев", null)];
    const counts = () => ({ total: invitees.length, toInvite: 0, invited: 0, confirmed: invitees.length, tentative: 0, declined: 0, deputy: 0, noReply: 0,
      attended: invitees.filter((i) => i.checkedInAt).length, absent: 0, excused: 0 });
    const { api, syncChanged } = fakeApi([s], {
      app_status: async () => ({ dbPath: "/tmp/club.sqlite3", version: "0.1.0", openSession: "s8" }),
      invitees_list: async () => ({ sessionId: "s8", invitees, counts: counts() }),
      agenda_get: async () => ({ sessionId: "s8", sessionStart: "15:00", sessionEnd: "17:30", items: [], plannedEnd: "15:00", overrunMin: 0, uninvited: [] }),
    });
    renderWith(<App />, api);
    await userEvent.click(await screen.findByTestId("tab-invitees"));
    await userEvent.click(await screen.findByTestId("check-in-mode"));
    expect(await screen.findByTestId("checkin-counter")).toHaveTextContent("Прибыло 0 из 1");
    invitees = [...invitees, guest("i2", "Ван", "2025-11-20T06:50:00Z")];
    act(() => syncChanged());
    await waitFor(() => expect(screen.getByTestId("checkin-counter")).toHaveTextContent("Прибыло 1 из 2"));
  });
});

describe("App: a database kept where it is not safe", () => {
  it("says on every screen that a cloud folder can hand back a damaged copy, and what to do", async () => {
    const warning = { kind: "cloud", service: "Dropbox", folder: "/home/aigerim/Dropbox" };
    const status = async () => ({ dbPath: "/home/aigerim/Dropbox/club.sqlite3", version: "0.1.0", locationWarning: warning });
    setLanguage("ru");
    const { api } = fakeApi([session()], { app_status: status });
    const { unmount } = renderWith(<App />, api);
    const banner = await screen.findByTestId("location-warning");
    expect(banner).toHaveTextContent("База данных лежит в папке Dropbox.");
    expect(banner).toHaveTextContent("/home/aigerim/Dropbox — не подходит");
    await userEvent.click(screen.getByTestId("nav-people"));
    expect(screen.getByTestId("location-warning")).toBeInTheDocument();
    unmount();
  });
});
