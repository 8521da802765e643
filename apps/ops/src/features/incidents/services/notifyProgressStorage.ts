// Where a bulk outage text keeps its progress: localStorage, per incident, so a closed page (or a
// crashed browser) resumes; the hub's idempotency keys make a resend harmless anyway.
import { readPreference, writePreference } from '@/shared/storage/preferences';
import { parseProgress, type NotifyProgress } from '../model/bulkNotify';

const keyOf = (incident: string) => `ops.incidentNotify.${incident}`;

export function loadNotifyProgress(incident: string): NotifyProgress | null {
  return parseProgress(readPreference(keyOf(incident)), incident);
}

export function saveNotifyProgress(progress: NotifyProgress): void {
  writePreference(keyOf(progress.incident), JSON.stringify(progress));
}
