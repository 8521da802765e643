// vue-i18n with the language chosen before (or the browser's, or French).
import type { App } from 'vue';
import { i18n, initialLocale, setLocale } from '@/i18n';
import { applyQuasarLang } from '@/i18n/quasarLang';

export async function bootI18n(app: App): Promise<void> {
  const locale = initialLocale();
  // French if English's messages cannot load (the fallback language, always there).
  await setLocale(locale, false).catch(() => undefined);
  app.use(i18n);
  // Not waited for: the shell shows none of Quasar's own strings, and on a slow network the first
  // paint should not wait on one more download. Pages that do (tables, date pickers) follow it live.
  void applyQuasarLang(locale).catch(() => undefined);
}
