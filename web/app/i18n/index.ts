/**
 * i18next set-up. The chosen language sticks in localStorage (`edu-ledger.lang`) so it survives
 * logout, and is sent to the server as `x-lang` by the API client.
 */
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Lang } from '../types'
import en from './en'
import zhCN, { type Catalogue } from './zh-CN'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
  }
}

export const LANG_KEY = 'edu-ledger.lang'

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en'
}

/** The language this browser chose explicitly, if any (null means "never switched"). */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY)
    return isLang(v) ? v : null
  } catch {
    return null
  }
}

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'zh-CN'
}

function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang
  document.title = i18n.t('app.title')
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn')
}

/**
 * Switches the UI language. `persist` remembers it in this browser; an account's saved locale is
 * applied without persisting, so the next person on a shared computer is not bound by it.
 */
export async function changeLang(lang: Lang, { persist = true } = {}): Promise<void> {
  if (persist) {
    try {
      localStorage.setItem(LANG_KEY, lang)
    } catch {
      // Private mode may forbid storage; the switch still works for this tab.
    }
  }
  await i18n.changeLanguage(lang)
  applyDocumentLang(lang)
}

const initial = storedLang() ?? 'zh-CN'

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})
applyDocumentLang(initial)

export default i18n
