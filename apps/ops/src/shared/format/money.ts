// Canadian dollars as each locale writes them: « 1 234,56 $ » (fr-CA), "$1,234.56" (en-CA).
import { DEFAULT_LOCALE, type AppLocale } from './locale';

const formatters = new Map<AppLocale, Intl.NumberFormat>();

/** CAD amount, two decimals; empty for null/NaN (Frappe sends null for unset Currency fields). */
export function formatMoney(amount: number | null | undefined, locale: AppLocale = DEFAULT_LOCALE): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' });
    formatters.set(locale, f);
  }
  return f.format(amount);
}
