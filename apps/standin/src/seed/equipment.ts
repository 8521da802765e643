// Equipment at each location (ONT always; a router unless the ONT is one; 0–3 mesh nodes)
// and the GenieACS profile of each managed device, with a realistic spread of health.
import { acsDeviceId, MODELS, type DeviceProfile, type MeshNodeProfile, type ModelName } from '../hub/devices/profile';
import { stampAt, type SeedContext } from './context';
import type { SeededCustomer, SeededLocation } from './customers';
import type { FixtureDevice } from './fixtures';
import type { Rng } from './prng';

const ADMIN = 'Administrator';

interface Counters {
  equipment: number;
  nokiaMac: number;
  tplinkMac: number;
  serials: Set<string>;
}

const macOf = (prefix: string, n: number) => `${prefix}:${[16, 8, 0].map((s) => ((n >> s) & 0xff).toString(16).padStart(2, '0').toUpperCase()).join(':')}`;

function newDevice(rng: Rng, c: Counters, model: ModelName): FixtureDevice {
  const nokia = MODELS[model].manufacturer === 'Nokia';
  let serial: string;
  do serial = nokia ? `ALCL${rng.hex(8)}` : `22${rng.digits(11)}`;
  while (c.serials.has(serial));
  c.serials.add(serial);
  const mac = nokia ? macOf('A4:E3:1B', c.nokiaMac++) : macOf('E8:48:B8', c.tplinkMac++);
  return { serial, model, mac };
}

/** Received power (thousandths of a dBm): mostly healthy, some marginal, some bad either way. */
function rxLevel(rng: Rng): number | null {
  return rng.weighted([
    [rng.int(-23000, -12000), 85],
    [rng.int(-27000, -25001), 8],
    [rng.int(-31000, -27001), 4],
    [rng.int(-7900, -5000), 1],
    [null, 2],
  ] as const);
}

interface Health {
  informs: boolean;
  lastInform: Date;
}

function profileFor(ctx: SeedContext, rng: Rng, dev: FixtureDevice, health: Health, rxMilli: number | null, meshNodes: MeshNodeProfile[], ssid: string): DeviceProfile {
  const m = MODELS[dev.model as ModelName];
  const interval = rng.int(60, 240);
  const lastInform = health.informs ? new Date(ctx.now.getTime() - rng.int(0, interval - 1) * 1000) : health.lastInform;
  const router = m.role !== 'ont';
  return {
    id: acsDeviceId(m.oui, dev.model, dev.serial),
    serial: dev.serial,
    mac: dev.mac,
    oui: m.oui,
    manufacturer: m.manufacturer,
    productClass: dev.model,
    firmware: m.firmware,
    hardwareVersion: m.hardware,
    role: m.role,
    rxMilli: m.role === 'router' ? null : rxMilli,
    txMilli: m.role === 'router' ? null : m.ponMbps > 5000 ? rng.int(4000, 8000) : rng.int(1500, 4500),
    ponMbps: m.ponMbps,
    informs: health.informs,
    informIntervalSec: interval,
    lastInform: lastInform.toISOString(),
    bootedAt: new Date(lastInform.getTime() - rng.int(3600, 40 * 86400) * 1000).toISOString(),
    wanIp: router ? `${rng.pick(['198.51.100', '203.0.113'])}.${rng.int(2, 254)}` : null,
    lanPorts: m.role === 'ont-router' ? 4 : m.role === 'router' ? 2 : 1,
    lanPortsUp: m.role === 'ont' ? 1 : rng.int(0, 2),
    wifi: router ? { ssid, channel24: rng.pick([1, 6, 11]), channel5: rng.pick([36, 44, 149, 157]), clientSeed: rng.int(1, 2 ** 31), clientCount: rng.int(2, 12) } : null,
    mesh: router ? meshNodes : [],
  };
}

export function seedEquipment(ctx: SeedContext, customers: SeededCustomer[]): void {
  const rng = ctx.rng.fork('equipment');
  const c: Counters = { equipment: 0, nokiaMac: 0xc00000, tplinkMac: 0xc00000, serials: new Set() };
  const insertDevice = ctx.db.prepare('INSERT INTO acs_devices (id, serial, profile, doc) VALUES (?, ?, ?, NULL)');
  const insertMesh = ctx.db.prepare('INSERT INTO acs_mesh_serials (serial, device_id) VALUES (?, ?)');

  const insertEquipment = ctx.inserter('Service Equipment', ['service_location', 'customer', 'equipment_type', 'manufacturer', 'model', 'serial_no', 'mac_address', 'status', 'installed_on']);
  const addEquipment = (loc: SeededLocation, type: string, dev: FixtureDevice, retired: boolean) => {
    const name = `EQ-${String(++c.equipment).padStart(6, '0')}`;
    const stamp = stampAt(loc.since, 9 * 60 + (c.equipment % 480));
    const maker = MODELS[dev.model as ModelName].manufacturer;
    insertEquipment([name, ADMIN, stamp, stamp, ADMIN, loc.name, loc.customer, type, maker, dev.model, dev.serial, dev.mac, retired ? 'Returned' : 'Active', loc.since]);
  };

  for (const customer of customers) {
    for (const loc of customer.locations) {
      const f = loc.fixture;
      const fast = loc.plan.endsWith('3G');
      const ontModel: ModelName = fast ? 'XS-010X-Q' : rng.chance(0.3) ? 'XX230v' : 'G-010G-Q';
      const ont = f?.ont ?? newDevice(rng, c, ontModel);
      const router = f ? f.router : MODELS[ontModel].role === 'ont-router' ? undefined : newDevice(rng, c, 'Deco X55');
      const meshCount = f ? (f.mesh?.length ?? 0) : rng.weighted([[0, 50], [1, 30], [2, 15], [3, 5]] as const);
      const mesh = f?.mesh ?? Array.from({ length: meshCount }, () => ({ ...newDevice(rng, c, 'Deco X20'), backhaul: rng.chance(0.3) ? ('wired' as const) : ('wireless' as const) }));

      addEquipment(loc, 'ONT', ont, customer.terminated);
      if (router) addEquipment(loc, 'Router', router, customer.terminated);
      for (const node of mesh) addEquipment(loc, 'Mesh Node', node, customer.terminated);
      if (customer.terminated) continue;

      // Outages take the whole location down most of the time (a power cut), sometimes one box.
      const offlineHours = f ? f.offlineHours : rng.chance(0.05) ? rng.int(1, 72) : undefined;
      const down: Health = { informs: false, lastInform: new Date(ctx.now.getTime() - (offlineHours ?? 0) * 3600_000 - rng.int(0, 1800) * 1000) };
      const up: Health = { informs: true, lastInform: ctx.now };
      const ontHealth = offlineHours !== undefined ? down : up;
      const routerHealth = offlineHours !== undefined && (f || rng.chance(0.7)) ? down : up;
      const ssid = `${loc.customerName.split(' ').pop()?.replace(/[^A-Za-zÀ-ÿ]/g, '') || 'Maison'}-${rng.hex(4)}`;
      const meshProfiles: MeshNodeProfile[] = mesh.map((node) => ({
        serial: node.serial,
        mac: node.mac,
        model: node.model,
        backhaul: node.backhaul,
        rcpi: f ? 102 : Math.round((rng.int(-74, -52) + 110) * 2),
        online: f ? true : !rng.chance(0.05),
      }));
      const rx = f ? Math.round(f.rxDbm * 1000) : rxLevel(rng);
      const ontInAcs = f ? f.ontInAcs : !rng.chance(0.02);
      const routerIsOnt = !router;
      if (ontInAcs) {
        const p = profileFor(ctx, rng, ont, ontHealth, rx, routerIsOnt ? meshProfiles : [], ssid);
        insertDevice.run(p.id, p.serial, JSON.stringify(p));
        if (routerIsOnt) for (const node of mesh) insertMesh.run(node.serial, p.id);
      }
      if (router) {
        const p = profileFor(ctx, rng, router, routerHealth, null, meshProfiles, ssid);
        insertDevice.run(p.id, p.serial, JSON.stringify(p));
        for (const node of mesh) insertMesh.run(node.serial, p.id);
      }
    }
  }
}
