// The e2e suite's clock (issue 23): the standin, the BFF and every browser read the same Montréal
// moment, whatever the real hour, so a test sees the day and hour it was written for.
//
// The main run starts at SUITE_CLOCK (E2E_CLOCK overrides it, e.g. to try the whole suite in the
// evening: E2E_CLOCK=2026-11-18T18:30) and runs at real pace from there. Tests tagged HOURS_TAG
// also run once per HARD_HOURS setting, each on a stack of its own seeded at that moment.

/** A Wednesday morning in standard time: the hour the suite's tests are written for. */
export const SUITE_CLOCK = process.env.E2E_CLOCK ?? '2026-11-18T10:00';

/** Tag of the tests that must hold at any hour (`test('…', { tag: HOURS_TAG }, …)`). */
export const HOURS_TAG = '@heures';

/** The hard hours (Montréal wall time): early, noon, evening (the next UTC day), late night, past midnight, and both DST change days late in the evening. */
export const HARD_HOURS = [
  { label: '06h00', at: '2026-11-18T06:00' },
  { label: '12h00', at: '2026-11-18T12:00' },
  { label: '18h30', at: '2026-11-18T18:30' },
  { label: '23h30', at: '2026-11-18T23:30' },
  { label: '00h30', at: '2026-11-19T00:30' },
  { label: 'printemps-23h30', at: '2026-03-08T23:30' },
  { label: 'automne-23h30', at: '2026-11-01T23:30' },
] as const;
