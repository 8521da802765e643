// What a new document does to others once inserted (Frappe's after_insert / on_update hooks).
import { agreementStatus, type Doctype } from '@gigafibre/contracts';
import type { Row } from './hooks';
import type { DocStore } from './store';

/**
 * frappe/core/doctype/communication/communication.py update_parent_document_on_communication and
 * update_first_response_time: a message received reopens the ticket; the first reply sent by
 * staff stamps `first_responded_on` (the Communication's creation), after which ERPNext's SLA
 * (update_agreement_status) moves on to the resolution. A Communication of type Comment changes nothing.
 */
function communication(store: DocStore, row: Row, user: string | null): void {
  if (row.communication_type === 'Comment' || row.reference_doctype !== 'Issue' || typeof row.reference_name !== 'string') return;
  const parent = store.get('Issue', row.reference_name);
  if (!parent) return;
  if (row.sent_or_received === 'Received') {
    store.setValues('Issue', row.reference_name, { status: 'Open' }, user);
    return;
  }
  if (row.communication_type === 'Communication' && !parent.first_responded_on) {
    const first = String(row.creation);
    const status = agreementStatus({ first_responded_on: first, resolution_date: parent.resolution_date as string | null, resolution_by: parent.resolution_by as string | null });
    store.setValues('Issue', row.reference_name, { first_responded_on: first, agreement_status: status }, user);
  }
}

const AFTER_INSERT: Partial<Record<Doctype, (store: DocStore, row: Row, user: string | null) => void>> = {
  Communication: communication,
};

/** Runs the doctype's after-insert effects (inside the insert's transaction). */
export function runAfterInsert(store: DocStore, doctype: Doctype, row: Row, user: string | null): void {
  AFTER_INSERT[doctype]?.(store, row, user);
}
