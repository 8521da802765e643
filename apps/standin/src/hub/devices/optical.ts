// Optical levels the way the hub reads them: TR-181 thousandths of a dBm → dBm → GPON band.
import type { OpticalBand } from '@gigafibre/contracts';

/** GPON ONT Rx bands (dBm): good from −25 to −8 inclusive, marginal down to −27 inclusive, bad beyond. */
export const OPTICAL_BANDS = { overloadAboveDbm: -8, goodDownToDbm: -25, marginalDownToDbm: -27 } as const;

/**
 * TR-181 `OpticalSignalLevel` / `TransmitOpticalLevel` (0.001 dBm) → dBm, keeping all three
 * decimals (rounding first would put −27.001 dBm in the marginal band); null when absent.
 */
export function milliDbmToDbm(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return null;
  // Some ONTs report −40000 or below (−40 dBm) for "no light": still a reading, and a bad one.
  return Math.round(n) / 1000;
}

/** The band of a received power in dBm. */
export function opticalBand(rxDbm: number | null): OpticalBand | 'unknown' {
  if (rxDbm === null) return 'unknown';
  if (rxDbm > OPTICAL_BANDS.overloadAboveDbm) return 'bad';
  if (rxDbm >= OPTICAL_BANDS.goodDownToDbm) return 'good';
  if (rxDbm >= OPTICAL_BANDS.marginalDownToDbm) return 'marginal';
  return 'bad';
}
