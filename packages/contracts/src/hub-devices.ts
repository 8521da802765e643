/** GPON optical level band of an ONT's received power. */
export type OpticalBand = 'good' | 'marginal' | 'bad';

/** One optical interface of an ONT, levels already converted to dBm by the hub. */
export interface OpticalStatus {
  interface: string;
  rxPowerDbm: number | null;
  txPowerDbm: number | null;
  status: OpticalBand | 'unknown';
}

/** Identity and liveness of a CPE as GenieACS knows it. */
export interface DeviceIdentity {
  /** GenieACS `_id`: `OUI-ProductClass-Serial`. */
  id: string;
  serial: string;
  mac: string | null;
  manufacturer: string;
  oui: string;
  productClass: string;
  model: string;
  firmware: string;
  hardwareVersion: string | null;
  uptimeSeconds: number | null;
  /** ISO 8601. */
  lastInform: string;
  /** Last inform under 5 minutes ago. */
  online: boolean;
}

/** A WAN or LAN interface. */
export interface DeviceInterface {
  name: string;
  kind: 'wan' | 'lan';
  status: 'up' | 'down';
  speedMbps: number | null;
  ipAddress: string | null;
}

/** One radio with its SSIDs. */
export interface WifiRadio {
  band: '2.4GHz' | '5GHz' | '6GHz';
  channel: number | null;
  ssids: { ssid: string; enabled: boolean }[];
}

/** A station associated with the CPE's Wi-Fi. */
export interface WifiClient {
  mac: string;
  hostName: string | null;
  band: '2.4GHz' | '5GHz' | '6GHz';
  signalDbm: number | null;
  rxRateMbps: number | null;
  txRateMbps: number | null;
}

/** A mesh node; the tree is given by `parentId` (null for the main router). */
export interface MeshNode {
  id: string;
  name: string;
  serial: string | null;
  model: string | null;
  parentId: string | null;
  backhaul: 'wired' | 'wireless' | null;
  /** 0–100, wireless backhaul only. */
  qualityPercent: number | null;
  online: boolean;
}

/** `GET /devices/lookup?serial=X` answer: the hub's consolidation of GenieACS (and the OLT). */
export interface DeviceLookup {
  device: DeviceIdentity;
  interfaces: DeviceInterface[];
  wifi: { radios: WifiRadio[]; clients: WifiClient[] };
  mesh: { nodes: MeshNode[] };
  opticalStatus: OpticalStatus[];
}

/** A GenieACS task the ops app may ask for. */
export type DeviceTaskName = 'refreshObject' | 'reboot';

/** `POST /devices/<id>/tasks?connection_request` body. */
export interface DeviceTaskRequest {
  name: DeviceTaskName;
  /** refreshObject only; defaults to the whole data model root. */
  objectName?: string;
}

/** The hub's answer to a task: GenieACS 200 → done, 202 → queued (the device did not answer the connection request). */
export interface DeviceTaskResult {
  status: 'done' | 'queued';
  task: { _id: string; name: DeviceTaskName; device: string; timestamp: string };
}

/**
 * The hub records each task a person asks for in ERPNext, where the client's history lives (the
 * server log is no history a CSR can read): a Comment of type `Info` on the client (Frappe's
 * `doc.add_comment("Info", …)`), written as the `X-Ops-User` who asked, whose `content` is this
 * text naming the device. A device that no Service Equipment holds is recorded nowhere.
 */
export function deviceTaskNote(name: DeviceTaskName | 'factoryReset', device: { equipment_type: string | null; serial_no: string | null }, status: DeviceTaskResult['status']): string {
  const what = { reboot: 'Redémarrage', refreshObject: 'Actualisation des données', factoryReset: 'Réinitialisation d’usine' }[name];
  const which = [device.equipment_type, device.serial_no].filter(Boolean).join(' ');
  return `${what} de l’appareil ${which} ${status === 'done' ? '(fait)' : '(en attente : l’appareil n’a pas répondu)'}`;
}
