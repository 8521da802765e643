// The TextKit for components: the UI's language for the screen, French for the ticket summary.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, isAppLocale } from '@/shared/format';
import type { TextKit } from '../model/diagnosticsText';

export function useDiagnosticsText() {
  const { t, locale } = useI18n({ useScope: 'global' });
  const kit = computed<TextKit>(() => ({
    t: (key, named = {}) => t(key, named),
    locale: isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE,
  }));
  /** Ticket notes are written in French, whatever language the CSR's screen is in. */
  const frenchKit: TextKit = { t: (key, named = {}) => t(key, named, { locale: 'fr-CA' }), locale: 'fr-CA' };
  return { kit, frenchKit };
}
