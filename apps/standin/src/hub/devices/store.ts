// GenieACS's side of the hub: device documents (materialised from their seed profile on first use),
// periodic informs simulated lazily, and tasks with GenieACS's done/queued semantics.
import { randomBytes } from 'node:crypto';
import type { DeviceTaskName } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { buildAcsDoc, isParam, nodeAt, type AcsDeviceDoc, type AcsNode } from './genieacs-doc';
import type { DeviceProfile } from './profile';

export interface TaskRecord {
  _id: string;
  name: DeviceTaskName | 'factoryReset';
  device: string;
  timestamp: string;
  objectName?: string;
}

interface Loaded {
  profile: DeviceProfile;
  doc: AcsDeviceDoc;
}

/** GenieACS-style 24-hex task id. */
const objectId = () => randomBytes(12).toString('hex');

function touch(node: unknown, ts: string, jitter: (key: string, value: number) => number): void {
  if (typeof node !== 'object' || node === null) return;
  const rec = node as Record<string, unknown>;
  if (isParam(rec)) {
    rec._timestamp = ts;
    return;
  }
  if ('_timestamp' in rec) rec._timestamp = ts;
  for (const [key, child] of Object.entries(rec)) {
    if (isParam(child)) {
      child._timestamp = ts;
      if (typeof child._value === 'number') child._value = jitter(key, child._value);
    } else if (typeof child === 'object') touch(child, ts, jitter);
  }
}

/** Small, realistic drift between two readings. */
function drift(key: string, value: number): number {
  if (key === 'OpticalSignalLevel' || key === 'TransmitOpticalLevel') return value === 0 ? 0 : value + Math.round((Math.random() - 0.5) * 200);
  if (key === 'SignalStrength' && value < 0) return Math.max(-95, Math.min(-25, value + Math.round((Math.random() - 0.5) * 4)));
  return value;
}

export class DeviceStore {
  private readonly bySerial;
  private readonly byMesh;
  private readonly byId;
  private readonly save;
  private readonly insertTask;
  private readonly dueTasks;
  private readonly deleteTask;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.bySerial = db.prepare('SELECT id FROM acs_devices WHERE serial = ?');
    this.byMesh = db.prepare('SELECT device_id AS id FROM acs_mesh_serials WHERE serial = ?');
    this.byId = db.prepare('SELECT profile, doc FROM acs_devices WHERE id = ?');
    this.save = db.prepare('UPDATE acs_devices SET profile = ?, doc = ? WHERE id = ?');
    this.insertTask = db.prepare('INSERT INTO acs_tasks (id, device, name, object_name, timestamp) VALUES (?, ?, ?, ?, ?)');
    this.dueTasks = db.prepare('SELECT id, name, object_name AS objectName, timestamp FROM acs_tasks WHERE device = ? AND timestamp <= ? ORDER BY timestamp');
    this.deleteTask = db.prepare('DELETE FROM acs_tasks WHERE id = ?');
  }

  /** The device id for a serial: the device's own, or the router a mesh node belongs to. */
  idForSerial(serial: string): string | undefined {
    const row = (this.bySerial.get(serial) ?? this.byMesh.get(serial)) as { id: string } | undefined;
    return row?.id;
  }

  /** The device's own serial number (a Service Equipment's `serial_no` in ERPNext), or undefined. */
  serialOf(id: string): string | undefined {
    const row = this.byId.get(id) as { profile: string } | undefined;
    return row ? (JSON.parse(row.profile) as DeviceProfile).serial : undefined;
  }

  /** The device's current document, or undefined when GenieACS does not know it. */
  document(id: string): AcsDeviceDoc | undefined {
    return this.load(id)?.doc;
  }

  /**
   * Queues a task and, with `connectionRequest` and an online device, runs it at once (200 done);
   * otherwise it waits for the next inform (202 queued).
   */
  task(id: string, name: TaskRecord['name'], objectName: string | undefined, connectionRequest: boolean): { status: 'done' | 'queued'; task: TaskRecord } | undefined {
    return this.db.transaction(() => {
      const loaded = this.load(id);
      if (!loaded) return undefined;
      const now = this.now();
      const task: TaskRecord = { _id: objectId(), name, device: id, timestamp: now.toISOString(), ...(objectName ? { objectName } : {}) };
      const reachable = connectionRequest && loaded.profile.informs;
      if (reachable) {
        this.apply(loaded, task, now);
        this.persist(loaded);
        return { status: 'done' as const, task };
      }
      this.insertTask.run(task._id, id, name, objectName ?? null, task.timestamp);
      return { status: 'queued' as const, task };
    })();
  }

  private load(id: string): Loaded | undefined {
    const row = this.byId.get(id) as { profile: string; doc: string | null } | undefined;
    if (!row) return undefined;
    const profile = JSON.parse(row.profile) as DeviceProfile;
    const loaded: Loaded = { profile, doc: row.doc ? (JSON.parse(row.doc) as AcsDeviceDoc) : buildAcsDoc(profile, new Date(profile.lastInform)) };
    if (this.catchUp(loaded) || !row.doc) this.persist(loaded);
    return loaded;
  }

  /** Periodic informs since the last one we recorded (and the tasks they pick up). True when anything changed. */
  private catchUp(loaded: Loaded): boolean {
    const { profile, doc } = loaded;
    if (!profile.informs) return false;
    const now = this.now().getTime();
    const last = Date.parse(doc._lastInform);
    const period = profile.informIntervalSec * 1000;
    if (now - last < period) return false;
    const inform = new Date(last + Math.floor((now - last) / period) * period);
    for (const t of this.dueTasks.all(doc._id, inform.toISOString()) as { id: string; name: TaskRecord['name']; objectName: string | null; timestamp: string }[]) {
      this.apply(loaded, { _id: t.id, name: t.name, device: doc._id, timestamp: t.timestamp, ...(t.objectName ? { objectName: t.objectName } : {}) }, inform);
      this.deleteTask.run(t.id);
    }
    this.informAt(loaded, inform);
    return true;
  }

  private informAt({ profile, doc }: Loaded, at: Date): void {
    doc._lastInform = at.toISOString();
    const uptime = nodeAt(doc, 'Device.DeviceInfo.UpTime');
    if (isParam(uptime)) {
      uptime._value = Math.max(0, Math.floor((at.getTime() - Date.parse(profile.bootedAt)) / 1000));
      uptime._timestamp = doc._lastInform;
    }
  }

  private apply(loaded: Loaded, task: TaskRecord, at: Date): void {
    if (task.name === 'reboot' || task.name === 'factoryReset') {
      loaded.profile.bootedAt = at.toISOString();
    } else {
      const path = task.objectName?.replace(/\.$/, '') || 'Device';
      const target = path === 'Device' ? loaded.doc.Device : nodeAt(loaded.doc, path);
      touch(target as AcsNode | undefined, at.toISOString(), drift);
    }
    this.informAt(loaded, at);
  }

  private persist({ profile, doc }: Loaded): void {
    this.save.run(JSON.stringify(profile), JSON.stringify(doc), doc._id);
  }
}
