// Which language to start in: the user's choice if they made one, else English only when the
// browser prefers English over French, else French.
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from '@/shared/format/locale';

export const LOCALE_STORAGE_KEY = 'gigafibre-ops.locale';

export function detectLocale(stored: string | null, browserLanguages: readonly string[]): AppLocale {
  if (isAppLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'fr') return 'fr-CA';
    if (lang === 'en') return 'en-CA';
  }
  return DEFAULT_LOCALE;
}
