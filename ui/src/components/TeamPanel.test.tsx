import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi, settings, syncStatus } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { TeamPanel } from "./TeamPanel";

const CODE = "d1c76713e496ff5dd1aeab5b3e7e42c31707b20dcf9a2b65af3c9f831a6c6282-d99bdb789bb2091c9530e8e504b7c9f23280105594d08f53100f96715b698617";

describe("TeamPanel (Settings → Team)", () => {
  beforeEach(() => setLanguage("ru"));

  it("asks for the address and the code before joining, and says the data here is replaced", async () => {
    const join = vi.fn(async () => syncStatus({ member: true, author: "Айгерим", hubUrl: "https://10.0.0.5:8443" }));
    const { api } = fakeApi([], { sync_join: join });
    renderWith(<TeamPanel />, api);
    const form = await screen.findByTestId("team-join-form");
    expect(form).toHaveTextContent("данные этого ноутбука заменяются данными хаба");
    expect(form).toHaveTextContent("сначала сохраняется в резервную копию");

    await userEvent.click(screen.getByTestId("team-join"));
    expect(screen.getByText("Укажите адрес хаба.")).toBeInTheDocument();
    expect(screen.getByText("Вставьте код приглашения.")).toBeInTheDocument();
    expect(screen.getByLabelText("Адрес хаба")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Адрес хаба")).toHaveFocus();
    expect(join).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText("Адрес хаба"), "10.0.0.5:8443");
    await userEvent.click(screen.getByTestId("team-join"));
    expect(screen.getByText(/Адрес начинается с https:\/\//)).toBeInTheDocument();

    // Half a code, as a careless copy leaves it.
    await userEvent.type(screen.getByLabelText("Код приглашения"), CODE.slice(0, 70));
    await userEvent.click(screen.getByTestId("team-join"));
    expect(screen.getByText(/Это не целый код приглашения/)).toBeInTheDocument();
    expect(join).not.toHaveBeenCalled();
  });

  it("joins with the address and the code as pasted, broken over lines", async () => {
    let joined = false;
    const member = () => syncStatus({ member: true, author: "Айгерим", hubUrl: "https://10.0.0.5:8443" });
    const join = vi.fn(async () => {
      joined = true;
      return member();
    });
    const { api } = fakeApi([], { sync_join: join, sync_status: async () => (joined ? member() : syncStatus()) });
    renderWith(<TeamPanel />, api);
    await userEvent.type(await screen.findByLabelText("Адрес хаба"), "  https://10.0.0.5:8443 ");
    await userEvent.type(screen.getByLabelText("Код приглашения"), `${CODE.slice(0, 40)}\n${CODE.slice(40)}\n`);
    await userEvent.click(screen.getByTestId("team-join"));
    expect(join).toHaveBeenCalledWith({ address: "https://10.0.0.5:8443", code: CODE });
    // Joined: the form gives way to the team's state.
    expect(await screen.findByTestId("team-status")).toHaveTextContent("Айгерим");
  });

  it("keeps this person's interface language when the hub's database comes in", async () => {
    setLanguage("zh");
    const zh = settings({ language: "zh" });
    let current = zh;
    const update = vi.fn(async ({ patch }: { patch: { language?: "ru" | "zh" } }) => (current = { ...current, ...patch }));
    const { api } = fakeApi([], {
      settings_get: async () => current,
      settings_update: update as never,
      sync_join: async () => {
        current = { ...zh, language: "ru" }; // the hub's own setting
        return syncStatus({ member: true, author: "Ли Вэй", hubUrl: "https://10.0.0.5:8443" });
      },
    });
    renderWith(<TeamPanel />, api);
    await userEvent.type(await screen.findByLabelText("中心地址"), "https://10.0.0.5:8443");
    await userEvent.type(screen.getByLabelText("加入码"), CODE);
    await userEvent.click(screen.getByTestId("team-join"));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ patch: { language: "zh" } }));
    expect(current.language).toBe("zh");
  });

  it("says why joining failed", async () => {
    const refused: ApiError = { code: "internal", message: "the hub refused: this code was used already" };
    const { api } = fakeApi([], { sync_join: async () => { throw refused; } });
    renderWith(<TeamPanel />, api);
    await userEvent.type(await screen.findByLabelText("Адрес хаба"), "https://10.0.0.5:8443");
    await userEvent.type(screen.getByLabelText("Код приглашения"), CODE);
    await userEvent.click(screen.getByTestId("team-join"));
    expect(await screen.findByText(/this code was used already/)).toHaveClass("error");
    expect(screen.getByTestId("team-join-form")).toBeInTheDocument();
  });

  it("shows who syncs here, with which hub, the last sync, what waits and the last error", async () => {
    const { api } = fakeApi([], {
      sync_status: async () =>
        syncStatus({ member: true, author: "Ли Вэй", hubUrl: "https://10.0.0.5:8443", waiting: 2, openConflicts: 1, syncedAt: "2025-11-20T06:05:00Z", lastError: "connection refused" }),
    });
    const { navigate } = renderWith(<TeamPanel />, api);
    const facts = await screen.findByTestId("team-status");
    expect(screen.queryByTestId("team-join-form")).toBeNull();
    expect(facts).toHaveTextContent("Вы в команде какЛи Вэй");
    expect(facts).toHaveTextContent("https://10.0.0.5:8443");
    expect(facts).toHaveTextContent(/Последняя синхронизация.*2025/);
    expect(facts).toHaveTextContent("Ждут отправки2");
    expect(within(facts).getByTestId("team-error")).toHaveTextContent("connection refused");
    await userEvent.click(within(facts).getByTestId("team-conflicts"));
    expect(navigate).toHaveBeenCalledWith({ name: "conflicts" });
  });
});
