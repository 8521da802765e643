// How strong a Wi-Fi station's signal and a mesh node's wireless backhaul are, in three words.

export type SignalQuality = 'good' | 'fair' | 'weak';

/**
 * A station's received signal (dBm): good ≥ −60, fair ≥ −72, weak below (limits on the better
 * side). Below about −72 dBm rates drop sharply and video calls stutter.
 */
export const WIFI_SIGNAL_LIMITS = { goodFromDbm: -60, fairFromDbm: -72 } as const;

export function wifiSignalQuality(signalDbm: number | null | undefined): SignalQuality | null {
  if (signalDbm === null || signalDbm === undefined || !Number.isFinite(signalDbm)) return null;
  if (signalDbm >= WIFI_SIGNAL_LIMITS.goodFromDbm) return 'good';
  if (signalDbm >= WIFI_SIGNAL_LIMITS.fairFromDbm) return 'fair';
  return 'weak';
}

/** A wireless mesh backhaul's quality (0–100 % from the hub): good ≥ 70, fair ≥ 40, weak below. */
export const BACKHAUL_LIMITS = { goodFromPercent: 70, fairFromPercent: 40 } as const;

export function backhaulQuality(percent: number | null | undefined): SignalQuality | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  if (percent >= BACKHAUL_LIMITS.goodFromPercent) return 'good';
  if (percent >= BACKHAUL_LIMITS.fairFromPercent) return 'fair';
  return 'weak';
}
