import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Chinese first, English second, as everything a person reads on the platform (and every `Text` the API sends). */
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}

const STORAGE_KEY = 'zhuisu.lang';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => undefined });

function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/**
 * The translator: `t('追溯码', 'trace code')` or `t(text)` for a `Text` the API sent. Strings sit where they are used,
 * in both languages, rather than in a dictionary keyed by made-up ids.
 */
export function useT(): (zh: string | Text, en?: string) => string {
  const { lang } = useLang();
  return useCallback((zh: string | Text, en?: string) => {
    if (typeof zh === 'object') return lang === 'zh' ? zh.zh : zh.en;
    return lang === 'zh' || en === undefined ? zh : en;
  }, [lang]);
}
