// What the seed decides about a CPE; the GenieACS document is built from it on first access
// (50,000 customers' full data models would not fit in a minute of seeding).
import { Rng } from '../../seed/prng';

export interface WifiClientProfile {
  mac: string;
  hostName: string;
  band: '2.4GHz' | '5GHz';
  signalDbm: number;
  downKbps: number;
  upKbps: number;
}

export interface MeshNodeProfile {
  serial: string;
  mac: string;
  model: string;
  backhaul: 'wired' | 'wireless';
  /** Backhaul RCPI (0–220), as TR-181 DataElements report it. */
  rcpi: number;
  online: boolean;
}

export interface DeviceProfile {
  id: string;
  serial: string;
  mac: string;
  oui: string;
  manufacturer: string;
  productClass: string;
  firmware: string;
  hardwareVersion: string;
  /** `ont`: optical only; `router`: Wi-Fi only; `ont-router`: both (XX230v). */
  role: 'ont' | 'router' | 'ont-router';
  /** Optical Rx/Tx in thousandths of a dBm (TR-181 units); null = no reading. */
  rxMilli: number | null;
  txMilli: number | null;
  /** PON line rate. */
  ponMbps: number;
  /** Keeps informing (online) or stopped at `lastInform`. */
  informs: boolean;
  informIntervalSec: number;
  /** ISO: last inform the seed knows of. */
  lastInform: string;
  /** ISO: when the device last booted. */
  bootedAt: string;
  wanIp: string | null;
  lanPortsUp: number;
  lanPorts: number;
  /** Associated stations are generated from `clientSeed` (keeps profiles small). */
  /** `hostNames` replaces the generated stations' host names, in order (seed/hostileText.ts). */
  wifi: { ssid: string; channel24: number; channel5: number; clientSeed: number; clientCount: number; hostNames?: string[] } | null;
  mesh: MeshNodeProfile[];
}

/** GenieACS escapes every character but alphanumerics and `_` in device ids. */
export function acsEscape(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, (ch) =>
    [...Buffer.from(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** GenieACS `_id`: `OUI-ProductClass-Serial`. */
export function acsDeviceId(oui: string, productClass: string, serial: string): string {
  return `${acsEscape(oui)}-${acsEscape(productClass)}-${acsEscape(serial)}`;
}

/** Catalogue of the CPE models Gigafibre installs. */
export const MODELS = {
  'G-010G-Q': { manufacturer: 'Nokia', oui: 'A4E31B', firmware: '3FE49362IJHK46', hardware: '3FE49331AAAA', role: 'ont', ponMbps: 2488 },
  'XS-010X-Q': { manufacturer: 'Nokia', oui: 'A4E31B', firmware: '3FE49568IJLJ07', hardware: '3FE49565AAAB', role: 'ont', ponMbps: 9953 },
  XX230v: { manufacturer: 'TP-Link', oui: 'E848B8', firmware: '1.2.6 Build 20240318 rel.41827(5553)', hardware: 'XX230v 1.0', role: 'ont-router', ponMbps: 2488 },
  'Deco X55': { manufacturer: 'TP-Link', oui: 'E848B8', firmware: '1.3.0 Build 20231115 Rel. 37814', hardware: 'Deco X55 1.0', role: 'router', ponMbps: 0 },
  'Deco X20': { manufacturer: 'TP-Link', oui: 'E848B8', firmware: '1.3.2 Build 20240110 Rel. 51006', hardware: 'Deco X20 4.0', role: 'router', ponMbps: 0 },
} as const;

export type ModelName = keyof typeof MODELS;

const HOSTS = ['iPhone', 'iPad', 'Galaxy-S23', 'Pixel-8', 'MacBook-Air', 'ThinkPad-X1', 'Roku-Salon', 'Chromecast', 'PS5', 'Xbox',
  'HP-LaserJet', 'Nest-Thermostat', 'Echo-Cuisine', 'Apple-TV', 'Switch', 'Surface-Pro', 'Ring-Sonnette', 'Bureau-PC'];

/** The stations associated with a router, deterministic from its profile. */
export function wifiClients(seed: number, count: number): WifiClientProfile[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const band = rng.chance(0.6) ? '5GHz' : '2.4GHz';
    const signalDbm = rng.weighted([[rng.int(-60, -35), 6], [rng.int(-72, -61), 3], [rng.int(-88, -73), 1]] as const);
    const fast = band === '5GHz';
    return {
      mac: Array.from({ length: 6 }, (_, k) => (k === 0 ? '02' : rng.hex(2))).join(':'),
      hostName: `${rng.pick(HOSTS)}${rng.chance(0.3) ? `-${i + 1}` : ''}`,
      band,
      signalDbm,
      downKbps: fast ? rng.int(150_000, 1_200_000) : rng.int(20_000, 144_000),
      upKbps: fast ? rng.int(100_000, 900_000) : rng.int(10_000, 72_000),
    };
  });
}
