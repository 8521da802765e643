// GPON ONT received-power bands, the one place the SPA decides them (the verdict, the gauge and the
// summary all read from here). The hub sends dBm; GenieACS's raw TR-181 values are thousandths of
// a dBm and are converted once, by the hub — never again here.
import type { OpticalBand } from '@gigafibre/contracts';

/**
 * Band limits in dBm. Each limit belongs to the better side (ITU-T G.984.2 class B+: a receiver
 * must still work AT its sensitivity −27 and AT its overload −8):
 * good: −25 ≤ Rx ≤ −8 · marginal: −27 ≤ Rx < −25 · bad: Rx < −27 (weak) or Rx > −8 (overload).
 * The standin's hub draws the same edges (apps/standin/src/hub/devices/optical.ts).
 */
export const OPTICAL_LIMITS = { overloadAboveDbm: -8, goodDownToDbm: -25, marginalDownToDbm: -27, noLightBelowDbm: -35 } as const;

/** What the level means for the customer, finer than the band (which side a bad level is on). */
export type OpticalReading = 'good' | 'marginal' | 'weak' | 'overload' | 'no-light' | 'unknown';

/**
 * Guards the hub's contract: a value only a raw TR-181 reading can have (|v| ≥ 1000, e.g. −28400)
 * is read as thousandths of a dBm; anything else is already dBm and is left alone.
 */
export function asDbm(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.abs(value) >= 1000 ? value / 1000 : value;
}

/** The reading of a received power (dBm). */
export function opticalReading(rxDbm: number | null | undefined): OpticalReading {
  const rx = asDbm(rxDbm);
  if (rx === null) return 'unknown';
  if (rx > OPTICAL_LIMITS.overloadAboveDbm) return 'overload';
  if (rx >= OPTICAL_LIMITS.goodDownToDbm) return 'good';
  if (rx >= OPTICAL_LIMITS.marginalDownToDbm) return 'marginal';
  return rx < OPTICAL_LIMITS.noLightBelowDbm ? 'no-light' : 'weak';
}

/** The colour band of a received power (dBm), as the contracts name it. */
export function opticalBand(rxDbm: number | null | undefined): OpticalBand | 'unknown' {
  const reading = opticalReading(rxDbm);
  if (reading === 'good' || reading === 'marginal' || reading === 'unknown') return reading;
  return 'bad';
}
