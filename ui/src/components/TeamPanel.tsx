import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type SyncStatus } from "../api";
import { Progress, useToast } from "../feedback";
import { useNavigate } from "../navigation";
import { ErrorMessage } from "./ErrorMessage";
import { syncedText } from "./SyncIndicator";

/** Who syncs here, with which hub, how it went last. */
function Membership({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const conflicts = status.openConflicts;
  return (
    <dl className="facts team-facts" data-testid="team-status">
      <dt>{t("team.author")}</dt>
      <dd>{status.author ?? "—"}</dd>
      <dt>{t("team.hub")}</dt>
      <dd><code>{status.hubUrl ?? "—"}</code></dd>
      <dt>{t("team.lastSync")}</dt>
      <dd>{syncedText(t, status, i18n.language as Lang)}</dd>
      <dt>{t("team.waiting")}</dt>
      <dd>{status.waiting}</dd>
      <dt>{t("team.conflicts")}</dt>
      <dd>
        {conflicts > 0 ? (
          <button type="button" className="link" onClick={() => navigate({ name: "conflicts" })} data-testid="team-conflicts">
            {t("sync.conflicts", { count: conflicts })}
          </button>
        ) : t("team.noConflicts")}
      </dd>
      {status.lastError && (
        <>
          <dt>{t("team.lastError")}</dt>
          <dd className="error" data-testid="team-error">{status.lastError}</dd>
        </>
      )}
    </dl>
  );
}

type Field = "address" | "code";

/** A join code as the hub hands it out: the secret and the hub's fingerprint, 64 hex digits each. */
const JOIN_CODE = /^[0-9a-f]{64}-[0-9a-f]{64}$/i;

/** Joins a hub with the address and one-time code its administrator gave. */
function JoinForm() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [address, setAddress] = useState("");
  const [code, setCode] = useState("");
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const join = useMutation({
    mutationFn: async (args: { address: string; code: string }) => {
      // The hub's database replaces this one, settings and all: the interface language
      // is this person's, so it stays as it was.
      const { language } = await api.call("settings_get");
      const status = await api.call("sync_join", args);
      const after = await api.call("settings_get");
      if (after.language !== language) await api.call("settings_update", { patch: { language } }).catch(() => {});
      return status;
    },
    onSuccess: (status) => {
      toast.done(t("team.joined", { author: status.author ?? "" }));
      queryClient.setQueryData(queryKey("sync_status"), status);
      // Everything on screen came from the data held before.
      return queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hub = address.trim();
    // A code copied from a message may come broken over lines.
    const secret = code.replace(/\s+/g, "");
    const errors: Partial<Record<Field, string>> = {};
    if (!hub) errors.address = t("team.addressRequired");
    else if (!/^https:\/\/\S+$/i.test(hub)) errors.address = t("team.addressHttps");
    if (!secret) errors.code = t("team.codeRequired");
    else if (!JOIN_CODE.test(secret)) errors.code = t("team.codeShape");
    setInvalid(errors);
    if (errors.address || errors.code) {
      document.getElementById(errors.address ? "team-address" : "team-code")?.focus();
      return;
    }
    join.mutate({ address: hub, code: secret });
  };
  const described = (field: Field, hint: string) => [hint, invalid[field] && `${field}-join-error`].filter(Boolean).join(" ");
  return (
    <form className="team-form" onSubmit={submit} noValidate data-testid="team-join-form">
      <p>{t("team.intro")}</p>
      <div className="field">
        <label htmlFor="team-address">{t("team.address")}</label>
        <input
          id="team-address"
          type="url"
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            setInvalid((v) => ({ ...v, address: undefined }));
          }}
          placeholder="https://hub.example.org:8443"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={!!invalid.address || undefined}
          aria-describedby={described("address", "team-address-hint")}
          data-testid="team-address"
        />
        <span id="team-address-hint" className="muted small">{t("team.addressHint")}</span>
        {invalid.address && <span id="address-join-error" className="field-error">{invalid.address}</span>}
      </div>
      <div className="field">
        <label htmlFor="team-code">{t("team.code")}</label>
        <textarea
          id="team-code"
          rows={3}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setInvalid((v) => ({ ...v, code: undefined }));
          }}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={!!invalid.code || undefined}
          aria-describedby={described("code", "team-code-hint")}
          data-testid="team-code"
        />
        <span id="team-code-hint" className="muted small">{t("team.codeHint")}</span>
        {invalid.code && <span id="code-join-error" className="field-error">{invalid.code}</span>}
      </div>
      <p className="team-replaces">{t("team.replaces")}</p>
      {join.error && <ErrorMessage error={join.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={join.isPending} data-testid="team-join">
          {join.isPending ? t("team.joining") : t("team.join")}
        </button>
      </div>
      {join.isPending && <Progress label={t("team.joining")} />}
    </form>
  );
}

/** Settings → Team: join a hub, or see how this laptop syncs with it. */
export function TeamPanel() {
  const status = useCommand("sync_status");
  return (
    <div className="team" data-testid="team">
      {status.error && <ErrorMessage error={status.error} />}
      {status.data && (status.data.member ? <Membership status={status.data} /> : <JoinForm />)}
    </div>
  );
}
