// Quasar's own strings (table pagination, date picker) follow the UI language; loaded on demand.
import { Lang } from 'quasar';
import type { AppLocale } from '@/shared/format/locale';

export async function applyQuasarLang(locale: AppLocale): Promise<void> {
  const pack = locale === 'fr-CA' ? await import('quasar/lang/fr.js') : await import('quasar/lang/en-US.js');
  // Quasar 2.34 types its packs and Lang.set slightly differently (formatNumber's parameter).
  Lang.set(pack.default as Parameters<typeof Lang.set>[0]);
  // Lang.set writes the pack's own tag (fr, en-US) on <html>: keep ours, which screen readers use.
  document.documentElement.lang = locale;
}
