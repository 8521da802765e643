// The app's single vue-i18n instance (composition mode), the current language and how it changes,
// and the lazy loading of feature messages.
import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from '@/shared/format/locale';
import { readPreference, writePreference } from '@/shared/storage/preferences';
import { detectLocale, LOCALE_STORAGE_KEY } from './detectLocale';
import type { MessageFeature } from '@/shared/i18n/defineFeatureMessages';
import { FEATURE_MESSAGE_LOADERS } from './featureMessages';
import enCA from './en-CA';
import frCA from './fr-CA';

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'fr-CA': frCA, 'en-CA': enCA },
  // A missing key shows the key itself; messages.spec.ts catches them before users do.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

/** The language the UI is in now. */
export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

/** The language to start in (saved choice, else browser preference, else French). */
export function initialLocale(): AppLocale {
  return detectLocale(readPreference(LOCALE_STORAGE_KEY), typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Switches the UI language; `remember` saves it as the user's choice. */
export function setLocale(locale: AppLocale, remember = true): void {
  if (!(LOCALES as readonly string[]).includes(locale)) return;
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (remember) writePreference(LOCALE_STORAGE_KEY, locale);
}

const loaded = new Map<MessageFeature, Promise<void>>();

/** Loads (once) and installs a feature's messages in both languages. */
export function loadFeatureMessages(feature: MessageFeature): Promise<void> {
  let pending = loaded.get(feature);
  if (!pending) {
    pending = FEATURE_MESSAGE_LOADERS[feature]().then(({ default: bundle }) => {
      i18n.global.mergeLocaleMessage('fr-CA', { [bundle.feature]: bundle['fr-CA'] });
      i18n.global.mergeLocaleMessage('en-CA', { [bundle.feature]: bundle['en-CA'] });
    });
    pending.catch(() => loaded.delete(feature)); // a failed chunk load may be retried
    loaded.set(feature, pending);
  }
  return pending;
}
