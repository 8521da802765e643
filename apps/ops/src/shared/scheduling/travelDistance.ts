// Travel between two points for ranking technicians: no routing service is available to the SPA
// (and one per candidate would be far too slow), so the distance is the great-circle distance
// (haversine) multiplied by a road factor. 1.3 is the usual detour index of a dense urban and
// suburban road network (roads are seldom straight lines; studies of North-American cities put it
// between 1.2 and 1.4), which is Gigafibre's territory (Montréal, Laval, Rive-Sud, Laurentides).
// Minutes assume an average 40 km/h, door to door, in town.

/** A point on Earth in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Roads are longer than the straight line: km by road ≈ great-circle km × this. */
export const ROAD_FACTOR = 1.3;
/** Average door-to-door speed in town, km/h. */
export const AVERAGE_SPEED_KMH = 40;
const EARTH_RADIUS_KM = 6371;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated road distance in km: great-circle × ROAD_FACTOR. */
export function roadKm(a: GeoPoint, b: GeoPoint): number {
  return greatCircleKm(a, b) * ROAD_FACTOR;
}

/** Estimated driving minutes for `km` of road at AVERAGE_SPEED_KMH. */
export function drivingMinutes(km: number): number {
  return (km / AVERAGE_SPEED_KMH) * 60;
}

/** A usable point, or null (Frappe's Float fields are 0 when empty: 0,0 is in the Atlantic). */
export function geoPoint(lat: number | null | undefined, lon: number | null | undefined): GeoPoint | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}
