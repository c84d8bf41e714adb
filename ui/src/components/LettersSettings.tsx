import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type Settings, type Text } from "../api";
import { useToast } from "../feedback";
import { LANGS } from "../i18n";
import { ErrorMessage } from "./ErrorMessage";

/** Who signs the invitation letters (per language) and how guests answer them. */
export function LettersSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState<Text>(settings.signatoryName);
  const [position, setPosition] = useState<Text>(settings.signatoryPosition);
  const [contact, setContact] = useState(settings.replyContact);
  const save = useMutation({
    mutationFn: () => api.call("settings_update", { patch: { signatoryName: name, signatoryPosition: position, replyContact: contact } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey("settings_get"), saved);
      toast.done(t("settings.lettersSaved"));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (text: Text, l: Lang, value: string): Text => ({ ...text, [l]: value });
  return (
    <>
    <form onSubmit={submit} className="letters-settings" data-testid="letters-settings">
      <p className="muted small">{t("settings.lettersText")}</p>
      <table className="lang-table">
        <thead>
          <tr>
            <th scope="col">{t("documents.language")}</th>
            <th scope="col">{t("settings.signatoryName")}</th>
            <th scope="col">{t("settings.signatoryPosition")}</th>
          </tr>
        </thead>
        <tbody>
          {LANGS.map((l) => (
            <tr key={l}>
              <th scope="row">{t(`lang.${l}`)}</th>
              <td>
                <input lang={l} aria-label={`${t("settings.signatoryName")} (${t(`lang.${l}`)})`} value={name[l] ?? ""} onChange={(e) => setName(set(name, l, e.target.value))} data-testid={`signatory-name-${l}`} />
              </td>
              <td>
                <input lang={l} aria-label={`${t("settings.signatoryPosition")} (${t(`lang.${l}`)})`} value={position[l] ?? ""} onChange={(e) => setPosition(set(position, l, e.target.value))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="reply-contact">{t("settings.replyContact")}</label>
        <input id="reply-contact" value={contact} onChange={(e) => setContact(e.target.value)} placeholder="club@example.org, +86 10 …" />
      </div>
      <button type="submit" disabled={save.isPending} data-testid="letters-settings-save">{t("form.save")}</button>
      {save.error && <ErrorMessage error={save.error} />}
    </form>
    <SignaturePicture />
    </>
  );
}

/** The picture of the signature above the signatory's name: shown, chosen, removed. */
function SignaturePicture() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const picture = useCommand("letters_signature");
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKey("letters_signature") });
  const choose = useMutation({ mutationFn: () => api.call("letters_signature_choose", { path: null }), onSuccess: refresh });
  const clear = useMutation({ mutationFn: () => api.call("letters_signature_clear"), onSuccess: refresh });
  const url = picture.data ?? null;
  return (
    <fieldset className="signature-picture" data-testid="signature-picture">
      <legend>{t("settings.signature")}</legend>
      <p className="muted small">{t("settings.signatureText")}</p>
      {url ? <img src={url} alt={t("settings.signature")} data-testid="signature-image" /> : <p className="muted">{t("settings.signatureNone")}</p>}
      <div className="actions">
        <button type="button" onClick={() => choose.mutate()} disabled={choose.isPending} data-testid="signature-choose">{t("settings.signatureChoose")}</button>
        {url && <button type="button" onClick={() => clear.mutate()} disabled={clear.isPending} data-testid="signature-remove">{t("settings.signatureRemove")}</button>}
      </div>
      {choose.error && <ErrorMessage error={choose.error} />}
      {clear.error && <ErrorMessage error={clear.error} />}
    </fieldset>
  );
}
