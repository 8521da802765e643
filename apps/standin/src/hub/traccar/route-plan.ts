// Where a technician is at a moment of the day: at the depot before the shift, driving an L-shaped
// route (streets, not a beeline) between jobs so as to arrive on time, parked during each job.

export interface Point {
  lat: number;
  lon: number;
}

export interface Stop extends Point {
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

export interface Fix extends Point {
  /** Knots, as Traccar reports. */
  speed: number;
  /** Degrees from north. */
  course: number;
  moving: boolean;
}

interface Leg {
  from: Point;
  to: Point;
  depart: number;
  arrive: number;
}

const KNOTS_PER_KMH = 1 / 1.852;
/** Average urban driving speed used for the trip home. */
const HOME_KMH = 35;

/** Great-circle distance in km. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b, degrees 0–360. */
export function bearing(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x = Math.cos(a.lat * rad) * Math.sin(b.lat * rad) - Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return Math.round(((Math.atan2(y, x) * 180) / Math.PI + 360) % 360);
}

/** Legs of the day: depot → each stop (leaving just in time, never before the shift) → depot. */
export function planLegs(depot: Point, stops: readonly Stop[], shiftStart: number): Leg[] {
  const legs: Leg[] = [];
  let at: Point = depot;
  let free = shiftStart;
  for (const stop of stops) {
    const drive = Math.max(10, (distanceKm(at, stop) / HOME_KMH) * 60);
    const depart = Math.max(free, stop.start - drive);
    if (stop.start > depart) legs.push({ from: at, to: stop, depart, arrive: stop.start });
    at = stop;
    free = Math.max(free, stop.end);
  }
  if (stops.length > 0) legs.push({ from: at, to: depot, depart: free, arrive: free + Math.max(10, (distanceKm(at, depot) / HOME_KMH) * 60) });
  return legs;
}

/** The fix at `minute` (fractional minutes since local midnight). */
export function positionAt(depot: Point, stops: readonly Stop[], shiftStart: number, minute: number): Fix {
  const legs = planLegs(depot, stops, shiftStart);
  let here: Point = depot;
  for (const leg of legs) {
    if (minute < leg.depart) break;
    if (minute < leg.arrive) return along(leg, (minute - leg.depart) / (leg.arrive - leg.depart));
    here = leg.to;
  }
  return { ...here, speed: 0, course: 0, moving: false };
}

/** Position a fraction `t` along a leg that first follows latitude, then longitude. */
function along(leg: Leg, t: number): Fix {
  const corner: Point = { lat: leg.to.lat, lon: leg.from.lon };
  const first = distanceKm(leg.from, corner);
  const second = distanceKm(corner, leg.to);
  const total = first + second || 1;
  const km = total * t;
  const minutes = leg.arrive - leg.depart;
  const kmh = (total / minutes) * 60;
  const [a, b, f] = km <= first ? [leg.from, corner, first === 0 ? 1 : km / first] : [corner, leg.to, second === 0 ? 1 : (km - first) / second];
  return {
    lat: a.lat + (b.lat - a.lat) * f,
    lon: a.lon + (b.lon - a.lon) * f,
    speed: Math.round(kmh * KNOTS_PER_KMH * 10) / 10,
    course: bearing(a, b),
    moving: true,
  };
}
