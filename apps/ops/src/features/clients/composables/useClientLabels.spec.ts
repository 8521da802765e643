import { describe, expect, it } from 'vitest';
import { valueKey } from './useClientLabels';

describe('valueKey', () => {
  it('turns ERPNext option values into message keys', () => {
    expect(valueKey('En Route')).toBe('enRoute');
    expect(valueKey('Partly Paid')).toBe('partlyPaid');
    expect(valueKey('Mesh Node')).toBe('meshNode');
    expect(valueKey('ONT')).toBe('ont');
    expect(valueKey('fr')).toBe('fr');
  });
});
