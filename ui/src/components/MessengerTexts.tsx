import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type DocumentOptions, type Lang, type MailKind, type MailRecipient } from "../api";
import { formatMoment, pick } from "../format";
import { ErrorMessage } from "./ErrorMessage";

/**
 * For guests reached by WeChat or phone: the message in their language, ready to copy,
 * and "sent" records the channel and the date on their invitation.
 */
export function MessengerTexts({
  sessionId,
  kind,
  options,
  replyBy,
  recipients,
}: {
  sessionId: string;
  kind: MailKind;
  options: DocumentOptions;
  replyBy: string | null;
  recipients: MailRecipient[];
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState<string | null>(null);
  const others = recipients.filter((r) => r.channel === "wechat" || r.channel === "phone" || (!r.address && (r.wechat || r.phone)));
  const texts = useCommand("mail_texts", { sessionId, kind, options, replyBy }, { enabled: others.length > 0 });
  const invitees = useCommand("invitees_list", { sessionId }, { enabled: others.length > 0 });
  const mark = useMutation({
    // The core decides the status in the same transaction: an answer given meanwhile stays.
    mutationFn: (r: MailRecipient) => {
      const channel = r.channel === "phone" || (!r.wechat && r.phone) ? "phone" : "wechat";
      return api.call("mail_mark_sent", { invitationId: r.invitationId, kind, channel });
    },
    onSuccess: (list) => {
      queryClient.setQueryData(queryKey("invitees_list", { sessionId }), list);
      return queryClient.invalidateQueries({ queryKey: queryKey("mail_recipients") });
    },
  });
  if (!others.length) return null;
  const copy = async (id: string, text: string) => {
    await navigator.clipboard.writeText(text);
    setCopied(id);
  };
  return (
    <section className="messenger-texts" data-testid="messenger-texts">
      <h3>{t("mail.messengerTitle")}</h3>
      <p className="muted small">{t("mail.messengerText")}</p>
      {texts.error && <ErrorMessage error={texts.error} />}
      {mark.error && <ErrorMessage error={mark.error} />}
      {others.map((r) => {
        const text = texts.data?.find((x) => x.invitationId === r.invitationId);
        const invitee = invitees.data?.invitees.find((i) => i.id === r.invitationId);
        const contact = [r.wechat && `WeChat: ${r.wechat}`, r.phone && `${t("channels.phone")}: ${r.phone}`].filter(Boolean).join(" · ");
        return (
          <article key={r.invitationId} className="messenger-text" data-testid="messenger-text">
            <header>
              <strong>{pick(r.name, lang)}</strong> <span className="muted">{contact}</span>
            </header>
            <textarea readOnly lang={text?.lang} value={text?.text ?? ""} rows={6} aria-label={t("mail.textFor", { name: pick(r.name, lang) })} />
            <div className="actions">
              <button type="button" disabled={!text} onClick={() => text && void copy(r.invitationId, text.text)}>
                {copied === r.invitationId ? t("mail.copied") : t("mail.copy")}
              </button>
              <button type="button" disabled={mark.isPending} onClick={() => mark.mutate(r)} data-testid="messenger-sent">{t("mail.markSent")}</button>
              {invitee?.invitedAt && invitee.channel && (
                <span className="muted small">{t("mail.recorded", { channel: t(`channels.${invitee.channel}`), when: formatMoment(invitee.invitedAt, lang) })}</span>
              )}
            </div>
          </article>
        );
      })}
    </section>
  );
}
