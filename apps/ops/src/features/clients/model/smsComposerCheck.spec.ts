import { describe, expect, it } from 'vitest';
import { checkComposer, showCharacter } from './smsComposerCheck';

describe('checkComposer', () => {
  it('refuses, in this order: no number, an invalid one, an opted-out one, an empty text, more than 10 segments', () => {
    expect(checkComposer(null, 'Bonjour', null).refusal).toBe('noNumber');
    expect(checkComposer('514-555', 'Bonjour', null).refusal).toBe('invalidNumber');
    expect(checkComposer('514 555-0142', 'Bonjour', { opted_out: true }).refusal).toBe('optedOut');
    expect(checkComposer('514 555-0142', '   ', { opted_out: false }).refusal).toBe('empty');
    expect(checkComposer('514 555-0142', 'a'.repeat(153 * 10 + 1), null).refusal).toBe('tooLong');
  });

  it('accepts ten full segments and gives the number as E.164', () => {
    const ok = checkComposer('(514) 555-0142', 'a'.repeat(153 * 10), null);
    expect(ok).toMatchObject({ to: '+15145550142', refusal: null });
    expect(ok.count.segments).toBe(10);
  });

  it('counts with the GSM-7 / UCS-2 rules: one « ê » makes 70-unit segments', () => {
    const c = checkComposer('5145550142', `Votre technicien arrive${'.'.repeat(60)} fenêtre`, null).count;
    expect(c).toMatchObject({ encoding: 'UCS-2', segments: 2, nonGsm: ['ê'] });
  });
});

describe('showCharacter', () => {
  it('shows letters and symbols as they are, invisible ones by code point', () => {
    expect(showCharacter('ê')).toBe('ê');
    expect(showCharacter('😀')).toBe('😀');
    expect(showCharacter('\u00a0')).toBe('U+00A0');
    expect(showCharacter('\t')).toBe('U+0009');
  });
});
