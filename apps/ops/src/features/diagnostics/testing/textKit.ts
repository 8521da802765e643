// Test helper: the feature's real messages in a vue-i18n instance, as a TextKit.
import { createI18n } from 'vue-i18n';
import type { AppLocale } from '@/shared/format';
import type { TextKit } from '../model/diagnosticsText';
import { enCA } from '../messages/enCA';
import { frCA } from '../messages/frCA';

export function textKit(locale: AppLocale = 'fr-CA'): TextKit {
  const i18n = createI18n({
    legacy: false,
    locale,
    messages: { 'fr-CA': { diagnostics: frCA }, 'en-CA': { diagnostics: enCA } },
    missingWarn: false,
    fallbackWarn: false,
  });
  return { t: (key, named = {}) => i18n.global.t(key, named), locale };
}
