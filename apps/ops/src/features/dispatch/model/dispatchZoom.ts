// How the board is drawn, as the dispatcher chose it (remembered on this device): the time axis's
// zoom (pixels per hour; the track scrolls sideways when the day is wider than the window) and the
// density of rows (compact: one line per card; comfortable: two). The default zoom gives a one-hour
// job about 120 px, enough for the job type and the client on a 1366 px laptop.

export const ZOOM_LEVELS = ['day', 'hours', 'detail'] as const;
export type ZoomLevel = (typeof ZOOM_LEVELS)[number];
/** Narrowest an hour gets at each zoom (wider when the window has room). */
export const HOUR_PX: Readonly<Record<ZoomLevel, number>> = { day: 48, hours: 120, detail: 200 };
export const DEFAULT_ZOOM: ZoomLevel = 'hours';

export const DENSITIES = ['compact', 'comfortable'] as const;
export type Density = (typeof DENSITIES)[number];
/** Height of one lane of cards. */
export const LANE_PX: Readonly<Record<Density, number>> = { compact: 28, comfortable: 42 };
export const DEFAULT_DENSITY: Density = 'comfortable';

export function parseZoom(raw: string | null): ZoomLevel {
  return (ZOOM_LEVELS as readonly string[]).includes(raw ?? '') ? (raw as ZoomLevel) : DEFAULT_ZOOM;
}

export function parseDensity(raw: string | null): Density {
  return (DENSITIES as readonly string[]).includes(raw ?? '') ? (raw as Density) : DEFAULT_DENSITY;
}

/** One step in (`+1`, more detail) or out (`-1`), staying within the levels. */
export function stepZoom(level: ZoomLevel, step: 1 | -1): ZoomLevel {
  const i = ZOOM_LEVELS.indexOf(level) + step;
  return ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, i))] as ZoomLevel;
}
