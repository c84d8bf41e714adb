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

/** 王立新 → family 王, given 立新 (family first); "Шахрат Нурышев" → given Шахрат, family Нурышев. */
export function nameFromText(text: string, fallback: Lang): PersonName {
  const name = text.trim().replace(/\s+/g, " ");
  if (/^[\u4e00-\u9fff]+$/.test(name)) {
    return { lang: "zh", family: name.slice(0, 1), given: name.slice(1), patronymic: "", familyFirst: true };
  }
  const lang: Lang = /[әғқңөұүһі]/i.test(name) ? "kk" : /[а-яё]/i.test(name) ? "ru" : /[a-z]/i.test(name) ? "en" : fallback;
  const parts = name.split(" ");
  const family = parts.length > 1 ? parts.pop()! : name;
  return { lang, family, given: parts.join(" "), patronymic: "", familyFirst: false };
}
