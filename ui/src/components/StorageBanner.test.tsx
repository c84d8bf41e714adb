import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError } from "../api";
import { setLanguage } from "../i18n";
import { reportStorageFault } from "../storage";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { BackupsPanel } from "./BackupsPanel";
import { BackupFailureBanner, StorageBanner } from "./StorageBanner";

const DB = "/home/a/club.sqlite3";
const GONE: ApiError = { code: "data_gone", message: "the data folder /media/usb is no longer there", field: "/media/usb" };
const FULL: ApiError = { code: "disk_full", message: "the disk is full", field: "/home/a/club.sqlite3" };

describe("StorageBanner", () => {
  beforeEach(() => setLanguage("ru"));

  it("says nothing until a command meets a storage fault, then names the cause and the place", async () => {
    const check = vi.fn<() => Promise<null>>().mockRejectedValueOnce(GONE).mockResolvedValueOnce(null);
    const { api } = fakeApi([], { storage_check: check });
    renderWith(<StorageBanner dbPath="/media/usb/club.sqlite3" />, api);
    expect(screen.queryByTestId("storage-fault")).toBeNull();

    act(() => reportStorageFault(GONE));
    const banner = await screen.findByTestId("storage-fault");
    expect(banner).toHaveTextContent("Сохранение остановлено.");
    expect(banner).toHaveTextContent("Папки с данными /media/usb больше нет");

    // Still gone: the check says so again and the banner stays.
    await userEvent.click(screen.getByTestId("storage-check"));
    expect(check).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("storage-fault")).toHaveTextContent("/media/usb");

    // Back: the check passes and the banner goes.
    await userEvent.click(screen.getByTestId("storage-check"));
    await waitFor(() => expect(screen.queryByTestId("storage-fault")).toBeNull());
  });

  it("speaks Chinese too, with the file that could not be written", async () => {
    await setLanguage("zh");
    const { api } = fakeApi();
    renderWith(<StorageBanner dbPath={DB} />, api);
    // An export to a full stick is not the database's trouble: said by the export alone.
    act(() => reportStorageFault({ ...FULL, field: "/media/stick/8-agenda.pdf" }));
    expect(screen.queryByTestId("storage-fault")).toBeNull();
    act(() => reportStorageFault(FULL));
    expect(await screen.findByTestId("storage-fault")).toHaveTextContent("磁盘已满：无法写入 /home/a/club.sqlite3");
  });

  it("says the daily backup failed, why, and that the older ones are kept", async () => {
    const seen = vi.fn(async () => null);
    const { api } = fakeApi([], { backup_failure_seen: seen });
    renderWith(<BackupFailureBanner failure={{ ...FULL, field: "/home/a/club.sqlite3-backups/x.sqlite3" }} />, api);
    const banner = screen.getByTestId("backup-failure");
    expect(banner).toHaveTextContent("Не удалось сделать ежедневную резервную копию. Диск заполнен");
    expect(banner).toHaveTextContent("Прежние копии сохранены.");
    await userEvent.click(screen.getByRole("button"));
    expect(seen).toHaveBeenCalled();
  });
});

describe("BackupsPanel while the daily backup fails", () => {
  beforeEach(() => setLanguage("ru"));

  it("says since when, after the one-time banner is gone", async () => {
    const { api } = fakeApi([], { backups_daily_failing: async () => "2026-12-01T02:00:00Z" });
    renderWith(<BackupsPanel />, api);
    expect(await screen.findByTestId("daily-failing")).toHaveTextContent("Ежедневная резервная копия не делается с");
    expect(screen.getByTestId("daily-failing")).toHaveTextContent("прежние копии сохранены");
  });
});
