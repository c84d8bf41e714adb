import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaItem, AgendaItemInput, ApiError, ItemKind, Lang, RoleKind, Text } from "../api";
import { pick } from "../format";
import { errorText } from "./ErrorMessage";
import { MultiText } from "./MultiText";
import { PeoplePicker } from "./PeoplePicker";

export const KINDS: ItemKind[] = ["opening", "report", "remarks", "discussion", "break", "closing", "other"];
const ROLES: RoleKind[] = ["speaker", "moderator", "chair"];

/** A role as the form holds it: the name comes along so the chip can show it. */
interface RoleRow {
  personId: string;
  role: RoleKind;
  name: Text;
}

export function inputOf(item: AgendaItem): AgendaItemInput {
  return {
    kind: item.kind,
    title: item.title,
    description: item.description,
    durationMin: String(item.durationMin),
    pinnedStart: item.pinnedStart ?? "",
    roles: item.roles.map((r) => ({ personId: r.personId, role: r.role })),
  };
}

interface Props {
  item?: AgendaItem;
  error: ApiError | null;
  saving: boolean;
  onSave: (input: AgendaItemInput) => void;
  onCancel: () => void;
}

/** Every field of one agenda item, in all four languages. */
export function AgendaItemForm({ item, error, saving, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [kind, setKind] = useState<ItemKind>(item?.kind ?? "report");
  const [title, setTitle] = useState<Text>(item?.title ?? {});
  const [description, setDescription] = useState<Text>(item?.description ?? {});
  const [duration, setDuration] = useState(String(item?.durationMin ?? 15));
  const [pinned, setPinned] = useState(item?.pinnedStart ?? "");
  const [roles, setRoles] = useState<RoleRow[]>(item?.roles.map((r) => ({ personId: r.personId, role: r.role, name: r.name })) ?? []);
  const errorFor = (field: string) => (error?.field === field ? errorText(t, error) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ kind, title, description, durationMin: duration, pinnedStart: pinned, roles: roles.map(({ personId, role }) => ({ personId, role })) });
  };
  const fieldClass = (f: string) => (errorFor(f) ? "field invalid" : "field");
  return (
    <form className="item-form" onSubmit={submit} noValidate data-testid="item-form">
      <div className="row">
        <div className="field">
          <label htmlFor="item-kind">{t("agenda.kind")}</label>
          <select id="item-kind" value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>{t(`kinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <div className={fieldClass("durationMin")}>
          <label htmlFor="item-duration">{t("agenda.duration")}</label>
          <input id="item-duration" type="number" min={0} max={600} step={5} value={duration} onChange={(e) => setDuration(e.target.value)} data-field="durationMin" />
          {errorFor("durationMin") && <span className="field-error">{errorFor("durationMin")}</span>}
        </div>
        <div className={fieldClass("pinnedStart")}>
          <label htmlFor="item-pinned">{t("agenda.pinned")}</label>
          <input id="item-pinned" type="time" value={pinned} onChange={(e) => setPinned(e.target.value)} title={t("agenda.pinnedHint")} />
          {errorFor("pinnedStart") && <span className="field-error">{errorFor("pinnedStart")}</span>}
        </div>
      </div>
      <MultiText field="title" label={t("agenda.itemTitle")} value={title} onChange={setTitle} required errorFor={errorFor} />
      <MultiText field="description" label={t("agenda.description")} value={description} onChange={setDescription} multiline errorFor={errorFor} />
      <fieldset className="multi">
        <legend>{t("agenda.people")}</legend>
        <ul className="role-rows">
          {roles.map((r, i) => (
            <li key={`${r.personId}-${i}`}>
              <span>{pick(r.name, lang)}</span>
              <select
                aria-label={pick(r.name, lang)}
                value={r.role}
                onChange={(e) => setRoles(roles.map((x, j) => (j === i ? { ...x, role: e.target.value as RoleKind } : x)))}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>{t(`roles.${role}`)}</option>
                ))}
              </select>
              <button type="button" className="link" onClick={() => setRoles(roles.filter((_, j) => j !== i))} aria-label={t("agenda.removePerson", { name: pick(r.name, lang) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <PeoplePicker onPick={(p) => setRoles([...roles, { personId: p.id, role: "speaker", name: p.displayName }])} />
      </fieldset>
      {error && !error.field?.match(/^(title|description|durationMin|pinnedStart)/) && <p className="error">{errorText(t, error)}</p>}
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="save-item">{t("agenda.save")}</button>
        <button type="button" onClick={onCancel}>{t("agenda.cancel")}</button>
      </footer>
    </form>
  );
}
