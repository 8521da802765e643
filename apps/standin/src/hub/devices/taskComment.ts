// targo-hub writes each device task a person asks for into ERPNext, where the client's history
// lives (issue 16: a reboot or refresh from « Diagnostiquer » was only in the server log): a
// Comment of type Info on the device's client, as Frappe's `doc.add_comment("Info", …)` records
// system actions, authored by the X-Ops-User who asked. On the Customer rather than the Service
// Equipment: the client's timeline and every reader of the client's Comments already see it there,
// and the text names the device. The contract is packages/contracts hub-devices.ts.
import { deviceTaskNote, type DeviceTaskResult } from '@gigafibre/contracts';
import { tableOf } from '../../db/schema';
import type { DocStore } from '../../erp/docs/store';
import type { TaskRecord } from './store';

interface HeldBy {
  customer: string | null;
  equipment_type: string | null;
  serial_no: string | null;
}

export function recordDeviceTask(docs: DocStore, serial: string | undefined, result: { status: DeviceTaskResult['status']; task: TaskRecord }, user: string | null): void {
  if (!serial) return;
  const held = docs.db.prepare(`SELECT customer, equipment_type, serial_no FROM ${tableOf('Service Equipment')} WHERE serial_no = ? LIMIT 1`).get(serial) as HeldBy | undefined;
  if (!held?.customer) return;
  docs.insert('Comment', { reference_doctype: 'Customer', reference_name: held.customer, comment_type: 'Info', content: deviceTaskNote(result.task.name, held, result.status) }, user);
}
