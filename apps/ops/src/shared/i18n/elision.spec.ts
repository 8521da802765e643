import { describe, expect, it } from 'vitest';
import { elidesBefore, frenchOf } from './elision';

describe('frenchOf', () => {
  it.each([
    ['Émilie', 'd’Émilie'],
    ['Anne Tremblay', 'd’Anne Tremblay'],
    ['Olivier', 'd’Olivier'],
    ['Ève', 'd’Ève'],
    ['Hélène', 'd’Hélène'],
    ['Hugo', 'd’Hugo'],
    ['Yves', 'd’Yves'],
    ['Jean', 'de Jean'],
    ['Yannick', 'de Yannick'],
    ['Harvey Specter', 'de Harvey Specter'],
    ['Hans-Peter', 'de Hans-Peter'],
    ['  Émilie  ', 'd’Émilie'],
    ['Zoé', 'de Zoé'],
  ])('%s → %s', (name, expected) => {
    expect(frenchOf(name)).toBe(expected);
  });

  it('handles decomposed accents (a name typed on another keyboard)', () => {
    expect(elidesBefore('E\u0301milie')).toBe(true);
  });

  it('does not elide before an empty name or a lone consonant', () => {
    expect(elidesBefore('')).toBe(false);
    expect(elidesBefore('Y')).toBe(false);
  });
});
