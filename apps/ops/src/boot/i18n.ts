// vue-i18n with the language chosen before (or the browser's, or French).
import type { App } from 'vue';
import { i18n, initialLocale, setLocale } from '@/i18n';
import { applyQuasarLang } from '@/i18n/quasarLang';

export async function bootI18n(app: App): Promise<void> {
  const locale = initialLocale();
  setLocale(locale, false);
  app.use(i18n);
  await applyQuasarLang(locale).catch(() => undefined);
}
