// The app's single vue-i18n instance (composition mode), the current language and how it changes,
// and the lazy loading of feature messages.
import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from '@/shared/format/locale';
import { readPreference, writePreference } from '@/shared/storage/preferences';
import { detectLocale, LOCALE_STORAGE_KEY } from './detectLocale';
import type { MessageFeature } from '@/shared/i18n/featureMessageTypes';
import { featureMessageLoader } from './featureMessages';
import { compileMessage } from './messageCompiler';
import frCA from './fr-CA';

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  // English's shell messages are merged in when English is chosen (setLocale): most users work in
  // French, and they would weigh on everyone's first load. Typed as there, so both locales are known.
  messages: { 'fr-CA': frCA, 'en-CA': {} as typeof frCA },
  // A missing key shows the key itself; messages.spec.ts catches them before users do.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
  // Ours, not vue-i18n's: the build leaves its compiler out of the first load (messageCompiler.ts).
  messageCompiler: compileMessage,
});

/** The language the UI is in now. */
export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

/** The language to start in (saved choice, else browser preference, else French). */
export function initialLocale(): AppLocale {
  return detectLocale(readPreference(LOCALE_STORAGE_KEY), typeof navigator === 'undefined' ? [] : navigator.languages);
}

let englishShell: Promise<void> | null = null;

/** The shell's English messages, loaded once (a failed load may be retried). */
function loadEnglishShell(): Promise<void> {
  englishShell ??= import('./en-CA').then(
    ({ default: enCA }) => i18n.global.mergeLocaleMessage('en-CA', enCA),
    (error: unknown) => {
      englishShell = null;
      throw error;
    },
  );
  return englishShell;
}

/** Switches the UI language (its messages loaded first: the shell's, and those of the features already open); `remember` saves it as the user's choice. */
export async function setLocale(locale: AppLocale, remember = true): Promise<void> {
  if (!(LOCALES as readonly string[]).includes(locale)) return;
  switchingTo = locale;
  try {
    await Promise.all([locale === 'en-CA' ? loadEnglishShell() : undefined, ...[...opened].map((feature) => loadFeatureIn(feature, locale))]);
  } finally {
    switchingTo = null;
  }
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (remember) writePreference(LOCALE_STORAGE_KEY, locale);
}

/** The features whose messages were asked for, and each (feature, language) loaded or loading. */
const opened = new Set<MessageFeature>();
/** The language a switch in progress goes to: a feature opened meanwhile loads it too. */
let switchingTo: AppLocale | null = null;
const loaded = new Map<string, Promise<void>>();

function loadFeatureIn(feature: MessageFeature, locale: AppLocale): Promise<void> {
  const key = `${feature}:${locale}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = featureMessageLoader(feature, locale)().then((messages) => i18n.global.mergeLocaleMessage(locale, { [feature]: messages }));
    pending.catch(() => loaded.delete(key)); // a failed chunk load may be retried
    loaded.set(key, pending);
  }
  return pending;
}

/** Loads (once) and installs a feature's messages in the UI's language; a later switch loads the other. */
export function loadFeatureMessages(feature: MessageFeature): Promise<void> {
  opened.add(feature);
  const locales = new Set([currentLocale(), switchingTo ?? currentLocale()]);
  return Promise.all([...locales].map((locale) => loadFeatureIn(feature, locale))).then(() => undefined);
}
