// Where each feature's messages come from, one language at a time: they load with the feature's
// routes (never in the first load), and only in the language the user works in.
import type { AppLocale } from '@/shared/format/locale';
import type { MessageFeature, MessageTree } from '@/shared/i18n/featureMessageTypes';

type Loader = () => Promise<MessageTree>;

const FRENCH = import.meta.glob<MessageTree>('../features/*/messages/frCA.ts', { import: 'frCA' });
const ENGLISH = import.meta.glob<MessageTree>('../features/*/messages/enCA.ts', { import: 'enCA' });

/** The loader of a feature's messages in a language; throws for a feature without its two files. */
export function featureMessageLoader(feature: MessageFeature, locale: AppLocale): Loader {
  const file = `../features/${feature}/messages/${locale === 'fr-CA' ? 'frCA' : 'enCA'}.ts`;
  const loader = (locale === 'fr-CA' ? FRENCH : ENGLISH)[file];
  if (!loader) throw new Error(`${file} : messages introuvables`);
  return loader;
}
