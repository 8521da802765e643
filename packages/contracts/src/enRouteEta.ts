// When the technician should reach the customer, for the « en route » text. No routing engine: the
// straight-line (haversine) distance from the technician's last Traccar position to the Service
// Location, times a road factor (streets are not straight: ~1.3 in a city grid), at an urban speed
// (~40 km/h, lights and traffic included), then rounded out to a window customers can plan with.
import { montrealWallClock } from './montrealTime';
import type { SmsLanguage } from './smsTemplates';
import { smsClock } from './smsWording';

/** Road distance ≈ straight-line distance × this. */
export const ROAD_FACTOR = 1.3;
/** Average speed in town, km/h. */
export const URBAN_SPEED_KMH = 40;
/** Windows are this many minutes wide, on this grid. */
export const ETA_WINDOW_MINUTES = 20;

const EARTH_RADIUS_KM = 6371;

/** A point, in degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km (haversine). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes of driving from `from` to `to`: haversine × ROAD_FACTOR at URBAN_SPEED_KMH. */
export function travelMinutes(from: LatLon, to: LatLon): number {
  return ((haversineKm(from, to) * ROAD_FACTOR) / URBAN_SPEED_KMH) * 60;
}

/** An arrival window: Montréal wall-clock minutes since midnight. */
export interface EtaWindow {
  /** Minutes since Montréal midnight, a multiple of ETA_WINDOW_MINUTES. */
  start: number;
  end: number;
}

/**
 * The arrival window when leaving at `departure` (ms): the estimated arrival floored to the
 * 20-minute grid, to the next grid line after it (so 14 h 27 → « entre 14 h 20 et 14 h 40 »; an
 * arrival on a grid line, 14 h 20, gives 14 h 20 – 14 h 40).
 */
export function etaWindow(departure: number, from: LatLon, to: LatLon): EtaWindow {
  const arrival = montrealWallClock(departure).minutes + travelMinutes(from, to);
  const start = Math.floor(arrival / ETA_WINDOW_MINUTES) * ETA_WINDOW_MINUTES;
  return { start, end: start + ETA_WINDOW_MINUTES };
}

/** The window as a text's `{window}`: « entre 14 h 20 et 14 h 40 », « between 2:20 p.m. and 2:40 p.m. ». */
export function formatEtaWindow(window: EtaWindow, language: SmsLanguage): string {
  return language === 'fr-CA'
    ? `entre ${smsClock(window.start, language)} et ${smsClock(window.end, language)}`
    : `between ${smsClock(window.start, language)} and ${smsClock(window.end, language)}`;
}
