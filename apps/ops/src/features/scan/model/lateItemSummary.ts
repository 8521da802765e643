// A queued record described for dispatch, in French (ERPNext's language, where the Comment lands),
// when its job was reassigned or cancelled before it could be applied.
import { LATE_ITEM_SUMMARY_MAX, type FieldStatus, type LateItemKind } from '@gigafibre/contracts';
import type { ScanQueueRecord } from './scanQueueRecord';

const STATUS_FR: Readonly<Record<FieldStatus, string>> = {
  'En Route': 'en route',
  'In Progress': 'sur place',
  Completed: 'terminée',
  'Not Completed': 'non complétée',
};

const TYPE_FR: Readonly<Record<string, string>> = { ONT: 'ONT', Router: 'routeur', 'Mesh Node': 'nœud maillé' };

/** The record's kind as the method takes it, or null for one that is not about a job (OCR). */
export function lateItemKind(record: ScanQueueRecord): LateItemKind | null {
  return record.kind === 'ocr' ? null : record.kind;
}

/** What the technician did, for dispatch (≤ LATE_ITEM_SUMMARY_MAX characters). */
export function lateItemSummary(record: ScanQueueRecord): string {
  let text: string;
  if (record.kind === 'job-status') {
    const p = record.payload;
    const parts = [`Statut « ${STATUS_FR[p.status]} »`];
    if (p.reason) parts.push(`raison : ${p.reason}${p.reasonDetails ? ` (${p.reasonDetails})` : ''}`);
    if (p.notes) parts.push(`notes : ${p.notes}`);
    text = parts.join(' ; ');
  } else if (record.kind === 'link-equipment') {
    const p = record.payload;
    text = `Équipement installé : ${TYPE_FR[p.equipmentType] ?? p.equipmentType}, n° de série ${p.serial}${p.mac ? `, MAC ${p.mac}` : ''} (non lié dans ERPNext)`;
  } else if (record.kind === 'job-file') {
    text = record.payload.role === 'signature' ? 'Signature du client (gardée sur le téléphone du technicien)' : `Photo ${record.payload.fileName} (gardée sur le téléphone du technicien)`;
  } else {
    text = 'Lecture d’étiquette';
  }
  return text.length > LATE_ITEM_SUMMARY_MAX ? `${text.slice(0, LATE_ITEM_SUMMARY_MAX - 1)}…` : text;
}
