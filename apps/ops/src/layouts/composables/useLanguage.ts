// The language switch: changes vue-i18n, Quasar's strings and <html lang>, and remembers it.
import { computed } from 'vue';
import { currentLocale, i18n, setLocale } from '@/i18n';
import { applyQuasarLang } from '@/i18n/quasarLang';
import type { AppLocale } from '@/shared/format/locale';

export function useLanguage() {
  const locale = computed(() => i18n.global.locale.value as AppLocale);
  async function choose(next: AppLocale): Promise<void> {
    if (next === currentLocale()) return;
    setLocale(next);
    await applyQuasarLang(next).catch(() => undefined);
  }
  return { locale, choose };
}
