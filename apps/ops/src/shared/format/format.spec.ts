import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative, formatTime } from './dates';
import { formatMoney } from './money';
import { formatPhone, phoneDigits, telHref } from './phone';

const nbsp = '\u00a0';
/** ICU versions differ on which space goes around « h »: compare words, not space kinds. */
const words = (s: string) => s.replace(/\s/g, ' ');

describe('formatMoney', () => {
  it('writes CAD the Quebec way in French and the Canadian way in English', () => {
    expect(formatMoney(1234.56)).toBe(`1${nbsp}234,56${nbsp}$`);
    expect(formatMoney(0)).toBe(`0,00${nbsp}$`);
    expect(formatMoney(-89.9)).toBe(`-89,90${nbsp}$`);
    expect(formatMoney(1234.56, 'en-CA')).toBe('$1,234.56');
    expect(formatMoney(null)).toBe('');
  });
});

describe('formatPhone', () => {
  it('normalises any common way of writing a Quebec number', () => {
    for (const input of ['5145550142', '(514) 555-0142', '514.555.0142', '+1 514 555 0142', '1-514-555-0142']) {
      expect(formatPhone(input)).toBe('514 555-0142');
    }
    expect(formatPhone('514-555-0142 poste 12')).toBe('514 555-0142, poste 12');
    expect(formatPhone('514 555 0142 ext. 7', 'ext.')).toBe('514 555-0142, ext. 7');
  });

  it('leaves what is not a NANP number readable, and builds tel: links', () => {
    expect(formatPhone('555-0142')).toBe('555-0142');
    expect(formatPhone('  +33 1 23 45 67 89 ')).toBe('+33 1 23 45 67 89');
    expect(phoneDigits('011 555 0142')).toBeNull();
    expect(telHref('(450) 555-0199')).toBe('tel:+14505550199');
    expect(telHref('n/a')).toBeNull();
  });
});

describe('dates', () => {
  it('formats in fr-CA and America/Toronto whatever the machine’s zone', () => {
    const instant = new Date('2025-11-26T19:05:00Z'); // 14 h 05 in Toronto
    expect(formatDate(instant)).toBe('26 nov. 2025');
    expect(words(formatTime(instant))).toBe('14 h 05');
    expect(words(formatDateTime('2025-11-26 14:05:00'))).toBe('26 nov. 2025, 14 h 05');
    expect(formatDate(instant, 'en-CA')).toBe('Nov 26, 2025');
    expect(formatDate('nonsense')).toBe('');
  });

  it('says how long ago in words', () => {
    const now = Date.parse('2025-11-26T19:00:00Z');
    expect(formatRelative(new Date(now - 3 * 3600_000), 'fr-CA', now)).toBe('il y a 3 heures');
    expect(formatRelative(new Date(now - 30_000), 'en-CA', now)).toBe('30 seconds ago');
    expect(formatRelative(new Date(now + 2 * 86400_000), 'fr-CA', now)).toBe('après-demain');
  });
});
