// How a feature declares its messages: both locales side by side, under the feature's own key,
// with en-CA checked against fr-CA by the compiler (same keys, no extras).

/** The features that bring their own lazily-loaded messages (src/features/<name>/messages/index.ts). */
export const MESSAGE_FEATURES = ['dispatch', 'clients', 'tickets', 'diagnostics', 'scan', 'users', 'profile', 'incidents'] as const;
export type MessageFeature = (typeof MESSAGE_FEATURES)[number];

/** A nested message tree (vue-i18n's shape). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export interface FeatureMessages<F extends MessageFeature = MessageFeature, T extends MessageTree = MessageTree> {
  feature: F;
  'fr-CA': T;
  'en-CA': T;
}

/**
 * `export default defineFeatureMessages('dispatch', { 'fr-CA': frCA, 'en-CA': enCA })` in messages/index.ts.
 * Keys are used as `t('dispatch.<key>')`.
 */
export function defineFeatureMessages<F extends MessageFeature, const T extends MessageTree>(
  feature: F,
  messages: { 'fr-CA': T; 'en-CA': NoInfer<Widen<T>> },
): FeatureMessages<F, Widen<T>> {
  return { feature, 'fr-CA': messages['fr-CA'] as Widen<T>, 'en-CA': messages['en-CA'] };
}

/** String literals → string, keeping the key structure (so en-CA may differ in wording only). */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
