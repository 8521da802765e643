// Geometry of the optical gauge: where each band and the reading sit on a dBm scale, as
// fractions of the gauge's width (0 = left = weakest). Pure, so the drawing is testable.
import { asDbm, OPTICAL_LIMITS } from './opticalBand';

/** The scale shown: wide enough for a dark fibre and an overloaded receiver. */
export const GAUGE_RANGE = { minDbm: -35, maxDbm: -3 } as const;

export interface GaugeSegment {
  tone: 'good' | 'marginal' | 'bad';
  from: number;
  to: number;
}

export const fractionOf = (dbm: number): number =>
  Math.min(1, Math.max(0, (dbm - GAUGE_RANGE.minDbm) / (GAUGE_RANGE.maxDbm - GAUGE_RANGE.minDbm)));

/** The four bands, left to right: bad (weak), marginal, good, bad (overload). */
export const GAUGE_SEGMENTS: readonly GaugeSegment[] = [
  { tone: 'bad', from: 0, to: fractionOf(OPTICAL_LIMITS.marginalDownToDbm) },
  { tone: 'marginal', from: fractionOf(OPTICAL_LIMITS.marginalDownToDbm), to: fractionOf(OPTICAL_LIMITS.goodDownToDbm) },
  { tone: 'good', from: fractionOf(OPTICAL_LIMITS.goodDownToDbm), to: fractionOf(OPTICAL_LIMITS.overloadAboveDbm) },
  { tone: 'bad', from: fractionOf(OPTICAL_LIMITS.overloadAboveDbm), to: 1 },
];

/** The thresholds drawn as ticks. */
export const GAUGE_TICKS = [OPTICAL_LIMITS.marginalDownToDbm, OPTICAL_LIMITS.goodDownToDbm, OPTICAL_LIMITS.overloadAboveDbm].map((dbm) => ({
  dbm,
  at: fractionOf(dbm),
}));

/** Where the marker goes (clamped to the scale), and whether the reading is off the scale. */
export function gaugeMarker(rxDbm: number | null | undefined): { at: number; offScale: 'below' | 'above' | null } | null {
  const rx = asDbm(rxDbm);
  if (rx === null) return null;
  return { at: fractionOf(rx), offScale: rx < GAUGE_RANGE.minDbm ? 'below' : rx > GAUGE_RANGE.maxDbm ? 'above' : null };
}
