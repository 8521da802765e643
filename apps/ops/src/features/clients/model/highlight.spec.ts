import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

const marked = (segments: { text: string; hit: boolean }[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('highlightSegments', () => {
  it('marks words ignoring case and accents', () => {
    expect(marked(highlightSegments('Josée Tremblay', ['josee', 'TREM'], 'text'))).toBe('[Josée] [Trem]blay');
    expect(marked(highlightSegments("Kevin O'Brien", ['brien'], 'text'))).toBe("Kevin O'[Brien]");
  });

  it('marks phone digits across the separators of the shown number', () => {
    expect(marked(highlightSegments('514 555-0142', ['5550142'], 'digits'))).toBe('514 [555-0142]');
    expect(marked(highlightSegments('+1 438 555 0123', ['4385550123'], 'digits'))).toBe('+1 [438 555 0123]');
  });

  it('marks MACs and serials whatever notation was typed', () => {
    expect(marked(highlightSegments('A4:E3:1B:2C:4D:01', ['a4e31b'], 'hex'))).toBe('[A4:E3:1B]:2C:4D:01');
    expect(marked(highlightSegments('H2J 2L3', ['h2j2l'], 'alnum'))).toBe('[H2J 2L]3');
    expect(marked(highlightSegments('ALCLB2C4D601', ['b2c4'], 'alnum'))).toBe('ALCL[B2C4]D601');
  });

  it('marks every occurrence, and nothing when absent', () => {
    expect(marked(highlightSegments('Lac-Saint-Jean, Saint-Jérôme', ['saint'], 'text'))).toBe('Lac-[Saint]-Jean, [Saint]-Jérôme');
    expect(highlightSegments('Tremblay', ['xyz'], 'text')).toEqual([{ text: 'Tremblay', hit: false }]);
    expect(highlightSegments('', ['x'], 'text')).toEqual([]);
  });
});
