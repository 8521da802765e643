// What a feature's messages are: src/features/<name>/messages/frCA.ts (the reference) and enCA.ts
// (typed `Widen<typeof frCA>`, so the compiler rejects a key missing or one too many). Each language
// loads on its own, with the feature's pages (src/i18n/featureMessages.ts); keys read `t('<feature>.<key>')`.

/** The features that bring their own lazily-loaded messages. */
export const MESSAGE_FEATURES = ['dispatch', 'clients', 'tickets', 'diagnostics', 'scan', 'users', 'profile', 'incidents'] as const;
export type MessageFeature = (typeof MESSAGE_FEATURES)[number];

/** A nested message tree (vue-i18n's shape). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** String literals → string, keeping the key structure (so en-CA may differ in wording only). */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
