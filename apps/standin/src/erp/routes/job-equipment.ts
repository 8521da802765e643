// `gigafibre.ops.link_job_equipment`: the equipment a technician scanned, linked to the job's
// service location in one transaction (the contract: packages/contracts/src/jobEquipment.ts).
import { EQUIPMENT_TYPES, montrealToday, otherClientSerialMessage, type LinkJobEquipmentArgs } from '@gigafibre/contracts';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound, validationError } from '../errors';

function text(params: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw new FrappeError('MandatoryError', `Paramètre ${key} requis`);
    return undefined;
  }
  if (typeof value !== 'string') throw new FrappeError('FrappeTypeError', `Paramètre ${key} : texte attendu`);
  return value.trim();
}

function readArgs(params: Record<string, unknown>): LinkJobEquipmentArgs {
  const type = text(params, 'equipment_type', true) as string;
  if (!(EQUIPMENT_TYPES as readonly string[]).includes(type)) throw validationError(`Type d’équipement inconnu : ${type} (attendu : ${EQUIPMENT_TYPES.join(', ')})`);
  const serial = text(params, 'serial_no', true) as string;
  if (serial === '') throw new FrappeError('MandatoryError', 'Paramètre serial_no requis');
  return {
    job: text(params, 'job', true) as string,
    serial_no: serial,
    equipment_type: type as LinkJobEquipmentArgs['equipment_type'],
    mac_address: text(params, 'mac_address', false),
    model: text(params, 'model', false),
    manufacturer: text(params, 'manufacturer', false),
  };
}

/** Links (creates or moves within the client) the unit; answers the Service Equipment row. */
export function linkJobEquipment(store: DocStore, params: Record<string, unknown>, user: string | null, now: Date): Row {
  const args = readArgs(params);
  return store.db.transaction(() => {
    const job = store.get('Dispatch Job', args.job);
    if (!job) throw notFound('Dispatch Job', args.job);
    if (user) {
      const tech = store.db.prepare('SELECT name FROM "tabTechnician" WHERE user = ?').get(user) as { name: string } | undefined;
      if (tech && job.technician !== tech.name) throw new FrappeError('PermissionError', `L’intervention ${args.job} est assignée à un autre technicien`);
    }
    const location = String(job.service_location);
    const installedOn = montrealToday(now);
    const details = {
      equipment_type: args.equipment_type,
      ...(args.mac_address ? { mac_address: args.mac_address } : {}),
      ...(args.model ? { model: args.model } : {}),
      ...(args.manufacturer ? { manufacturer: args.manufacturer } : {}),
    };
    const existing = store.db.prepare('SELECT name, customer, service_location, dispatch_job, status FROM "tabService Equipment" WHERE serial_no = ?').get(args.serial_no) as
      | { name: string; customer: string | null; service_location: string; dispatch_job: string | null; status: string | null }
      | undefined;
    if (!existing) {
      return store.insert('Service Equipment', { service_location: location, serial_no: args.serial_no, status: 'Active', installed_on: installedOn, dispatch_job: args.job, ...details }, user);
    }
    if (existing.customer !== job.customer) throw new FrappeError('DuplicateEntryError', otherClientSerialMessage(args.serial_no));
    // Already linked by this job (a retry without a key, a second scan): nothing to write.
    if (existing.service_location === location && existing.dispatch_job === args.job && existing.status === 'Active') return store.get('Service Equipment', existing.name) as Row;
    // ERPNext sets the customer from the location (never written here, as the phone never wrote it).
    return store.update('Service Equipment', existing.name, { service_location: location, dispatch_job: args.job, status: 'Active', installed_on: installedOn, ...details }, user);
  })();
}
