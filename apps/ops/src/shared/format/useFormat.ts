// The formatters bound to the UI language, for templates: `const f = useFormat(); f.money(12)`.
import { useI18n } from 'vue-i18n';
import { formatDate, formatDateTime, formatLongDate, formatRelative, formatTime, type DateInput } from './dates';
import { isAppLocale, DEFAULT_LOCALE, type AppLocale } from './locale';
import { formatMoney } from './money';
import { formatPhone } from './phone';

export function useFormat() {
  const { locale } = useI18n({ useScope: 'global' });
  const current = (): AppLocale => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE);
  return {
    date: (d: DateInput) => formatDate(d, current()),
    longDate: (d: DateInput) => formatLongDate(d, current()),
    time: (d: DateInput) => formatTime(d, current()),
    dateTime: (d: DateInput) => formatDateTime(d, current()),
    relative: (d: DateInput) => formatRelative(d, current()),
    money: (n: number | null | undefined) => formatMoney(n, current()),
    phone: (p: string | null | undefined) => formatPhone(p, current() === 'fr-CA' ? 'poste' : 'ext.'),
  };
}
