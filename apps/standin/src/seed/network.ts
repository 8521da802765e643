// The access network the hub knows: a zone per region, OLTs per city, PON ports per OLT, every ONT
// (every location's, terminated ones too) on one PON port, and the Uptime-Kuma monitor watching
// each element. Filled in location order, so the same customers always share a port.
import type { NetworkElementKind } from '@gigafibre/contracts';
import type { SeedContext } from './context';

/** ONTs on one PON port (a 1:64 split, GPON's largest). */
export const ONTS_PER_PON = 64;
/** PON ports per OLT: 3 line cards of 16 (an OLT down takes ~3,000 ONTs with it). */
export const PONS_PER_OLT = 48;
const PORTS_PER_CARD = 16;

/** Uptime-Kuma monitor ids of the seeded mapping: zones from 1, OLTs from 101, PON ports from 10001. */
export const MONITOR_BASE = { zone: 1, olt: 101, pon: 10_001 } as const;

/** `Montréal` → `MON`, `Saint-Jérôme` → `SJ`, `Rive-Sud` → `RS`: short, unique among the seed's places. */
export function placeCode(place: string): string {
  const words = place
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  return words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? 'X').slice(0, 3);
}

interface OntRow {
  serial_no: string;
  city: string | null;
  territory: string | null;
}

export interface SeededNetwork {
  elements: number;
  onts: number;
  monitors: number;
}

export function seedNetwork(ctx: SeedContext): SeededNetwork {
  const db = ctx.db;
  const insertElement = db.prepare('INSERT INTO net_elements (id, kind, name, parent, zone) VALUES (?, ?, ?, ?, ?)');
  const insertOnt = db.prepare('INSERT INTO net_onts (serial, pon) VALUES (?, ?)');
  const insertMonitor = db.prepare('INSERT INTO net_monitors (monitor_id, element) VALUES (?, ?)');
  const counts = { elements: 0, onts: 0, monitors: 0 };
  const nextMonitor: Record<NetworkElementKind, number> = { ...MONITOR_BASE };
  const element = (id: string, kind: NetworkElementKind, name: string, parent: string | null, zone: string) => {
    insertElement.run(id, kind, name, parent, zone);
    insertMonitor.run(nextMonitor[kind]++, id);
    counts.elements++;
    counts.monitors++;
  };

  const rows = db
    .prepare(
      `SELECT e.serial_no, l.city, l.territory FROM "tabService Equipment" e JOIN "tabService Location" l ON l.name = e.service_location
       WHERE e.equipment_type = 'ONT' ORDER BY l.territory, l.city, l.name, e.name`,
    )
    .all() as OntRow[];
  const zones = new Set<string>();
  let city: string | null = null;
  let oltIndex = 0;
  let olt = '';
  let inCity = 0;
  for (const row of rows) {
    const region = row.territory ?? 'Montréal';
    const zone = `ZONE-${placeCode(region)}`;
    if (!zones.has(zone)) {
      zones.add(zone);
      element(zone, 'zone', `Zone ${region}`, null, zone);
    }
    const place = row.city ?? region;
    if (place !== city) {
      city = place;
      oltIndex = 0;
      inCity = 0;
    }
    const slot = inCity % (ONTS_PER_PON * PONS_PER_OLT);
    if (slot === 0) {
      oltIndex++;
      olt = `OLT-${placeCode(place)}-${String(oltIndex).padStart(2, '0')}`;
      element(olt, 'olt', `OLT ${place} ${String(oltIndex).padStart(2, '0')}`, zone, zone);
    }
    const port = Math.floor(slot / ONTS_PER_PON);
    const card = Math.floor(port / PORTS_PER_CARD) + 1;
    const pon = `${olt}/${card}/${(port % PORTS_PER_CARD) + 1}`;
    if (slot % ONTS_PER_PON === 0) element(pon, 'pon', `OLT ${place} ${String(oltIndex).padStart(2, '0')} · PON ${card}/${(port % PORTS_PER_CARD) + 1}`, olt, zone);
    insertOnt.run(row.serial_no, pon);
    counts.onts++;
    inCity++;
  }
  return counts;
}
