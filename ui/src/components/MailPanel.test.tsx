import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailAccount, MailRecipient, MailTemplate } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { MailPanel } from "./MailPanel";

function guest(n: number, patch: Partial<MailRecipient> = {}): MailRecipient {
  return {
    invitationId: `inv-${n}`,
    personId: `p-${n}`,
    name: { ru: `Гость ${n}` },
    address: `guest${n}@example.org`,
    lang: "ru",
    channel: "email",
    phone: "",
    wechat: "",
    last: null,
    problem: null,
    due: true,
    ...patch,
  };
}

const account: MailAccount = {
  account: { host: "smtp.example.org", port: 465, security: "tls", user: "club", from: "club@example.org", fromName: "Клуб" },
  passwordSaved: true,
  keychainProblem: null,
};

const template: MailTemplate = { kind: "invitation", lang: "ru", subject: "Приглашение", body: "{salutation}", builtIn: true };

describe("MailPanel", () => {
  beforeEach(() => setLanguage("ru"));

  it("sends to who has not had it, shows the progress, and asks before sending to someone again", async () => {
    const sentOn = "2026-11-20T09:30:00Z";
    const list = [guest(1), guest(2, { last: { invitationId: "inv-2", kind: "invitation", outcome: "sent", address: "guest2@example.org", detail: "", at: sentOn }, due: false }), guest(3, { address: "", problem: "no e-mail address", due: false })];
    let release: () => void = () => {};
    const send = vi.fn(() => new Promise<{ sent: number; refused: [string, string][]; skipped: number; stopped: string | null; stopReason: null }>((resolve) => {
      release = () => resolve({ sent: 2, refused: [], skipped: 0, stopped: null, stopReason: null });
    }));
    const { api, mailProgress } = fakeApi([], {
      mail_recipients: async () => list,
      mail_account: async () => account,
      mail_templates: async () => [template],
      mail_send: send,
      mail_stop: async () => null,
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    const button = await screen.findByTestId("mail-send");
    await waitFor(() => expect(button).toHaveTextContent("Отправить 1 гостю"));
    expect(screen.getByText("Нет адреса эл. почты")).toBeInTheDocument();

    // Guest 2 had it: ticking "again" asks first, naming the date.
    await userEvent.click(screen.getByLabelText("Отправить Гость 2 ещё раз"));
    expect(button).toHaveTextContent("Отправить 2 гостям");
    await userEvent.click(button);
    const dialog = await screen.findByTestId("mail-again-dialog");
    expect(dialog).toHaveTextContent("Гость 2: уже отправлено");
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "Отправить ещё раз" }));
    // The reply-by date, unless changed, is the letters' own: a week before the session.
    await waitFor(() => expect(send).toHaveBeenCalledWith(expect.objectContaining({ sessionId: "s1", kind: "invitation", again: ["inv-2"], replyBy: "2026-12-03" })));

    // Mid-batch: progress and a stop button.
    act(() => mailProgress({ done: 1, total: 2, invitationId: "inv-1", outcome: "sent", detail: "" }));
    expect(await screen.findByTestId("mail-progress")).toHaveTextContent("Отправлено 1 из 2");
    expect(screen.getByTestId("mail-stop")).toBeEnabled();
    await act(async () => release());
    expect(await screen.findByTestId("mail-report")).toHaveTextContent("Отправлено 2 письма.");
    expect(screen.queryByTestId("mail-stop")).toBeNull();
  });

  it("shows a batch still being sent when the tab is opened again, with its Stop", async () => {
    let running = true;
    const stop = vi.fn(async () => {
      running = false;
      return null;
    });
    const { api } = fakeApi([], {
      mail_recipients: async () => [guest(1)],
      mail_account: async () => account,
      mail_templates: async () => [template],
      mail_running: async () => running,
      mail_stop: stop,
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    expect(await screen.findByTestId("mail-progress")).toBeInTheDocument();
    expect(screen.getByTestId("mail-send")).toBeDisabled();
    expect(screen.getByTestId("mail-eml")).toBeDisabled();
    await userEvent.click(screen.getByTestId("mail-stop"));
    expect(stop).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("mail-progress")).toBeNull(), { timeout: 4000 });
    expect(screen.getByTestId("mail-send")).toBeEnabled();
  });

  it("says why a batch stopped in the user's language", async () => {
    const { api } = fakeApi([], {
      mail_recipients: async () => [guest(1)],
      mail_account: async () => account,
      mail_templates: async () => [template],
      mail_send: async () => ({ sent: 0, refused: [], skipped: 0, stopped: "the server did not take the login: 535", stopReason: "wrong_password" as const }),
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    await userEvent.click(await screen.findByTestId("mail-send"));
    expect(await screen.findByTestId("mail-stopped")).toHaveTextContent("Сервер не принял вход: проверьте имя пользователя и пароль.");
  });

  it("asks for the password for the batch when the keychain cannot keep it", async () => {
    const send = vi.fn(async () => ({ sent: 1, refused: [], skipped: 0, stopped: null, stopReason: null }));
    const { api } = fakeApi([], {
      mail_recipients: async () => [guest(1)],
      mail_account: async () => ({ ...account, passwordSaved: false, keychainProblem: "no Secret Service" }),
      mail_templates: async () => [template],
      mail_send: send,
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    const problem = await screen.findByTestId("mail-keychain-problem");
    expect(problem).toHaveTextContent("Системное хранилище паролей недоступно");
    expect(problem).toHaveAttribute("title", "no Secret Service");
    const button = screen.getByTestId("mail-send");
    await waitFor(() => expect(button).toHaveTextContent("Отправить 1 гостю"));
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Пароль для этой рассылки (не сохраняется)"), "s3cret");
    await userEvent.click(button);
    await waitFor(() => expect(send).toHaveBeenCalledWith(expect.objectContaining({ password: "s3cret" })));
  });

  it("gives WeChat guests their text to copy and records the channel when sent", async () => {
    const update = vi.fn(async () => ({ sessionId: "s1", invitees: [] }));
    const { api } = fakeApi([], {
      mail_recipients: async () => [guest(1, { address: "", problem: "no e-mail address", due: false, channel: null, wechat: "chen_bfsu", lang: "zh", name: { zh: "陈静", ru: "Чэнь Цзин" } })],
      mail_account: async () => account,
      mail_templates: async () => [template],
      mail_texts: async () => [{ invitationId: "inv-1", lang: "zh" as const, text: "尊敬的陈静女士：" }],
      invitees_list: async () => ({ sessionId: "s1", invitees: [{ id: "inv-1", status: "to_invite" }] }) as never,
      mail_mark_sent: update as never,
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    const card = await screen.findByTestId("messenger-text");
    expect(card).toHaveTextContent("WeChat: chen_bfsu");
    await waitFor(() => expect(within(card).getByRole("textbox")).toHaveValue("尊敬的陈静女士："));
    await userEvent.click(within(card).getByTestId("messenger-sent"));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ invitationId: "inv-1", kind: "invitation", channel: "wechat" }));
  });

  it("names a template field that does not exist when the template is saved", async () => {
    const { api } = fakeApi([], {
      mail_recipients: async () => [],
      mail_account: async () => account,
      mail_templates: async () => [template],
      mail_template_save: async () => {
        throw { code: "invalid", message: "body.nmae", field: "body.nmae", reason: "unknown_field" };
      },
    });
    renderWith(<MailPanel sessionId="s1" sessionDate="2026-12-10" />, api);
    await userEvent.click(await screen.findByText("Текст писем"));
    const body = await screen.findByTestId("template-body");
    await waitFor(() => expect(body).toHaveValue("{salutation}"));
    await userEvent.click(screen.getByTestId("template-save"));
    expect(await screen.findByTestId("template-error")).toHaveTextContent("{nmae} — такого поля в шаблоне быть не может.");
  });
});
