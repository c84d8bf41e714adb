import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../api";
import en from "./en.json";
import kk from "./kk.json";
import ru from "./ru.json";
import zh from "./zh.json";

export const LANGS: Lang[] = ["ru", "kk", "zh", "en"];

/** BCP 47 locales for Intl: dates, times and plural rules per interface language. */
export const LOCALES: Record<Lang, string> = { ru: "ru-RU", kk: "kk-KZ", zh: "zh-CN", en: "en-GB" };

export const resources = {
  ru: { translation: ru },
  kk: { translation: kk },
  zh: { translation: zh },
  en: { translation: en },
};

void i18n.use(initReactI18next).init({
  resources,
  lng: "ru",
  fallbackLng: "en",
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export function setLanguage(lang: Lang) {
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

export default i18n;
