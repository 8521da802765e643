// Pure rules of the technician's job view: the next status, what the queue changes in what is
// shown, and the links that open the phone's maps app.
import { geoPoint, type FieldStatus, type JobStatus } from '@gigafibre/contracts';
import type { ScanQueueRecord } from './scanQueueRecord';
import type { TechJobPlace } from '../services/techJobData';

export type { FieldStatus };

/** The one forward step a technician takes from each status (en route → en cours → terminé). */
const FORWARD: Partial<Record<JobStatus, FieldStatus>> = {
  Scheduled: 'En Route',
  'En Route': 'In Progress',
  'In Progress': 'Completed',
};

/** The next status the technician can set, or null (not started by dispatch, finished, cancelled). */
export function nextStatus(status: JobStatus): FieldStatus | null {
  return FORWARD[status] ?? null;
}

/** A job on the way or on site may end as « non complétée » (with a reason). */
export function canFail(status: JobStatus): boolean {
  return status === 'En Route' || status === 'In Progress';
}

/** i18n key part for a status (`En Route` → `EnRoute`). */
export function statusKey(status: JobStatus): string {
  return status.replace(/\s+/g, '');
}

/**
 * What to show: the server's status, unless the technician changed it and the change is still in
 * the queue (then the latest queued status, marked as not yet sent).
 */
export function shownStatus(server: JobStatus, queued: readonly ScanQueueRecord[]): { status: JobStatus; queued: boolean } {
  const waiting = queued.filter((r): r is Extract<ScanQueueRecord, { kind: 'job-status' }> => r.kind === 'job-status' && (r.state === 'pending' || r.state === 'sending'));
  const last = waiting[waiting.length - 1];
  return last ? { status: last.payload.status, queued: true } : { status: server, queued: false };
}

export type PhonePlatform = 'ios' | 'android' | 'other';

export function phonePlatform(userAgent: string): PhonePlatform {
  if (/iPhone|iPad|iPod/i.test(userAgent) || (/Macintosh/.test(userAgent) && /Mobile/.test(userAgent))) return 'ios';
  if (/Android/i.test(userAgent)) return 'android';
  return 'other';
}

/** One line for a maps search: « 4512, rue Saint-Denis, Montréal, H2J 2L3 ». */
export function addressLine(place: TechJobPlace): string {
  return [place.address, place.city, place.postalCode].filter(Boolean).join(', ');
}

/**
 * Opens directions in the phone's own maps app: a `geo:` URI on Android (the app chooser),
 * Apple Plans on iOS, Google Maps elsewhere. Coordinates when known (exact), the address otherwise.
 */
export function mapsHref(place: TechJobPlace, platform: PhonePlatform): string {
  const address = addressLine(place);
  const geo = geoPoint(place.latitude, place.longitude);
  const point = geo ? `${geo.lat},${geo.lng}` : null;
  if (platform === 'android') {
    return point ? `geo:${point}?q=${encodeURIComponent(`${point}(${address})`)}` : `geo:0,0?q=${encodeURIComponent(address)}`;
  }
  if (platform === 'ios') return `https://maps.apple.com/?daddr=${encodeURIComponent(point ?? address)}&q=${encodeURIComponent(address)}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(point ?? address)}`;
}

/** One timed step of the close-out as the job page lists it. */
export interface ShownStep {
  key: 'enRoute' | 'arrived' | 'completed' | 'notCompleted';
  /** A Frappe datetime (sent) or an ISO instant (still queued). */
  at: string;
  queued: boolean;
}

const STEP_KEYS: Record<FieldStatus, ShownStep['key']> = { 'En Route': 'enRoute', 'In Progress': 'arrived', Completed: 'completed', 'Not Completed': 'notCompleted' };

/** The steps recorded on the job, then those still in the queue (their tap time, marked queued). */
export function shownSteps(recorded: { enRouteAt: string | null; arrivedAt: string | null; closedAt: string | null }, status: JobStatus, queued: readonly ScanQueueRecord[]): ShownStep[] {
  const steps: ShownStep[] = [];
  if (recorded.enRouteAt) steps.push({ key: 'enRoute', at: recorded.enRouteAt, queued: false });
  if (recorded.arrivedAt) steps.push({ key: 'arrived', at: recorded.arrivedAt, queued: false });
  if (recorded.closedAt) steps.push({ key: status === 'Not Completed' ? 'notCompleted' : 'completed', at: recorded.closedAt, queued: false });
  for (const r of queued) {
    if (r.kind !== 'job-status' || !r.payload.at || r.state === 'refused') continue;
    const key = STEP_KEYS[r.payload.status];
    if (!steps.some((s) => s.key === key)) steps.push({ key, at: r.payload.at, queued: true });
  }
  return steps;
}
