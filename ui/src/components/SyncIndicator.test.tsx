import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n";
import { fakeApi, syncStatus } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { SyncIndicator } from "./SyncIndicator";

const member = { member: true, author: "Айгерим", hubUrl: "https://10.0.0.5:8443" };

describe("SyncIndicator (the sidebar's sync state)", () => {
  beforeEach(() => setLanguage("ru"));

  it("says up to date, with the time of the last sync today, and draws its icon as SVG", () => {
    const { api } = fakeApi();
    const syncedAt = new Date();
    syncedAt.setHours(14, 5, 0, 0);
    renderWith(<SyncIndicator status={syncStatus({ ...member, syncedAt: syncedAt.toISOString() })} />, api);
    const indicator = screen.getByTestId("sync-indicator");
    expect(indicator).toHaveAttribute("data-state", "ok");
    expect(screen.getByRole("status")).toHaveTextContent("Данные актуальны");
    expect(screen.getByTestId("sync-time")).toHaveTextContent("Синхронизировано 14:05");
    expect(indicator).toHaveAttribute("title", "Последняя синхронизация: 14:05");
    expect(indicator.querySelector("svg.icon-check")).not.toBeNull();
    expect(screen.queryByTestId("sync-conflicts")).toBeNull();
  });

  it("counts the changes waiting to be sent, in the language's plural", () => {
    const { api } = fakeApi();
    renderWith(<SyncIndicator status={syncStatus({ ...member, waiting: 3, syncedAt: "2025-11-20T06:05:00Z" })} />, api);
    expect(screen.getByTestId("sync-indicator")).toHaveAttribute("data-state", "waiting");
    expect(screen.getByRole("status")).toHaveTextContent("3 изменения ждут отправки");
    // Not today: the date is given too.
    expect(screen.getByTestId("sync-time")).toHaveTextContent(/2025/);
  });

  it("says it has not synced yet, rather than up to date, until the first exchange", () => {
    const { api } = fakeApi();
    renderWith(<SyncIndicator status={syncStatus(member)} />, api);
    expect(screen.getByTestId("sync-indicator")).toHaveAttribute("data-state", "never");
    expect(screen.getByRole("status")).toHaveTextContent("Ещё не синхронизировано");
    expect(screen.getByTestId("sync-indicator")).not.toHaveTextContent("Данные актуальны");
  });

  it("says offline when the last exchange failed, the reason in the tooltip", () => {
    const { api } = fakeApi();
    renderWith(<SyncIndicator status={syncStatus({ ...member, waiting: 1, lastError: "connection refused" })} />, api);
    const indicator = screen.getByTestId("sync-indicator");
    expect(indicator).toHaveAttribute("data-state", "offline");
    expect(screen.getByRole("status")).toHaveTextContent("Нет связи");
    expect(indicator).toHaveTextContent("1 изменение ждёт отправки");
    expect(indicator).toHaveTextContent("Ещё не синхронизировано");
    expect(indicator.getAttribute("title")).toContain("Последняя ошибка: connection refused");
    expect(indicator.querySelector("svg.icon-offline")).not.toBeNull();
  });

  it("opens the Conflicts screen from the count of open conflicts", async () => {
    setLanguage("zh");
    const { api } = fakeApi();
    const { navigate } = renderWith(<SyncIndicator status={syncStatus({ ...member, openConflicts: 2 })} />, api);
    const link = screen.getByTestId("sync-conflicts");
    expect(link).toHaveTextContent("2 个冲突");
    expect(link.querySelector("svg.icon-warning")).not.toBeNull();
    await userEvent.click(link);
    expect(navigate).toHaveBeenCalledWith({ name: "conflicts" });
  });
});
