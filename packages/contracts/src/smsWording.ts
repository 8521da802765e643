// Dates and times as a text to a customer says them, in the customer's language (the template's),
// never in the sender's: an English customer's confirmation written by a French-speaking CSR still
// reads « Thursday, November 19, around 1:00 p.m. ».
import type { SmsLanguage } from './smsTemplates';

const dateFormats: Partial<Record<SmsLanguage, Intl.DateTimeFormat>> = {};

/** A calendar day (`YYYY-MM-DD`) as a text says it: « jeudi 19 novembre », « Thursday, November 19 ». */
export function smsDate(day: string, language: SmsLanguage): string {
  const format = (dateFormats[language] ??= new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }));
  // Noon UTC: the same calendar day whatever the zone the format might fall back to.
  return format.format(new Date(`${day}T12:00:00Z`));
}

/** Minutes after midnight as a clock reading: « 14 h 05 », « 2:05 p.m. ». */
export function smsClock(minutes: number, language: SmsLanguage): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const min = String(m % 60).padStart(2, '0');
  if (language === 'fr-CA') return `${h} h ${min}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${min} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

/** A visit's start time (`HH:mm[:ss]`) as its `{window}`: « vers 13 h 00 », « around 1:00 p.m. »; null when unreadable. */
export function smsApproximateTime(time: string, language: SmsLanguage): string | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return null;
  const clock = smsClock(Number(match[1]) * 60 + Number(match[2]), language);
  return language === 'fr-CA' ? `vers ${clock}` : `around ${clock}`;
}
