// A queued record in a few words (list titles, the discard confirmation).
import { typeKey } from './equipmentDraft';
import { statusKey } from './techJobActions';
import type { ScanQueueRecord } from './scanQueueRecord';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export function describeRecord(record: ScanQueueRecord, t: Translate): string {
  if (record.kind === 'link-equipment') {
    return t('scan.kinds.link', { type: t(`scan.types.${typeKey(record.payload.equipmentType)}`), serial: record.payload.serial });
  }
  if (record.kind === 'job-file') return t(record.payload.role === 'signature' ? 'scan.kinds.signature' : 'scan.kinds.photo', { name: record.payload.fileName });
  if (record.kind === 'job-status') return t('scan.kinds.status', { status: t(`scan.statuses.${statusKey(record.payload.status)}`) });
  return record.result?.serial ? t('scan.kinds.ocrResult', { serial: record.result.serial }) : t('scan.kinds.ocr');
}
