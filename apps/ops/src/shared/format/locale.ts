/** The UI languages the app ships. fr-CA first. */
export const LOCALES = ['fr-CA', 'en-CA'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'fr-CA';
/** Every date and time is shown in Quebec's time zone, wherever the browser is. */
export const TIME_ZONE = 'America/Toronto';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
