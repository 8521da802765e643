import { describe, expect, it } from 'vitest';
import { legacyHashTarget } from './legacyHashLink';

const at = (href: string) => new URL(href, 'https://erp.gigafibre.ca');

describe('legacyHashTarget', () => {
  it('turns a legacy hash link into the history path it names, query included', () => {
    expect(legacyHashTarget(at('/ops/#/clients/CUST-00583'), '/ops/')).toBe('/ops/clients/CUST-00583');
    expect(legacyHashTarget(at('/ops/#/dispatch?date=2026-11-18&job=DJ-000005'), '/ops/')).toBe('/ops/dispatch?date=2026-11-18&job=DJ-000005');
    expect(legacyHashTarget(at('/ops/#/j/DJ-000005'), '/ops/')).toBe('/ops/j/DJ-000005');
    expect(legacyHashTarget(at('/ops#/scan'), '/ops/')).toBe('/ops/scan');
    expect(legacyHashTarget(at('/ops/index.html#/j'), '/ops/')).toBe('/ops/j');
    expect(legacyHashTarget(at('/ops/#/'), '/ops/')).toBe('/ops/');
  });

  it('leaves history URLs and in-page anchors alone', () => {
    expect(legacyHashTarget(at('/ops/dispatch?date=2026-11-18'), '/ops/')).toBeNull();
    expect(legacyHashTarget(at('/ops/clients/CUST-1#section'), '/ops/')).toBeNull();
    expect(legacyHashTarget(at('/ops/'), '/ops/')).toBeNull();
    // A fragment on a deeper path is not a legacy link: only /ops/#/… ever was.
    expect(legacyHashTarget(at('/ops/clients#/dispatch'), '/ops/')).toBeNull();
  });

  it('opens the app document (where the entry page at /ops/ sends the rest) on the home route', () => {
    expect(legacyHashTarget(at('/ops/index.html'), '/ops/')).toBe('/ops/');
    expect(legacyHashTarget(at('/ops/index.html?lang=en#main-content'), '/ops/')).toBe('/ops/?lang=en#main-content');
  });
});
