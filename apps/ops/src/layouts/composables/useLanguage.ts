// The language switch: changes vue-i18n, Quasar's strings and <html lang>, and remembers it.
import { computed } from 'vue';
import { useQuasar } from 'quasar';
import { currentLocale, i18n, setLocale } from '@/i18n';
import { applyQuasarLang } from '@/i18n/quasarLang';
import type { AppLocale } from '@/shared/format/locale';

export function useLanguage() {
  const $q = useQuasar();
  const locale = computed(() => i18n.global.locale.value as AppLocale);
  async function choose(next: AppLocale): Promise<void> {
    if (next === currentLocale()) return;
    try {
      await setLocale(next);
    } catch {
      // English's messages could not load (no network): the page stays as it was, and says why.
      $q.notify({ type: 'negative', message: i18n.global.t('http.errors.network') });
      return;
    }
    await applyQuasarLang(next).catch(() => undefined);
  }
  return { locale, choose };
}
