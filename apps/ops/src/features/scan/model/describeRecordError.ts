// Why a queued record failed, in words a technician can act on. The server's own words when it
// gave some; for a body too large (413) or of a type refused (415), first what to do about it —
// « corps de requête » means nothing on a job site.
import { jobGoneReason } from './jobGone';
import type { ScanQueueRecord } from './scanQueueRecord';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Megabytes as the BFF counts them (2^20 bytes, « 8 Mo »), in the UI language. */
function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** What the technician can do about a 413 or 415, or null for any other failure. */
function bodyRefusal(record: ScanQueueRecord, status: number, t: Translate, locale: string): string | null {
  const photo = record.kind === 'ocr' ? record.payload.image : null;
  if (status === 413) return photo ? t('scan.refusal.photoTooLarge', { size: megabytes(photo.size, locale) }) : t('scan.refusal.tooLarge');
  if (status === 415) return photo ? t('scan.refusal.photoType', { type: photo.type || '?' }) : t('scan.refusal.type');
  return null;
}

/** The record's last failure as shown in the queue ('' when it has none). */
export function describeRecordError(record: ScanQueueRecord, t: Translate, locale: string): string {
  const error = record.lastError;
  if (!error) return '';
  const gone = jobGoneReason(error.code);
  if (gone) return t(gone === 'reassigned' ? 'scan.refusal.jobReassigned' : 'scan.refusal.jobCancelled', { job: record.job ?? '' });
  const server = error.serverMessages.join(' ');
  const advice = bodyRefusal(record, error.status, t, locale);
  if (advice) return server ? t('scan.refusal.withServer', { advice, server }) : advice;
  if (server) return server;
  return error.code === 'client' ? error.message : t(`http.errors.${error.code}`);
}
