import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en.ts';
import { sv } from '../i18n/sv.ts';
import { setApiLanguage } from './api.ts';
import type { ClientModule } from './seam.ts';

// Swedish by default, English selectable; the choice is remembered in localStorage and mirrored
// in <html lang> and in Accept-Language of API calls (problem titles come back in it).

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'styrbord.language';

function stored(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'sv' || value === 'en') return value;
  } catch {
    // storage can be blocked; Swedish then
  }
  return 'sv';
}

function apply(lng: string) {
  const language: Language = lng === 'en' ? 'en' : 'sv';
  // Outside a browser (the translation tests read the seam's modules under Node) there is no page.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  setApiLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: stored(),
  fallbackLng: 'sv',
  supportedLngs: [...languages],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
apply(i18n.language);
i18n.on('languageChanged', apply);

/**
 * Adds each module's messages under its name (the registry's as `registry.…`), so that no module's
 * keys can collide with the platform's or another module's.
 */
export function addModuleMessages(modules: readonly ClientModule[]) {
  for (const module of modules) {
    if (!module.messages) continue;
    i18n.addResourceBundle('sv', 'translation', { [module.name]: module.messages.sv }, true, false);
    i18n.addResourceBundle('en', 'translation', { [module.name]: module.messages.en }, true, false);
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'sv';
}

export async function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  await i18n.changeLanguage(language);
}

export { i18n };
