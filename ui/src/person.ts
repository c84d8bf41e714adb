// Helpers for people in the UI: an empty input, and a typed name split the way its culture writes it.
import type { Lang, Person, PersonInput, PersonName } from "./api";

export function emptyPerson(): PersonInput {
  return {
    names: [], honorific: {}, organisationId: "", organisationName: "", country: "", email: "", phone: "", wechat: "",
    languages: [], tags: [], precedenceCategoryId: "", precedenceRank: "", positions: [], notes: "",
  };
}

export function inputOfPerson(p: Person): PersonInput {
  return {
    names: p.names, honorific: p.honorific, organisationId: p.organisationId ?? "", organisationName: "", country: p.country,
    email: p.email, phone: p.phone, wechat: p.wechat, languages: p.languages, tags: p.tags,
    precedenceCategoryId: p.precedenceCategoryId ?? "", precedenceRank: p.precedenceRank?.toString() ?? "",
    positions: p.positions, notes: p.notes,
  };
}

// Two-character Chinese family names among the common ones: 欧阳修 → 欧阳 + 修.
const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木"];
// Patronymics: Russian -вич/-вна/-ична/-инична, Kazakh -ұлы/-қызы (and -улы/-кызы as typed).
const PATRONYMIC = /(вич|вна|чна|ұлы|улы|қызы|кызы)$/i;

/**
 * A typed name split the way its script usually writes it — a first guess that a short
 * form shows for confirmation:
 * 王立新 → family 王, given 立新 (family first); 欧阳修 → 欧阳 + 修;
 * "Шахрат Нурышев" → given Шахрат, family Нурышев;
 * "Нурышев Шахрат Маратович" → family Нурышев, given Шахрат, patronymic Маратович;
 * "Шахрат Маратович Нурышев" → given, patronymic, family; "Marat" → family Marat, no given name.
 */
export function nameFromText(text: string, fallback: Lang): PersonName {
  const name = text.trim().replace(/\s+/g, " ");
  if (/^[\u4e00-\u9fff·]+$/.test(name.replace(/\s/g, ""))) {
    const han = name.replace(/\s/g, "");
    const family = COMPOUND_SURNAMES.find((s) => han.startsWith(s) && han.length > s.length) ?? han.slice(0, 1);
    return { lang: "zh", family, given: han.slice(family.length), patronymic: "", familyFirst: true };
  }
  const lang: Lang = /[әғқңөұүһі]/i.test(name) ? "kk" : /[а-яё]/i.test(name) ? "ru" : /[a-z]/i.test(name) ? "en" : fallback;
  const parts = name.split(" ");
  const none = { lang, patronymic: "", familyFirst: false };
  if (parts.length === 1) return { ...none, family: name, given: "" };
  if (parts.length === 3 && PATRONYMIC.test(parts[2])) {
    return { ...none, family: parts[0], given: parts[1], patronymic: parts[2] };
  }
  if (parts.length === 3 && PATRONYMIC.test(parts[1])) {
    return { ...none, family: parts[2], given: parts[0], patronymic: parts[1] };
  }
  const family = parts.pop()!;
  return { ...none, family, given: parts.join(" ") };
}
