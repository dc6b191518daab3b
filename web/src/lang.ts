// The current UI language: Vietnamese by default, English on request; remembered per browser.
export type Lang = 'vi' | 'en';

let current: Lang = readStored();

function readStored(): Lang {
  try {
    return localStorage.getItem('antoan.lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('antoan.lang', lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}
