// `GET /devices/lookup?serial=X` and `POST /devices/<id>/tasks[?connection_request]`.
import { readBody } from '../../http/body';
import { sendJson } from '../../http/respond';
import type { Ctx } from '../../http/router';
import { HubError } from '../errors';
import { consolidate } from './consolidate';
import type { DocStore } from '../../erp/docs/store';
import { opsUser } from '../opsUser';
import type { DeviceStore, TaskRecord } from './store';
import { recordDeviceTask } from './taskComment';

const SERIAL_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;
const OBJECT_RE = /^Device(\.[A-Za-z0-9_]+)*\.?$/;
const TASKS: readonly TaskRecord['name'][] = ['refreshObject', 'reboot', 'factoryReset'];

export function lookupDevice(devices: DeviceStore, now: () => Date) {
  return ({ res, query }: Ctx): void => {
    const serials = query.getAll('serial');
    if (serials.length !== 1 || !serials[0]?.trim()) throw new HubError(400, 'Paramètre serial requis (un seul)');
    const serial = serials[0].trim().toUpperCase();
    if (!SERIAL_RE.test(serial)) throw new HubError(400, `Numéro de série invalide : ${serials[0]}`);
    const id = devices.idForSerial(serial);
    const doc = id ? devices.document(id) : undefined;
    if (!doc) throw new HubError(404, `Appareil inconnu de l’ACS : ${serial}`);
    sendJson(res, 200, consolidate(doc, now()));
  };
}

export function deviceTask(devices: DeviceStore, docs: DocStore) {
  return async (ctx: Ctx): Promise<void> => {
    const { req, res, params, query } = ctx;
    const raw = (await readBody(req, 16 * 1024)).toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new HubError(400, 'Corps JSON invalide');
    }
    const { name, objectName } = (typeof body === 'object' && body !== null ? body : {}) as { name?: unknown; objectName?: unknown };
    if (typeof name !== 'string' || !(TASKS as readonly string[]).includes(name)) {
      throw new HubError(400, `Tâche inconnue : ${String(name)} (attendu : ${TASKS.join(', ')})`);
    }
    if (objectName !== undefined && (typeof objectName !== 'string' || !OBJECT_RE.test(objectName))) {
      throw new HubError(400, `objectName invalide : ${String(objectName)}`);
    }
    const result = devices.task(params.id as string, name as TaskRecord['name'], objectName as string | undefined, query.has('connection_request'));
    if (!result) throw new HubError(404, `Appareil introuvable : ${params.id as string}`);
    recordDeviceTask(docs, devices.serialOf(params.id as string), result, opsUser(ctx));
    // The DeviceTaskResult shape; factoryReset is accepted too, as GenieACS does.
    sendJson(res, result.status === 'done' ? 200 : 202, result);
  };
}
